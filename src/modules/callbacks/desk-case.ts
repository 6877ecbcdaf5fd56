import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { inScope } from '../identity/index.ts';
import type { Permission } from '../identity/index.ts';
import { requirePermission } from '../identity/index.ts';
import type { AttemptPolicy, CallAttempt, SlotStarts, TaskCallProgress } from './domain/callback-attempts.ts';
import { taskCallProgress } from './domain/callback-attempts.ts';
import type { AppealPolicy, CallbackCaseState } from './domain/callback-appeals.ts';
import { appealPending } from './domain/callback-appeals.ts';
import type { AttemptOutcome, Verdict, VerdictReason } from './domain/callback-codes.ts';
import { answeredOutcomes } from './domain/callback-codes.ts';
import type { SettlementEffectPolicy } from './domain/callback-verdicts.ts';
import type { AppealFileRow, AppealRow, AttemptRow, TaskRow, VerdictRow } from './desk.repository.ts';
import { deskRepository as repo } from './desk.repository.ts';

/** A callback task with everything hanging off it, in order. */
export interface TaskCase {
  task: TaskRow;
  attempts: AttemptRow[];
  verdicts: VerdictRow[];
  appeals: AppealRow[];
  files: AppealFileRow[];
}

export async function loadCase(db: Executor, task: TaskRow): Promise<TaskCase> {
  const [attempts, verdicts, appeals] = await Promise.all([
    repo.attemptsOf(db, [task.id]),
    repo.verdictsOf(db, task.id),
    repo.appealsOf(db, task.id),
  ]);
  const files = await repo.filesOf(
    db,
    appeals.map((a) => a.id),
  );
  return { task, attempts, verdicts, appeals, files };
}

/** Loads a task the caller may see (404 otherwise, SEC-1), optionally locked for a change. */
export async function loadVisibleTask(
  db: Executor,
  ctx: ServiceContext,
  id: string,
  permission: Permission,
  forUpdate = false,
): Promise<TaskRow> {
  const actor = requirePermission(ctx, permission);
  const task = await repo.findTask(db, id, forUpdate);
  if (!task || !inScope(actor.scope, { outletId: task.outletId, regionCode: task.regionCode })) {
    throw notFound('Callback task', id);
  }
  return task;
}

export function caseState(c: Pick<TaskCase, 'verdicts' | 'appeals'>): CallbackCaseState {
  return {
    verdicts: c.verdicts.map((v) => ({
      verdict: v.verdict as Verdict,
      reasons: v.reasons as VerdictReason[],
      agentId: v.agentId,
      recordedAt: v.recordedAt,
    })),
    appeals: c.appeals.map((a) => ({ filedAt: a.filedAt, filedBy: a.filedBy })),
  };
}

/**
 * Which verdict round calls are being made for: 1 until the first verdict, then the round of an appeal's
 * second callback while it waits; null when no call is expected (judged, final or given up).
 */
export function currentVerdictRound(c: TaskCase): number | null {
  if (c.task.finalAt !== null) return null;
  if (c.verdicts.length === 0) return 1;
  return appealPending(caseState(c)) ? c.verdicts.length + 1 : null;
}

const asCall = (a: AttemptRow): CallAttempt => ({
  at: a.at,
  outcome: a.outcome as AttemptOutcome,
  agentId: a.agentId,
});

/** The attempts of a verdict round split into call rounds, each ending with the call that was answered. */
export function callRounds(attempts: readonly AttemptRow[], verdictRound: number): CallAttempt[][] {
  const rounds: CallAttempt[][] = [[]];
  for (const a of attempts.filter((x) => x.verdictRound === verdictRound)) {
    (rounds.at(-1) as CallAttempt[]).push(asCall(a));
    if (answeredOutcomes.includes(a.outcome as AttemptOutcome)) rounds.push([]);
  }
  return rounds;
}

/** CB-2 rounds: the first verdict waits for every planned answered call; an appeal's second callback for one. */
export const roundsRequired = (c: TaskCase, verdictRound: number): number =>
  verdictRound === 1 ? c.task.rounds : 1;

export interface RoundProgress {
  verdictRound: number;
  progress: TaskCallProgress;
  /** The attempts of the call round in progress (what `checkAttempt` weighs). */
  currentRound: CallAttempt[];
}

export function progressOf(
  c: TaskCase,
  verdictRound: number,
  policy: AttemptPolicy,
  ctx: { now: Date; tz: string },
): RoundProgress {
  const rounds = callRounds(c.attempts, verdictRound);
  const required = roundsRequired(c, verdictRound);
  const progress = taskCallProgress(rounds.slice(0, required), required, policy, ctx);
  const index = progress.status === 'calling' ? progress.round - 1 : Math.min(rounds.length, required) - 1;
  return { verdictRound, progress, currentRound: rounds[index] ?? [] };
}

/** Answered calls of the first verdict round (what the queue shows against the planned rounds). */
export const roundsAnswered = (attempts: readonly AttemptRow[], rounds: number): number =>
  Math.min(
    rounds,
    attempts.filter((a) => a.verdictRound === 1 && answeredOutcomes.includes(a.outcome as AttemptOutcome))
      .length,
  );

// ---------------------------------------------------------------------------------------------------------
// Policies (POL-1: each result records the versions it used).

export interface DeskPolicies {
  attempt: AttemptPolicy;
  appeal: AppealPolicy;
  minSatisfiedScore: number;
  settlement: SettlementEffectPolicy;
  versions: {
    attempt: Record<string, number>;
    appeal: Record<string, number>;
    settlement: Record<string, number>;
    satisfaction: Record<string, number>;
  };
}

export async function deskPolicies(deps: PlatformDeps, at: Date): Promise<DeskPolicies> {
  const p = deps.policies;
  const [maxAttempts, slotStarts, windowDays, maxAppeals, minScore, feeShare, deduction] = await Promise.all([
    p.at<number>('cb.unreachable.max_attempts', at),
    p.at<SlotStarts>('cb.attempt.slot_starts', at),
    p.at<number>('cb.appeal.window_days', at),
    p.at<number>('cb.appeal.max_count', at),
    p.at<number>('cb.satisfaction.min_satisfied_score', at),
    p.at<SettlementEffectPolicy['feeShare']>('stl.callback_result.fee_share', at),
    p.at<number>('stl.callback_result.untrue_deduction_fen', at),
  ]);
  const versions = (...values: { key: string; version: number }[]) =>
    Object.fromEntries(values.map((v) => [v.key, v.version]));
  return {
    attempt: { maxAttempts: maxAttempts.value, slotStarts: slotStarts.value },
    appeal: { windowDays: windowDays.value, maxAppeals: maxAppeals.value },
    minSatisfiedScore: minScore.value,
    settlement: { feeShare: feeShare.value, untrueDeductionFen: deduction.value },
    versions: {
      attempt: versions(maxAttempts, slotStarts),
      appeal: versions(windowDays, maxAppeals),
      settlement: versions(feeShare, deduction),
      satisfaction: versions(minScore),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Refusals.

/** Refusals about where the task stands rather than about the request: 409. */
const STATE_REASONS = new Set([
  'TASK_FINAL',
  'ROUND_ALREADY_ANSWERED',
  'ATTEMPTS_EXHAUSTED',
  'ATTEMPT_BEFORE_PREVIOUS',
  'VERDICT_ALREADY_RECORDED',
  'APPEAL_ALREADY_MADE',
]);

/** A callback rule's refusal; `reason` is the rule's own code, which the console translates. */
export function refused(
  rule: string,
  reason: string,
  message: string,
  details: Record<string, unknown> = {},
): AppError {
  return new AppError(
    STATE_REASONS.has(reason) ? 'CALLBACK_STATE_CONFLICT' : 'CALLBACK_RULE_REFUSED',
    message,
    {
      details: { rule, reason, ...details },
    },
  );
}
