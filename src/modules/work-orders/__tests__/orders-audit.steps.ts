import { OUTLET_A, OUTLET_B } from '../../../../test/harness.ts';
import type { Harness } from '../../../../test/harness.ts';
import type { AuditState, AuditStep } from '../../../../test/audit-steps.ts';
import { adminRequest, versionAt } from '../../../../test/audit-steps.ts';
import { appoint } from './orders-fixtures.ts';

const order = (s: AuditState, key: string) => `/api/work-orders/${s.ids[key]}`;

/** Admin calls an order action with the version it just read. */
async function act(
  h: Harness,
  s: AuditState,
  key: string,
  action: string,
  body: Record<string, unknown> = {},
) {
  const version = await versionAt(h, s, order(s, key));
  const r = await adminRequest(h, s, 'POST', `${order(s, key)}/${action}`, { version, ...body });
  return { status: r.statusCode, entityId: s.ids[key]! };
}

async function newOrder(h: Harness, s: AuditState, over: Record<string, unknown> = {}): Promise<string> {
  const r = await adminRequest(h, s, 'POST', '/api/work-orders', {
    customerId: s.ids.woCustomer,
    addressId: s.ids.woAddress,
    categoryCode: 'air_conditioner',
    orderType: 'repair',
    channel: 'hotline',
    serviceMode: 'on_site',
    faultDescription: '审计：空调不制冷',
    ...over,
  });
  if (r.statusCode !== 201) throw new Error(`audit order: ${r.statusCode} ${r.body}`);
  return r.json().id as string;
}

/** OUTLET_A covers 440106 for air-conditioner repairs and has a qualified engineer; a customer lives there. */
async function setUp(h: Harness, s: AuditState): Promise<void> {
  const version = await versionAt(h, s, `/api/outlets/${OUTLET_A}`);
  await adminRequest(h, s, 'PUT', `/api/outlets/${OUTLET_A}/coverage`, {
    version,
    regions: [{ regionCode: '440106', role: 'primary' }],
    services: [{ categoryCode: 'air_conditioner', serviceType: 'repair' }],
  });
  const engineer = await adminRequest(h, s, 'POST', '/api/engineers', {
    outletId: OUTLET_A,
    name: '审计空调师傅',
    phone: '13512349002',
    skills: [{ categoryCode: 'air_conditioner', level: 2 }],
  });
  s.ids.woEngineer = engineer.json().id as string;
  const customer = await adminRequest(h, s, 'POST', '/api/customers', {
    name: '审计工单用户',
    phones: [{ number: '13512349001', label: 'mobile' }],
    addresses: [{ regionCode: '440106', detail: '天河路9号' }],
  });
  s.ids.woCustomer = customer.json().id as string;
  s.ids.woAddress = customer.json().addresses[0].id as string;
}

/** Work orders' rows of the SEC-3 audit table: intake, proposal and every lifecycle route. */
export const ordersAuditSteps: AuditStep[] = [
  {
    route: 'POST /api/work-orders/proposal',
    entity: 'work_order_proposal',
    action: 'propose',
    run: async (h, s) => {
      await setUp(h, s);
      const r = await adminRequest(h, s, 'POST', '/api/work-orders/proposal', {
        customerId: s.ids.woCustomer,
        addressId: s.ids.woAddress,
        categoryCode: 'air_conditioner',
        orderType: 'repair',
        serviceMode: 'on_site',
      });
      return { status: r.statusCode, entityId: r.json().proposalId as string };
    },
  },
  {
    route: 'POST /api/work-orders',
    entity: 'work_order',
    action: 'create',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', '/api/work-orders', {
        customerId: s.ids.woCustomer,
        addressId: s.ids.woAddress,
        categoryCode: 'air_conditioner',
        orderType: 'repair',
        channel: 'hotline',
        serviceMode: 'on_site',
        faultDescription: '审计：空调不制冷',
      });
      s.ids.woOrder = r.json().id as string;
      return { status: r.statusCode, entityId: s.ids.woOrder! };
    },
  },
  {
    route: 'POST /api/work-orders/{id}/accept',
    entity: 'work_order',
    action: 'accepted',
    run: (h, s) => act(h, s, 'woOrder', 'accept'),
  },
  {
    route: 'POST /api/work-orders/{id}/assign',
    entity: 'work_order',
    action: 'assigned',
    run: (h, s) => act(h, s, 'woOrder', 'assign', { engineerId: s.ids.woEngineer }),
  },
  {
    route: 'POST /api/work-orders/{id}/start-visit',
    entity: 'work_order',
    action: 'visit_started',
    run: async (h, s) => {
      await appoint(h, s.ids.woOrder!);
      return act(h, s, 'woOrder', 'start-visit');
    },
  },
  {
    route: 'POST /api/work-orders/{id}/complete',
    entity: 'work_order',
    action: 'completed',
    run: (h, s) => act(h, s, 'woOrder', 'complete', { notes: '审计：更换电容' }),
  },
  {
    route: 'POST /api/work-orders/{id}/callbacks',
    entity: 'work_order',
    action: 'callback_recorded',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', `${order(s, 'woOrder')}/callbacks`, {
        reached: true,
        satisfied: true,
      });
      return { status: r.statusCode, entityId: s.ids.woOrder! };
    },
  },
  {
    route: 'POST /api/work-orders/{id}/close',
    entity: 'work_order',
    action: 'closed',
    run: (h, s) => act(h, s, 'woOrder', 'close', { basis: 'completed' }),
  },
  {
    route: 'POST /api/work-orders/{id}/redispatch',
    entity: 'work_order',
    action: 'redispatched',
    run: async (h, s) => {
      s.ids.woMoved = await newOrder(h, s);
      return act(h, s, 'woMoved', 'redispatch', { outletId: OUTLET_B, reasonCode: 'customer_request' });
    },
  },
  {
    route: 'POST /api/work-orders/{id}/cancel',
    entity: 'work_order',
    action: 'cancelled',
    run: (h, s) => act(h, s, 'woMoved', 'cancel', { reason: '审计：用户取消' }),
  },
  {
    route: 'POST /api/work-orders/{id}/receive-unit',
    entity: 'work_order',
    action: 'unit_received',
    run: async (h, s) => {
      s.ids.woCarryIn = await newOrder(h, s, { serviceMode: 'carry_in' });
      await act(h, s, 'woCarryIn', 'accept');
      await act(h, s, 'woCarryIn', 'assign', { engineerId: s.ids.woEngineer });
      return act(h, s, 'woCarryIn', 'receive-unit');
    },
  },
];
