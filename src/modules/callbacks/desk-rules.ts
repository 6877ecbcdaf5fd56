import type { Actor } from '../../platform/auth/actor.ts';
import { checkAttempt } from './domain/callback-attempts.ts';
import type { AttemptCheck } from './domain/callback-attempts.ts';
import { appealPending, checkVerdictRecording } from './domain/callback-appeals.ts';
import type { AttemptOutcome } from './domain/callback-codes.ts';
import type { DeskPolicies, RoundProgress, TaskCase } from './desk-case.ts';
import { caseState, currentVerdictRound, progressOf } from './desk-case.ts';

/**
 * Who may do what on a task now, as the use cases enforce it and the detail's `allowed` block shows it: the
 * pure CB rules over the loaded case, plus who calls (CB-2). One place, so the two never disagree.
 */

export interface DeskRefusal {
  ok: false;
  rule: string;
  reason: string;
  message: string;
  details: Record<string, unknown>;
}

const no = (rule: string, reason: string, message: string, details: Record<string, unknown> = {}) =>
  ({ ok: false, rule, reason, message, details }) as DeskRefusal;

type Ctx = { now: Date; tz: string };

const finalRefusal = (c: TaskCase): DeskRefusal =>
  no(
    'CB-3',
    'TASK_FINAL',
    c.task.status === 'unreachable'
      ? 'This callback was given up as unreachable; its result is final.'
      : 'The callback result is final; nothing more can be recorded on it.',
    { finalAt: c.task.finalAt, basis: c.task.finalBasis },
  );

/**
 * CB-2 / CB-5: may this actor record a call now? Outlet staff call only the tasks HQ left to their outlet
 * (not sampled), and never the second callback on their own appeal; the call center may call any task.
 */
export function mayCall(
  c: TaskCase,
  actor: Actor,
  outcome: AttemptOutcome,
  p: DeskPolicies,
  ctx: Ctx,
): { ok: true; progress: RoundProgress; check: Extract<AttemptCheck, { ok: true }> } | DeskRefusal {
  if (c.task.finalAt !== null) return finalRefusal(c);
  const round = currentVerdictRound(c);
  if (round === null) {
    return no(
      'CB-3',
      'VERDICT_ALREADY_RECORDED',
      'This callback is judged; the customer is called again only when the outlet appeals.',
    );
  }
  if (actor.scope.kind === 'outlet' && (c.task.caller !== 'outlet' || round > 1)) {
    return no(
      'CB-2',
      'NOT_THE_CALLER',
      round > 1
        ? 'The second callback on an appeal is made by the call center, not by the outlet.'
        : 'The call center calls back this order (sampled or high-value); your outlet calls back the orders HQ does not sample.',
      { caller: c.task.caller },
    );
  }
  const progress = progressOf(c, round, p.attempt, ctx);
  if (progress.progress.status === 'ready_for_verdict') {
    return no(
      'CB-5',
      'ROUND_ALREADY_ANSWERED',
      'Every planned call of this callback is answered; record the verdict instead of calling again.',
    );
  }
  if (progress.progress.status === 'unreachable') {
    return no('CB-5', 'ATTEMPTS_EXHAUSTED', progress.progress.message, {
      failedAttempts: progress.progress.failedAttempts,
    });
  }
  const check = checkAttempt(
    progress.currentRound,
    { at: ctx.now, outcome, agentId: actor.userId },
    p.attempt,
    ctx,
  );
  if (!check.ok) return no(check.rule, check.code, check.message, check.details);
  return { ok: true, progress, check };
}

/**
 * CB-3: may this agent judge now? The first verdict once the planned calls are answered; after an appeal,
 * only another agent, once the second callback is answered — or could not reach anyone, when the appeal's
 * statement and files are all there is to judge on.
 */
export function mayJudge(
  c: TaskCase,
  actor: Actor,
  p: DeskPolicies,
  ctx: Ctx,
): { ok: true; kind: 'first' | 'appeal_callback'; round: number; progress: RoundProgress } | DeskRefusal {
  if (c.task.finalAt !== null) return finalRefusal(c);
  const recording = checkVerdictRecording(caseState(c), { agentId: actor.userId, at: ctx.now });
  if (!recording.ok) return no(recording.rule, recording.code, recording.message, recording.details);
  const progress = progressOf(c, recording.round, p.attempt, ctx);
  const state = progress.progress;
  const ready =
    state.status === 'ready_for_verdict' || (state.status === 'unreachable' && recording.round > 1);
  if (!ready) {
    const answered = state.status === 'calling' ? state.roundsAnswered : 0;
    const required = state.status === 'calling' ? state.roundsRequired : 1;
    return no(
      'CB-3',
      'CALLS_NOT_DONE',
      `Judge after the callback: ${answered} of ${required} answered call${required === 1 ? '' : 's'} recorded.`,
      { roundsAnswered: answered, roundsRequired: required },
    );
  }
  return { ok: true, kind: recording.kind, round: recording.round, progress };
}

/** Files go with an appeal that still waits for its second callback. */
export function mayAddAppealFile(c: TaskCase): { ok: true } | DeskRefusal {
  if (!appealPending(caseState(c))) {
    return no(
      'CB-3',
      'NO_APPEAL_PENDING',
      'Files are attached to an appeal waiting for its second callback; file the appeal first.',
    );
  }
  return { ok: true };
}
