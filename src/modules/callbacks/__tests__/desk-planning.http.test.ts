import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A, OUTLET_B } from '../../../../test/harness.ts';
import { systemContext } from '../../../platform/auth/actor.ts';
import { MonthEnd, QueuePage, TaskDetail } from '../desk-schemas.ts';
import type { OrderWorld } from './desk-fixtures.ts';
import {
  DAY,
  HOUR,
  advance,
  deskWorld,
  expectShape,
  extraPasswords,
  orderSteps,
  setPolicy,
  sql,
} from './desk-fixtures.ts';

const DEFAULT_RATES = { a: 0.2, b: 0.3, c: 0.5, d: 1 };

describe('callback task planning (CB-2, CB-3, STL-1, SEC-1)', () => {
  let h: Harness;
  let w: OrderWorld;
  let steps: ReturnType<typeof orderSteps>;

  beforeAll(async () => {
    h = await createHarness();
    w = await deskWorld(h);
    steps = orderSteps(h, w);
    await h.services.users.create(systemContext(h.clock.now()), {
      username: 'dispatcher-b',
      displayName: '深圳信息员',
      role: 'dispatcher',
      scope: { kind: 'outlet', outletId: OUTLET_B },
      password: 'long-enough-1',
    });
    extraPasswords['dispatcher-b'] = 'long-enough-1';
    w.as['dispatcher-b'] = await h.login('dispatcher-b', 'long-enough-1');
  });
  afterAll(() => h.close());

  it('CB-2 every completed order gets exactly one callback task, however often the completion is delivered', async () => {
    const { orderId, task } = await steps.completedWithTask();
    expectShape(TaskDetail, task);
    expect(task).toMatchObject({ status: 'open', order: { id: orderId, status: 'completed' } });
    const event = (
      await sql(
        h,
        `select id, payload from outbox where topic = 'order.completed' and payload->>'orderId' = $1`,
        [orderId],
      )
    )[0]!;
    // Redelivery of the same event, and a second completion event for the order, plan nothing more.
    for (const id of [String(event.id), 'evt_redelivered0000000000']) {
      await h.bus.apply('callbacks.plan-task', {
        id,
        topic: 'order.completed',
        payload: event.payload,
        occurredAt: h.clock.now().toISOString(),
      });
    }
    expect(await sql(h, `select id from callback_tasks where order_id = $1`, [orderId])).toHaveLength(1);
    const audit = await sql(
      h,
      `select actor_id, after from audit_log where entity = 'callback_task' and entity_id = $1`,
      [task.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: 'system', after: { orderId, reason: 'SAMPLED' } });
  });

  it('CB-2 HQ samples by outlet grade (an ungraded outlet like the lowest); what HQ does not sample the outlet calls back', async () => {
    const sampled = (await steps.completedWithTask()).task;
    expect(sampled.plan).toMatchObject({
      caller: 'call_center',
      reason: 'SAMPLED',
      highValue: false,
      rounds: 1,
      sampling: { grade: 'D', rate: 1, sampled: true },
    });
    await setPolicy(h, w, 'cb.sampling.rate_by_grade', { a: 0, b: 0, c: 0, d: 0 });
    const own = (await steps.completedWithTask()).task;
    await setPolicy(h, w, 'cb.sampling.rate_by_grade', DEFAULT_RATES);
    expect(own.plan).toMatchObject({
      caller: 'outlet',
      reason: 'NOT_SAMPLED',
      sampling: { grade: 'D', rate: 0, sampled: false },
    });
    expect(own.plan.policyVersions['cb.sampling.rate_by_grade']).toBe(2);
    // The outlet's own queue holds its unsampled task; the call center's queue holds both (HQ and outlet combine).
    const outletQueue = (
      await w.call('dispatcher', 'GET', '/api/callbacks/queue?caller=outlet&pageSize=200')
    ).json();
    expectShape(QueuePage, outletQueue);
    expect(outletQueue.items.map((i: { id: string }) => i.id)).toContain(own.id);
    expect(outletQueue.items.map((i: { id: string }) => i.id)).not.toContain(sampled.id);
    const all = (await w.call('callback', 'GET', '/api/callbacks/queue?view=due&pageSize=200')).json();
    expect(all.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([own.id, sampled.id]));
  });

  it('STL-1 CB-2 the settlement value is the fee table times the band × grade multiplier; a high-value order gets more rounds', async () => {
    // Air-conditioner repair on site: ¥80.00 in the default table.
    const plain = (await steps.completedWithTask()).task;
    expect(plain.plan.settlementValueFen).toBe(8_000);
    expect(plain.plan.policyVersions).toMatchObject({ 'stl.fee_table': 1, 'net.grade.band_matrix': 1 });
    await sql(h, `update outlets set band = 1, grade = 'A' where id = $1`, [OUTLET_A]);
    // Band 1, grade A: × 1.2 → ¥96.00; a threshold of ¥96.00 makes it high-value.
    await setPolicy(h, w, 'cb.high_value.threshold_fen', 9_600);
    const high = (await steps.completedWithTask()).task;
    await setPolicy(h, w, 'cb.high_value.threshold_fen', 20_000);
    await sql(h, `update outlets set band = null, grade = null where id = $1`, [OUTLET_A]);
    expect(high.plan).toMatchObject({
      settlementValueFen: 9_600,
      highValue: true,
      reason: 'HIGH_VALUE',
      caller: 'call_center',
      rounds: 2,
      sampling: { grade: 'A', rate: 0.2 },
    });
    expect(high.nextAttempt).toMatchObject({ status: 'calling', round: 1, roundsRequired: 2 });
  });

  it('CB-3 the callback is due 3 days after the completion entry and belongs to the month of the entry', async () => {
    const { task } = await steps.completedWithTask();
    const entered = new Date(task.plan.completionEnteredAt).getTime();
    expect(new Date(task.plan.dueAt).getTime()).toBe(entered + 3 * DAY);
    expect(task.month).toBe('2026-11');
    expect(task.plan.overdue).toBe(false);
    expect(task.plan.lateEntry).toMatchObject({ late: false, lateByHours: 0, message: null });
    await advance(h, w, 3 * DAY + HOUR);
    const later = await steps.task(task.id);
    expect(later.plan.overdue).toBe(true);
    const overdue = (
      await w.call('callback', 'GET', '/api/callbacks/queue?view=overdue&pageSize=200')
    ).json();
    expect(overdue.items.find((i: { id: string }) => i.id === task.id)).toMatchObject({ overdue: true });
  });

  it('CB-3 a completion entered more than 72 h after the visit is a late entry', async () => {
    const o = await steps.visited();
    const visitAt = h.clock.now().getTime();
    // The completion step moves the clock a minute on itself.
    await advance(h, w, 75 * HOUR - 60_000);
    await steps.complete(o.id);
    const task = (await w.call('callback', 'GET', `/api/callbacks/by-order/${o.id}`)).json();
    expect(task.plan.lateEntry).toMatchObject({ late: true, lateByHours: 3 });
    expect(new Date(task.plan.lateEntry.limitAt).getTime()).toBe(visitAt + 72 * HOUR);
    expect(task.plan.lateEntry.message).toMatch(/after the 72 h limit/);
  });

  it('SEC-1 outlet users see their own outlet’s callbacks only: another outlet’s task answers 404', async () => {
    const { orderId, task } = await steps.completedWithTask();
    for (const url of [`/api/callbacks/${task.id}`, `/api/callbacks/by-order/${orderId}`]) {
      const res = await w.call('dispatcher-b', 'GET', url);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const theirs = (await w.call('dispatcher-b', 'GET', '/api/callbacks/queue?view=all&pageSize=200')).json();
    expect(theirs.total).toBe(0);
    expect((await w.call('regional', 'GET', `/api/callbacks/${task.id}`)).statusCode).toBe(200);
    expect((await w.call('engineer', 'GET', `/api/callbacks/${task.id}`)).statusCode).toBe(403);
    expect(
      (await w.call('callback', 'GET', '/api/callbacks/by-order/ord_0000000000nothing00')).statusCode,
    ).toBe(404);
  });

  it('CB-3 the queue filters by view, caller, month and order number, sorted by due time; bad filters answer 400', async () => {
    const { task } = await steps.completedWithTask();
    const byNumber = (
      await w.call('callback', 'GET', `/api/callbacks/queue?view=all&q=${task.order.number.slice(2)}`)
    ).json();
    expect(byNumber.items.map((i: { id: string }) => i.id)).toEqual([task.id]);
    const page = (
      await w.call('callback', 'GET', '/api/callbacks/queue?view=all&month=2026-11&pageSize=200')
    ).json();
    const due = page.items.map((i: { dueAt: string }) => i.dueAt);
    expect(due).toEqual([...due].sort());
    expect(page.total).toBe(page.items.length);
    for (const bad of ['view=later', 'pageSize=201', 'month=2026-13', 'caller=hq', 'q=%27%3B']) {
      const res = await w.call('callback', 'GET', `/api/callbacks/queue?${bad}`);
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('CB-2 月清月毕: month-end lists the month’s open callbacks per outlet', async () => {
    const res = await w.call('center', 'GET', '/api/callbacks/month-end?month=2026-11');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expectShape(MonthEnd, body);
    const count = Number(
      (await sql(h, `select count(*) as n from callback_tasks where month = '2026-11'`))[0]!.n,
    );
    expect(body).toMatchObject({ month: '2026-11', total: count, clearedInMonth: 0, monthOver: false });
    expect(body.open).toHaveLength(count);
    expect(body.byOutlet).toEqual([
      expect.objectContaining({ outletId: OUTLET_A, total: count, open: count }),
    ]);
    expect(body.open.some((o: { overdue: boolean }) => o.overdue)).toBe(true);
    const outletView = (await w.call('dispatcher-b', 'GET', '/api/callbacks/month-end?month=2026-11')).json();
    expect(outletView.total).toBe(0);
    expect((await w.call('center', 'GET', '/api/callbacks/month-end?month=2026-1')).statusCode).toBe(400);
  });
});
