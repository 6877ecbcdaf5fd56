import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import type { NewWorkOrderRow } from '../work-orders.repository.ts';
import { createCustomer, insertOrder, orderRow } from './field-fixtures.ts';

// 2026-11-23 10:00 in Asia/Shanghai.
const NOW = '2026-11-23T02:00:00Z';

describe('intermediate results (WO-5)', () => {
  let h: Harness;
  let dispatcher: Record<string, string>;
  let customer: { id: string; phoneIds: string[] };
  let mobile: { phoneId: string; kind: 'mobile' };

  const record = (id: string, payload: object) =>
    h.request({ method: 'POST', url: `/api/work-orders/${id}/results`, headers: dispatcher, payload });
  const order = (over: Partial<NewWorkOrderRow>) =>
    insertOrder(h, { customerId: customer.id, engineerId: 'eng_fixture01', ...over });
  const customerPerson = { kind: 'customer' };

  beforeAll(async () => {
    h = await createHarness({ now: NOW });
    dispatcher = await h.login('dispatcher');
    customer = await createCustomer(h, await h.login('admin'), '13812340001');
    mobile = { phoneId: customer.phoneIds[0]!, kind: 'mobile' };
  });
  afterAll(() => h.close());

  it('WO-5.1 APPOINTED: window, who agreed and the phone; the order is appointed and first contact recorded', async () => {
    const o = await order({ status: 'assigned' });
    const r = await record(o.id, {
      version: o.version,
      code: 'APPOINTED',
      window: { date: '2026-11-24', start: '09:00', end: '11:00' },
      agreedWith: { kind: 'family_member', relation: '妻子' },
      contactPhone: mobile,
      note: '上门前电话联系',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().result).toMatchObject({
      code: 'APPOINTED',
      data: { window: { date: '2026-11-24', start: '09:00', end: '11:00' }, note: '上门前电话联系' },
    });
    expect(r.json().appointment).toMatchObject({
      kind: 'initial',
      agreedBy: 'family_member',
      relation: '妻子',
    });
    expect(r.json().order.status).toBe('appointed');
    expect(r.json().order.firstContactAt).toBe('2026-11-23T02:00:00.000Z');
    const foreign = await record(r.json().order.id, {
      version: r.json().order.version,
      code: 'UNREACHABLE',
      phones: [{ phoneId: 'cph_notthecustomers', kind: 'mobile', outcome: 'no_answer' }],
    });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json()).toMatchObject({
      reason: 'PHONE_NOT_OF_CUSTOMER',
      errors: [{ path: '/phones/0/phoneId' }],
    });
  });

  it('WO-5.2 RESCHEDULED: new window, who asked, why, accepted; an outlet change not accepted is broken', async () => {
    const o = await order({ status: 'assigned' });
    const first = await record(o.id, {
      version: o.version,
      code: 'APPOINTED',
      window: { date: '2026-11-24', start: '09:00', end: '11:00' },
      agreedWith: customerPerson,
      contactPhone: mobile,
    });
    const r = await record(o.id, {
      version: first.json().order.version,
      code: 'RESCHEDULED',
      window: { date: '2026-11-25', start: '09:00', end: '11:00' },
      requestedBy: 'outlet',
      reasonCode: 'engineer_unavailable',
      customerAccepted: false,
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().result.data).toMatchObject({
      requestedBy: 'outlet',
      customerAccepted: false,
      brokenAppointment: true,
    });
    expect(r.json().appointment).toMatchObject({ kind: 'reschedule', broken: true });
    const outbox = await h.testDb.database.executeSql(
      `select payload from outbox where topic = 'appointment.broken'`,
      [],
    );
    expect(outbox.rows.map((x) => (x.payload as { orderId: string }).orderId)).toEqual([o.id]);
    const missing = await record(o.id, {
      version: r.json().order.version,
      code: 'RESCHEDULED',
      window: { date: '2026-11-26' },
    });
    expect(missing.statusCode).toBe(422);
    expect(
      missing
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['/customerAccepted', '/reasonCode', '/requestedBy', '/window']);
  });

  it('WO-5.3 UNREACHABLE: each number with its outcome, or the address; status unchanged, no first contact', async () => {
    const o = await order({ status: 'accepted' });
    const r = await record(o.id, {
      version: o.version,
      code: 'UNREACHABLE',
      phones: [
        { ...mobile, outcome: 'no_answer' },
        { phoneId: customer.phoneIds[1], kind: 'landline', outcome: 'wrong_number' },
      ],
      address: { outcome: 'no_such_house_number' },
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().order).toMatchObject({ status: 'accepted', firstContactAt: null });
    expect(r.json().result.data.phones).toHaveLength(2);
    const twice = await record(o.id, {
      version: r.json().order.version,
      code: 'UNREACHABLE',
      phones: [
        { ...mobile, outcome: 'no_answer' },
        { ...mobile, outcome: 'wrong_number' },
      ],
    });
    expect(twice.json()).toMatchObject({ reason: 'DUPLICATE', errors: [{ path: '/phones/1/phoneId' }] });
  });

  it('WO-5.4 AWAITING_PARTS: parts, shipper, arrival date told, next visit; the order waits and parts get the date', async () => {
    const o = await order({ status: 'in_progress', firstVisitAt: new Date(NOW) });
    const part = await h.request({
      method: 'POST',
      url: `/api/work-orders/${o.id}/parts`,
      headers: dispatcher,
      payload: { partName: '压缩机', quantity: 1, shippedBy: 'division' },
    });
    const payload = {
      version: part.json().order.version,
      code: 'AWAITING_PARTS',
      parts: [{ name: '压缩机', shippedBy: 'division' }],
      expectedArrivalDate: '2026-11-26',
      customerInformed: true,
      informed: customerPerson,
      contactPhone: mobile,
      nextVisit: { date: '2026-11-27', start: '14:00', end: '16:00' },
    };
    const early = await record(o.id, {
      ...payload,
      nextVisit: { date: '2026-11-25', start: '14:00', end: '16:00' },
    });
    expect(early.json()).toMatchObject({
      reason: 'BEFORE_PART_ARRIVAL',
      errors: [{ path: '/nextVisit/date' }],
    });
    const r = await record(o.id, payload);
    expect(r.statusCode).toBe(201);
    expect(r.json().order.status).toBe('awaiting_parts');
    const parts = (
      await h.request({ method: 'GET', url: `/api/work-orders/${o.id}/parts`, headers: dispatcher })
    ).json();
    expect(parts.items[0]).toMatchObject({ partName: '压缩机', promisedArrivalDate: '2026-11-26' });
  });

  it('WO-5.5 TAKEN_FOR_REPAIR: taken on, agreed return date, who agreed; work starts and counts as a pick-up (WO-7.5)', async () => {
    const o = await order({ status: 'appointed' });
    const past = await record(o.id, {
      version: o.version,
      code: 'TAKEN_FOR_REPAIR',
      takenOn: '2026-11-23',
      returnDate: '2026-11-20',
      agreedWith: customerPerson,
    });
    expect(past.json()).toMatchObject({ reason: 'DATE_IN_PAST', errors: [{ path: '/returnDate' }] });
    const r = await record(o.id, {
      version: o.version,
      code: 'TAKEN_FOR_REPAIR',
      takenOn: '2026-11-23',
      returnDate: '2026-11-28',
      agreedWith: customerPerson,
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().order).toMatchObject({ status: 'in_progress', actualMeasurePickup: true });
    expect(r.json().order.slaRule).not.toBe(o.slaRule);
  });

  it('WO-5.6 NORMAL_NOT_ACCEPTED: readings within range, position, negotiation, next visit; the visit ends unfinished', async () => {
    const o = await order({ status: 'in_progress', firstVisitAt: new Date(NOW) });
    const payload = {
      version: o.version,
      code: 'NORMAL_NOT_ACCEPTED',
      measurements: [{ name: '出风口温度', value: 12.5, unit: '°C' }],
      withinNormalRange: true,
      customerPosition: '认为制冷慢',
      notAcceptedBy: customerPerson,
      negotiation: 'negotiating',
      nextVisitDate: '2026-11-25',
    };
    const notNormal = await record(o.id, { ...payload, withinNormalRange: false });
    expect(notNormal.json()).toMatchObject({
      reason: 'MUST_BE_TRUE',
      errors: [{ path: '/withinNormalRange' }],
    });
    const r = await record(o.id, payload);
    expect(r.statusCode).toBe(201);
    expect(r.json().order.status).toBe('follow_up');
    const onAssigned = await order({ status: 'assigned' });
    const early = await record(onAssigned.id, { ...payload, version: onAssigned.version });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'ORDER_ILLEGAL_TRANSITION', from: 'assigned' });
  });

  it('WO-5.7 RETURN_EXCHANGE: fault, purchase date with its 三包 position, reported for approval (WO-12 at once)', async () => {
    const o = await order({ status: 'in_progress', firstVisitAt: new Date(NOW) });
    const r = await record(o.id, {
      version: o.version,
      code: 'RETURN_EXCHANGE',
      kind: 'exchange',
      faultFound: '压缩机异响',
      purchaseDate: '2026-11-13',
      reportedForApproval: true,
      customerMustChooseModel: true,
      informed: customerPerson,
      nextDate: '2026-11-30',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().result.data).toMatchObject({ sanbao: 'within_exchange_window', kind: 'exchange' });
    expect(r.json().order.status).toBe('follow_up');
    const outbox = await h.testDb.database.executeSql(
      `select payload from outbox where topic = 'order.return_exchange_reported'`,
      [],
    );
    expect(outbox.rows.map((x) => (x.payload as { orderId: string }).orderId)).toEqual([o.id]);
  });

  it('WO-5.8 OUT_OF_WARRANTY_DECLINED: purchase year, part, fee, the customer declines, next date', async () => {
    const o = await order({ status: 'in_progress', firstVisitAt: new Date(NOW) });
    const payload = {
      version: o.version,
      code: 'OUT_OF_WARRANTY_DECLINED',
      purchaseYear: 2019,
      part: '主板',
      feeQuotedFen: 45_000,
      customerDeclines: true,
      informed: customerPerson,
      nextDate: '2026-11-30',
    };
    const future = await record(o.id, { ...payload, purchaseYear: 2027 });
    expect(future.json()).toMatchObject({ code: 'ORDER_RULE_REFUSED', errors: [{ path: '/purchaseYear' }] });
    const r = await record(o.id, payload);
    expect(r.statusCode).toBe(201);
    expect(r.json().result.data).toMatchObject({ feeQuotedFen: 45_000, customerDeclines: true });
    expect(r.json().order.status).toBe('follow_up');
  });

  it('WO-5.9 CUSTOMER_NO_TIME: only when the customer has no time for the next 7 days; status unchanged', async () => {
    const o = await order({ status: 'accepted', engineerId: null });
    const soon = await record(o.id, {
      version: o.version,
      code: 'CUSTOMER_NO_TIME',
      statedBy: customerPerson,
      noTimeThrough: '2026-11-27',
    });
    expect(soon.statusCode).toBe(422);
    expect(soon.json()).toMatchObject({ reason: 'NO_TIME_WITHIN_HORIZON', rule: 'WO-5.9' });
    const r = await record(o.id, {
      version: o.version,
      code: 'CUSTOMER_NO_TIME',
      statedBy: customerPerson,
      noTimeThrough: '2026-12-05',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().order).toMatchObject({ status: 'accepted', firstContactAt: '2026-11-23T02:00:00.000Z' });
    expect(r.json().result.data.policyVersions).toMatchObject({ 'wo.no_time.horizon_days': 1 });
  });

  it('WO-5 a field of another code is refused, and the list shows every result in order', async () => {
    const o = await order({ status: 'accepted', engineerId: null });
    const stray = await record(o.id, {
      version: o.version,
      code: 'CUSTOMER_NO_TIME',
      statedBy: customerPerson,
      noTimeThrough: '2026-12-05',
      returnDate: '2026-12-06',
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().errors).toEqual([expect.objectContaining({ path: '/returnDate' })]);
    await record(o.id, {
      version: o.version,
      code: 'UNREACHABLE',
      phones: [{ ...mobile, outcome: 'no_answer' }],
    });
    h.clock.advance(60_000);
    const row = await orderRow(h, o.id);
    await record(o.id, {
      version: row.version,
      code: 'CUSTOMER_NO_TIME',
      statedBy: customerPerson,
      noTimeThrough: '2026-12-05',
    });
    const list = (
      await h.request({ method: 'GET', url: `/api/work-orders/${o.id}/results`, headers: dispatcher })
    ).json();
    expect(list.items.map((i: { code: string }) => i.code)).toEqual(['UNREACHABLE', 'CUSTOMER_NO_TIME']);
    // WO-14: the first contact is the first outcome that reached the customer.
    expect((await orderRow(h, o.id)).firstContactAt?.toISOString()).toBe('2026-11-23T02:01:00.000Z');
  });
});
