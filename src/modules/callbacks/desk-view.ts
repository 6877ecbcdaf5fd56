import type { Actor } from '../../platform/auth/actor.ts';
import { hasPermission, isRole } from '../identity/index.ts';
import type { Permission } from '../identity/index.ts';
import type { OrderType } from '../work-orders/index.ts';
import { callSlotOf } from './domain/callback-attempts.ts';
import type { AppealPolicy } from './domain/callback-appeals.ts';
import { checkAppeal, finalisation } from './domain/callback-appeals.ts';
import type { CallbackAnswers } from './domain/callback-questionnaire.ts';
import { callbackQuestions } from './domain/callback-questionnaire.ts';
import { checkCompletionEntry } from './domain/callback-tasks.ts';
import type { DeskPolicies, TaskCase } from './desk-case.ts';
import { caseState, currentVerdictRound, progressOf, roundsAnswered } from './desk-case.ts';
import type { DeskRefusal } from './desk-rules.ts';
import { mayAddAppealFile, mayCall, mayJudge } from './desk-rules.ts';
import type { AppealFileRow, AttemptRow, TaskRow, VerdictRow } from './desk.repository.ts';
import type { TaskDetail } from './desk-schemas.ts';

const HOUR_MS = 3_600_000;
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export type Names = Map<string, string>;
const person = (id: string, names: Names) => ({ id, displayName: names.get(id) ?? id });

type Allowed = TaskDetail['allowed']['call'];
const yes: Allowed = { allowed: true, reason: null };
const refusedBy = (r: DeskRefusal): Allowed => ({
  allowed: false,
  reason: { code: r.reason, message: r.message },
});
const forbiddenText: Partial<Record<Permission, string>> = {
  'callback.call': 'Your role does not make callbacks.',
  'callback.judge': 'Only callback agents judge callbacks.',
  'callback.appeal': 'Only the outlet appeals a callback result.',
  'callback.audit': 'Only supervisors audit callback documents.',
  'customer.reveal': 'Your role may not see the customer’s full details.',
};
const mayNot = (actor: Actor, permission: Permission): Allowed | null =>
  isRole(actor.role) && hasPermission(actor.role, permission)
    ? null
    : {
        allowed: false,
        reason: { code: 'FORBIDDEN', message: forbiddenText[permission] ?? 'Your role may not do this.' },
      };

export function attemptView(a: AttemptRow, names: Names): TaskDetail['attempts'][number] {
  return {
    id: a.id,
    verdictRound: a.verdictRound,
    at: a.at.toISOString(),
    slot: a.slot as TaskDetail['attempts'][number]['slot'],
    outcome: a.outcome as TaskDetail['attempts'][number]['outcome'],
    agent: person(a.agentId, names),
    answers: (a.answers as CallbackAnswers | null) ?? null,
    satisfied: a.satisfied,
    note: a.note,
  };
}

export function verdictView(v: VerdictRow, names: Names): TaskDetail['verdicts'][number] {
  return {
    id: v.id,
    round: v.round,
    kind: v.kind as 'first' | 'appeal_callback',
    verdict: v.verdict as TaskDetail['verdicts'][number]['verdict'],
    reasons: v.reasons as TaskDetail['verdicts'][number]['reasons'],
    note: v.note,
    evidenceOrderIds: v.evidenceOrderIds as string[],
    agent: person(v.agentId, names),
    recordedAt: v.recordedAt.toISOString(),
    settlement: v.settlement as TaskDetail['verdicts'][number]['settlement'],
    auditedAt: iso(v.auditedAt),
  };
}

export function fileView(f: AppealFileRow, taskId: string): TaskDetail['appeals'][number]['files'][number] {
  return {
    id: f.id,
    fileName: f.fileName,
    contentType: f.contentType,
    sizeBytes: f.sizeBytes,
    uploadedAt: f.uploadedAt.toISOString(),
    url: `/api/callbacks/${taskId}/appeal/files/${f.id}`,
  };
}

export function appealViews(c: TaskCase, names: Names): TaskDetail['appeals'] {
  return c.appeals.map((a) => ({
    id: a.id,
    verdictId: a.verdictId,
    filedAt: a.filedAt.toISOString(),
    filedBy: person(a.filedBy, names),
    statement: a.statement,
    files: c.files.filter((f) => f.appealId === a.id).map((f) => fileView(f, c.task.id)),
  }));
}

/** Everyone named on a case, for one display-name look-up. */
export function peopleOf(c: TaskCase): string[] {
  return [
    ...new Set([
      ...c.attempts.map((a) => a.agentId),
      ...c.verdicts.flatMap((v) => [v.agentId, ...(v.auditedBy ? [v.auditedBy] : [])]),
      ...c.appeals.map((a) => a.filedBy),
      ...(c.task.entryAuditedBy ? [c.task.entryAuditedBy] : []),
    ]),
  ];
}

export const isOverdue = (task: TaskRow, now: Date): boolean =>
  task.status === 'open' && task.dueAt.getTime() < now.getTime();

export interface DetailInputs {
  c: TaskCase;
  actor: Actor;
  now: Date;
  tz: string;
  policies: DeskPolicies;
  /** The appeal policy in force when the latest verdict was recorded (its window is fixed then). */
  appealPolicy: AppealPolicy;
  completionEntryMaxHours: number;
  names: Names;
  order: TaskDetail['order'];
  customer: TaskDetail['customer'];
  evidence: TaskDetail['evidence'];
}

function nextAttemptOf(i: DetailInputs): TaskDetail['nextAttempt'] {
  const { c, now, tz, policies } = i;
  const slotNow = callSlotOf(now, policies.attempt.slotStarts, tz);
  const round = currentVerdictRound(c);
  const base = {
    round: null,
    roundsAnswered: roundsAnswered(c.attempts, c.task.rounds),
    roundsRequired: c.task.rounds,
    guidance: null,
    allowedSlots: [],
    notBeforeDate: null,
    suggestedAt: null,
    attemptsLeft: null,
    slotNow,
  };
  if (round === null) {
    return {
      ...base,
      status: 'done',
      message:
        c.task.status === 'unreachable'
          ? 'Given up: nobody could give an account of the service.'
          : c.task.finalAt
            ? 'The callback result is final.'
            : 'Judged; the outlet may appeal within the window.',
    };
  }
  const { progress } = progressOf(c, round, policies.attempt, { now, tz });
  if (progress.status === 'calling') {
    const next = progress.state.next;
    return {
      ...base,
      status: 'calling',
      round: progress.round,
      roundsAnswered: progress.roundsAnswered,
      roundsRequired: progress.roundsRequired,
      guidance: next.guidance,
      message: next.message,
      allowedSlots: next.allowedSlots,
      notBeforeDate: next.notBeforeDate,
      suggestedAt: next.suggestedAt.toISOString(),
      attemptsLeft: progress.state.attemptsLeft,
    };
  }
  if (progress.status === 'ready_for_verdict') {
    return {
      ...base,
      status: 'ready_for_verdict',
      roundsAnswered: progress.roundsAnswered,
      roundsRequired: progress.roundsRequired,
      message: progress.complete
        ? 'Every planned call is answered; record the verdict.'
        : 'A later call could not reach anyone; judge on the calls that were answered.',
    };
  }
  return {
    ...base,
    status: 'unreachable',
    message:
      round > 1
        ? 'The second callback could not reach anyone; judge the appeal on its statement and files.'
        : progress.message,
  };
}

function finalisationOf(i: DetailInputs): TaskDetail['finalisation'] {
  const t = i.c.task;
  if (t.finalAt) {
    return {
      final: true,
      basis: t.finalBasis as TaskDetail['finalisation']['basis'],
      finalAt: t.finalAt.toISOString(),
      verdict: t.verdict as TaskDetail['finalisation']['verdict'],
      pending: null,
      windowClosesAt: null,
    };
  }
  const f = finalisation(caseState(i.c), i.now, i.appealPolicy, i.tz);
  return f.final
    ? {
        final: true,
        basis: f.basis,
        finalAt: f.finalAt.toISOString(),
        verdict: f.verdict.verdict,
        pending: null,
        windowClosesAt: null,
      }
    : {
        final: false,
        basis: null,
        finalAt: null,
        verdict: (t.verdict as TaskDetail['finalisation']['verdict']) ?? null,
        pending: f.reason,
        windowClosesAt: iso(f.finalUnlessAppealedAt),
      };
}

function allowedOf(i: DetailInputs): TaskDetail['allowed'] {
  const { c, actor, now, tz, policies } = i;
  const ctx = { now, tz };
  const call = mayNot(actor, 'callback.call') ?? outcomeOf(mayCall(c, actor, 'no_answer', policies, ctx));
  const judge = mayNot(actor, 'callback.judge') ?? outcomeOf(mayJudge(c, actor, policies, ctx));
  let appeal = mayNot(actor, 'callback.appeal');
  if (!appeal) {
    // The statement is the request's; here only whether an appeal is possible at all is asked.
    const check = checkAppeal(caseState(c), { at: now, statement: '-' }, i.appealPolicy, { tz });
    appeal = check.ok ? yes : { allowed: false, reason: { code: check.code, message: check.message } };
  }
  const uploadAppealFile = mayNot(actor, 'callback.appeal') ?? outcomeOf(mayAddAppealFile(c));
  let audit = mayNot(actor, 'callback.audit');
  if (!audit) {
    const pending = c.task.entryAuditedAt === null || c.verdicts.some((v) => v.auditedAt === null);
    audit = pending
      ? yes
      : {
          allowed: false,
          reason: { code: 'ALREADY_AUDITED', message: 'The completion entry and verdicts are audited.' },
        };
  }
  const reveal = mayNot(actor, 'customer.reveal') ?? yes;
  return { call, judge, appeal, uploadAppealFile, audit, reveal };
}

const outcomeOf = (r: { ok: true } | DeskRefusal): Allowed => (r.ok ? yes : refusedBy(r));

/** The detail of a task (GET /api/callbacks/:id). */
export function taskDetail(i: DetailInputs): TaskDetail {
  const t = i.c.task;
  const late = checkCompletionEntry(t.completedAt, t.completionEnteredAt, i.completionEntryMaxHours);
  return {
    id: t.id,
    version: t.version,
    status: t.status as TaskDetail['status'],
    month: t.month,
    plan: {
      caller: t.caller as TaskDetail['plan']['caller'],
      reason: t.planReason as TaskDetail['plan']['reason'],
      highValue: t.highValue,
      rounds: t.rounds,
      roundsAnswered: roundsAnswered(i.c.attempts, t.rounds),
      sampling: {
        grade: t.samplingGrade as TaskDetail['plan']['sampling']['grade'],
        rate: t.samplingRate,
        sampled: t.samplingDraw < t.samplingRate,
      },
      settlementValueFen: t.settlementValueFen,
      completedAt: t.completedAt.toISOString(),
      completionEnteredAt: t.completionEnteredAt.toISOString(),
      dueAt: t.dueAt.toISOString(),
      overdue: isOverdue(t, i.now),
      lateEntry: {
        // The stored flag is what the plan decided; the limit is shown from the policy in force at entry.
        late: t.lateEntry,
        limitAt: late.limitAt.toISOString(),
        lateByHours: Math.ceil(late.lateByMs / HOUR_MS),
        message: late.message,
      },
      policyVersions: t.planPolicyVersions as Record<string, number>,
    },
    order: i.order,
    customer: i.customer,
    questions: callbackQuestions(t.orderType as OrderType),
    attempts: i.c.attempts.map((a) => attemptView(a, i.names)),
    nextAttempt: nextAttemptOf(i),
    verdicts: i.c.verdicts.map((v) => verdictView(v, i.names)),
    appeals: appealViews(i.c, i.names),
    evidence: i.evidence,
    finalisation: finalisationOf(i),
    allowed: allowedOf(i),
  };
}
