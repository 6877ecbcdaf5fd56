import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A, OUTLET_B } from '../../../../test/harness.ts';
import { newId } from '../../../platform/ids.ts';
import { intermediateResults, partRequests } from '../work-orders.tables.ts';
import type { OrderDetail } from '../order-view.ts';
import type { OrderWorld } from './orders-fixtures.ts';
import { appoint, orderWorld, repairOrder, tick } from './orders-fixtures.ts';

const HOUR = 3_600_000;

describe('work-order lifecycle (WO-6, WO-7, WO-13, WO-14, SEC-1)', () => {
  let h: Harness;
  let w: OrderWorld;

  const sql = async (text: string, values: unknown[] = []) =>
    (await h.testDb.database.executeSql(text, values)).rows;
  const get = async (id: string, who = 'admin') =>
    (await w.call(who, 'GET', `/api/work-orders/${id}`)).json() as OrderDetail;
  const newOrder = async (over: Record<string, unknown> = {}) => {
    const res = await w.call('agent', 'POST', '/api/work-orders', repairOrder(w, over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as OrderDetail;
  };
  /** Runs an action with the version just read; answers the response. */
  const act = async (who: string, id: string, action: string, body: Record<string, unknown> = {}) => {
    tick(h);
    const { version } = await get(id);
    return w.call(who, 'POST', `/api/work-orders/${id}/${action}`, { version, ...body });
  };
  const step = async (who: string, id: string, action: string, body: Record<string, unknown> = {}) => {
    const res = await act(who, id, action, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json() as OrderDetail;
  };
  const callback = async (who: string, id: string, body: Record<string, unknown>) => {
    tick(h);
    const res = await w.call(who, 'POST', `/api/work-orders/${id}/callbacks`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { callback: { by: string }; order: OrderDetail };
  };
  /** An order at OUTLET_A, accepted, assigned to the first engineer, appointed and visited. */
  const inProgress = async (over: Record<string, unknown> = {}) => {
    const o = await newOrder(over);
    await step('dispatcher', o.id, 'accept');
    await step('dispatcher', o.id, 'assign', { engineerId: w.engineers.first });
    tick(h);
    await appoint(h, o.id);
    return step('dispatcher', o.id, 'start-visit');
  };
  const completed = async () => {
    const o = await inProgress();
    return step('dispatcher', o.id, 'complete', { notes: '更换电容，试机正常' });
  };

  beforeAll(async () => {
    h = await createHarness();
    w = await orderWorld(h);
  });
  afterAll(() => h.close());

  it('WO-14 each step stores its instant: dispatched, accepted, assigned, first visit, completed, closed', async () => {
    const at: Record<string, string> = {};
    const o = await newOrder();
    at.dispatchedAt = h.clock.now().toISOString();
    await step('dispatcher', o.id, 'accept');
    at.acceptedAt = h.clock.now().toISOString();
    await step('dispatcher', o.id, 'assign', { engineerId: w.engineers.first });
    at.assignedAt = h.clock.now().toISOString();
    tick(h);
    await appoint(h, o.id);
    await step('dispatcher', o.id, 'start-visit');
    at.firstVisitAt = h.clock.now().toISOString();
    await step('dispatcher', o.id, 'complete', { notes: '更换电容，试机正常' });
    at.completedAt = h.clock.now().toISOString();
    await callback('dispatcher', o.id, { reached: true, satisfied: true });
    const closed = await step('dispatcher', o.id, 'close', { basis: 'completed' });
    at.closedAt = h.clock.now().toISOString();

    expect(closed.instants).toMatchObject(at);
    expect(closed).toMatchObject({ status: 'closed', closingBasis: 'completed', sla: { state: 'met' } });
    const timeline = (await w.call('agent', 'GET', `/api/work-orders/${o.id}/timeline`)).json() as {
      items: { type: string; text: Record<string, string>; actor: { displayName: string } | null }[];
    };
    expect(timeline.items.map((e) => e.type)).toEqual([
      'created',
      'dispatched',
      'accepted',
      'assigned',
      'appointed',
      'visit_started',
      'completed',
      'callback_recorded',
      'closed',
    ]);
    expect(timeline.items.at(-1)!.text['zh-CN']).toBe('结单：正常完工（回访满意）');
    expect(timeline.items.at(-1)!.actor?.displayName).toBe('信息员 刘洋');
    const outbox = await sql(
      `select topic from outbox where payload->>'orderId' = $1 order by created_at, id`,
      [o.id],
    );
    // created and dispatched share one instant; the later messages follow in order.
    const topics = outbox.map((r) => r.topic as string);
    expect(topics.slice(0, 2).sort()).toEqual(['order.created', 'order.dispatched']);
    expect(topics.slice(2)).toEqual(['order.completed', 'order.closed']);
    const audit = await sql(`select action from audit_log where entity_id = $1 order by at, id`, [o.id]);
    expect(audit.map((r) => r.action)).toEqual([
      'create',
      'accepted',
      'assigned',
      'appointed',
      'visit_started',
      'completed',
      'callback_recorded',
      'closed',
    ]);
    // The completion notes stay on the order's timeline; the audit row records that notes were given.
    const completedAudit = await sql(
      `select after from audit_log where entity_id = $1 and action = 'completed'`,
      [o.id],
    );
    expect(JSON.stringify(completedAudit[0]!.after)).not.toContain('更换电容');
    expect(completedAudit[0]!.after).toMatchObject({ event: { notesLength: 9 } });
  });

  it('WO-13 the engineer suggestion is the qualified engineer with the least open work, with reasons', async () => {
    const a = await newOrder();
    await step('dispatcher', a.id, 'accept');
    type Ranked = { engineerId: string; openAssigned: number; assignedToday: number };
    const first = (await w.call('dispatcher', 'GET', `/api/work-orders/${a.id}/engineer-suggestion`)).json();
    const ranked = first.ranked as Ranked[];
    expect(JSON.stringify(first)).not.toMatch(/nameEnc|v1\./);
    expect(ranked.map((r) => r.engineerId).sort()).toEqual([w.engineers.first, w.engineers.second].sort());
    // Least open work first, then fewest assignments today: "fair, no favourites".
    const keys = ranked.map((r) => [r.openAssigned, r.assignedToday]);
    expect(keys).toEqual([...keys].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!));
    expect(first.suggestion.engineerId).toBe(ranked[0]!.engineerId);
    expect(first.rejected).toEqual([
      expect.objectContaining({
        id: w.engineers.washer,
        reasons: [expect.objectContaining({ code: 'NOT_QUALIFIED' })],
      }),
    ]);

    // Give the suggested engineer more open work than the other: the next suggestion is the other one.
    const [suggested, other] = ranked as [Ranked, Ranked];
    for (let i = 0; i <= other.openAssigned - suggested.openAssigned; i++) {
      const o = await newOrder();
      await step('dispatcher', o.id, 'accept');
      await step('dispatcher', o.id, 'assign', { engineerId: suggested.engineerId });
    }
    const next = (await w.call('dispatcher', 'GET', `/api/work-orders/${a.id}/engineer-suggestion`)).json();
    expect(next.suggestion.engineerId).toBe(other.engineerId);
    expect(next.suggestion.reasons.map((r: { code: string }) => r.code)).toEqual([
      'QUALIFIED',
      'LEAST_LOADED',
    ]);

    const unqualified = await act('dispatcher', a.id, 'assign', { engineerId: w.engineers.washer });
    expect(unqualified.statusCode).toBe(422);
    expect(unqualified.json()).toMatchObject({ code: 'ORDER_RULE_REFUSED', reason: 'NOT_QUALIFIED' });
    const assigned = await step('dispatcher', a.id, 'assign', { engineerId: other.engineerId });
    expect(assigned).toMatchObject({ status: 'assigned', engineer: { id: other.engineerId } });
    const event = await sql(`select data from order_events where order_id = $1 and type = 'assigned'`, [
      a.id,
    ]);
    expect(event[0]!.data).toMatchObject({ followedSuggestion: true, suggestedEngineerId: other.engineerId });
  });

  it('WO-7 the SLA is stored on the order and recomputed when it is re-dispatched to a tier-3 county outlet', async () => {
    const o = await newOrder();
    await step('dispatcher', o.id, 'accept');
    await step('dispatcher', o.id, 'assign', { engineerId: w.engineers.first });
    const created = new Date(o.createdAt).getTime();
    const stored = async () =>
      (
        await sql(
          `select sla_rule, sla_policy_version, extract(epoch from sla_deadline) * 1000 as deadline, outlet_id
             from work_orders where id = $1`,
          [o.id],
        )
      )[0]!;
    expect(await stored()).toMatchObject({ sla_rule: 'WO-7.1', sla_policy_version: 1, outlet_id: OUTLET_A });
    expect(Number((await stored()).deadline)).toBe(created + 48 * HOUR);

    const moved = await step('agent', o.id, 'redispatch', {
      outletId: w.countyOutletId,
      reasonCode: 'outside_coverage',
      note: '用户已搬到博罗县',
    });
    expect(moved).toMatchObject({ status: 'dispatched', outlet: { id: w.countyOutletId }, engineer: null });
    expect(moved.instants).toMatchObject({
      acceptedAt: null,
      assignedAt: null,
      dispatchedAt: h.clock.now().toISOString(),
    });
    expect(await stored()).toMatchObject({ sla_rule: 'WO-7.1', outlet_id: w.countyOutletId });
    expect(Number((await stored()).deadline)).toBe(created + 72 * HOUR);
    const why = (await w.call('agent', 'GET', `/api/work-orders/${o.id}/sla`)).json();
    expect(why.evaluation.decision).toMatchObject({ rule: 'WO-7.1', allowedHours: 72, policyVersion: 1 });
    expect(why.text['en-US']).toContain('3 d (WO-7.1, policy wo.sla.standard v1)');
    expect(why.text['en-US']).toContain('outlet in a tier-3 region');
    expect(why.text['zh-CN']).toContain('网点所在区域3级市场');
    const outbox = await sql(
      `select payload from outbox where topic = 'order.dispatched' and payload->>'orderId' = $1 order by id`,
      [o.id],
    );
    expect(outbox.map((r) => (r.payload as { outletId: string }).outletId)).toEqual([
      OUTLET_A,
      w.countyOutletId,
    ]);
    const same = await act('agent', o.id, 'redispatch', {
      outletId: w.countyOutletId,
      reasonCode: 'customer_request',
    });
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ code: 'ORDER_ILLEGAL_TRANSITION', reason: 'SAME_OUTLET' });
    const noNote = await act('agent', o.id, 'redispatch', { outletId: OUTLET_A, reasonCode: 'other' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].path).toBe('/note');
  });

  it('illegal steps answer 409 ORDER_ILLEGAL_TRANSITION; a stale version answers 409 VERSION_CONFLICT', async () => {
    const o = await newOrder();
    const cases: [string, Record<string, unknown>, string][] = [
      ['complete', { notes: 'x' }, 'ILLEGAL_TRANSITION'],
      ['start-visit', {}, 'ILLEGAL_TRANSITION'],
      ['assign', { engineerId: w.engineers.first }, 'ILLEGAL_TRANSITION'],
      ['close', { basis: 'completed' }, 'ILLEGAL_TRANSITION'],
    ];
    const wrong: string[] = [];
    for (const [action, body, reason] of cases) {
      const res = await act('admin', o.id, action, body);
      if (
        res.statusCode !== 409 ||
        res.json().code !== 'ORDER_ILLEGAL_TRANSITION' ||
        res.json().reason !== reason
      ) {
        wrong.push(`${action}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    await step('dispatcher', o.id, 'accept');
    const again = await act('dispatcher', o.id, 'accept');
    expect(again.json()).toMatchObject({
      code: 'ORDER_ILLEGAL_TRANSITION',
      from: 'accepted',
      action: 'accept',
    });
    await step('dispatcher', o.id, 'assign', { engineerId: w.engineers.first });
    const notAppointed = await act('dispatcher', o.id, 'start-visit');
    expect(notAppointed.statusCode).toBe(409);
    const notCarryIn = await act('dispatcher', o.id, 'receive-unit');
    expect(notCarryIn.json()).toMatchObject({ code: 'ORDER_RULE_REFUSED', reason: 'NOT_CARRY_IN' });
    const stale = await w.call('dispatcher', 'POST', `/api/work-orders/${o.id}/accept`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    tick(h);
    await appoint(h, o.id);
    await step('dispatcher', o.id, 'start-visit');
    const lateCancel = await act('agent', o.id, 'cancel', { reason: '用户不修了' });
    expect(lateCancel.json()).toMatchObject({ code: 'ORDER_ILLEGAL_TRANSITION', from: 'in_progress' });

    const early = await newOrder();
    const blank = await act('agent', early.id, 'cancel', { reason: '  ' });
    expect(blank.statusCode).toBe(400);
    const cancelled = await step('agent', early.id, 'cancel', { reason: '用户重复报修' });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      instants: { cancelledAt: h.clock.now().toISOString() },
    });
    const afterCancel = await act('dispatcher', early.id, 'accept');
    expect(afterCancel.json()).toMatchObject({ code: 'ORDER_ILLEGAL_TRANSITION', from: 'cancelled' });
  });

  it('carry-in: the unit received at the outlet starts the work and stands for the first visit', async () => {
    const o = await newOrder({ serviceMode: 'carry_in' });
    await step('dispatcher', o.id, 'accept');
    await step('dispatcher', o.id, 'assign', { engineerId: w.engineers.first });
    const received = await step('dispatcher', o.id, 'receive-unit');
    expect(received).toMatchObject({
      status: 'in_progress',
      instants: { firstVisitAt: h.clock.now().toISOString() },
    });
  });

  it('WO-6.1 a completed order closes only after a callback by the dispatcher or the call center finds the customer satisfied', async () => {
    const o = await completed();
    const none = await act('dispatcher', o.id, 'close', { basis: 'completed' });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({
      code: 'ORDER_RULE_REFUSED',
      reason: 'CALLBACK_REQUIRED',
      rule: 'WO-6.1',
    });
    const missed = await callback('agent', o.id, { reached: false });
    expect(missed.callback.by).toBe('call_center');
    const stillNone = await act('dispatcher', o.id, 'close', { basis: 'completed' });
    expect(stillNone.json().reason).toBe('CALLBACK_REQUIRED');
    const blank = await w.call('agent', 'POST', `/api/work-orders/${o.id}/callbacks`, { reached: true });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].path).toBe('/satisfied');
    const byDispatcher = await callback('dispatcher', o.id, {
      reached: true,
      satisfied: true,
      note: '用户很满意',
    });
    expect(byDispatcher.callback.by).toBe('dispatcher');
    expect(byDispatcher.order.actions.find((a) => a.action === 'close:completed')).toEqual({
      action: 'close:completed',
      allowed: true,
      reason: null,
    });
    const closed = await step('dispatcher', o.id, 'close', { basis: 'completed' });
    expect(closed.status).toBe('closed');

    const other = await completed();
    await callback('callback', other.id, { reached: true, satisfied: true });
    expect((await step('outlet', other.id, 'close', { basis: 'completed' })).status).toBe('closed');
    const rows = await sql(`select by from order_callbacks where order_id in ($1, $2) order by at`, [
      o.id,
      other.id,
    ]);
    expect(rows.map((r) => r.by)).toEqual(['call_center', 'dispatcher', 'call_center']);
    const tooEarly = await newOrder();
    const early = await w.call('agent', 'POST', `/api/work-orders/${tooEarly.id}/callbacks`, {
      reached: false,
    });
    expect(early.json()).toMatchObject({ code: 'ORDER_ILLEGAL_TRANSITION', reason: 'NOT_COMPLETED' });
  });

  it('WO-6.2 an order closes on "customer has no time" only when the latest outcome says so beyond 7 days', async () => {
    const o = await newOrder();
    await step('dispatcher', o.id, 'accept');
    const without = await act('dispatcher', o.id, 'close', { basis: 'customer_no_time' });
    expect(without.json()).toMatchObject({
      code: 'ORDER_RULE_REFUSED',
      reason: 'NO_TIME_RESULT_REQUIRED',
      rule: 'WO-6.2',
    });
    // Recording outcomes is field work (WO-5); the row is written as that route stores it.
    const record = async (through: string) =>
      h.deps.database.db.insert(intermediateResults).values({
        id: newId('irs', h.clock.now()),
        orderId: o.id,
        code: 'CUSTOMER_NO_TIME',
        data: { statedBy: { kind: 'customer' }, noTimeThrough: through, note: null },
        recordedAt: h.clock.now(),
      });
    tick(h);
    await record('2026-11-26');
    const tooSoon = await act('dispatcher', o.id, 'close', { basis: 'customer_no_time' });
    expect(tooSoon.json()).toMatchObject({ reason: 'NO_TIME_NOT_BEYOND_HORIZON' });
    tick(h);
    await record('2026-12-05');
    const closed = await step('dispatcher', o.id, 'close', { basis: 'customer_no_time' });
    expect(closed).toMatchObject({ status: 'closed', closingBasis: 'customer_no_time' });
  });

  it('WO-6.3 one ticket to the end: an unhappy callback reopens the order, and unfinished work never closes', async () => {
    const o = await completed();
    const unhappy = await callback('agent', o.id, { reached: true, satisfied: false, note: '还是不制冷' });
    expect(unhappy.order.status).toBe('follow_up');
    const closeNow = await act('dispatcher', o.id, 'close', { basis: 'completed' });
    expect(closeNow.json()).toMatchObject({
      code: 'ORDER_ILLEGAL_TRANSITION',
      reason: 'CLOSING_BASIS_NOT_ALLOWED',
    });

    const p = await completed();
    // A part requested for the job and not fitted yet (parts are field work).
    await h.deps.database.db.insert(partRequests).values({
      id: newId('prq', h.clock.now()),
      orderId: p.id,
      partName: '压缩机电容',
      quantity: 1,
      shippedBy: 'outlet_stock',
      appliedAt: h.clock.now(),
      createdAt: h.clock.now(),
    });
    await callback('dispatcher', p.id, { reached: true, satisfied: true });
    const unfinished = await act('dispatcher', p.id, 'close', { basis: 'completed' });
    expect(unfinished.statusCode).toBe(422);
    expect(unfinished.json()).toMatchObject({ reason: 'WORK_UNFINISHED', rule: 'WO-6.3' });
    expect((await get(p.id, 'dispatcher')).actions.find((a) => a.action === 'close:completed')).toMatchObject(
      {
        allowed: false,
        reason: { code: 'WORK_UNFINISHED' },
      },
    );
  });

  it('WO-6.4 a customer who clearly declines on site closes the order, with the address confirmed and the reason', async () => {
    const assigned = await newOrder();
    await step('dispatcher', assigned.id, 'accept');
    const notVisited = await act('dispatcher', assigned.id, 'close', {
      basis: 'declined_on_site',
      decline: { clearlyDeclined: true, addressConfirmed: true, reason: '用户不想修了' },
    });
    expect(notVisited.json()).toMatchObject({
      code: 'ORDER_ILLEGAL_TRANSITION',
      reason: 'CLOSING_BASIS_NOT_ALLOWED',
    });

    const o = await inProgress();
    const unconfirmed = await act('dispatcher', o.id, 'close', {
      basis: 'declined_on_site',
      decline: { clearlyDeclined: true, addressConfirmed: false, reason: '' },
    });
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.json()).toMatchObject({ reason: 'ADDRESS_NOT_CONFIRMED', rule: 'WO-6.4' });
    expect(unconfirmed.json().refusals.map((r: { code: string }) => r.code)).toEqual([
      'ADDRESS_NOT_CONFIRMED',
      'DECLINE_REASON_REQUIRED',
    ]);
    const missing = await act('dispatcher', o.id, 'close', { basis: 'declined_on_site' });
    expect(missing.json().reason).toBe('DECLINE_NOT_RECORDED');
    const closed = await step('dispatcher', o.id, 'close', {
      basis: 'declined_on_site',
      decline: { clearlyDeclined: true, addressConfirmed: true, reason: '用户嫌维修费贵，明确不修' },
    });
    expect(closed).toMatchObject({ status: 'closed', closingBasis: 'declined_on_site' });
    const audit = await sql(`select reason from audit_log where entity_id = $1 and action = 'closed'`, [
      o.id,
    ]);
    expect(audit).toEqual([{ reason: '用户嫌维修费贵，明确不修' }]);
  });

  it('SEC-1 another outlet’s dispatcher finds no such order (404); an engineer works only on their own jobs', async () => {
    const created = await w.call('admin', 'POST', '/api/users', {
      username: 'dispatcher.sz',
      displayName: '深圳信息员',
      role: 'dispatcher',
      scope: { kind: 'outlet', outletId: OUTLET_B },
      password: 'long-enough-1',
      phone: '13512349999',
    });
    expect(created.statusCode).toBe(201);
    const sz = await h.login('dispatcher.sz', 'long-enough-1');
    const o = await newOrder();
    const asSz = (method: string, url: string, payload?: unknown) =>
      h.request({
        method: method as 'GET',
        url,
        headers: sz,
        ...(payload ? { payload: payload as object } : {}),
      });
    expect((await asSz('GET', `/api/work-orders/${o.id}`)).statusCode).toBe(404);
    expect((await asSz('GET', `/api/work-orders/${o.id}/timeline`)).statusCode).toBe(404);
    expect((await asSz('POST', `/api/work-orders/${o.id}/accept`, { version: o.version })).statusCode).toBe(
      404,
    );
    const list = (await asSz('GET', '/api/work-orders?pageSize=200')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(o.id);

    await step('dispatcher', o.id, 'accept');
    await step('dispatcher', o.id, 'assign', { engineerId: w.engineers.second });
    tick(h);
    await appoint(h, o.id);
    // The demo engineer login is no engineer record of this outlet's, so the job is not theirs.
    const notTheirs = await act('engineer', o.id, 'start-visit');
    expect(notTheirs.statusCode).toBe(403);
    const agentAccept = await act('agent', o.id, 'accept');
    expect(agentAccept.statusCode).toBe(403);
  });
});
