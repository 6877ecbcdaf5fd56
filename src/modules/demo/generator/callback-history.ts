import { addCalendarDays, businessDate, businessDayStart } from '../../../platform/time.ts';
import {
  appealWindowClosesAt,
  callSlotOf,
  finalisation,
  isSatisfied,
  plannedTask,
  settlementEffect,
} from '../../callbacks/index.ts';
import type {
  CallbackAnswers,
  PlanPolicies,
  SettlementEffectPolicy,
  SlotStarts,
  Verdict,
  VerdictReason,
  callbackTables,
} from '../../callbacks/index.ts';
import type { WorkOrderRow } from '../../work-orders/index.ts';
import { HOUR_MS, MINUTE_MS } from './order-clock.ts';
import { callbackNotes } from './order-texts.ts';
import { Random, WeightedTable, labelSeed, mixSeed } from './prng.ts';

type TaskRow = typeof callbackTables.callbackTasks.$inferSelect;
type AttemptRow = typeof callbackTables.callbackAttempts.$inferSelect;
type VerdictRow = typeof callbackTables.callbackVerdicts.$inferSelect;
type AppealRow = typeof callbackTables.callbackAppeals.$inferSelect;

/** The policy values a callback history is played with, and their versions (POL-1). */
export interface CallbackHistoryPolicies extends PlanPolicies {
  slotStarts: SlotStarts;
  maxAttempts: number;
  appeal: { windowDays: number; maxAppeals: number };
  minSatisfiedScore: number;
  settlement: SettlementEffectPolicy;
  versions: Record<string, number>;
}

export interface CallbackHistoryInputs {
  orders: readonly WorkOrderRow[];
  outlets: ReadonlyMap<string, { grade: string | null; band: number | null }>;
  /** The two callback agents (the second makes appeal callbacks, CB-3) and each outlet's appealing user. */
  agents: { first: string; second: string; supervisor: string };
  appellantOf: (outletId: string) => string | null;
  policies: CallbackHistoryPolicies;
}

export interface CallbackHistory {
  tasks: TaskRow[];
  attempts: AttemptRow[];
  verdicts: VerdictRow[];
  appeals: AppealRow[];
}

const outcomeOfFailure = new WeightedTable<'no_answer' | 'other_does_not_know'>([
  ['no_answer', 5],
  ['other_does_not_know', 1],
]);
const verdictOf = new WeightedTable<Verdict>([
  ['qualified', 90],
  ['unqualified', 6],
  ['untrue', 4],
]);
const unqualifiedReasons: readonly VerdictReason[] = [
  'NOT_WORKING_AFTER_SERVICE',
  'SERVICE_NOT_TIMELY',
  'CUSTOMER_DISSATISFIED',
];
const untrueReasons: readonly VerdictReason[] = ['VISIT_NOT_MADE', 'FALSE_SERVICE_MODE', 'FEE_OVER_REPORTED'];
const appealStatements = [
  '工程师已上门维修，附上门照片及用户签字的服务单，请复核。',
  '用户当时由家人接待，不清楚上门情况，请再次联系用户本人。',
  '收费为用户自购配件费用，非服务费，附收据。',
];

/**
 * CB-2..CB-6 history for the demo: a callback task for every order completed before `now`, planned by the
 * real rule (sampling by outlet grade, high-value rounds, due days), then the calls — by slot, with the
 * unanswered ones retried in another slot — the verdict with its settlement effect, for a few problem
 * verdicts the outlet's appeal and a second agent's callback, and finalisation as the rules decide at `now`.
 * Orders completed in the last day are still waiting for their first call, so the desk has work.
 */
export function generateCallbackHistory(
  inputs: CallbackHistoryInputs,
  opts: { seed: number; now: Date; timeZone: string },
): CallbackHistory {
  const tz = opts.timeZone;
  const now = opts.now;
  const p = inputs.policies;
  const out: CallbackHistory = { tasks: [], attempts: [], verdicts: [], appeals: [] };
  const completed = inputs.orders
    .filter((o) => o.completedAt !== null && o.outletId !== null && o.completedAt.getTime() < now.getTime())
    .sort((a, b) => (a.completedAt as Date).getTime() - (b.completedAt as Date).getTime());
  let seq = 0;
  const id = (prefix: string, at: Date) =>
    `${prefix}_demo${String(++seq).padStart(6, '0')}${at.getTime().toString(36)}`;

  for (const order of completed) {
    const rng = new Random(mixSeed(opts.seed, labelSeed(order.id)));
    const enteredAt = order.completedAt as Date;
    const outletId = order.outletId as string;
    const outlet = inputs.outlets.get(outletId);
    const planned = plannedTask(
      order,
      outlet ? { id: outletId, ...outlet } : { id: outletId, grade: null, band: null },
      { workDoneAt: enteredAt, enteredAt },
      p,
      { id: id('cbt', enteredAt), now: enteredAt, tz, samplingSalt: 'demo-history' },
    );
    if (!planned) continue;
    const plan = planned.plan;
    const task = {
      verdict: null,
      verdictAt: null,
      appealWindowClosesAt: null,
      finalAt: null,
      finalBasis: null,
      // Supervisors audit the day's entries the same day (CB-3); today's are still on their list.
      entryAuditedAt: null,
      entryAuditedBy: null,
      version: 1,
      ...planned.row,
    } as TaskRow;
    out.tasks.push(task);
    const today = businessDate(now, tz);
    if (businessDate(enteredAt, tz) < today) {
      task.entryAuditedAt = new Date(enteredAt.getTime() + rng.int(20, 180) * MINUTE_MS);
      task.entryAuditedBy = inputs.agents.supervisor;
    }
    // Completions of the last day wait on the desk; the calls happen within the due days.
    const firstCallAt = callTime(rng, new Date(enteredAt.getTime() + rng.int(2, 30) * HOUR_MS), tz);
    if (firstCallAt.getTime() >= now.getTime() - 2 * HOUR_MS) continue;

    // One round per required answered call (high-value orders, 反复回访), each after the previous.
    const agentFirst = inputs.agents.first;
    let at = firstCallAt;
    let answers: CallbackAnswers | null = null;
    let answeredRounds = 0;
    let givenUp = false;
    for (let round = 1; round <= plan.rounds && at.getTime() < now.getTime(); round++) {
      let failures = 0;
      const failing = round === 1 && rng.chance(0.04) ? p.maxAttempts : rng.chance(0.12) ? 1 : 0;
      const tried = new Set<string>();
      while (failures < failing && at.getTime() < now.getTime()) {
        const outcome = rng.weighted(outcomeOfFailure);
        const call = attempt(task.id, 1, at, outcome, agentFirst, null, null, p, tz);
        out.attempts.push(call);
        tried.add(call.slot);
        failures++;
        // CB-5: an unanswered call is tried again in a slot not tried yet; someone who did not know about
        // the service means calling the customer on another day.
        at = retryAt(rng, at, tried, outcome === 'no_answer' ? 0 : 1, p.slotStarts, tz);
      }
      if (failures >= p.maxAttempts) {
        givenUp = round === 1;
        break;
      }
      if (at.getTime() >= now.getTime()) break;
      answers = answersFor(rng);
      const outcome = rng.chance(0.08) ? 'other_knows' : 'reached';
      out.attempts.push(
        attempt(
          task.id,
          1,
          at,
          outcome,
          agentFirst,
          answers,
          isSatisfied(answers, p.minSatisfiedScore),
          p,
          tz,
        ),
      );
      answeredRounds++;
      at = callTime(rng, new Date(at.getTime() + rng.int(20, 40) * HOUR_MS), tz);
    }
    if (givenUp) {
      const last = out.attempts.at(-1) as AttemptRow;
      Object.assign(task, {
        status: 'unreachable',
        finalAt: last.at,
        finalBasis: 'UNREACHABLE',
        updatedAt: last.at,
      });
      continue;
    }
    if (answeredRounds < plan.rounds || !answers) continue;

    // The verdict follows the last answered call; a customer who is unhappy or says nothing worked is not
    // a qualified order.
    const lastCall = (out.attempts.at(-1) as AttemptRow).at;
    const verdictAt = new Date(lastCall.getTime() + rng.int(2, 15) * MINUTE_MS);
    if (verdictAt.getTime() >= now.getTime()) continue;
    let verdict: Verdict = rng.weighted(verdictOf);
    if (!answers.worksNow || answers.satisfaction <= 2) verdict = rng.chance(0.5) ? 'unqualified' : verdict;
    const vctx = { today, tz, rng, supervisor: inputs.agents.supervisor };
    const reasons =
      verdict === 'qualified' ? [] : [rng.pick(verdict === 'untrue' ? untrueReasons : unqualifiedReasons)];
    const first = verdictRow(task, 1, 'first', verdict, reasons, agentFirst, verdictAt, p, vctx);
    out.verdicts.push(first);
    const records = [{ verdict, reasons, agentId: agentFirst, recordedAt: verdictAt }];
    const appeals: { filedAt: Date; filedBy: string }[] = [];
    let latest = first;

    // The outlet appeals about half of the problem verdicts it can (CB-3: once, within the window).
    const appellant = inputs.appellantOf(outletId);
    if (verdict !== 'qualified' && appellant && rng.chance(0.6)) {
      const closes = appealWindowClosesAt({ recordedAt: verdictAt }, p.appeal.windowDays, tz);
      const filedAt = new Date(verdictAt.getTime() + rng.int(3, 40) * HOUR_MS);
      if (filedAt.getTime() < Math.min(closes.getTime(), now.getTime())) {
        out.appeals.push({
          id: id('cbp', filedAt),
          taskId: task.id,
          verdictId: first.id,
          filedAt,
          filedBy: appellant,
          statement: rng.pick(appealStatements),
        });
        appeals.push({ filedAt, filedBy: appellant });
        const second = callTime(rng, new Date(filedAt.getTime() + rng.int(3, 30) * HOUR_MS), tz);
        if (second.getTime() < now.getTime() - HOUR_MS) {
          const secondAnswers = answersFor(rng);
          out.attempts.push(
            attempt(
              task.id,
              2,
              second,
              'reached',
              inputs.agents.second,
              secondAnswers,
              isSatisfied(secondAnswers, p.minSatisfiedScore),
              p,
              tz,
            ),
          );
          const reversed = rng.chance(0.45);
          const decided: Verdict = reversed ? 'qualified' : verdict;
          const decidedReasons = reversed ? [] : reasons;
          const decidedAt = new Date(second.getTime() + rng.int(2, 10) * MINUTE_MS);
          latest = verdictRow(
            task,
            2,
            'appeal_callback',
            decided,
            decidedReasons,
            inputs.agents.second,
            decidedAt,
            p,
            vctx,
          );
          out.verdicts.push(latest);
          records.push({
            verdict: decided,
            reasons: decidedReasons,
            agentId: inputs.agents.second,
            recordedAt: decidedAt,
          });
        }
      }
    }

    const state = { verdicts: records, appeals };
    const f = finalisation(state, now, p.appeal, tz);
    Object.assign(task, {
      verdict: latest.verdict,
      verdictAt: latest.recordedAt,
      updatedAt: latest.recordedAt,
      version: 1 + records.length + appeals.length,
    });
    if (f.final) {
      Object.assign(task, {
        status: 'final',
        finalAt: f.finalAt,
        finalBasis: f.basis,
        appealWindowClosesAt: null,
      });
    } else if (f.reason === 'APPEAL_PENDING') {
      Object.assign(task, { status: 'appealed', appealWindowClosesAt: null });
    } else {
      Object.assign(task, { status: 'judged', appealWindowClosesAt: f.finalUnlessAppealedAt });
    }
  }
  return out;
}

const SLOT_ORDER = ['morning', 'afternoon', 'evening'] as const;

/** The first start of a slot not in `tried`, at least `minDays` business days after `from`, plus a few minutes. */
function retryAt(
  rng: Random,
  from: Date,
  tried: ReadonlySet<string>,
  minDays: number,
  starts: SlotStarts,
  tz: string,
): Date {
  const open = SLOT_ORDER.filter((s) => !tried.has(s));
  const slots = open.length > 0 ? open : [...SLOT_ORDER];
  const fromDay = businessDate(from, tz);
  for (let d = minDays; d < minDays + 3; d++) {
    const day = addCalendarDays(fromDay, d);
    for (const slot of slots) {
      const [h, m] = starts[slot].split(':').map(Number);
      const at = new Date(
        businessDayStart(day, tz).getTime() + ((h ?? 0) * 60 + (m ?? 0) + rng.int(15, 150)) * MINUTE_MS,
      );
      if (at.getTime() > from.getTime() + HOUR_MS) return at;
    }
  }
  return new Date(from.getTime() + 24 * HOUR_MS);
}

/** A call during the desk's hours (08:30–20:30 business time), moved to the next morning when outside. */
function callTime(rng: Random, at: Date, tz: string): Date {
  const day = businessDate(at, tz);
  const start = businessDayStart(day, tz).getTime();
  const minutes = (at.getTime() - start) / MINUTE_MS;
  if (minutes >= 8.5 * 60 && minutes <= 20.5 * 60) return at;
  const next = minutes < 8.5 * 60 ? day : addCalendarDays(day, 1);
  return new Date(businessDayStart(next, tz).getTime() + (8.5 * 60 + rng.int(0, 180)) * MINUTE_MS);
}

function answersFor(rng: Random): CallbackAnswers {
  const worksNow = rng.chance(0.95);
  const feeCharged = rng.chance(0.12);
  return {
    repairedOrInstalled: worksNow || rng.chance(0.5),
    feeCharged,
    feeAmountFen: feeCharged ? rng.int(3, 30) * 1000 : null,
    timely: rng.chance(0.9),
    worksNow,
    satisfaction: (worksNow
      ? rng.pick([4, 5, 5, 5, 3])
      : rng.pick([1, 2, 3])) as CallbackAnswers['satisfaction'],
    note: rng.chance(0.15) ? rng.pick(worksNow ? callbackNotes.satisfied : callbackNotes.unhappy) : null,
  };
}

function attempt(
  taskId: string,
  verdictRound: number,
  at: Date,
  outcome: string,
  agentId: string,
  answers: CallbackAnswers | null,
  satisfied: boolean | null,
  p: CallbackHistoryPolicies,
  tz: string,
): AttemptRow {
  return {
    id: `cba_${taskId.slice(4)}_${at.getTime().toString(36)}`,
    taskId,
    verdictRound,
    at,
    slot: callSlotOf(at, p.slotStarts, tz),
    outcome,
    agentId,
    answers,
    satisfied,
    note: null,
  };
}

function verdictRow(
  task: TaskRow,
  round: number,
  kind: 'first' | 'appeal_callback',
  verdict: Verdict,
  reasons: VerdictReason[],
  agentId: string,
  recordedAt: Date,
  p: CallbackHistoryPolicies,
  ctx: { today: string; tz: string; rng: Random; supervisor: string },
): VerdictRow {
  const { today, tz, rng } = ctx;
  const effect = settlementEffect(verdict, task.settlementValueFen, p.settlement);
  const audited = businessDate(recordedAt, tz) < today;
  return {
    id: `cbv_${task.id.slice(4)}_${round}`,
    taskId: task.id,
    round,
    kind,
    verdict,
    reasons,
    note: null,
    evidenceOrderIds: [],
    agentId,
    recordedAt,
    settlement: { ...effect, policyVersions: p.versions },
    auditedAt: audited ? new Date(recordedAt.getTime() + rng.int(30, 240) * MINUTE_MS) : null,
    auditedBy: audited ? ctx.supervisor : null,
  };
}
