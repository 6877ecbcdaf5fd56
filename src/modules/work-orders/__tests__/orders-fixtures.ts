import { expect } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { OUTLET_A } from '../../../../test/harness.ts';
import { systemContext } from '../../../platform/auth/actor.ts';
import { applyTransition } from '../order-store.ts';

export type Headers = Record<string, string>;

export const qualified = {
  licenceNumber: '91440101MA5ABCDE1X',
  licensedForRepair: true,
  hasPartsStore: true,
  technicianCount: 4,
  acceptsManagement: true,
  hasServiceSystem: true,
};

/** 天河 (440106, tier 1) where the customer lives and OUTLET_A sits; 博罗县 (441322) is a tier-3 county. */
export const TIANHE = { lat: 23.13, lng: 113.33 };

export interface OrderWorld {
  as: Record<string, Headers>;
  call: (
    who: string,
    method: string,
    url: string,
    payload?: unknown,
    headers?: Headers,
  ) => ReturnType<Harness['request']>;
  customerId: string;
  addressId: string;
  unitId: string;
  modelId: string;
  /** Two engineers of OUTLET_A qualified for air conditioners, one only for washing machines. */
  engineers: { first: string; second: string; washer: string };
  /** A second Guangzhou outlet covering 440106 (all air-conditioner services, like OUTLET_A), further away. */
  farOutletId: string;
  /** An active tier-3 outlet in 博罗县 that covers nothing (a re-dispatch target). */
  countyOutletId: string;
  /** Outlets covering 440106 that the proposal must reject: suspended; not authorised for repairs. */
  suspendedOutletId: string;
  installOnlyOutletId: string;
}

const roles = ['admin', 'agent', 'dispatcher', 'outlet', 'engineer', 'center', 'regional', 'callback'];

let seq = 0;

/**
 * Master data for order tests, all through the API: OUTLET_A covering 440106 for air conditioners, qualified
 * and located; engineers with skills; a model, a customer in 440106 and their unit; other outlets to rank.
 */
export async function orderWorld(h: Harness): Promise<OrderWorld> {
  const as: Record<string, Headers> = {};
  for (const r of roles) as[r] = await h.login(r);
  const call: OrderWorld['call'] = (who, method, url, payload, headers = {}) =>
    h.request({
      method: method as 'GET',
      url,
      headers: { ...as[who], ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  const ok = async (res: Awaited<ReturnType<Harness['request']>>, status: number) => {
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };
  const versionOf = async (id: string) =>
    ((await call('admin', 'GET', `/api/outlets/${id}`)).json() as { version: number }).version;
  const cover = async (id: string, services: { categoryCode: string; serviceType: string }[]) =>
    ok(
      await call('admin', 'PUT', `/api/outlets/${id}/coverage`, {
        version: await versionOf(id),
        regions: [{ regionCode: '440106', role: 'primary' }],
        services,
      }),
      200,
    );
  const newOutlet = async (over: Record<string, unknown>) => {
    seq++;
    const body = await ok(
      await call('admin', 'POST', '/api/outlets', {
        code: `WO-T-${String(seq).padStart(3, '0')}`,
        name: `工单测试网点 ${seq}`,
        type: 'after_sales_tier1',
        regionCode: '440106',
        status: 'active',
        qualification: qualified,
        ...over,
      }),
      201,
    );
    return body.id as string;
  };
  const acRepair = [
    ...['install', 'repair', 'maintenance', 'pickup_repair', 'return_exchange'].map((serviceType) => ({
      categoryCode: 'air_conditioner',
      serviceType,
    })),
    { categoryCode: 'refrigerator', serviceType: 'repair' },
  ];

  await ok(
    await call('admin', 'PATCH', `/api/outlets/${OUTLET_A}`, {
      version: await versionOf(OUTLET_A),
      status: 'active',
      qualification: qualified,
      lat: TIANHE.lat,
      lng: TIANHE.lng,
    }),
    200,
  );
  await cover(OUTLET_A, acRepair);
  const farOutletId = await newOutlet({ lat: 23.2, lng: 113.4 });
  await cover(farOutletId, acRepair);
  const suspendedOutletId = await newOutlet({ lat: TIANHE.lat, lng: TIANHE.lng });
  await cover(suspendedOutletId, acRepair);
  await ok(
    await call('admin', 'PATCH', `/api/outlets/${suspendedOutletId}`, {
      version: await versionOf(suspendedOutletId),
      status: 'suspended',
    }),
    200,
  );
  const installOnlyOutletId = await newOutlet({ lat: TIANHE.lat, lng: TIANHE.lng });
  await cover(installOnlyOutletId, [{ categoryCode: 'air_conditioner', serviceType: 'install' }]);
  const countyOutletId = await newOutlet({ regionCode: '441322', type: 'direct_signed' });

  const engineer = async (name: string, phone: string, categories: string[]) =>
    (
      await ok(
        await call('admin', 'POST', '/api/engineers', {
          outletId: OUTLET_A,
          name,
          phone,
          skills: categories.map((categoryCode) => ({ categoryCode, level: 2 })),
        }),
        201,
      )
    ).id as string;
  const engineers = {
    first: await engineer('李师傅', '13600000001', ['air_conditioner', 'refrigerator']),
    second: await engineer('王师傅', '13600000002', ['air_conditioner']),
    washer: await engineer('陈师傅', '13600000003', ['washing_machine']),
  };

  const model = await ok(
    await call('admin', 'POST', '/api/models', {
      code: `KFR-WO-${Date.now().toString(36).toUpperCase()}`,
      name: '挂式空调 KFR-35GW',
      categoryCode: 'air_conditioner',
      warrantyMonths: 12,
      keyPartsWarrantyMonths: 36,
      keyParts: ['压缩机'],
    }),
    201,
  );
  const customer = await ok(
    await call('agent', 'POST', '/api/customers', {
      name: '张三',
      phones: [{ number: '13812345678', label: 'mobile' }],
      addresses: [{ regionCode: '440106', detail: '天河路385号太古汇2座1201', lat: 23.131, lng: 113.331 }],
    }),
    201,
  );
  const addressId = customer.addresses[0].id as string;
  const unit = await ok(
    await call('agent', 'POST', '/api/units', {
      serialNumber: `KFR35GW-${Date.now().toString(36).toUpperCase()}`,
      modelId: model.id,
      customerId: customer.id,
      addressId,
      purchaseDate: '2026-06-01',
      salesChannel: 'mall',
    }),
    201,
  );
  return {
    as,
    call,
    customerId: customer.id,
    addressId,
    unitId: unit.id,
    modelId: model.id,
    engineers,
    farOutletId,
    countyOutletId,
    suspendedOutletId,
    installOnlyOutletId,
  };
}

/** The intake body of a standard air-conditioner repair on site, for the world's customer and unit. */
export const repairOrder = (w: OrderWorld, over: Record<string, unknown> = {}) => ({
  customerId: w.customerId,
  addressId: w.addressId,
  unitId: w.unitId,
  orderType: 'repair',
  channel: 'hotline',
  serviceMode: 'on_site',
  faultDescription: '空调不制冷，外机不转',
  ...over,
});

/**
 * Agreeing the window is field work (appointments); tests that need an appointed order take the step through
 * the order store and the same state machine, as the appointment route will.
 */
export async function appoint(h: Harness, orderId: string): Promise<void> {
  await h.services.workOrders.store.mutate(
    systemContext(h.clock.now()),
    orderId,
    'order.field',
    undefined,
    async (order) => ({
      patch: { status: applyTransition(order, { type: 'appoint' }).status },
      event: { type: 'appointed', data: { fixture: true } },
    }),
  );
}

/** Moves the clock so that each step has its own instant and the timeline order is the order of the steps. */
export const tick = (h: Harness, minutes = 5) => h.clock.advance(minutes * 60_000);
