import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, DEMO_PASSWORD, OUTLET_A } from '../../../../test/harness.ts';
import { newId } from '../../../platform/ids.ts';
import { workOrdersRepository } from '../work-orders.repository.ts';
import { createCustomer, createEngineer, insertOrder } from './field-fixtures.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// 2026-11-23 10:00 in Asia/Shanghai: "now" of most cases; the harness starts earlier so the clock can go back.
const NOW = new Date('2026-11-23T02:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const cst = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const FOSHAN = 'out_demo0003';
const BEIJING = 'out_demo0004';
const SHANGHAI = 'out_demo0005';
const CHENGDU = 'out_demo0006';

describe('dispatcher monitoring', () => {
  let h: Harness;
  let admin: Record<string, string>;
  let dispatcher: Record<string, string>;

  const get = (url: string, headers = admin) => h.request({ method: 'GET', url, headers });
  const jump = async (at: Date) => {
    h.clock.set(at);
    admin = await h.login('admin');
    dispatcher = await h.login('dispatcher');
  };

  beforeAll(async () => {
    h = await createHarness({ now: '2026-11-20T00:00:00Z' });
    await jump(NOW);
  });
  afterAll(() => h.close());

  it('WO-15 the board: carry-in, tomorrow’s visits, special customers, awaiting parts, overdue first', async () => {
    await jump(NOW);
    const at = { outletId: FOSHAN };
    const carryIn = await insertOrder(h, { ...at, serviceMode: 'carry_in' });
    const lateCarryIn = await insertOrder(h, { ...at, serviceMode: 'carry_in', createdAt: ago(4 * DAY) });
    expect(lateCarryIn.slaState).toBe('breached');
    const visit = await insertOrder(h, { ...at, status: 'assigned', engineerId: 'eng_fixture03' });
    const appointed = await h.request({
      method: 'POST',
      url: `/api/work-orders/${visit.id}/appointments`,
      headers: admin,
      payload: {
        version: visit.version,
        day: '2026-11-24',
        windowStart: '09:00',
        windowEnd: '11:00',
        agreedBy: 'customer',
      },
    });
    expect(appointed.statusCode).toBe(201);
    const vip = await createCustomer(h, admin, '13812349999', ['VIP']);
    const special = await insertOrder(h, { ...at, customerId: vip.id });
    const waiting = await insertOrder(h, { ...at, status: 'awaiting_parts', engineerId: 'eng_fixture03' });
    const withPart = await insertOrder(h, { ...at, status: 'in_progress', engineerId: 'eng_fixture03' });
    await h.request({
      method: 'POST',
      url: `/api/work-orders/${withPart.id}/parts`,
      headers: admin,
      payload: { partName: '主板', quantity: 1, shippedBy: 'division' },
    });
    await insertOrder(h, { ...at, serviceMode: 'carry_in', status: 'closed', closedAt: NOW });

    const r = await get(`/api/dispatch/board?outletId=${FOSHAN}`);
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({
      today: '2026-11-23',
      tomorrow: '2026-11-24',
      outletId: FOSHAN,
      truncated: false,
    });
    const ids = (bucket: { cards: { orderId: string }[] }) => bucket.cards.map((c) => c.orderId);
    expect(ids(b.buckets.carryIn)).toEqual([lateCarryIn.id, carryIn.id]);
    expect(b.buckets.carryIn).toMatchObject({ count: 2, overdue: 1 });
    expect(ids(b.buckets.tomorrowVisits)).toEqual([visit.id]);
    expect(ids(b.buckets.specialCustomers)).toEqual([special.id]);
    expect(ids(b.buckets.awaitingParts).sort()).toEqual([waiting.id, withPart.id].sort());
    expect(b.buckets.tomorrowVisits.cards[0]).toMatchObject({
      number: visit.number,
      categoryCode: 'air_conditioner',
      categoryName: { 'zh-CN': '空调', 'en-US': 'Air conditioner' },
      appointment: { date: '2026-11-24', start: '09:00', end: '11:00' },
      slaState: 'on_track',
      overdue: false,
    });
    expect(b.buckets.tomorrowVisits.cards[0].districtPath).toContain('天河');
    expect(b.buckets.carryIn.cards[0]).toMatchObject({ overdue: true, slaState: 'breached' });

    // SEC-1: a dispatcher sees their own outlet only; another outlet is 404; the regional manager may filter.
    const own = (await get('/api/dispatch/board', dispatcher)).json();
    expect(own.outletId).toBe(OUTLET_A);
    expect(ids(own.buckets.carryIn)).not.toContain(carryIn.id);
    expect((await get(`/api/dispatch/board?outletId=${FOSHAN}`, dispatcher)).statusCode).toBe(404);
    const regional = await get(`/api/dispatch/board?outletId=${FOSHAN}`, await h.login('regional'));
    expect(regional.json().buckets.carryIn.count).toBe(2);
    expect((await get('/api/dispatch/board', await h.login('agent'))).statusCode).toBe(403);
    expect((await get('/api/dispatch/board', await h.login('engineer'))).statusCode).toBe(403);
  });

  it('WO-10 backlog: open orders over 2 and 3 days with the person responsible, escalation and overdue; exportable', async () => {
    await jump(NOW);
    for (const [username, role] of [
      ['disp.bj', 'dispatcher'],
      ['mgr.bj', 'outlet'],
    ] as const) {
      const u = await h.request({
        method: 'POST',
        url: '/api/users',
        headers: admin,
        payload: {
          username,
          displayName: role === 'dispatcher' ? '信息员 北京' : '网点负责人 北京',
          role,
          scope: { kind: 'outlet', outletId: BEIJING },
          password: DEMO_PASSWORD,
        },
      });
      expect(u.statusCode).toBe(201);
    }
    const at = { outletId: BEIJING, regionCode: '110108' };
    const fresh = await insertOrder(h, { ...at, createdAt: ago(1 * DAY) });
    const overTwo = await insertOrder(h, { ...at, createdAt: ago(2 * DAY + 2 * HOUR) });
    const overThree = await insertOrder(h, {
      ...at,
      createdAt: ago(3 * DAY + 2 * HOUR),
      engineerId: 'eng_fixture04',
    });
    const overdue = await insertOrder(h, { ...at, createdAt: ago(5 * DAY + HOUR) });
    // The customer asked for next week: the clock starts then, so it is not old (WO-7 start).
    await insertOrder(h, { ...at, createdAt: ago(4 * DAY), customerRequestedAt: ago(-2 * DAY) });
    await insertOrder(h, { ...at, createdAt: ago(6 * DAY), status: 'closed', closedAt: ago(DAY) });

    const r = await get(`/api/dispatch/backlog?outletId=${BEIJING}`);
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({ date: '2026-11-23', thresholdsDays: [2, 3], resolveWithinDays: 3 });
    expect(b.byOutlet).toEqual([
      expect.objectContaining({
        outletId: BEIJING,
        counts: [
          { overDays: 2, count: 3 },
          { overDays: 3, count: 2 },
        ],
        overdue: 1,
      }),
    ]);
    const rows = b.items.map((i: Record<string, unknown>) => [
      i.orderId,
      i.overDays,
      i.escalation,
      i.responsibleName,
      i.overdue,
    ]);
    expect(rows).toEqual([
      [overdue.id, 3, 'manager', '网点负责人 北京', true],
      [overThree.id, 3, 'product_supervisor', '网点负责人 北京', false],
      [overTwo.id, 2, 'dispatcher', '信息员 北京', false],
    ]);
    expect(b.items.map((i: { orderId: string }) => i.orderId)).not.toContain(fresh.id);

    const x = await get(`/api/dispatch/backlog/export.xlsx?outletId=${BEIJING}&lang=zh-CN`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('工单号');
    const numbers = [2, 3, 4].map((n) => sheet.getRow(n).getCell(1).value);
    expect(numbers).toEqual([overdue.number, overThree.number, overTwo.number]);
    expect(sheet.getRow(5).getCell(1).value).toBeNull();
  });

  it('WO-11 parts for today’s visit before 17:00; arrived parts fitted the same day', async () => {
    const at = { outletId: CHENGDU, regionCode: '510107' };
    await jump(cst('2026-11-22', '11:00'));
    const yesterdayVisit = await insertOrder(h, {
      ...at,
      status: 'in_progress',
      engineerId: 'eng_fixture06',
      firstVisitAt: cst('2026-11-22', '10:00'),
    });
    const arrivedYesterday = await insertOrder(h, {
      ...at,
      status: 'in_progress',
      engineerId: 'eng_fixture06',
      firstVisitAt: cst('2026-11-22', '09:00'),
    });
    const oldPart = (
      await h.request({
        method: 'POST',
        url: `/api/work-orders/${arrivedYesterday.id}/parts`,
        headers: admin,
        payload: { partName: '四通阀', quantity: 1, shippedBy: 'outlet_stock' },
      })
    ).json().part;
    await jump(cst('2026-11-22', '16:00'));
    await h.request({
      method: 'PATCH',
      url: `/api/work-orders/${arrivedYesterday.id}/parts/${oldPart.id}`,
      headers: admin,
      payload: { version: 1, arrivedAtOutletAt: cst('2026-11-22', '15:00').toISOString() },
    });
    await jump(NOW);
    const todayVisit = await insertOrder(h, {
      ...at,
      status: 'in_progress',
      engineerId: 'eng_fixture06',
      firstVisitAt: cst('2026-11-23', '09:00'),
    });
    const requested = await insertOrder(h, {
      ...at,
      status: 'in_progress',
      engineerId: 'eng_fixture06',
      firstVisitAt: cst('2026-11-23', '09:00'),
    });
    const part = (
      await h.request({
        method: 'POST',
        url: `/api/work-orders/${requested.id}/parts`,
        headers: admin,
        payload: { partName: '电容', quantity: 1, shippedBy: 'outlet_stock' },
      })
    ).json().part;
    await h.request({
      method: 'PATCH',
      url: `/api/work-orders/${requested.id}/parts/${part.id}`,
      headers: admin,
      payload: { version: 1, arrivedAtOutletAt: NOW.toISOString() },
    });

    const r = await get(`/api/dispatch/parts-warnings?outletId=${CHENGDU}`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ requestCutoff: '17:00', policyVersion: 1 });
    const got = r
      .json()
      .warnings.map((w: Record<string, unknown>) => [w.code, w.orderId, w.dueAt, w.minutesLeft]);
    expect(got).toEqual([
      ['PART_REQUEST_LATE', yesterdayVisit.id, cst('2026-11-22', '17:00').toISOString(), 0],
      ['PART_FIT_OVERDUE', arrivedYesterday.id, cst('2026-11-23', '00:00').toISOString(), 0],
      ['PART_REQUEST_DUE', todayVisit.id, cst('2026-11-23', '17:00').toISOString(), 420],
      ['PART_FIT_DUE_TODAY', requested.id, cst('2026-11-24', '00:00').toISOString(), 840],
    ]);
  });

  it('WO-14 six firsts: each step’s latency per order, and per outlet the median and p90', async () => {
    await jump(NOW);
    const base = cst('2026-11-21', '09:00');
    const plus = (minutes: number) => new Date(base.getTime() + minutes * 60_000);
    const at = { outletId: SHANGHAI, regionCode: '310115', createdAt: base, dispatchedAt: base };
    const done = await insertOrder(h, {
      ...at,
      status: 'closed',
      acceptedAt: plus(10),
      firstContactAt: plus(40),
      firstVisitAt: plus(240),
      firstPartRequestAt: plus(300),
      completedAt: plus(600),
      closedAt: plus(720),
    });
    const open = await insertOrder(h, {
      ...at,
      status: 'appointed',
      acceptedAt: plus(30),
      firstContactAt: plus(90),
    });
    await insertOrder(h, { ...at, createdAt: cst('2026-10-01', '09:00') });

    const r = await get(`/api/dispatch/six-firsts?outletId=${SHANGHAI}&from=2026-11-20&to=2026-11-23`);
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({ from: '2026-11-20', to: '2026-11-23', total: 2 });
    const stats = Object.fromEntries(
      b.outlets[0].steps.map((s: Record<string, unknown>) => [
        s.step,
        [s.count, s.pending, s.medianMs, s.p90Ms],
      ]),
    );
    const min = 60_000;
    expect(stats).toEqual({
      accept: [2, 0, 20 * min, 30 * min],
      contact: [2, 0, 45 * min, 60 * min],
      visit: [1, 1, 240 * min, 240 * min],
      request_parts: [1, 0, 60 * min, 60 * min],
      clear_backlog: [0, 1, null, null],
      close: [1, 0, 120 * min, 120 * min],
    });
    const openSteps = b.items.find((i: { orderId: string }) => i.orderId === open.id).steps;
    expect(openSteps.find((s: { step: string }) => s.step === 'visit')).toMatchObject({
      state: 'pending',
      elapsedMs: NOW.getTime() - base.getTime(),
    });
    expect(b.items.map((i: { orderId: string }) => i.orderId)).toContain(done.id);
    const bad = ['from=2026-11-23&to=2026-11-01', 'from=2026-01-01&to=2026-11-23', 'from=2026-02-30'];
    for (const q of bad) expect((await get(`/api/dispatch/six-firsts?${q}`)).statusCode).toBe(400);
  });

  it('WO-9 end of day: orders sent to the outlet and not acknowledged', async () => {
    await jump(NOW);
    const sent = await insertOrder(h, { status: 'dispatched', dispatchedAt: ago(HOUR) });
    const old = await insertOrder(h, {
      status: 'dispatched',
      dispatchedAt: ago(DAY + HOUR),
      createdAt: ago(DAY + HOUR),
    });
    const received = await insertOrder(h, { status: 'accepted' });
    const r = (await get('/api/dispatch/end-of-day', dispatcher)).json();
    expect(r).toMatchObject({ date: '2026-11-23', outletId: OUTLET_A, complete: false });
    const ids = r.unacknowledged.map((u: { orderId: string }) => u.orderId);
    expect(ids.indexOf(old.id)).toBeLessThan(ids.indexOf(sent.id));
    expect(ids).not.toContain(received.id);
    expect(r.unacknowledged.find((u: { orderId: string }) => u.orderId === sent.id)).toMatchObject({
      number: sent.number,
      sentOn: '2026-11-23',
      waitingMinutes: 60,
    });
    expect(r.sentToday - r.acknowledgedToday).toBeGreaterThanOrEqual(1);
  });

  it('the engineer’s jobs today and tomorrow, in window order; no linked engineer is a clear 404', async () => {
    await jump(NOW);
    const engineerId = await createEngineer(h, admin, 'engineer');
    const mine = { status: 'assigned', engineerId } as const;
    const book = async (day: string, start: string, end: string) => {
      const o = await insertOrder(h, mine);
      const r = await h.request({
        method: 'POST',
        url: `/api/work-orders/${o.id}/appointments`,
        headers: dispatcher,
        payload: { version: o.version, day, windowStart: start, windowEnd: end, agreedBy: 'customer' },
      });
      expect(r.statusCode).toBe(201);
      return o;
    };
    const afternoon = await book('2026-11-23', '14:00', '16:00');
    const morning = await book('2026-11-23', '11:00', '12:00');
    const tomorrow = await book('2026-11-24', '09:00', '11:00');
    const unscheduled = await insertOrder(h, mine);
    await insertOrder(h, { status: 'assigned', engineerId: 'eng_someoneelse' });
    const engineer = await h.login('engineer');
    const today = (await get('/api/engineer/jobs', engineer)).json();
    expect(today).toMatchObject({ day: 'today', date: '2026-11-23', engineer: { id: engineerId } });
    expect(today.visits.map((v: { orderId: string }) => v.orderId)).toEqual([morning.id, afternoon.id]);
    expect(today.visits[0]).toMatchObject({
      faultDescription: '空调不制冷',
      appointment: { start: '11:00' },
    });
    expect(today.withoutWindow.map((v: { orderId: string }) => v.orderId)).toEqual([unscheduled.id]);
    // Jobs booked on another day stay in reach (a visit after a part arrives, a missed one), earliest first.
    expect(today.otherDays.map((v: { orderId: string }) => v.orderId)).toEqual([tomorrow.id]);
    const next = (await get('/api/engineer/jobs?day=tomorrow', engineer)).json();
    expect(next.visits.map((v: { orderId: string }) => v.orderId)).toEqual([tomorrow.id]);
    expect(next.otherDays.map((v: { orderId: string }) => v.orderId)).toEqual([morning.id, afternoon.id]);
    const none = await get('/api/engineer/jobs', dispatcher);
    expect(none.statusCode).toBe(404);
    expect(none.json().detail).toContain('not linked to an engineer');
  });

  it('WO-9 start of day: repeat contacts since my last shift, oldest first, and wrong-address re-dispatches to call', async () => {
    const agentAt = async (at: Date, orderId: string) => {
      h.clock.set(at);
      const r = await h.request({
        method: 'POST',
        url: `/api/work-orders/${orderId}/contacts`,
        headers: await h.login('agent'),
        payload: { channel: 'hotline', reason: 'other', customerUnhappy: false },
      });
      expect(r.statusCode).toBe(201);
      return r.json().contact.id as string;
    };
    await jump(cst('2026-11-24', '08:00')); // the dispatcher's shift of the 24th starts (login)
    const order = await insertOrder(h, { status: 'accepted', createdAt: cst('2026-11-01', '09:00') });
    const seen = await agentAt(cst('2026-11-24', '07:00'), order.id);
    const evening = await agentAt(cst('2026-11-24', '20:00'), order.id);
    const night = await agentAt(cst('2026-11-25', '06:30'), order.id);

    h.clock.set(cst('2026-11-25', '06:00'));
    const wrongAddress = await insertOrder(h, { status: 'dispatched' });
    const otherReason = await insertOrder(h, { status: 'dispatched' });
    const called = await insertOrder(h, { status: 'accepted' });
    for (const [o, reasonCode] of [
      [wrongAddress, 'wrong_address'],
      [otherReason, 'customer_request'],
      [called, 'wrong_address'],
    ] as const) {
      await workOrdersRepository.insertEvent(h.deps.database.db, {
        id: newId('oev', h.clock.now()),
        orderId: o.id,
        at: h.clock.now(),
        actorId: null,
        type: 'redispatched',
        data: { fromOutletId: 'out_demo0002', outletId: OUTLET_A, reasonCode, note: null },
      });
    }
    h.clock.set(cst('2026-11-25', '07:00'));
    await h.request({
      method: 'POST',
      url: `/api/work-orders/${called.id}/appointments`,
      headers: await h.login('admin'),
      payload: {
        version: called.version,
        day: '2026-11-25',
        windowStart: '10:00',
        windowEnd: '12:00',
        agreedBy: 'customer',
      },
    });

    h.clock.set(cst('2026-11-25', '08:30'));
    const session = await h.login('dispatcher'); // the next shift
    const r = (await get('/api/dispatch/start-of-day', session)).json();
    expect(r).toMatchObject({
      since: cst('2026-11-24', '08:00').toISOString(),
      sinceSource: 'last_shift',
      outletId: OUTLET_A,
    });
    const mine = r.repeatContacts.filter((c: { orderId: string }) => c.orderId === order.id);
    expect(mine.map((c: { contactId: string }) => c.contactId)).toEqual([evening, night]);
    expect(mine.map((c: { contactId: string }) => c.contactId)).not.toContain(seen);
    expect(mine[0]).toMatchObject({ number: order.number, orderRegisteredOn: '2026-11-01', trip: false });
    expect(r.contactNow.map((c: { orderId: string }) => c.orderId)).toEqual([wrongAddress.id]);
    expect(r.contactNow[0]).toMatchObject({
      reasonCode: 'wrong_address',
      waitingMinutes: 150,
      customerContactedAt: null,
    });
  });
});
