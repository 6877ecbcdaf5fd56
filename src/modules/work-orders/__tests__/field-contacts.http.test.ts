import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A, OUTLET_B } from '../../../../test/harness.ts';
import type { WorkOrderRow } from '../work-orders.repository.ts';
import { insertOrder } from './field-fixtures.ts';

// 2026-11-23 10:00 in Asia/Shanghai; windows below are business times of that day.
const NOW = '2026-11-23T02:00:00Z';
const cst = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00+08:00`);

describe('repeat contacts and trips (WO-8)', () => {
  let h: Harness;
  let dispatcher: Record<string, string>;
  let agent: Record<string, string>;
  const trips: string[] = [];

  const contact = async (order: WorkOrderRow, payload: Record<string, unknown>) => {
    const r = await h.request({
      method: 'POST',
      url: `/api/work-orders/${order.id}/contacts`,
      headers: agent,
      payload: { channel: 'hotline', customerUnhappy: false, ...payload },
    });
    if (r.statusCode === 201 && r.json().trip) trips.push(r.json().cause as string);
    return r;
  };
  const appoint = async (order: WorkOrderRow, start: string, end: string) => {
    const r = await h.request({
      method: 'POST',
      url: `/api/work-orders/${order.id}/appointments`,
      headers: dispatcher,
      payload: {
        version: order.version,
        day: '2026-11-23',
        windowStart: start,
        windowEnd: end,
        agreedBy: 'customer',
      },
    });
    expect(r.statusCode).toBe(201);
    return r.json().order as { version: number };
  };
  const assigned = () => insertOrder(h, { status: 'assigned', engineerId: 'eng_fixture01' });

  beforeAll(async () => {
    h = await createHarness({ now: NOW });
    dispatcher = await h.login('dispatcher');
    agent = await h.login('agent');
  });
  afterAll(() => h.close());

  it('WO-8.1 nobody came or called by the start of the agreed window: a trip, with the apology first', async () => {
    h.clock.set(NOW);
    const order = await assigned();
    await appoint(order, '11:00', '13:00');
    h.clock.set(cst('10:30'));
    const early = await contact(order, { reason: 'ask_visit_time' });
    expect(early.json()).toMatchObject({ trip: false, promptApology: true });
    h.clock.set(cst('11:10'));
    const r = await contact(order, {
      reason: 'engineer_late',
      customerUnhappy: true,
      note: '说好11点，没人来',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      trip: true,
      cause: 'WO-8.1',
      finding: 'NOT_ARRIVED_OR_CALLED_BY_WINDOW_START',
      promptApology: true,
      apologyScript: { 'zh-CN': '不好意思，我们给您添麻烦了！' },
      contact: { outletId: OUTLET_A, trip: true, tripCause: 'WO-8.1', customerUnhappy: true },
    });
    expect(r.json().contact.evidence.checks[0]).toMatchObject({ rule: 'WO-8.1', met: true });
    const outbox = await h.testDb.database.executeSql(
      `select payload from outbox where topic = 'contact.trip'`,
      [],
    );
    expect(outbox.rows.map((x) => (x.payload as { orderId: string }).orderId)).toContain(order.id);
    const list = (
      await h.request({ method: 'GET', url: `/api/work-orders/${order.id}/contacts`, headers: dispatcher })
    ).json();
    expect(list.items.map((c: { trip: boolean }) => c.trip)).toEqual([false, true]);
  });

  it('WO-8.1 an engineer on site by then is no trip', async () => {
    h.clock.set(NOW);
    const order = await assigned();
    await appoint(order, '11:00', '13:00');
    await h.testDb.database.executeSql(
      `update work_orders set status = 'in_progress', first_visit_at = $1 where id = $2`,
      [cst('10:55'), order.id],
    );
    h.clock.set(cst('11:20'));
    const r = await contact(order, { reason: 'engineer_late' });
    expect(r.json()).toMatchObject({ trip: false, cause: null });
    expect(r.json().contact.evidence.checks).toEqual([
      expect.objectContaining({ rule: 'WO-8.1', finding: 'VISITED' }),
    ]);
  });

  it('WO-8.2 a customer never given a concrete window who asks when: a trip; other reasons are only logged', async () => {
    h.clock.set(NOW);
    const order = await insertOrder(h, { status: 'accepted' });
    const other = await contact(order, { reason: 'other', note: '补充地址' });
    expect(other.json()).toMatchObject({ trip: false });
    expect(other.json().contact.evidence.skipped).toBe('REASON_NOT_ABOUT_SERVICE_TIME');
    const r = await contact(order, { reason: 'ask_visit_time' });
    expect(r.json()).toMatchObject({ trip: true, cause: 'WO-8.2', finding: 'NO_CONCRETE_WINDOW' });
  });

  it('WO-8.3 the outlet changed the time and the customer did not accept: a trip', async () => {
    h.clock.set(NOW);
    const order = await assigned();
    const appointed = await appoint(order, '14:00', '16:00');
    h.clock.set(cst('10:05'));
    const moved = await h.request({
      method: 'POST',
      url: `/api/work-orders/${order.id}/appointments/reschedule`,
      headers: dispatcher,
      payload: {
        version: appointed.version,
        day: '2026-11-24',
        windowStart: '09:00',
        windowEnd: '11:00',
        requestedBy: 'outlet',
        reasonCode: 'outlet_capacity',
        customerAccepted: false,
      },
    });
    expect(moved.json().appointment.broken).toBe(true);
    h.clock.set(cst('10:20'));
    const r = await contact(order, { reason: 'time_change_disputed', customerUnhappy: true });
    expect(r.json()).toMatchObject({
      trip: true,
      cause: 'WO-8.3',
      finding: 'TIME_CHANGED_WITHOUT_ACCEPTANCE',
    });
  });

  it('WO-8.3 an accepted reschedule that is not kept: a trip', async () => {
    h.clock.set(NOW);
    const order = await assigned();
    const appointed = await appoint(order, '14:00', '16:00');
    h.clock.set(cst('10:05'));
    await h.request({
      method: 'POST',
      url: `/api/work-orders/${order.id}/appointments/reschedule`,
      headers: dispatcher,
      payload: {
        version: appointed.version,
        day: '2026-11-23',
        windowStart: '11:00',
        windowEnd: '12:00',
        requestedBy: 'customer',
        reasonCode: 'customer_unavailable',
        customerAccepted: true,
      },
    });
    h.clock.set(cst('11:30'));
    const r = await contact(order, { reason: 'engineer_late' });
    expect(r.json()).toMatchObject({
      trip: true,
      cause: 'WO-8.3',
      finding: 'NOT_ARRIVED_OR_CALLED_BY_WINDOW_START',
    });
  });

  it('WO-8.4 waiting for a part with no arrival date given and the customer unhappy: a trip; with a date, none', async () => {
    h.clock.set(NOW);
    const order = await insertOrder(h, {
      status: 'in_progress',
      engineerId: 'eng_fixture01',
      firstVisitAt: new Date(NOW),
    });
    await h.request({
      method: 'POST',
      url: `/api/work-orders/${order.id}/parts`,
      headers: dispatcher,
      payload: { partName: '压缩机', quantity: 1, shippedBy: 'division' },
    });
    h.clock.set(cst('15:00'));
    const calm = await contact(order, { reason: 'parts_progress', customerUnhappy: false });
    expect(calm.json()).toMatchObject({ trip: false });
    expect(calm.json().contact.evidence.checks).toEqual([
      expect.objectContaining({ rule: 'WO-8.4', met: false, finding: 'CUSTOMER_NOT_UNHAPPY' }),
    ]);
    const unhappy = await contact(order, { reason: 'parts_progress', customerUnhappy: true });
    expect(unhappy.json()).toMatchObject({
      trip: true,
      cause: 'WO-8.4',
      finding: 'PARTS_WAIT_WITHOUT_ARRIVAL_DATE',
    });

    h.clock.set(NOW);
    const dated = await insertOrder(h, {
      status: 'in_progress',
      engineerId: 'eng_fixture01',
      firstVisitAt: new Date(NOW),
    });
    await h.request({
      method: 'POST',
      url: `/api/work-orders/${dated.id}/parts`,
      headers: dispatcher,
      payload: { partName: '压缩机', quantity: 1, shippedBy: 'division', promisedArrivalDate: '2026-11-26' },
    });
    h.clock.set(cst('15:00'));
    const told = await contact(dated, { reason: 'parts_progress', customerUnhappy: true });
    expect(told.json()).toMatchObject({ trip: false });
    expect(told.json().contact.evidence.checks[0].finding).toBe('PARTS_DATES_GIVEN');
  });

  it('WO-8 trips are counted per outlet by cause; another outlet is 404 for its dispatcher', async () => {
    const r = await h.request({
      method: 'GET',
      url: `/api/outlets/${OUTLET_A}/trips?from=2026-11-23&to=2026-11-23`,
      headers: dispatcher,
    });
    expect(r.statusCode).toBe(200);
    const expected = { 'WO-8.1': 0, 'WO-8.2': 0, 'WO-8.3': 0, 'WO-8.4': 0 } as Record<string, number>;
    for (const c of trips) expected[c] = (expected[c] ?? 0) + 1;
    expect(r.json()).toMatchObject({ outletId: OUTLET_A, trips: trips.length, byCause: expected });
    expect(expected).toEqual({ 'WO-8.1': 1, 'WO-8.2': 1, 'WO-8.3': 2, 'WO-8.4': 1 });
    expect(r.json().contacts).toBeGreaterThan(trips.length);
    const before = await h.request({
      method: 'GET',
      url: `/api/outlets/${OUTLET_A}/trips?from=2026-11-20&to=2026-11-22`,
      headers: dispatcher,
    });
    expect(before.json()).toMatchObject({ trips: 0, contacts: 0 });
    const other = await h.request({
      method: 'GET',
      url: `/api/outlets/${OUTLET_B}/trips`,
      headers: dispatcher,
    });
    expect(other.statusCode).toBe(404);
    const byAgent = await h.request({ method: 'GET', url: `/api/outlets/${OUTLET_A}/trips`, headers: agent });
    expect(byAgent.statusCode).toBe(403);
    const backwards = await h.request({
      method: 'GET',
      url: `/api/outlets/${OUTLET_A}/trips?from=2026-11-23&to=2026-11-01`,
      headers: dispatcher,
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('SEC-1 a contact on another outlet’s order is still logged by the call center, but its dispatcher cannot read it', async () => {
    h.clock.set(NOW);
    const elsewhere = await insertOrder(h, { status: 'accepted', outletId: OUTLET_B });
    const r = await contact(elsewhere, { reason: 'other' });
    expect(r.statusCode).toBe(201);
    const hidden = await h.request({
      method: 'GET',
      url: `/api/work-orders/${elsewhere.id}/contacts`,
      headers: dispatcher,
    });
    expect(hidden.statusCode).toBe(404);
    const byDispatcher = await h.request({
      method: 'POST',
      url: `/api/work-orders/${elsewhere.id}/contacts`,
      headers: dispatcher,
      payload: { channel: 'hotline', reason: 'other', customerUnhappy: false },
    });
    expect(byDispatcher.statusCode).toBe(404);
  });
});
