import { addCalendarDays, businessDate, businessDayStart, formatBusiness } from '../../../platform/time.ts';
import type { DetailValue, Verdict, VerdictReason } from './callback-codes.ts';
import { assertCount, assertInstant, daysLater } from './callback-time.ts';
import type { SettlementEffect } from './callback-verdicts.ts';

/**
 * CB-3 appeal (复议) and finalisation (seed 000 回访分工 3–6 and the flow chart: 服务商三天内反馈复议内容 →
 * 呼叫中心二次回访 → 结算; 一次复议机会). The outlet may appeal a problem verdict once, within the window
 * after the verdict was recorded (it sees the result at once in the system); the call center calls back a
 * second time and that verdict decides. Seed and DOMAIN differ slightly: the seed has outlets appeal
 * "problem documents" (问题单据) only, which DOMAIN leaves implicit — a qualified verdict cannot be appealed.
 * DOMAIN's "a different agent" for the second callback is not in the seed; it is kept because a second
 * callback by the first agent would not be a review.
 */

export interface VerdictRecord {
  verdict: Verdict;
  reasons: readonly VerdictReason[];
  agentId: string;
  recordedAt: Date;
}

export interface AppealRecord {
  filedAt: Date;
  /** The outlet user who appealed. */
  filedBy: string;
}

export interface CallbackCaseState {
  /** In order: the first callback's verdict, then one per decided appeal. */
  verdicts: readonly VerdictRecord[];
  appeals: readonly AppealRecord[];
}

export interface AppealPolicy {
  /** Policy `cb.appeal.window_days`. */
  windowDays: number;
  /** Policy `cb.appeal.max_count`. */
  maxAppeals: number;
}

export type CbRefusal<C extends string> = {
  ok: false;
  rule: 'CB-3';
  code: C;
  message: string;
  details: Record<string, DetailValue>;
};

const refusal = <C extends string>(
  code: C,
  message: string,
  details: Record<string, DetailValue> = {},
): CbRefusal<C> => ({
  ok: false,
  rule: 'CB-3',
  code,
  message,
  details,
});

function assertPolicy(policy: AppealPolicy): void {
  assertCount(policy.windowDays, 'windowDays', 1);
  assertCount(policy.maxAppeals, 'maxAppeals');
}

const latestVerdict = (state: CallbackCaseState): VerdictRecord | undefined => state.verdicts.at(-1);

/** An appeal is waiting for its second callback. */
export const appealPending = (state: CallbackCaseState): boolean =>
  state.appeals.length >= state.verdicts.length && state.appeals.length > 0;

/** CB-3: the instant the appeal window of a verdict closes (same wall time, `windowDays` dates later). */
export function appealWindowClosesAt(
  verdict: Pick<VerdictRecord, 'recordedAt'>,
  windowDays: number,
  tz: string,
): Date {
  return daysLater(verdict.recordedAt, windowDays, tz);
}

export type AppealRefusalCode =
  'APPEAL_NOT_ALLOWED' | 'APPEAL_ALREADY_MADE' | 'APPEAL_WINDOW_CLOSED' | 'APPEAL_STATEMENT_REQUIRED';

export type AppealCheck =
  | { ok: true; appealNumber: number; against: VerdictRecord; windowClosesAt: Date }
  | CbRefusal<AppealRefusalCode>;

/**
 * CB-3: may the outlet appeal now? Distinct refusals: APPEAL_NOT_ALLOWED (nothing to appeal: no verdict, a
 * qualified one, or a policy allowing no appeals), APPEAL_ALREADY_MADE (the single appeal is used or still
 * waiting for its second callback), APPEAL_WINDOW_CLOSED, APPEAL_STATEMENT_REQUIRED (复议内容 is missing).
 */
export function checkAppeal(
  state: CallbackCaseState,
  appeal: { at: Date; statement: string },
  policy: AppealPolicy,
  ctx: { tz: string },
): AppealCheck {
  assertInstant(appeal.at, 'appeal.at');
  assertPolicy(policy);
  const latest = latestVerdict(state);
  if (!latest) {
    return refusal(
      'APPEAL_NOT_ALLOWED',
      'There is no callback result to appeal yet; wait for the call center’s verdict.',
    );
  }
  if (appealPending(state)) {
    return refusal(
      'APPEAL_ALREADY_MADE',
      'This result is already appealed; the call center’s second callback will decide.',
      {
        filedAt: state.appeals.at(-1)?.filedAt ?? null,
      },
    );
  }
  if (latest.verdict === 'qualified') {
    return refusal('APPEAL_NOT_ALLOWED', 'The callback result is qualified; there is nothing to appeal.', {
      verdict: latest.verdict,
    });
  }
  if (state.appeals.length >= policy.maxAppeals) {
    return policy.maxAppeals === 0
      ? refusal('APPEAL_NOT_ALLOWED', 'Callback results cannot be appealed under the current policy.', {
          maxAppeals: policy.maxAppeals,
        })
      : refusal(
          'APPEAL_ALREADY_MADE',
          `This order was already appealed ${state.appeals.length === 1 ? 'once' : `${state.appeals.length} times`}; the second callback’s result is final.`,
          { appeals: state.appeals.length, maxAppeals: policy.maxAppeals },
        );
  }
  const windowClosesAt = appealWindowClosesAt(latest, policy.windowDays, ctx.tz);
  if (appeal.at.getTime() >= windowClosesAt.getTime()) {
    return refusal(
      'APPEAL_WINDOW_CLOSED',
      `Appeals were possible until ${formatBusiness(windowClosesAt, ctx.tz)} (${policy.windowDays} days after the result); the result is final.`,
      { verdictAt: latest.recordedAt, windowClosesAt, windowDays: policy.windowDays },
    );
  }
  if (appeal.at.getTime() < latest.recordedAt.getTime()) {
    throw new Error('Invalid appeal.at: before the verdict it appeals.');
  }
  if (appeal.statement.trim() === '') {
    return refusal(
      'APPEAL_STATEMENT_REQUIRED',
      'Say what is wrong with the callback result, so the second callback can check it.',
    );
  }
  return { ok: true, appealNumber: state.appeals.length + 1, against: latest, windowClosesAt };
}

export type VerdictRecordingRefusalCode =
  'VERDICT_ALREADY_RECORDED' | 'SECOND_AGENT_REQUIRED' | 'VERDICT_BEFORE_APPEAL';

export type VerdictRecordingCheck =
  { ok: true; kind: 'first' | 'appeal_callback'; round: number } | CbRefusal<VerdictRecordingRefusalCode>;

/**
 * CB-3: may this agent record a verdict now? The first callback judges once; after that only an appeal
 * opens a new verdict, and it must come from an agent who has not judged this order (SECOND_AGENT_REQUIRED).
 */
export function checkVerdictRecording(
  state: CallbackCaseState,
  by: { agentId: string; at: Date },
): VerdictRecordingCheck {
  assertInstant(by.at, 'at');
  if (state.verdicts.length === 0) return { ok: true, kind: 'first', round: 1 };
  if (!appealPending(state)) {
    return refusal(
      'VERDICT_ALREADY_RECORDED',
      'This callback is already judged; a new verdict needs an appeal by the outlet.',
      {
        verdict: latestVerdict(state)?.verdict ?? null,
      },
    );
  }
  const judgedBefore = state.verdicts.map((v) => v.agentId);
  if (judgedBefore.includes(by.agentId)) {
    return refusal(
      'SECOND_AGENT_REQUIRED',
      'You judged this order before; the callback on the appeal must be made by another agent.',
      {
        agentId: by.agentId,
      },
    );
  }
  const appeal = state.appeals.at(-1);
  if (appeal && by.at.getTime() < appeal.filedAt.getTime()) {
    return refusal('VERDICT_BEFORE_APPEAL', 'The second callback must come after the appeal was filed.', {
      appealedAt: appeal.filedAt,
    });
  }
  return { ok: true, kind: 'appeal_callback', round: state.verdicts.length + 1 };
}

export type FinalBasis = 'QUALIFIED' | 'APPEAL_DECIDED' | 'NO_APPEAL_ALLOWED' | 'APPEAL_WINDOW_CLOSED';

export type Finalisation =
  | { final: true; verdict: VerdictRecord; finalAt: Date; basis: FinalBasis; appealed: boolean }
  | {
      final: false;
      reason: 'NO_VERDICT' | 'APPEAL_PENDING' | 'APPEAL_WINDOW_OPEN';
      /** When the verdict becomes final if nobody appeals (APPEAL_WINDOW_OPEN only). */
      finalUnlessAppealedAt: Date | null;
    };

/**
 * CB-3: is the callback result final at `now`, and since when? A qualified verdict, a verdict no appeal can
 * follow (the appeals are used up, or the policy allows none) is final when recorded; any other becomes
 * final when its appeal window closes unappealed. Never final while an appeal waits for its second callback.
 */
export function finalisation(
  state: CallbackCaseState,
  now: Date,
  policy: AppealPolicy,
  tz: string,
): Finalisation {
  assertInstant(now, 'now');
  assertPolicy(policy);
  const latest = latestVerdict(state);
  if (!latest) return { final: false, reason: 'NO_VERDICT', finalUnlessAppealedAt: null };
  if (appealPending(state)) return { final: false, reason: 'APPEAL_PENDING', finalUnlessAppealedAt: null };
  const appealed = state.appeals.length > 0;
  const recordedFinal = (basis: FinalBasis): Finalisation =>
    now.getTime() >= latest.recordedAt.getTime()
      ? { final: true, verdict: latest, finalAt: latest.recordedAt, basis, appealed }
      : { final: false, reason: 'NO_VERDICT', finalUnlessAppealedAt: null };
  if (latest.verdict === 'qualified') return recordedFinal('QUALIFIED');
  if (state.appeals.length >= policy.maxAppeals) {
    return recordedFinal(policy.maxAppeals === 0 ? 'NO_APPEAL_ALLOWED' : 'APPEAL_DECIDED');
  }
  const closesAt = appealWindowClosesAt(latest, policy.windowDays, tz);
  if (now.getTime() >= closesAt.getTime()) {
    return { final: true, verdict: latest, finalAt: closesAt, basis: 'APPEAL_WINDOW_CLOSED', appealed };
  }
  return { final: false, reason: 'APPEAL_WINDOW_OPEN', finalUnlessAppealedAt: closesAt };
}

// ---------------------------------------------------------------------------------------------------------
// The `callback.finalised` event.

export interface CallbackFinalisedPayload {
  taskId: string;
  orderId: string;
  outletId: string;
  outcome: 'judged' | 'unreachable';
  verdict: Verdict | null;
  reasons: VerdictReason[];
  basis: FinalBasis | 'UNREACHABLE';
  /** ISO instant the result became final. */
  finalAt: string;
  appealed: boolean;
  /** The agent whose verdict is final. */
  decidedBy: string | null;
  /**
   * CB-1: what settlement pays on. Null for an unreachable callback: no policy says how those settle yet,
   * so settlement decides.
   */
  settlement: SettlementEffect | null;
  /** Versions of the policies the decision used (POL-1), e.g. `{ 'cb.appeal.window_days': 3 }`. */
  policyVersions: Record<string, number>;
}

/** CB-1 / CB-3: the payload of `callback.finalised` for a final verdict and its settlement effect. */
export function finalisedPayload(
  task: { taskId: string; orderId: string; outletId: string },
  final: Extract<Finalisation, { final: true }>,
  settlement: SettlementEffect,
  policyVersions: Record<string, number>,
): CallbackFinalisedPayload {
  if (settlement.verdict !== final.verdict.verdict) {
    throw new Error(
      `Settlement effect is for ${settlement.verdict}, the final verdict is ${final.verdict.verdict}.`,
    );
  }
  return {
    ...task,
    outcome: 'judged',
    verdict: final.verdict.verdict,
    reasons: [...final.verdict.reasons],
    basis: final.basis,
    finalAt: final.finalAt.toISOString(),
    appealed: final.appealed,
    decidedBy: final.verdict.agentId,
    settlement,
    policyVersions: { ...policyVersions },
  };
}

/** CB-5 / CB-3: the payload of `callback.finalised` for a task given up as unreachable (nothing to appeal). */
export function unreachablePayload(
  task: { taskId: string; orderId: string; outletId: string },
  gaveUpAt: Date,
  policyVersions: Record<string, number>,
): CallbackFinalisedPayload {
  assertInstant(gaveUpAt, 'gaveUpAt');
  return {
    ...task,
    outcome: 'unreachable',
    verdict: null,
    reasons: [],
    basis: 'UNREACHABLE',
    finalAt: gaveUpAt.toISOString(),
    appealed: false,
    decidedBy: null,
    settlement: null,
    policyVersions: { ...policyVersions },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Supervisors' same-day audit (客服主管 当日单据当日审核).

/**
 * The seed's flow table puts the supervisor between the outlet's entry and the call center (服务网点即时录入 →
 * 客服主管当日单据当日审核提交 → 呼叫中心即时回访), so the day's documents are the completions entered that day;
 * DOMAIN says only "the day's documents". Both kinds are listed: completion entries and verdicts.
 */
export interface AuditDocument {
  id: string;
  taskId: string;
  kind: 'completion_entry' | 'verdict';
  at: Date;
  /** Verdicts only: who judged and how. */
  agentId: string | null;
  verdict: Verdict | null;
  auditedAt: Date | null;
}

export interface SameDayAuditList {
  date: string;
  /** End of the day: audits after this are late. */
  deadline: Date;
  /** The day's documents, oldest first. */
  documents: AuditDocument[];
  outstanding: AuditDocument[];
  auditedInTime: number;
  auditedLate: number;
  /** The day is over and documents are still unaudited. */
  missed: boolean;
  byVerdict: Record<Verdict, number>;
}

/** CB-3: the documents a supervisor audits for business `date`, and how the day's audit stands at `now`. */
export function sameDayAuditList(
  documents: readonly AuditDocument[],
  date: string,
  ctx: { now: Date; tz: string },
): SameDayAuditList {
  assertInstant(ctx.now, 'now');
  const deadline = businessDayStart(addCalendarDays(date, 1), ctx.tz);
  const own = documents
    .filter((d) => businessDate(d.at, ctx.tz) === date)
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : 1));
  const auditedBy = (d: AuditDocument) => d.auditedAt !== null && d.auditedAt.getTime() <= ctx.now.getTime();
  const outstanding = own.filter((d) => !auditedBy(d));
  const auditedInTime = own.filter(
    (d) => auditedBy(d) && (d.auditedAt as Date).getTime() < deadline.getTime(),
  ).length;
  const byVerdict: Record<Verdict, number> = { qualified: 0, unqualified: 0, untrue: 0 };
  for (const d of own) if (d.kind === 'verdict' && d.verdict) byVerdict[d.verdict]++;
  return {
    date,
    deadline,
    documents: own,
    outstanding,
    auditedInTime,
    auditedLate: own.length - outstanding.length - auditedInTime,
    missed: ctx.now.getTime() >= deadline.getTime() && outstanding.length > 0,
    byVerdict,
  };
}
