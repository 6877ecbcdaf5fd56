import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import { AttemptResult, RevealResult } from '../desk-schemas.ts';
import type { OrderWorld } from './desk-fixtures.ts';
import {
  call,
  deskWorld,
  expectShape,
  moveTo,
  orderSteps,
  satisfiedAnswers,
  setPolicy,
  sql,
} from './desk-fixtures.ts';

describe('callback calls (CB-4, CB-5, WO-6.1, MD-5)', () => {
  let h: Harness;
  let w: OrderWorld;
  let steps: ReturnType<typeof orderSteps>;

  const attemptsOf = async (taskId: string) =>
    Number((await sql(h, `select count(*) as n from callback_attempts where task_id = $1`, [taskId]))[0]!.n);

  beforeAll(async () => {
    h = await createHarness();
    w = await deskWorld(h);
    steps = orderSteps(h, w);
  });
  afterAll(() => h.close());

  it('CB-5 the slot comes from the clock; nobody answering is retried in another slot, and after 3 calls the callback is given up', async () => {
    await moveTo(h, w, '2026-11-24T01:00:00Z'); // 09:00 in Shanghai
    const { task } = await steps.completedWithTask();
    const first = await call(w, 'callback', task.id, { outcome: 'no_answer' });
    expect(first.statusCode, first.body).toBe(201);
    expectShape(AttemptResult, first.json());
    expect(first.json()).toMatchObject({
      attempt: {
        slot: 'morning',
        outcome: 'no_answer',
        verdictRound: 1,
        agent: { displayName: '回访员 张丽' },
      },
      orderCallback: null,
      task: {
        status: 'open',
        nextAttempt: {
          status: 'calling',
          guidance: 'TRY_ANOTHER_SLOT',
          allowedSlots: ['afternoon', 'evening'],
        },
      },
    });

    await moveTo(h, w, '2026-11-24T03:30:00Z'); // 11:30, still the morning
    const again = await call(w, 'callback', task.id, { outcome: 'no_answer' });
    expect(again.statusCode).toBe(422);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({
      code: 'CALLBACK_RULE_REFUSED',
      rule: 'CB-5',
      reason: 'SAME_SLOT_AS_UNANSWERED',
    });
    expect(await attemptsOf(task.id)).toBe(1);

    await moveTo(h, w, '2026-11-24T05:30:00Z'); // 13:30
    const afternoon = await call(w, 'callback2', task.id, { outcome: 'no_answer' });
    expect(afternoon.json()).toMatchObject({
      attempt: { slot: 'afternoon' },
      task: { nextAttempt: { allowedSlots: ['evening'], attemptsLeft: 1 } },
    });

    await moveTo(h, w, '2026-11-24T11:00:00Z'); // 19:00
    const last = await call(w, 'callback', task.id, { outcome: 'no_answer' });
    expect(last.statusCode, last.body).toBe(201);
    expect(last.json().task).toMatchObject({
      status: 'unreachable',
      finalisation: { final: true, basis: 'UNREACHABLE', verdict: null },
      nextAttempt: { status: 'done' },
      allowed: { call: { allowed: false, reason: { code: 'TASK_FINAL' } } },
    });
    const finalised = await sql(
      h,
      `select payload from outbox where topic = 'callback.finalised' and payload->>'taskId' = $1`,
      [task.id],
    );
    expect(finalised).toHaveLength(1);
    expect(finalised[0]!.payload).toMatchObject({
      outcome: 'unreachable',
      basis: 'UNREACHABLE',
      verdict: null,
      settlement: null,
      finalAt: '2026-11-24T11:00:00.000Z',
      policyVersions: { 'cb.unreachable.max_attempts': 1, 'cb.attempt.slot_starts': 1 },
    });
    const after = await call(w, 'callback', task.id, { outcome: 'no_answer' });
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({ code: 'CALLBACK_STATE_CONFLICT', reason: 'TASK_FINAL' });
    const appeal = await w.call('dispatcher', 'POST', `/api/callbacks/${task.id}/appeal`, {
      version: last.json().task.version,
      statement: '用户电话一直打不通',
    });
    expect(appeal.json()).toMatchObject({ reason: 'APPEAL_NOT_ALLOWED' });
  });

  it('CB-5 someone who answers but does not know about the service: the customer is called again another day', async () => {
    await moveTo(h, w, '2026-11-25T01:00:00Z'); // 09:00
    const { task } = await steps.completedWithTask();
    const other = await call(w, 'callback', task.id, {
      outcome: 'other_does_not_know',
      note: '家中老人接听',
    });
    expect(other.statusCode, other.body).toBe(201);
    expect(other.json().task.nextAttempt).toMatchObject({
      guidance: 'CALL_CUSTOMER_ANOTHER_DAY',
      notBeforeDate: '2026-11-26',
      allowedSlots: ['morning', 'afternoon', 'evening'],
    });
    await moveTo(h, w, '2026-11-25T07:00:00Z'); // 15:00 the same day
    const sameDay = await call(w, 'callback', task.id, { outcome: 'reached', answers: satisfiedAnswers });
    expect(sameDay.statusCode).toBe(422);
    expect(sameDay.json()).toMatchObject({
      rule: 'CB-5',
      reason: 'CUSTOMER_AGAIN_ANOTHER_DAY',
      notBeforeDate: '2026-11-26',
    });
    await moveTo(h, w, '2026-11-26T02:00:00Z');
    const reached = await call(w, 'callback', task.id, { outcome: 'reached', answers: satisfiedAnswers });
    expect(reached.statusCode, reached.body).toBe(201);
    expect(reached.json().task.nextAttempt).toMatchObject({ status: 'ready_for_verdict' });
    const more = await call(w, 'callback', task.id, { outcome: 'no_answer' });
    expect(more.statusCode).toBe(409);
    expect(more.json()).toMatchObject({ code: 'CALLBACK_STATE_CONFLICT', reason: 'ROUND_ALREADY_ANSWERED' });
  });

  it('CB-4 the answers are required and checked when someone who knows answered; bad input writes nothing', async () => {
    const { task } = await steps.completedWithTask();
    const cases: [Record<string, unknown>, number, { path: string; code?: string }[]][] = [
      [{ outcome: 'reached' }, 400, [{ path: '/answers', code: 'REQUIRED' }]],
      [
        { outcome: 'other_knows', answers: { ...satisfiedAnswers, feeCharged: true } },
        400,
        [{ path: '/answers/feeAmountFen', code: 'AMOUNT_REQUIRED' }],
      ],
      [
        { outcome: 'reached', answers: { ...satisfiedAnswers, timely: null, satisfaction: null } },
        400,
        [
          { path: '/answers/timely', code: 'REQUIRED' },
          { path: '/answers/satisfaction', code: 'REQUIRED' },
        ],
      ],
      [
        { outcome: 'no_answer', answers: satisfiedAnswers },
        400,
        [{ path: '/answers', code: 'ANSWERS_NOT_EXPECTED' }],
      ],
      [
        { outcome: 'reached', answers: { ...satisfiedAnswers, satisfaction: 7 } },
        400,
        [{ path: '/answers/satisfaction' }],
      ],
      [{ outcome: 'maybe' }, 400, [{ path: '/outcome' }]],
    ];
    const wrong: string[] = [];
    for (const [body, status, errors] of cases) {
      const res = await call(w, 'callback', task.id, body);
      const problem = res.json() as { errors?: { path: string; code?: string }[] };
      if (res.statusCode !== status) wrong.push(`${JSON.stringify(body)} → ${res.statusCode}`);
      for (const e of errors) {
        if (!problem.errors?.some((x) => x.path === e.path && (e.code === undefined || x.code === e.code))) {
          wrong.push(`${JSON.stringify(body)} lacks ${JSON.stringify(e)}: ${JSON.stringify(problem.errors)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    const noVersion = await w.call('callback', 'POST', `/api/callbacks/${task.id}/attempts`, {
      outcome: 'no_answer',
    });
    expect(noVersion.statusCode).toBe(400);
    const stale = await w.call('callback', 'POST', `/api/callbacks/${task.id}/attempts`, {
      version: task.version + 5,
      outcome: 'no_answer',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await attemptsOf(task.id)).toBe(0);
    expect(
      await sql(
        h,
        `select 1 from audit_log where entity = 'callback_task' and entity_id = $1 and action <> 'planned'`,
        [task.id],
      ),
    ).toEqual([]);
    expect((await steps.task(task.id)).version).toBe(task.version);
  });

  it('WO-6.1 CB-4 the order cannot close before the desk’s satisfied callback and can after it', async () => {
    const { orderId, task } = await steps.completedWithTask();
    const orderVersion = async () =>
      (await w.call('admin', 'GET', `/api/work-orders/${orderId}`)).json().version;
    const before = await w.call('dispatcher', 'POST', `/api/work-orders/${orderId}/close`, {
      basis: 'completed',
      version: await orderVersion(),
    });
    expect(before.statusCode).toBe(422);
    expect(before.json()).toMatchObject({ code: 'ORDER_RULE_REFUSED' });

    const res = await call(w, 'callback', task.id, {
      outcome: 'reached',
      answers: { ...satisfiedAnswers, satisfaction: 4 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      attempt: { satisfied: true, answers: { satisfaction: 4, feeAmountFen: null } },
      orderCallback: { by: 'call_center', reached: true, satisfied: true },
    });
    const after = await w.call('dispatcher', 'POST', `/api/work-orders/${orderId}/close`, {
      basis: 'completed',
      version: await orderVersion(),
    });
    expect(after.statusCode, after.body).toBe(200);
    expect(after.json()).toMatchObject({ status: 'closed', closingBasis: 'completed' });
    const audit = await sql(
      h,
      `select after from audit_log where entity = 'callback_task' and action = 'attempt_recorded' and entity_id = $1`,
      [task.id],
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toMatch(/repairedOrInstalled|note/);
  });

  it('CB-2 WO-6.1 the outlet calls back what HQ does not sample, as its dispatcher’s callback; an unhappy customer reopens the order', async () => {
    const sampled = (await steps.completedWithTask()).task;
    const notTheirs = await call(w, 'dispatcher', sampled.id, { outcome: 'no_answer' });
    expect(notTheirs.statusCode).toBe(422);
    expect(notTheirs.json()).toMatchObject({ rule: 'CB-2', reason: 'NOT_THE_CALLER' });
    expect((await steps.task(sampled.id, 'dispatcher')).allowed.call).toMatchObject({
      allowed: false,
      reason: { code: 'NOT_THE_CALLER' },
    });

    await setPolicy(h, w, 'cb.sampling.rate_by_grade', { a: 0, b: 0, c: 0, d: 0 });
    const { orderId, task } = await steps.completedWithTask();
    await setPolicy(h, w, 'cb.sampling.rate_by_grade', { a: 0.2, b: 0.3, c: 0.5, d: 1 });
    expect(task.plan.caller).toBe('outlet');
    const res = await call(w, 'dispatcher', task.id, {
      outcome: 'reached',
      answers: { ...satisfiedAnswers, satisfaction: 2 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      attempt: { satisfied: false },
      orderCallback: { by: 'dispatcher', reached: true, satisfied: false },
    });
    const order = (await w.call('admin', 'GET', `/api/work-orders/${orderId}`)).json();
    expect(order.status).toBe('follow_up');
  });

  it('MD-5 the customer is masked on the desk; the full details are revealed on request and the read is audited', async () => {
    const { task } = await steps.completedWithTask();
    expect(task.customer).toMatchObject({
      nameMasked: '张*',
      phoneMasked: '138****5678',
      regionCode: '440106',
    });
    expect(task.customer.addressMasked).toMatch(/\*\*\*\*$/);
    expect(JSON.stringify(task)).not.toMatch(/张三|13812345678|太古汇/);
    const res = await w.call('callback', 'POST', `/api/callbacks/${task.id}/reveal`);
    expect(res.statusCode, res.body).toBe(200);
    expectShape(RevealResult, res.json());
    expect(res.json()).toMatchObject({
      name: '张三',
      phones: [{ number: '+8613812345678' }],
      address: { regionCode: '440106', detail: '天河路385号太古汇2座1201' },
    });
    const audit = await sql(
      h,
      `select after from audit_log where entity = 'customer' and action = 'reveal_personal_data' and entity_id = $1`,
      [task.customer.id],
    );
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toMatch(/张三|13812345678/);
    expect((await w.call('regional', 'POST', `/api/callbacks/${task.id}/reveal`)).statusCode).toBe(403);
  });
});
