import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, DEMO_PASSWORD, OUTLET_A } from '../../../../test/harness.ts';
import type { OrderDetail } from '../order-view.ts';
import { createCustomer, insertOrder } from './field-fixtures.ts';
import type { OrderWorld } from './orders-fixtures.ts';
import { orderWorld, repairOrder, tick } from './orders-fixtures.ts';

interface HistoryLine {
  id: string;
  number: string;
  status: string;
  orderType: string;
  serviceMode: string;
  unitId: string | null;
  createdAt: string;
  closedAt: string | null;
  outletName: string | null;
}
interface WithHistory {
  id: string;
  orders: HistoryLine[];
  ordersTotal: number;
  ordersTruncated: boolean;
}

const PHONE = '13812345678';

describe('customer order history (MD-4, SEC-1)', () => {
  let h: Harness;
  let w: OrderWorld;
  let first: OrderDetail;
  let second: OrderDetail;

  const lookup = async (who: string, phone = PHONE) => {
    const r = await w.call(who, 'GET', `/api/customers/lookup?phone=${phone}`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { matches: WithHistory[] }).matches;
  };
  const detail = async (who: string, id = w.customerId) => {
    const r = await w.call(who, 'GET', `/api/customers/${id}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as WithHistory;
  };
  const numbers = (c: WithHistory) => c.orders.map((o) => o.number);

  beforeAll(async () => {
    h = await createHarness();
    w = await orderWorld(h);
    const take = async (over: Record<string, unknown>) => {
      const r = await w.call('agent', 'POST', '/api/work-orders', repairOrder(w, over));
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as OrderDetail;
    };
    first = await take({ faultDescription: '空调不制冷' });
    tick(h);
    second = await take({ orderType: 'maintenance', unitId: undefined, categoryCode: 'air_conditioner' });
  });
  afterAll(() => h.close());

  it('MD-4 the intake look-up and the customer record list every order, newest first, with type, status and unit', async () => {
    const [match] = await lookup('agent');
    expect(match?.id).toBe(w.customerId);
    expect(match).toMatchObject({ ordersTotal: 2, ordersTruncated: false });
    expect(numbers(match!)).toEqual([second.number, first.number]);
    expect(match!.orders[1]).toEqual({
      id: first.id,
      number: first.number,
      status: 'dispatched',
      orderType: 'repair',
      serviceMode: 'on_site',
      unitId: w.unitId,
      createdAt: first.createdAt,
      closedAt: null,
      outletName: expect.stringContaining('天河'),
    });
    expect(match!.orders[0]).toMatchObject({ orderType: 'maintenance', unitId: null });

    const record = await detail('agent');
    expect(record.orders).toEqual(match!.orders);
    expect(record).toMatchObject({ ordersTotal: 2, ordersTruncated: false });
  });

  it('MD-4 with SEC-1: outlet staff see the customer their outlet covers, but only the orders sent to their outlet', async () => {
    // The first order moves to the far outlet, which covers the same district.
    const moved = await w.call('admin', 'POST', `/api/work-orders/${first.id}/redispatch`, {
      outletId: w.farOutletId,
      reasonCode: 'customer_request',
      version: first.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const created = await w.call('admin', 'POST', '/api/users', {
      username: 'disp.far',
      displayName: '信息员 远端网点',
      role: 'dispatcher',
      scope: { kind: 'outlet', outletId: w.farOutletId },
      password: DEMO_PASSWORD,
    });
    expect(created.statusCode, created.body).toBe(201);
    w.as['far'] = await h.login('disp.far');

    const rows: [string, string[]][] = [];
    for (const who of ['agent', 'center', 'dispatcher', 'far']) {
      const [match] = await lookup(who);
      const record = await detail(who);
      expect(record.orders, who).toEqual(match!.orders);
      expect(record.ordersTotal, who).toBe(record.orders.length);
      rows.push([who, numbers(record)]);
    }
    expect(rows).toEqual([
      ['agent', [second.number, first.number]],
      ['center', [second.number, first.number]],
      ['dispatcher', [second.number]],
      ['far', [first.number]],
    ]);
    // OUTLET_A's dispatcher sees the moved order nowhere else either: opening it answers 404.
    expect((await w.call('dispatcher', 'GET', `/api/work-orders/${first.id}`)).statusCode).toBe(404);
  });

  it('MD-4 a long history is cut at 50 orders, newest first, and says so', async () => {
    const admin = w.as['admin']!;
    const regular = await createCustomer(h, admin, '13912340050');
    const ids: string[] = [];
    for (let i = 0; i < 52; i++) {
      h.clock.advance(60_000);
      ids.push((await insertOrder(h, { customerId: regular.id, outletId: OUTLET_A })).id);
    }
    const record = await detail('agent', regular.id);
    expect(record).toMatchObject({ ordersTotal: 52, ordersTruncated: true });
    expect(record.orders.map((o) => o.id)).toEqual(ids.slice(2).reverse());
    const [match] = await lookup('agent', '13912340050');
    expect(match).toMatchObject({ ordersTotal: 52, ordersTruncated: true });
    expect(match!.orders).toHaveLength(50);
  });
});
