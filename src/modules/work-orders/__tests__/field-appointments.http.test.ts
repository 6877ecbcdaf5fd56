import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_B } from '../../../../test/harness.ts';
import { insertOrder, orderRow } from './field-fixtures.ts';

// 2026-11-23 10:00 in Asia/Shanghai.
const NOW = '2026-11-23T02:00:00Z';

describe('appointments (WO-4)', () => {
  let h: Harness;
  let dispatcher: Record<string, string>;
  let agent: Record<string, string>;

  const appoint = (id: string, payload: object, headers = dispatcher) =>
    h.request({ method: 'POST', url: `/api/work-orders/${id}/appointments`, headers, payload });
  const reschedule = (id: string, payload: object) =>
    h.request({
      method: 'POST',
      url: `/api/work-orders/${id}/appointments/reschedule`,
      headers: dispatcher,
      payload,
    });
  const window = { day: '2026-11-24', windowStart: '10:00', windowEnd: '12:00' };

  beforeAll(async () => {
    h = await createHarness({ now: NOW });
    dispatcher = await h.login('dispatcher');
    agent = await h.login('agent');
  });
  afterAll(() => h.close());

  it('WO-4 a concrete window is stored, the order is appointed and the change is on the timeline and audited', async () => {
    const order = await insertOrder(h, { status: 'assigned', engineerId: 'eng_fixture01' });
    const r = await appoint(order.id, {
      version: order.version,
      ...window,
      agreedBy: 'family_member',
      relation: '父亲',
    });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.order).toMatchObject({ status: 'appointed', version: order.version + 1 });
    expect(body.appointment).toMatchObject({
      kind: 'initial',
      day: '2026-11-24',
      windowStart: '10:00',
      windowEnd: '12:00',
      startsAt: '2026-11-24T02:00:00.000Z',
      endsAt: '2026-11-24T04:00:00.000Z',
      agreedBy: 'family_member',
      relation: '父亲',
      current: true,
      broken: false,
    });
    // WO-14: agreeing the window is the first contact with the customer.
    expect((await orderRow(h, order.id)).firstContactAt?.toISOString()).toBe(NOW.replace('Z', '.000Z'));
    const list = await h.request({
      method: 'GET',
      url: `/api/work-orders/${order.id}/appointments`,
      headers: dispatcher,
    });
    expect(list.json()).toMatchObject({ total: 1, page: 1, items: [{ id: body.appointment.id }] });
    const audit = await h.testDb.database.executeSql(
      `select actor_id from audit_log where entity = 'work_order' and entity_id = $1 and action = 'appointed'`,
      [order.id],
    );
    expect(audit.rows).toHaveLength(1);
    const events = await h.testDb.database.executeSql(
      `select data from order_events where order_id = $1 and type = 'appointed'`,
      [order.id],
    );
    expect(events.rows[0]?.data).toMatchObject({ appointmentId: body.appointment.id, windowStart: '10:00' });
  });

  it('WO-4 refuses a date alone, a half day, an over-long window, one already started, one ending before it starts', async () => {
    const cases: { name: string; payload: object; reason: string; path: string }[] = [
      { name: 'date alone', payload: { day: '2026-11-24' }, reason: 'WINDOW_REQUIRED', path: '' },
      {
        name: 'morning of the 24th',
        payload: { day: '2026-11-24', windowStart: '上午', windowEnd: '上午' },
        reason: 'HALF_DAY_NOT_A_WINDOW',
        path: '',
      },
      {
        name: 'whole afternoon',
        payload: { day: '2026-11-24', windowStart: '13:00', windowEnd: '18:00' },
        reason: 'WINDOW_TOO_LONG',
        path: '/windowEnd',
      },
      {
        name: 'already started',
        payload: { day: '2026-11-23', windowStart: '09:00', windowEnd: '11:00' },
        reason: 'WINDOW_IN_PAST',
        path: '/windowStart',
      },
      {
        name: 'end before start',
        payload: { day: '2026-11-24', windowStart: '12:00', windowEnd: '10:00' },
        reason: 'WINDOW_END_NOT_AFTER_START',
        path: '/windowEnd',
      },
      {
        name: 'no such day',
        payload: { ...window, day: '2026-02-30' },
        reason: 'DATE_INVALID',
        path: '/day',
      },
      {
        name: 'bad time',
        payload: { ...window, windowStart: '9:00' },
        reason: 'TIME_INVALID',
        path: '/windowStart',
      },
    ];
    const order = await insertOrder(h, { status: 'assigned', engineerId: 'eng_fixture01' });
    const wrong: string[] = [];
    for (const c of cases) {
      const r = await appoint(order.id, { version: order.version, agreedBy: 'customer', ...c.payload });
      const b = r.json();
      if (
        r.statusCode !== 422 ||
        b.code !== 'ORDER_RULE_REFUSED' ||
        b.reason !== c.reason ||
        b.errors?.[0]?.path !== c.path
      ) {
        wrong.push(`${c.name}: ${r.statusCode} ${b.code} ${b.reason} ${b.errors?.[0]?.path}`);
      }
    }
    expect(wrong).toEqual([]);
    expect((await orderRow(h, order.id)).status).toBe('assigned');
  });

  it('WO-4 a family member must be named by relation; a stale version is 409; the state machine guards the step', async () => {
    const order = await insertOrder(h, { status: 'assigned', engineerId: 'eng_fixture01' });
    const noRelation = await appoint(order.id, {
      version: order.version,
      ...window,
      agreedBy: 'family_member',
    });
    expect(noRelation.statusCode).toBe(422);
    expect(noRelation.json()).toMatchObject({ reason: 'RELATION_REQUIRED', errors: [{ path: '/relation' }] });
    const stale = await appoint(order.id, { version: order.version + 5, ...window, agreedBy: 'customer' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const notAccepted = await insertOrder(h, { status: 'dispatched' });
    const early = await appoint(notAccepted.id, {
      version: notAccepted.version,
      ...window,
      agreedBy: 'customer',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'ORDER_ILLEGAL_TRANSITION',
      reason: 'ILLEGAL_TRANSITION',
      from: 'dispatched',
    });
  });

  it('WO-4 a reschedule records who asked, why and acceptance; an outlet change not accepted is broken', async () => {
    const order = await insertOrder(h, { status: 'assigned', engineerId: 'eng_fixture01' });
    const first = (
      await appoint(order.id, { version: order.version, ...window, agreedBy: 'customer' })
    ).json();
    h.clock.advance(60_000);
    const byCustomer = await reschedule(order.id, {
      version: first.order.version,
      day: '2026-11-25',
      windowStart: '14:00',
      windowEnd: '16:00',
      requestedBy: 'customer',
      reasonCode: 'customer_unavailable',
      customerAccepted: true,
    });
    expect(byCustomer.statusCode).toBe(201);
    expect(byCustomer.json().appointment).toMatchObject({
      kind: 'reschedule',
      requestedBy: 'customer',
      reasonCode: 'customer_unavailable',
      customerAccepted: true,
      broken: false,
    });
    h.clock.advance(60_000);
    const byOutlet = await reschedule(order.id, {
      version: byCustomer.json().order.version,
      day: '2026-11-26',
      windowStart: '09:00',
      windowEnd: '11:00',
      requestedBy: 'outlet',
      reasonCode: 'other',
      reason: '工程师临时培训',
      customerAccepted: false,
    });
    expect(byOutlet.statusCode).toBe(201);
    expect(byOutlet.json().appointment).toMatchObject({
      broken: true,
      reasonCode: 'other',
      reason: '工程师临时培训',
    });
    expect(byOutlet.json().order.status).toBe('appointed');
    const list = (
      await h.request({
        method: 'GET',
        url: `/api/work-orders/${order.id}/appointments`,
        headers: dispatcher,
      })
    ).json();
    expect(list.items.map((a: { current: boolean; broken: boolean }) => [a.current, a.broken])).toEqual([
      [false, false],
      [false, false],
      [true, true],
    ]);
    const outbox = await h.testDb.database.executeSql(
      `select payload from outbox where topic = 'appointment.broken'`,
      [],
    );
    expect(outbox.rows.map((r) => (r.payload as { orderId: string }).orderId)).toContain(order.id);
  });

  it('WO-4 a reschedule must change the window, and a customer who asked for it accepts it', async () => {
    const order = await insertOrder(h, { status: 'assigned', engineerId: 'eng_fixture01' });
    const first = (
      await appoint(order.id, { version: order.version, ...window, agreedBy: 'customer' })
    ).json();
    const base = {
      version: first.order.version,
      requestedBy: 'customer',
      reasonCode: 'customer_unavailable',
    };
    const same = await reschedule(order.id, { ...base, ...window, customerAccepted: true });
    expect(same.json()).toMatchObject({ code: 'ORDER_RULE_REFUSED', reason: 'WINDOW_UNCHANGED' });
    const refused = await reschedule(order.id, {
      ...base,
      ...window,
      day: '2026-11-25',
      customerAccepted: false,
    });
    expect(refused.json()).toMatchObject({
      reason: 'CUSTOMER_REQUEST_NOT_ACCEPTED',
      errors: [{ path: '/customerAccepted' }],
    });
    const noAppointment = await insertOrder(h, { status: 'assigned', engineerId: 'eng_fixture01' });
    const r = await reschedule(noAppointment.id, {
      ...base,
      version: noAppointment.version,
      ...window,
      customerAccepted: true,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('ORDER_ILLEGAL_TRANSITION');
  });

  it('SEC-1 another outlet’s order answers 404 and a role without field work 403', async () => {
    const elsewhere = await insertOrder(h, {
      status: 'assigned',
      outletId: OUTLET_B,
      engineerId: 'eng_fixture02',
    });
    const read = await h.request({
      method: 'GET',
      url: `/api/work-orders/${elsewhere.id}/appointments`,
      headers: dispatcher,
    });
    expect(read.statusCode).toBe(404);
    const write = await appoint(elsewhere.id, {
      version: elsewhere.version,
      ...window,
      agreedBy: 'customer',
    });
    expect(write.statusCode).toBe(404);
    const mine = await insertOrder(h, { status: 'assigned', engineerId: 'eng_fixture01' });
    const byAgent = await appoint(mine.id, { version: mine.version, ...window, agreedBy: 'customer' }, agent);
    expect(byAgent.statusCode).toBe(403);
    expect((await orderRow(h, elsewhere.id)).version).toBe(elsewhere.version);
  });
});
