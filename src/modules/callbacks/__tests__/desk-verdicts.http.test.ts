import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_B } from '../../../../test/harness.ts';
import { systemContext } from '../../../platform/auth/actor.ts';
import type { TaskDetail } from '../desk-schemas.ts';
import { AppealResult, AuditList, FinaliseDueResult, VerdictResult } from '../desk-schemas.ts';
import type { OrderWorld } from './desk-fixtures.ts';
import {
  DAY,
  advance,
  call,
  deskWorld,
  expectShape,
  extraPasswords,
  orderSteps,
  satisfiedAnswers,
  setPolicy,
  sql,
  tick,
} from './desk-fixtures.ts';
import { repairOrder } from '../../work-orders/__tests__/orders-fixtures.ts';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

describe('callback verdicts and appeals (CB-1, CB-3, CB-6)', () => {
  let h: Harness;
  let w: OrderWorld;
  let steps: ReturnType<typeof orderSteps>;

  const versionOf = async (taskId: string) => (await steps.task(taskId, 'admin')).version;
  const judge = async (who: string, taskId: string, body: Record<string, unknown>) =>
    w.call(who, 'POST', `/api/callbacks/${taskId}/verdict`, { version: await versionOf(taskId), ...body });
  const appeal = async (who: string, taskId: string, statement: string) =>
    w.call(who, 'POST', `/api/callbacks/${taskId}/appeal`, { version: await versionOf(taskId), statement });
  const outbox = async (topic: string, taskId: string) =>
    (
      await sql(
        h,
        `select payload from outbox where topic = $1 and payload->>'taskId' = $2 order by created_at`,
        [topic, taskId],
      )
    ).map((r) => r.payload as Record<string, unknown>);
  /** A completed order whose customer was reached and satisfied: ready for its verdict. */
  const answered = async () => {
    const { orderId, task } = await steps.completedWithTask();
    const res = await call(w, 'callback', task.id, { outcome: 'reached', answers: satisfiedAnswers });
    expect(res.statusCode, res.body).toBe(201);
    return { orderId, task: res.json().task as TaskDetail };
  };
  const userId = async (username: string) => (await h.services.users.findIdByUsername(username))!;

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

  it('CB-3 CB-6 judging waits for the callback; reasons must fit the verdict; bad input writes nothing', async () => {
    const { task: fresh } = await steps.completedWithTask();
    const early = await judge('callback', fresh.id, { verdict: 'qualified', reasons: [] });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({
      code: 'CALLBACK_RULE_REFUSED',
      rule: 'CB-3',
      reason: 'CALLS_NOT_DONE',
    });

    const { task } = await answered();
    const cases: [Record<string, unknown>, string, string | undefined][] = [
      [{ verdict: 'unqualified', reasons: [] }, '/reasons', 'REASON_REQUIRED'],
      [{ verdict: 'qualified', reasons: ['SERVICE_NOT_TIMELY'] }, '/reasons', 'REASONS_NOT_ALLOWED'],
      [{ verdict: 'untrue', reasons: ['SERVICE_NOT_TIMELY'] }, '/reasons/0', 'REASON_NOT_FOR_VERDICT'],
      [{ verdict: 'unqualified', reasons: ['OTHER_UNQUALIFIED'] }, '/note', 'NOTE_REQUIRED'],
      [{ verdict: 'unqualified', reasons: ['SAME_PHONE_DIFFERENT_NAME'] }, '/reasons/0', 'EVIDENCE_MISSING'],
      [{ verdict: 'great', reasons: [] }, '/verdict', undefined],
      [{ verdict: 'untrue' }, '/reasons', undefined],
    ];
    const wrong: string[] = [];
    for (const [body, path, code] of cases) {
      const res = await judge('callback', task.id, body);
      const errors = (res.json() as { errors?: { path: string; code?: string }[] }).errors ?? [];
      if (res.statusCode !== 400) wrong.push(`${JSON.stringify(body)} → ${res.statusCode}`);
      else if (!errors.some((e) => e.path === path && (code === undefined || e.code === code))) {
        wrong.push(`${JSON.stringify(body)} → ${JSON.stringify(errors)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect((await judge('agent', task.id, { verdict: 'qualified', reasons: [] })).statusCode).toBe(403);
    expect(await sql(h, `select id from callback_verdicts where task_id = $1`, [task.id])).toEqual([]);
    expect(await versionOf(task.id)).toBe(task.version);
  });

  it('CB-1 CB-6 a qualified verdict settles at the standard fee and is final at once; callback.finalised carries the settlement effect', async () => {
    const { task } = await answered();
    const res = await judge('callback', task.id, {
      verdict: 'qualified',
      reasons: [],
      note: '用户确认已修好',
    });
    expect(res.statusCode, res.body).toBe(201);
    expectShape(VerdictResult, res.json());
    const settlement = {
      verdict: 'qualified',
      kind: 'standard',
      feeShare: 1,
      standardFeeFen: 8_000,
      payableFen: 8_000,
      deductionFen: 0,
      netFen: 8_000,
    };
    expect(res.json()).toMatchObject({
      verdict: {
        round: 1,
        kind: 'first',
        verdict: 'qualified',
        reasons: [],
        settlement: {
          ...settlement,
          policyVersions: {
            'stl.callback_result.fee_share': 1,
            'stl.callback_result.untrue_deduction_fen': 1,
            'stl.fee_table': 1,
            'net.grade.band_matrix': 1,
          },
        },
      },
      task: { status: 'final', finalisation: { final: true, basis: 'QUALIFIED', verdict: 'qualified' } },
    });
    const [finalised, ...more] = await outbox('callback.finalised', task.id);
    expect(more).toEqual([]);
    expect(finalised).toMatchObject({
      outcome: 'judged',
      verdict: 'qualified',
      basis: 'QUALIFIED',
      appealed: false,
      decidedBy: await userId('callback'),
      settlement,
      policyVersions: {
        'stl.callback_result.fee_share': 1,
        'cb.appeal.window_days': 1,
        'cb.appeal.max_count': 1,
      },
    });
    expect(await outbox('callback.verdict_recorded', task.id)).toHaveLength(1);
    const appealed = await appeal('dispatcher', task.id, '不同意');
    expect(appealed.statusCode).toBe(422);
    expect(appealed.json()).toMatchObject({ rule: 'CB-3', reason: 'APPEAL_NOT_ALLOWED' });
    const again = await judge('callback2', task.id, { verdict: 'untrue', reasons: ['VISIT_NOT_MADE'] });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CALLBACK_STATE_CONFLICT', reason: 'TASK_FINAL' });
  });

  it('CB-3 the outlet appeals once, with a statement, in the system; only another agent makes the second callback', async () => {
    const { task } = await answered();
    const first = await judge('callback', task.id, {
      verdict: 'unqualified',
      reasons: ['SERVICE_NOT_TIMELY'],
    });
    expect(first.statusCode, first.body).toBe(201);
    const judged = first.json().task as TaskDetail;
    expect(judged).toMatchObject({
      status: 'judged',
      finalisation: { final: false, pending: 'APPEAL_WINDOW_OPEN' },
      verdicts: [{ settlement: { kind: 'reduced', payableFen: 4_000 } }],
      allowed: { judge: { allowed: false, reason: { code: 'VERDICT_ALREADY_RECORDED' } } },
    });
    expect(new Date(judged.finalisation.windowClosesAt!).getTime()).toBe(h.clock.now().getTime() + 3 * DAY);
    expect((await steps.task(task.id, 'dispatcher')).allowed.appeal).toEqual({ allowed: true, reason: null });

    const blank = await appeal('dispatcher', task.id, '   ');
    expect(blank.statusCode).toBe(422);
    expect(blank.json()).toMatchObject({
      code: 'CALLBACK_RULE_REFUSED',
      reason: 'APPEAL_STATEMENT_REQUIRED',
    });
    expect((await appeal('callback', task.id, '代网点申诉')).statusCode).toBe(403);
    expect((await appeal('dispatcher-b', task.id, '不是我们的单')).statusCode).toBe(404);

    const filed = await appeal('dispatcher', task.id, '工程师当天按约上门，用户已签字确认。');
    expect(filed.statusCode, filed.body).toBe(201);
    expectShape(AppealResult, filed.json());
    expect(filed.json()).toMatchObject({
      appeal: {
        statement: '工程师当天按约上门，用户已签字确认。',
        filedBy: { displayName: '信息员 刘洋' },
        files: [],
      },
      task: { status: 'appealed', finalisation: { final: false, pending: 'APPEAL_PENDING' } },
    });
    expect(await outbox('callback.appealed', task.id)).toEqual([
      expect.objectContaining({ appealNumber: 1, verdictId: first.json().verdict.id }),
    ]);
    const twice = await appeal('dispatcher', task.id, '再次申诉');
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'CALLBACK_STATE_CONFLICT', reason: 'APPEAL_ALREADY_MADE' });
    const queue = (
      await w.call('callback2', 'GET', '/api/callbacks/queue?view=appealed&pageSize=200')
    ).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(task.id);

    // The second callback: the outlet may not make it; the first agent may call but not judge again.
    expect((await call(w, 'dispatcher', task.id, { outcome: 'no_answer' })).json()).toMatchObject({
      reason: 'NOT_THE_CALLER',
    });
    const beforeCall = await judge('callback2', task.id, { verdict: 'qualified', reasons: [] });
    expect(beforeCall.json()).toMatchObject({ reason: 'CALLS_NOT_DONE' });
    const second = await call(w, 'callback', task.id, { outcome: 'reached', answers: satisfiedAnswers });
    expect(second.json()).toMatchObject({
      attempt: { verdictRound: 2, agent: { displayName: '回访员 张丽' } },
    });
    const same = await judge('callback', task.id, { verdict: 'qualified', reasons: [] });
    expect(same.statusCode).toBe(422);
    expect(same.json()).toMatchObject({ rule: 'CB-3', reason: 'SECOND_AGENT_REQUIRED' });
    const decided = await judge('callback2', task.id, {
      verdict: 'unqualified',
      reasons: ['SERVICE_NOT_TIMELY'],
      note: '二次回访：用户仍说上门晚了两天',
    });
    expect(decided.statusCode, decided.body).toBe(201);
    expect(decided.json()).toMatchObject({
      verdict: { round: 2, kind: 'appeal_callback', verdict: 'unqualified' },
      task: { status: 'final', finalisation: { basis: 'APPEAL_DECIDED', verdict: 'unqualified' } },
    });
    expect(await outbox('callback.finalised', task.id)).toEqual([
      expect.objectContaining({
        verdict: 'unqualified',
        basis: 'APPEAL_DECIDED',
        appealed: true,
        decidedBy: await userId('callback2'),
      }),
    ]);
    expect((await appeal('dispatcher', task.id, '第三次')).json()).toMatchObject({
      reason: 'APPEAL_ALREADY_MADE',
    });
  });

  it('CB-3 CB-1 a result not appealed within 3 days is finalised by the sweep, exactly once, with its deduction', async () => {
    const { task } = await answered();
    const res = await judge('callback', task.id, { verdict: 'untrue', reasons: ['VISIT_NOT_MADE'] });
    expect(res.json().verdict.settlement).toMatchObject({
      kind: 'deducted',
      payableFen: 0,
      deductionFen: 10_000,
      netFen: -10_000,
    });
    const closesAt = res.json().task.finalisation.windowClosesAt as string;
    const sweep = async (who = 'center') => {
      const r = await w.call(who, 'POST', '/api/callbacks/finalise-due');
      expect(r.statusCode, r.body).toBe(200);
      expectShape(FinaliseDueResult, r.json());
      return r.json() as { finalised: number; taskIds: string[] };
    };
    expect((await sweep()).taskIds).not.toContain(task.id);
    expect(await outbox('callback.finalised', task.id)).toEqual([]);

    await advance(h, w, 3 * DAY);
    const late = await appeal('dispatcher', task.id, '用户记错了');
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({
      rule: 'CB-3',
      reason: 'APPEAL_WINDOW_CLOSED',
      windowClosesAt: closesAt,
    });
    const first = await sweep('admin');
    expect(first.taskIds).toContain(task.id);
    expect(first.finalised).toBe(first.taskIds.length);
    const rows = await outbox('callback.finalised', task.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      verdict: 'untrue',
      basis: 'APPEAL_WINDOW_CLOSED',
      finalAt: closesAt,
      appealed: false,
      settlement: { kind: 'deducted', netFen: -10_000 },
    });
    expect((await sweep()).taskIds).toEqual([]);
    const worker = await h.services.callbacks.desk.decisions.finaliseDue(systemContext(h.clock.now()));
    expect(worker.finalised).toBe(0);
    expect(await outbox('callback.finalised', task.id)).toHaveLength(1);
    expect(await steps.task(task.id)).toMatchObject({
      status: 'final',
      finalisation: { final: true, basis: 'APPEAL_WINDOW_CLOSED', finalAt: closesAt },
    });
    expect((await w.call('callback', 'POST', '/api/callbacks/finalise-due')).statusCode).toBe(403);
  });

  it('CB-6 same-phone evidence: other orders of the phone under another name or address, as order ids and flags only', async () => {
    const { task } = await answered();
    // The same customer's order at another address (one phone, several addresses).
    const customer = (await w.call('admin', 'GET', `/api/customers/${w.customerId}`)).json();
    const added = await w.call('agent', 'POST', `/api/customers/${w.customerId}/addresses`, {
      version: customer.version,
      regionCode: '440106',
      detail: '体育西路103号维多利广场B座',
    });
    expect(added.statusCode, added.body).toBe(201);
    const otherAddressId = added.json().addresses.find((a: { id: string }) => a.id !== w.addressId)
      .id as string;
    const atOtherAddress = await w.call(
      'agent',
      'POST',
      '/api/work-orders',
      repairOrder(w, { addressId: otherAddressId }),
    );
    expect(atOtherAddress.statusCode, atOtherAddress.body).toBe(201);
    // A record under another name holding the same phone (as imported legacy data can).
    const other = await w.call('agent', 'POST', '/api/customers', {
      name: '李四',
      phones: [{ number: '13987654321', label: 'mobile' }],
      addresses: [{ regionCode: '440106', detail: '天河路385号太古汇2座1201' }],
    });
    expect(other.statusCode, other.body).toBe(201);
    await sql(
      h,
      `insert into customer_phones (id, customer_id, phone_enc, phone_idx, label, is_primary, created_at)
       select 'cph_copy000000000000000', $1, phone_enc, phone_idx, 'home', false, now()
         from customer_phones where customer_id = $2`,
      [other.json().id, w.customerId],
    );
    const underOtherName = await w.call('agent', 'POST', '/api/work-orders', {
      ...repairOrder(w),
      customerId: other.json().id,
      addressId: other.json().addresses[0].id,
      unitId: undefined,
      categoryCode: 'air_conditioner',
    });
    expect(underOtherName.statusCode, underOtherName.body).toBe(201);

    const detail = await steps.task(task.id);
    const expected = [
      {
        orderId: atOtherAddress.json().id,
        orderNumber: atOtherAddress.json().number,
        differentName: false,
        differentAddress: true,
      },
      {
        orderId: underOtherName.json().id,
        orderNumber: underOtherName.json().number,
        differentName: true,
        differentAddress: false,
      },
    ].sort((a, b) => (a.orderId < b.orderId ? -1 : 1));
    expect(detail.evidence).toEqual(expected);
    expect(JSON.stringify(detail)).not.toMatch(/李四|张三|维多利|太古汇/);

    const bogus = await judge('callback', task.id, {
      verdict: 'unqualified',
      reasons: ['SAME_PHONE_DIFFERENT_NAME'],
      evidenceOrderIds: [atOtherAddress.json().id],
    });
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().errors).toEqual([
      expect.objectContaining({ path: '/evidenceOrderIds/0', code: 'EVIDENCE_NOT_FOUND' }),
    ]);
    const res = await judge('callback', task.id, {
      verdict: 'unqualified',
      reasons: ['SAME_PHONE_DIFFERENT_NAME', 'SAME_PHONE_DIFFERENT_ADDRESS'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().verdict.evidenceOrderIds).toEqual(expected.map((e) => e.orderId).sort());
    const audit = await sql(
      h,
      `select after from audit_log where entity = 'callback_task' and entity_id = $1`,
      [task.id],
    );
    expect(JSON.stringify(audit)).not.toMatch(/李四|张三|维多利|太古汇|138/);
  });

  it('CB-2 a high-value order is judged only after its repeated callback: two answered calls', async () => {
    await setPolicy(h, w, 'cb.high_value.threshold_fen', 8_000);
    const { task } = await steps.completedWithTask();
    await setPolicy(h, w, 'cb.high_value.threshold_fen', 20_000);
    expect(task.plan).toMatchObject({ highValue: true, rounds: 2, settlementValueFen: 8_000 });
    const first = await call(w, 'callback', task.id, { outcome: 'reached', answers: satisfiedAnswers });
    expect(first.json().task).toMatchObject({
      plan: { roundsAnswered: 1 },
      nextAttempt: {
        status: 'calling',
        round: 2,
        roundsAnswered: 1,
        roundsRequired: 2,
        guidance: 'FIRST_CALL',
      },
      allowed: { judge: { allowed: false, reason: { code: 'CALLS_NOT_DONE' } } },
    });
    const early = await judge('callback', task.id, { verdict: 'qualified', reasons: [] });
    expect(early.json()).toMatchObject({ reason: 'CALLS_NOT_DONE', roundsAnswered: 1, roundsRequired: 2 });
    tick(h, 60);
    const second = await call(w, 'callback2', task.id, { outcome: 'other_knows', answers: satisfiedAnswers });
    expect(second.json().task).toMatchObject({
      plan: { roundsAnswered: 2 },
      nextAttempt: { status: 'ready_for_verdict', roundsAnswered: 2 },
    });
    expect((await judge('callback', task.id, { verdict: 'qualified', reasons: [] })).statusCode).toBe(201);
    const mine = (await w.call('callback2', 'GET', '/api/callbacks/queue?view=mine&pageSize=200')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(task.id);
    const theirs = (await w.call('center', 'GET', '/api/callbacks/queue?view=mine&pageSize=200')).json();
    expect(theirs.items.map((i: { id: string }) => i.id)).not.toContain(task.id);
  });

  it('CB-3 two verdicts from the same version: one is recorded, the other answers 409 VERSION_CONFLICT', async () => {
    const { task } = await answered();
    const version = await versionOf(task.id);
    const [a, b] = await Promise.all([
      w.call('callback', 'POST', `/api/callbacks/${task.id}/verdict`, {
        version,
        verdict: 'qualified',
        reasons: [],
      }),
      w.call('callback2', 'POST', `/api/callbacks/${task.id}/verdict`, {
        version,
        verdict: 'untrue',
        reasons: ['FEE_OVER_REPORTED'],
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json()).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await sql(h, `select id from callback_verdicts where task_id = $1`, [task.id])).toHaveLength(1);
    expect(await outbox('callback.verdict_recorded', task.id)).toHaveLength(1);
  });

  it('CB-3 appeal files: images and PDF checked by their bytes, attached to the pending appeal only, read back in scope', async () => {
    const { task } = await answered();
    const upload = (who: string, type: string, body: Buffer, name = 'sign.png') =>
      w.call(
        who,
        'POST',
        `/api/callbacks/${task.id}/appeal/files?fileName=${encodeURIComponent(name)}`,
        body,
        {
          'content-type': type,
        },
      );
    await judge('callback', task.id, { verdict: 'unqualified', reasons: ['CUSTOMER_DISSATISFIED'] });
    const early = await upload('dispatcher', 'image/png', PNG);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ reason: 'NO_APPEAL_PENDING' });
    expect((await appeal('dispatcher', task.id, '用户已满意，见签字单')).statusCode).toBe(201);

    const wrongType = await upload('dispatcher', 'application/pdf', PNG, 'sign.pdf');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json()).toMatchObject({ reason: 'TYPE_MISMATCH' });
    expect((await upload('dispatcher', 'text/plain', Buffer.from('hello'))).statusCode).toBe(415);
    expect((await upload('dispatcher-b', 'image/png', PNG)).statusCode).toBe(404);
    const ok = await upload('dispatcher', 'image/png', PNG, '签字单.png');
    expect(ok.statusCode, ok.body).toBe(201);
    const file = ok.json().file as { id: string; url: string };
    expect(ok.json().file).toMatchObject({
      fileName: '签字单.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
    });
    tick(h, 1);
    const pdf = await upload(
      'dispatcher',
      'application/pdf',
      Buffer.from('%PDF-1.4\n%%EOF\n'),
      'invoice.pdf',
    );
    expect(pdf.statusCode, pdf.body).toBe(201);

    const read = await w.call('callback2', 'GET', file.url);
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('image/png');
    expect(read.rawPayload.equals(PNG)).toBe(true);
    expect((await w.call('dispatcher-b', 'GET', file.url)).statusCode).toBe(404);
    const detail = await steps.task(task.id);
    expect(detail.appeals[0]!.files.map((f) => f.contentType)).toEqual(['image/png', 'application/pdf']);
  });

  it('CB-3 supervisors audit the day’s completion entries and verdicts the same day', async () => {
    const { task } = await answered();
    const judged = await judge('callback', task.id, { verdict: 'qualified', reasons: [] });
    const verdictId = judged.json().verdict.id as string;
    const list = async () => {
      const res = await w.call('center', 'GET', '/api/callbacks/audit');
      expect(res.statusCode, res.body).toBe(200);
      expectShape(AuditList, res.json());
      return res.json() as {
        documents: { kind: string; id: string; auditedAt: string | null }[];
        outstanding: number;
      };
    };
    const before = await list();
    const mine = before.documents.filter((d) => d.id === task.id || d.id === verdictId);
    expect(mine.map((d) => [d.kind, d.auditedAt])).toEqual([
      ['completion_entry', null],
      ['verdict', null],
    ]);
    expect((await w.call('callback', 'GET', '/api/callbacks/audit')).statusCode).toBe(403);
    const missing = await w.call('center', 'POST', '/api/callbacks/audit', {
      documents: [
        { kind: 'completion_entry', id: task.id },
        { kind: 'verdict', id: 'cbv_0000000000nothing000' },
      ],
    });
    expect(missing.statusCode).toBe(404);
    expect((await list()).outstanding).toBe(before.outstanding);

    const documents = [
      { kind: 'completion_entry', id: task.id },
      { kind: 'verdict', id: verdictId },
    ];
    const res = await w.call('center', 'POST', '/api/callbacks/audit', { documents });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().audited).toEqual([
      { kind: 'completion_entry', id: task.id, auditedAt: h.clock.now().toISOString(), already: false },
      { kind: 'verdict', id: verdictId, auditedAt: h.clock.now().toISOString(), already: false },
    ]);
    const after = await list();
    expect(after.outstanding).toBe(before.outstanding - 2);
    expect(after.documents.find((d) => d.id === verdictId)).toMatchObject({
      auditedBy: { displayName: '客服中心 吴芳' },
    });
    const repeat = await w.call('center', 'POST', '/api/callbacks/audit', { documents });
    expect(repeat.json().audited.map((d: { already: boolean }) => d.already)).toEqual([true, true]);
    expect((await w.call('center', 'GET', '/api/callbacks/audit?date=2026-02-30')).statusCode).toBe(400);
  });
});
