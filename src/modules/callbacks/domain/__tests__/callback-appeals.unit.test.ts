import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atBusinessTime } from '../../../../platform/time.ts';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import type { Verdict } from '../callback-codes.ts';
import type { AuditDocument, CallbackCaseState, VerdictRecord } from '../callback-appeals.ts';
import {
  appealWindowClosesAt,
  checkAppeal,
  checkVerdictRecording,
  finalisation,
  finalisedPayload,
  sameDayAuditList,
  unreachablePayload,
} from '../callback-appeals.ts';
import { settlementEffect } from '../callback-verdicts.ts';

const tz = 'Asia/Shanghai';
const sh = (date: string, time: string) => atBusinessTime(date, time, tz);
const policy = {
  windowDays: defaultPolicyValue('cb.appeal.window_days'),
  maxAppeals: defaultPolicyValue('cb.appeal.max_count'),
};
const judged = (verdict: Verdict, at: Date, agentId = 'agent_1'): VerdictRecord => ({
  verdict,
  reasons:
    verdict === 'untrue' ? ['VISIT_NOT_MADE'] : verdict === 'unqualified' ? ['SERVICE_NOT_TIMELY'] : [],
  agentId,
  recordedAt: at,
});
const first = judged('untrue', sh('2026-03-24', '10:00'));
const appealed: CallbackCaseState = {
  verdicts: [first],
  appeals: [{ filedAt: sh('2026-03-25', '09:00'), filedBy: 'usr_outlet' }],
};
const decided: CallbackCaseState = {
  ...appealed,
  verdicts: [first, judged('unqualified', sh('2026-03-26', '15:00'), 'agent_2')],
};
const appealCode = (
  state: CallbackCaseState,
  at: Date,
  p = policy,
  statement = 'The engineer did visit; see photos.',
) => {
  const r = checkAppeal(state, { at, statement }, p, { tz });
  return r.ok ? `ok #${r.appealNumber}` : r.code;
};

describe('appeal and finalisation (CB-3)', () => {
  it('CB-3 the outlet may appeal within 3 days of the verdict (to the minute), in the business zone', () => {
    expect(appealWindowClosesAt(first, policy.windowDays, tz)).toEqual(sh('2026-03-27', '10:00'));
    const open = { verdicts: [first], appeals: [] };
    expect([
      appealCode(open, sh('2026-03-24', '10:00')),
      appealCode(open, sh('2026-03-27', '09:59')),
      appealCode(open, sh('2026-03-27', '10:00')),
    ]).toEqual(['ok #1', 'ok #1', 'APPEAL_WINDOW_CLOSED']);
    const r = checkAppeal(open, { at: sh('2026-03-28', '08:00'), statement: 'x' }, policy, { tz });
    expect(r.ok ? null : [r.rule, r.message, r.details]).toEqual([
      'CB-3',
      'Appeals were possible until 2026-03-27 10:00 (3 days after the result); the result is final.',
      { verdictAt: first.recordedAt, windowClosesAt: sh('2026-03-27', '10:00'), windowDays: 3 },
    ]);
  });

  it('CB-3 refusals have distinct codes: not allowed, already made (once), window closed, statement required', () => {
    const now = sh('2026-03-25', '12:00');
    const cases: [string, string][] = [
      [appealCode({ verdicts: [], appeals: [] }, now), 'APPEAL_NOT_ALLOWED'],
      [
        appealCode({ verdicts: [judged('qualified', first.recordedAt)], appeals: [] }, now),
        'APPEAL_NOT_ALLOWED',
      ],
      [
        appealCode({ verdicts: [first], appeals: [] }, now, { ...policy, maxAppeals: 0 }),
        'APPEAL_NOT_ALLOWED',
      ],
      [appealCode(appealed, now), 'APPEAL_ALREADY_MADE'],
      [appealCode(decided, sh('2026-03-26', '16:00')), 'APPEAL_ALREADY_MADE'],
      [appealCode({ verdicts: [first], appeals: [] }, sh('2026-03-27', '10:00')), 'APPEAL_WINDOW_CLOSED'],
      [appealCode({ verdicts: [first], appeals: [] }, now, policy, '  '), 'APPEAL_STATEMENT_REQUIRED'],
      [appealCode(decided, sh('2026-03-26', '16:00'), { ...policy, maxAppeals: 2 }), 'ok #2'],
    ];
    expect(cases.map(([actual]) => actual)).toEqual(cases.map(([, expected]) => expected));
    const once = checkAppeal(decided, { at: sh('2026-03-26', '16:00'), statement: 'again' }, policy, { tz });
    expect(once.ok ? null : once.message).toBe(
      'This order was already appealed once; the second callback’s result is final.',
    );
  });

  it('CB-3 the callback on an appeal is made by a different agent, after the appeal', () => {
    const code = (state: CallbackCaseState, agentId: string, at: Date) => {
      const r = checkVerdictRecording(state, { agentId, at });
      return r.ok ? `${r.kind} ${r.round}` : r.code;
    };
    expect([
      code({ verdicts: [], appeals: [] }, 'agent_1', sh('2026-03-24', '10:00')),
      code({ verdicts: [first], appeals: [] }, 'agent_2', sh('2026-03-24', '11:00')),
      code(appealed, 'agent_1', sh('2026-03-25', '10:00')),
      code(appealed, 'agent_2', sh('2026-03-25', '08:00')),
      code(appealed, 'agent_2', sh('2026-03-25', '10:00')),
      code(decided, 'agent_3', sh('2026-03-27', '10:00')),
    ]).toEqual([
      'first 1',
      'VERDICT_ALREADY_RECORDED',
      'SECOND_AGENT_REQUIRED',
      'VERDICT_BEFORE_APPEAL',
      'appeal_callback 2',
      'VERDICT_ALREADY_RECORDED',
    ]);
  });

  it('CB-3 finalisation: qualified at once; a problem verdict when its window closes unappealed; an appeal when decided', () => {
    const at = (state: CallbackCaseState, now: Date, p = policy) => {
      const r = finalisation(state, now, p, tz);
      return r.final ? [r.basis, r.finalAt, r.verdict.verdict] : [r.reason, r.finalUnlessAppealedAt];
    };
    const qualified = { verdicts: [judged('qualified', first.recordedAt)], appeals: [] };
    const open = { verdicts: [first], appeals: [] };
    expect([
      at({ verdicts: [], appeals: [] }, sh('2026-03-24', '12:00')),
      at(qualified, sh('2026-03-24', '10:00')),
      at(open, sh('2026-03-27', '09:59')),
      at(open, sh('2026-03-27', '10:00')),
      at(open, sh('2026-04-30', '10:00')),
      at(appealed, sh('2026-04-30', '10:00')),
      at(decided, sh('2026-03-26', '15:00')),
      at(open, sh('2026-03-24', '10:00'), { ...policy, maxAppeals: 0 }),
    ]).toEqual([
      ['NO_VERDICT', null],
      ['QUALIFIED', sh('2026-03-24', '10:00'), 'qualified'],
      ['APPEAL_WINDOW_OPEN', sh('2026-03-27', '10:00')],
      ['APPEAL_WINDOW_CLOSED', sh('2026-03-27', '10:00'), 'untrue'],
      ['APPEAL_WINDOW_CLOSED', sh('2026-03-27', '10:00'), 'untrue'],
      ['APPEAL_PENDING', null],
      ['APPEAL_DECIDED', sh('2026-03-26', '15:00'), 'unqualified'],
      ['NO_APPEAL_ALLOWED', sh('2026-03-24', '10:00'), 'untrue'],
    ]);
  });

  it('CB-3 property: never final before the appeal window closes unless no appeal is possible; not final means an appeal is still possible or pending', () => {
    const verdict = fc.constantFrom<Verdict>('qualified', 'unqualified', 'untrue');
    const hour = 3_600_000;
    const base = sh('2026-03-01', '00:00').getTime();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 }),
        verdict,
        fc.option(
          fc.tuple(
            fc.integer({ min: 0, max: 5 * 24 }),
            fc.option(fc.tuple(fc.integer({ min: 0, max: 5 * 24 }), verdict)),
          ),
        ),
        fc.integer({ min: 0, max: 20 * 24 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 2 }),
        (startH, v1, appeal, nowAfterH, windowDays, maxAppeals) => {
          const p = { windowDays, maxAppeals };
          const v1At = new Date(base + startH * hour);
          const state: { verdicts: VerdictRecord[]; appeals: CallbackCaseState['appeals'][number][] } = {
            verdicts: [judged(v1, v1At)],
            appeals: [],
          };
          if (appeal) {
            const filedAt = new Date(v1At.getTime() + appeal[0] * hour);
            // Only appeals the rule accepts enter the state, as the service would keep it.
            if (checkAppeal(state, { at: filedAt, statement: 's' }, p, { tz }).ok) {
              state.appeals.push({ filedAt, filedBy: 'outlet' });
              if (appeal[1])
                state.verdicts.push(
                  judged(appeal[1][1], new Date(filedAt.getTime() + appeal[1][0] * hour), 'agent_2'),
                );
            }
          }
          const latest = state.verdicts.at(-1) as VerdictRecord;
          const now = new Date(latest.recordedAt.getTime() + nowAfterH * hour);
          const r = finalisation(state, now, p, tz);
          const closesAt = appealWindowClosesAt(latest, windowDays, tz).getTime();
          const pending = state.appeals.length >= state.verdicts.length;
          const noAppealPossible = latest.verdict === 'qualified' || state.appeals.length >= maxAppeals;
          if (r.final) {
            expect(pending).toBe(false);
            expect(r.finalAt.getTime()).toBeLessThanOrEqual(now.getTime());
            if (now.getTime() < closesAt) expect(noAppealPossible).toBe(true);
            // Final is final: later it is still final, at the same instant.
            const later = finalisation(state, new Date(now.getTime() + 30 * 24 * hour), p, tz);
            expect(later.final && later.finalAt.getTime()).toBe(r.finalAt.getTime());
          } else {
            const possible = checkAppeal(state, { at: now, statement: 's' }, p, { tz }).ok;
            expect(pending || possible).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('CB-1 CB-3 callback.finalised carries the final verdict and what settlement pays on', () => {
    const final = finalisation(decided, sh('2026-03-26', '15:00'), policy, tz);
    if (!final.final) throw new Error('expected a final verdict');
    const effect = settlementEffect(final.verdict.verdict, 10_000, {
      feeShare: defaultPolicyValue('stl.callback_result.fee_share'),
      untrueDeductionFen: defaultPolicyValue('stl.callback_result.untrue_deduction_fen'),
    });
    const task = { taskId: 'cbt_1', orderId: 'wo_1', outletId: 'out_1' };
    expect(finalisedPayload(task, final, effect, { 'cb.appeal.window_days': 1 })).toEqual({
      taskId: 'cbt_1',
      orderId: 'wo_1',
      outletId: 'out_1',
      outcome: 'judged',
      verdict: 'unqualified',
      reasons: ['SERVICE_NOT_TIMELY'],
      basis: 'APPEAL_DECIDED',
      finalAt: '2026-03-26T07:00:00.000Z',
      appealed: true,
      decidedBy: 'agent_2',
      settlement: {
        verdict: 'unqualified',
        kind: 'reduced',
        feeShare: 0.5,
        standardFeeFen: 10_000,
        payableFen: 5_000,
        deductionFen: 0,
        netFen: 5_000,
      },
      policyVersions: { 'cb.appeal.window_days': 1 },
    });
    const wrong = settlementEffect('qualified', 10_000, {
      feeShare: { qualified: 1, unqualified: 0.5, untrue: 0 },
      untrueDeductionFen: 0,
    });
    expect(() => finalisedPayload(task, final, wrong, {})).toThrow(/Settlement effect is for qualified/);
    expect(unreachablePayload(task, sh('2026-03-26', '19:00'), {})).toMatchObject({
      outcome: 'unreachable',
      verdict: null,
      basis: 'UNREACHABLE',
      settlement: null,
      finalAt: '2026-03-26T11:00:00.000Z',
    });
  });

  it('CB-3 supervisors audit the day’s documents the same day (business date, Shanghai midnight)', () => {
    const doc = (
      id: string,
      kind: AuditDocument['kind'],
      at: Date,
      auditedAt: Date | null,
      verdict: Verdict | null = null,
    ): AuditDocument => ({
      id,
      taskId: `cbt_${id}`,
      kind,
      at,
      agentId: verdict ? 'agent_1' : null,
      verdict,
      auditedAt,
    });
    const docs = [
      doc('d1', 'completion_entry', sh('2026-03-24', '09:00'), sh('2026-03-24', '17:00')),
      doc('d2', 'verdict', sh('2026-03-24', '11:00'), null, 'untrue'),
      doc('d3', 'verdict', sh('2026-03-24', '23:59'), sh('2026-03-25', '08:00'), 'qualified'),
      doc('d4', 'verdict', new Date('2026-03-24T16:00:00Z'), null, 'qualified'),
      doc('d5', 'verdict', sh('2026-03-23', '18:00'), null, 'unqualified'),
    ];
    const during = sameDayAuditList(docs, '2026-03-24', { now: sh('2026-03-24', '18:00'), tz });
    expect([during.documents.map((d) => d.id), during.outstanding.map((d) => d.id), during.missed]).toEqual([
      ['d1', 'd2', 'd3'],
      ['d2', 'd3'],
      false,
    ]);
    const after = sameDayAuditList(docs, '2026-03-24', { now: sh('2026-03-25', '09:00'), tz });
    expect([
      after.deadline,
      after.auditedInTime,
      after.auditedLate,
      after.outstanding.map((d) => d.id),
      after.missed,
      after.byVerdict,
    ]).toEqual([sh('2026-03-25', '00:00'), 1, 1, ['d2'], true, { qualified: 1, unqualified: 0, untrue: 1 }]);
  });
});
