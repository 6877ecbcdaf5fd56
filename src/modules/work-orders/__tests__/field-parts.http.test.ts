import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_B } from '../../../../test/harness.ts';
import { insertOrder, orderRow } from './field-fixtures.ts';

const NOW = '2026-11-23T02:00:00Z';
const HOUR = 3_600_000;
const at = (hours: number) => new Date(new Date(NOW).getTime() + hours * HOUR).toISOString();

describe('part requests (WO-7.6, WO-11)', () => {
  let h: Harness;
  let dispatcher: Record<string, string>;

  const request = (id: string, payload: object) =>
    h.request({ method: 'POST', url: `/api/work-orders/${id}/parts`, headers: dispatcher, payload });
  const patch = (id: string, partId: string, payload: object) =>
    h.request({
      method: 'PATCH',
      url: `/api/work-orders/${id}/parts/${partId}`,
      headers: dispatcher,
      payload,
    });
  const sla = async (id: string) =>
    (await h.request({ method: 'GET', url: `/api/work-orders/${id}/sla`, headers: dispatcher })).json();

  /** Moves the clock; sessions expire when idle, so log in again after a long jump. */
  const jump = async (iso: string) => {
    h.clock.set(iso);
    dispatcher = await h.login('dispatcher');
  };

  beforeAll(async () => {
    h = await createHarness({ now: NOW });
    dispatcher = await h.login('dispatcher');
  });
  afterAll(() => h.close());

  it('WO-7.6 a division part pauses the clock and its transit time is deducted, overlapping waits once', async () => {
    h.clock.set(NOW);
    const order = await insertOrder(h, {
      status: 'in_progress',
      engineerId: 'eng_fixture01',
      firstVisitAt: new Date(NOW),
    });
    const allowedMs = (order.slaDeadline as Date).getTime() - new Date(NOW).getTime();
    h.clock.set(at(2));
    const first = await request(order.id, {
      partName: '压缩机',
      partCode: 'YSJ-01',
      quantity: 1,
      shippedBy: 'division',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().order).toMatchObject({ slaState: 'paused', firstPartRequestAt: at(2) });
    expect(first.json().part).toMatchObject({ status: 'requested', appliedAt: at(2), version: 1 });
    h.clock.set(at(3));
    const second = (await request(order.id, { partName: '电容', quantity: 2, shippedBy: 'division' })).json();
    h.clock.set(at(4));
    const stock = (
      await request(order.id, { partName: '螺丝', quantity: 4, shippedBy: 'outlet_stock' })
    ).json();
    expect(stock.order.firstPartRequestAt).toBe(at(2));
    await jump(at(29));
    const arrived = await patch(order.id, first.json().part.id, { version: 1, stationArrivalAt: at(26) });
    expect(arrived.statusCode).toBe(200);
    expect(arrived.json().part).toMatchObject({ status: 'in_transit', stationArrivalAt: at(26), version: 2 });
    await patch(order.id, second.part.id, { version: 1, shelfOffAt: at(20) });
    const why = await sla(order.id);
    expect(why.evaluation.deductions).toEqual([
      // One merged wait for both division parts; the stock part pauses nothing.
      { from: at(2), to: at(26), ms: 24 * HOUR, parts: ['压缩机', '电容'], endSource: 'shelf_off' },
    ]);
    expect(why.evaluation.deadline).toBe(
      new Date(new Date(NOW).getTime() + allowedMs + 24 * HOUR).toISOString(),
    );
    expect((await orderRow(h, order.id)).slaDeadline?.toISOString()).toBe(why.evaluation.deadline);
    const list = (
      await h.request({ method: 'GET', url: `/api/work-orders/${order.id}/parts`, headers: dispatcher })
    ).json();
    expect(list.items.map((p: { partName: string; status: string }) => `${p.partName}:${p.status}`)).toEqual([
      '压缩机:in_transit',
      '电容:in_transit',
      '螺丝:requested',
    ]);
  });

  it('WO-7.6 part times are facts: not in the future, not before the application, in the order of the journey', async () => {
    h.clock.set(NOW);
    const order = await insertOrder(h, { status: 'in_progress', engineerId: 'eng_fixture01' });
    h.clock.set(at(1));
    const part = (await request(order.id, { partName: '主板', quantity: 1, shippedBy: 'division' })).json()
      .part;
    await jump(at(30));
    const cases: { payload: object; reason: string; path: string }[] = [
      { payload: { stationArrivalAt: at(31) }, reason: 'TIME_IN_FUTURE', path: '/stationArrivalAt' },
      { payload: { shelfOffAt: at(0) }, reason: 'BEFORE_APPLICATION', path: '/shelfOffAt' },
      {
        payload: { shelfOffAt: at(10), stationArrivalAt: at(5) },
        reason: 'OUT_OF_ORDER',
        path: '/stationArrivalAt',
      },
      { payload: { arrivedAtOutletAt: at(20), fittedAt: at(19) }, reason: 'OUT_OF_ORDER', path: '/fittedAt' },
      {
        payload: { promisedArrivalDate: '2026-11-20' },
        reason: 'DATE_IN_PAST',
        path: '/promisedArrivalDate',
      },
    ];
    const wrong: string[] = [];
    for (const c of cases) {
      const r = await patch(order.id, part.id, { version: 1, ...c.payload });
      const b = r.json();
      if (r.statusCode !== 422 || b.reason !== c.reason || b.errors?.[0]?.path !== c.path) {
        wrong.push(`${JSON.stringify(c.payload)} → ${r.statusCode} ${b.reason} ${b.errors?.[0]?.path}`);
      }
    }
    expect(wrong).toEqual([]);
    // A device clock a few minutes ahead is still a fact.
    const ahead = await patch(order.id, part.id, {
      version: 1,
      arrivedAtOutletAt: new Date(new Date(at(30)).getTime() + 3 * 60_000).toISOString(),
    });
    expect(ahead.statusCode).toBe(200);
    const stale = await patch(order.id, part.id, { version: 1, fittedAt: at(30) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const empty = await patch(order.id, part.id, { version: 2 });
    expect(empty.statusCode).toBe(400);
  });

  it('WO-7.6 cancelling a part request removes its pause; a fitted part cannot be cancelled', async () => {
    h.clock.set(NOW);
    const order = await insertOrder(h, { status: 'in_progress', engineerId: 'eng_fixture01' });
    h.clock.set(at(1));
    const part = (
      await request(order.id, { partName: '风扇电机', quantity: 1, shippedBy: 'division' })
    ).json().part;
    const fitted = (
      await request(order.id, { partName: '遥控器', quantity: 1, shippedBy: 'outlet_stock' })
    ).json().part;
    h.clock.set(at(5));
    await patch(order.id, fitted.id, { version: 1, arrivedAtOutletAt: at(2), fittedAt: at(4) });
    const refused = await h.request({
      method: 'POST',
      url: `/api/work-orders/${order.id}/parts/${fitted.id}/cancel`,
      headers: dispatcher,
      payload: { version: 2, reason: '用户不需要' },
    });
    expect(refused.json()).toMatchObject({ code: 'ORDER_RULE_REFUSED', reason: 'PART_ALREADY_FITTED' });
    expect((await orderRow(h, order.id)).slaState).toBe('paused');
    const cancelled = await h.request({
      method: 'POST',
      url: `/api/work-orders/${order.id}/parts/${part.id}/cancel`,
      headers: dispatcher,
      payload: { version: 1, reason: '诊断错误，不需要更换' },
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().part.status).toBe('cancelled');
    expect(cancelled.json().order.slaState).toBe('on_track');
    expect((await sla(order.id)).evaluation.deductions).toEqual([]);
    const again = await patch(order.id, part.id, { version: 2, shelfOffAt: at(4) });
    expect(again.json().reason).toBe('PART_CANCELLED');
  });

  it('WO-7.6 parts are requested only while the outlet works the order; another outlet’s order is 404', async () => {
    h.clock.set(NOW);
    const notYet = await insertOrder(h, { status: 'dispatched' });
    const early = await request(notYet.id, { partName: '压缩机', quantity: 1, shippedBy: 'division' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'ORDER_ILLEGAL_TRANSITION', action: 'request_part' });
    const elsewhere = await insertOrder(h, {
      status: 'in_progress',
      outletId: OUTLET_B,
      engineerId: 'eng_fixture02',
    });
    const hidden = await request(elsewhere.id, { partName: '压缩机', quantity: 1, shippedBy: 'division' });
    expect(hidden.statusCode).toBe(404);
    const list = await h.request({
      method: 'GET',
      url: `/api/work-orders/${elsewhere.id}/parts`,
      headers: dispatcher,
    });
    expect(list.statusCode).toBe(404);
    const closed = await insertOrder(h, {
      status: 'closed',
      engineerId: 'eng_fixture01',
      closedAt: new Date(NOW),
    });
    const late = await request(closed.id, { partName: '压缩机', quantity: 1, shippedBy: 'division' });
    expect(late.statusCode).toBe(409);
  });
});
