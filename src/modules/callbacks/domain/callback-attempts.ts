import {
  addCalendarDays,
  atBusinessTime,
  businessDate,
  businessTimeOfDay,
  formatBusiness,
} from '../../../platform/time.ts';
import type { AttemptOutcome, CallSlot, DetailValue } from './callback-codes.ts';
import { answeredOutcomes, callSlots } from './callback-codes.ts';
import { assertCount, assertInstant } from './callback-time.ts';

/**
 * CB-5 callback attempts (seed 000 回访内容 — 可能情况 / 应对办法):
 * - 回访对象不是客户本人: ask whether they know about the service; if they do, their account is the result
 *   (`other_knows`); if not, call the customer again another day (`other_does_not_know`: the next call must
 *   be on a later business date).
 * - 多次做回访电话无人接, 分不同时间段回访: unanswered calls are retried in different time slots. The seed
 *   does not limit this to one day: a slot in which nobody answered stays excluded on later days until every
 *   slot has been tried; then any slot but the last unanswered one.
 * Seed and DOMAIN differ: the seed names no slots and never says to give up. The slots (morning / afternoon
 * / evening) are DOMAIN's, their boundaries policy `cb.attempt.slot_starts`; giving up after policy
 * `cb.unreachable.max_attempts` calls is DOMAIN's ("before giving up"). Both failed outcomes count towards
 * that number, or a household where someone else always answers would be called for ever.
 */

export interface SlotStarts {
  morning: string;
  afternoon: string;
  evening: string;
}

export interface AttemptPolicy {
  /** Policy `cb.unreachable.max_attempts`: failed calls in a round before it is given up. */
  maxAttempts: number;
  /** Policy `cb.attempt.slot_starts`. */
  slotStarts: SlotStarts;
}

export interface CallAttempt {
  at: Date;
  outcome: AttemptOutcome;
  agentId: string;
}

/** CB-5: the slot of an instant on the business wall clock. A call before the morning start is a morning call. */
export function callSlotOf(at: Date, slotStarts: SlotStarts, tz: string): CallSlot {
  const time = businessTimeOfDay(at, tz);
  if (time >= slotStarts.evening) return 'evening';
  if (time >= slotStarts.afternoon) return 'afternoon';
  return 'morning';
}

export type NextAttemptGuidance = 'FIRST_CALL' | 'TRY_ANOTHER_SLOT' | 'CALL_CUSTOMER_ANOTHER_DAY';

export interface NextAttempt {
  guidance: NextAttemptGuidance;
  message: string;
  allowedSlots: CallSlot[];
  /** The next call may not be before this business date (the day after a call the customer did not take). */
  notBeforeDate: string | null;
  /** The first instant from `now` on that keeps both rules: what the callback desk's queue sorts by. */
  suggestedAt: Date;
}

export type RoundState =
  | {
      status: 'answered';
      /** The call that gave the account to judge. */
      attempt: CallAttempt;
      respondent: 'customer' | 'other';
      failedAttempts: number;
    }
  | {
      status: 'unreachable';
      code: 'UNREACHABLE';
      message: string;
      failedAttempts: number;
      lastAttemptAt: Date;
    }
  | { status: 'calling'; failedAttempts: number; attemptsLeft: number; next: NextAttempt };

const chronological = (attempts: readonly CallAttempt[]): CallAttempt[] =>
  [...attempts].sort((a, b) => a.at.getTime() - b.at.getTime());

function assertPolicy(policy: AttemptPolicy): void {
  assertCount(policy.maxAttempts, 'maxAttempts', 1);
  const { morning, afternoon, evening } = policy.slotStarts;
  if (!(morning < afternoon && afternoon < evening)) {
    throw new Error(`Invalid slot starts ${morning}/${afternoon}/${evening}: expected ascending HH:mm.`);
  }
}

/** CB-5: where one round of calls stands — answered, given up, or who to call when next. */
export function roundState(
  attempts: readonly CallAttempt[],
  policy: AttemptPolicy,
  ctx: { now: Date; tz: string },
): RoundState {
  assertInstant(ctx.now, 'now');
  assertPolicy(policy);
  const failed: CallAttempt[] = [];
  for (const attempt of chronological(attempts)) {
    assertInstant(attempt.at, 'attempt.at');
    if (answeredOutcomes.includes(attempt.outcome)) {
      return {
        status: 'answered',
        attempt,
        respondent: attempt.outcome === 'reached' ? 'customer' : 'other',
        failedAttempts: failed.length,
      };
    }
    failed.push(attempt);
  }
  const last = failed.at(-1);
  if (last && failed.length >= policy.maxAttempts) {
    return {
      status: 'unreachable',
      code: 'UNREACHABLE',
      message: `Nobody could give an account of the service after ${failed.length} calls; the callback is given up as unreachable.`,
      failedAttempts: failed.length,
      lastAttemptAt: last.at,
    };
  }
  return {
    status: 'calling',
    failedAttempts: failed.length,
    attemptsLeft: policy.maxAttempts - failed.length,
    next: nextAttempt(failed, policy, ctx),
  };
}

function nextAttempt(
  failed: readonly CallAttempt[],
  policy: AttemptPolicy,
  ctx: { now: Date; tz: string },
): NextAttempt {
  const unanswered = failed.filter((a) => a.outcome === 'no_answer');
  const tried = new Set(unanswered.map((a) => callSlotOf(a.at, policy.slotStarts, ctx.tz)));
  const lastUnanswered = unanswered.at(-1);
  let allowedSlots = callSlots.filter((s) => !tried.has(s));
  if (allowedSlots.length === 0 && lastUnanswered) {
    const lastSlot = callSlotOf(lastUnanswered.at, policy.slotStarts, ctx.tz);
    allowedSlots = callSlots.filter((s) => s !== lastSlot);
  }
  const lastOtherDidNotKnow = failed.filter((a) => a.outcome === 'other_does_not_know').at(-1);
  const notBeforeDate = lastOtherDidNotKnow
    ? addCalendarDays(businessDate(lastOtherDidNotKnow.at, ctx.tz), 1)
    : null;
  const last = failed.at(-1);
  const guidance: NextAttemptGuidance =
    last === undefined
      ? 'FIRST_CALL'
      : last.outcome === 'other_does_not_know'
        ? 'CALL_CUSTOMER_ANOTHER_DAY'
        : 'TRY_ANOTHER_SLOT';
  const slotsText = allowedSlots.join(' or ');
  const message =
    guidance === 'FIRST_CALL'
      ? 'Call the customer.'
      : guidance === 'CALL_CUSTOMER_ANOTHER_DAY'
        ? `The person who answered did not know about the service; call the customer again from ${notBeforeDate} (${slotsText}).`
        : `Nobody answered; call again in the ${slotsText}${notBeforeDate ? ` from ${notBeforeDate}` : ''}.`;
  return {
    guidance,
    message,
    allowedSlots,
    notBeforeDate,
    suggestedAt: suggestedAt(allowedSlots, notBeforeDate, policy.slotStarts, ctx),
  };
}

/** Start and end ('HH:mm', end exclusive, null = midnight) of each slot as the calling day sees it. */
function slotWindow(slot: CallSlot, starts: SlotStarts): { from: string; until: string | null } {
  switch (slot) {
    case 'morning':
      return { from: starts.morning, until: starts.afternoon };
    case 'afternoon':
      return { from: starts.afternoon, until: starts.evening };
    case 'evening':
      return { from: starts.evening, until: null };
  }
}

function suggestedAt(
  slots: readonly CallSlot[],
  notBeforeDate: string | null,
  starts: SlotStarts,
  ctx: { now: Date; tz: string },
): Date {
  const today = businessDate(ctx.now, ctx.tz);
  const firstDate = notBeforeDate !== null && notBeforeDate > today ? notBeforeDate : today;
  const now = ctx.now.getTime();
  for (let d = 0; d < 3; d++) {
    const date = addCalendarDays(firstDate, d);
    for (const slot of slots) {
      const { from, until } = slotWindow(slot, starts);
      const opens = atBusinessTime(date, from, ctx.tz).getTime();
      const closes = (
        until === null
          ? atBusinessTime(addCalendarDays(date, 1), '00:00', ctx.tz)
          : atBusinessTime(date, until, ctx.tz)
      ).getTime();
      if (now < closes) return new Date(Math.max(now, opens));
    }
  }
  // Unreachable with at least one allowed slot: some slot of the next day is always ahead of now.
  throw new Error('No call time found in the next three days; check the slot policy.');
}

export type AttemptRefusalCode =
  | 'ROUND_ALREADY_ANSWERED'
  | 'ATTEMPTS_EXHAUSTED'
  | 'ATTEMPT_IN_FUTURE'
  | 'ATTEMPT_BEFORE_PREVIOUS'
  | 'SAME_SLOT_AS_UNANSWERED'
  | 'CUSTOMER_AGAIN_ANOTHER_DAY';

export type AttemptCheck =
  | { ok: true; slot: CallSlot; after: RoundState }
  | {
      ok: false;
      rule: 'CB-5';
      code: AttemptRefusalCode;
      message: string;
      details: Record<string, DetailValue>;
    };

/**
 * CB-5: may this call be recorded on the round? Refuses a call in a slot the rule excludes, a call on the
 * same day after someone else answered without knowing, and any call once the round is answered or given up.
 */
export function checkAttempt(
  attempts: readonly CallAttempt[],
  call: CallAttempt,
  policy: AttemptPolicy,
  ctx: { now: Date; tz: string },
): AttemptCheck {
  assertInstant(call.at, 'call.at');
  const before = roundState(attempts, policy, { now: call.at, tz: ctx.tz });
  const slot = callSlotOf(call.at, policy.slotStarts, ctx.tz);
  const refuse = (
    code: AttemptRefusalCode,
    message: string,
    details: Record<string, DetailValue>,
  ): AttemptCheck => ({
    ok: false,
    rule: 'CB-5',
    code,
    message,
    details,
  });
  if (call.at.getTime() > ctx.now.getTime()) {
    return refuse('ATTEMPT_IN_FUTURE', 'Record a call when it has been made, not ahead of time.', {
      at: call.at,
      now: ctx.now,
    });
  }
  const latest = chronological(attempts).at(-1);
  if (latest && call.at.getTime() < latest.at.getTime()) {
    return refuse(
      'ATTEMPT_BEFORE_PREVIOUS',
      `A later call is already recorded (${formatBusiness(latest.at, ctx.tz)}); record calls in the order they were made.`,
      { at: call.at, previousAt: latest.at },
    );
  }
  if (before.status === 'answered') {
    return refuse(
      'ROUND_ALREADY_ANSWERED',
      'This callback already has an account of the service; record the answers instead of calling again.',
      {
        answeredAt: before.attempt.at,
      },
    );
  }
  if (before.status === 'unreachable') {
    return refuse(
      'ATTEMPTS_EXHAUSTED',
      `This callback was given up after ${before.failedAttempts} calls; it is unreachable.`,
      {
        failedAttempts: before.failedAttempts,
      },
    );
  }
  const next = before.next;
  const date = businessDate(call.at, ctx.tz);
  if (next.notBeforeDate !== null && date < next.notBeforeDate) {
    return refuse(
      'CUSTOMER_AGAIN_ANOTHER_DAY',
      `Someone else answered and did not know about the service; call the customer again on another day, from ${next.notBeforeDate}.`,
      {
        date,
        notBeforeDate: next.notBeforeDate,
      },
    );
  }
  if (!next.allowedSlots.includes(slot)) {
    return refuse(
      'SAME_SLOT_AS_UNANSWERED',
      `Nobody answered in the ${slot} before; call in the ${next.allowedSlots.join(' or ')} instead.`,
      { slot, allowedSlots: next.allowedSlots.join(',') },
    );
  }
  return { ok: true, slot, after: roundState([...attempts, call], policy, { now: call.at, tz: ctx.tz }) };
}

export type TaskCallProgress =
  | {
      status: 'calling';
      round: number;
      roundsAnswered: number;
      roundsRequired: number;
      state: Extract<RoundState, { status: 'calling' }>;
    }
  | {
      status: 'ready_for_verdict';
      roundsAnswered: number;
      roundsRequired: number;
      /** False when a later round of a high-value order was given up: judge on the calls that were answered. */
      complete: boolean;
      answered: CallAttempt[];
    }
  | { status: 'unreachable'; code: 'UNREACHABLE'; message: string; failedAttempts: number };

/**
 * CB-2 / CB-5 over a task's rounds (high-value orders need several answered calls, 反复回访). Round n+1
 * starts once round n is answered. Judging waits for every round; when a later round cannot reach anyone the
 * answered ones are judged, and only a task whose first round is given up is unreachable.
 */
export function taskCallProgress(
  rounds: readonly (readonly CallAttempt[])[],
  roundsRequired: number,
  policy: AttemptPolicy,
  ctx: { now: Date; tz: string },
): TaskCallProgress {
  assertCount(roundsRequired, 'roundsRequired', 1);
  const answered: CallAttempt[] = [];
  for (let i = 0; i < roundsRequired; i++) {
    const state = roundState(rounds[i] ?? [], policy, ctx);
    if (state.status === 'answered') {
      answered.push(state.attempt);
      continue;
    }
    if (state.status === 'calling') {
      return { status: 'calling', round: i + 1, roundsAnswered: answered.length, roundsRequired, state };
    }
    if (answered.length === 0) {
      return {
        status: 'unreachable',
        code: 'UNREACHABLE',
        message: state.message,
        failedAttempts: state.failedAttempts,
      };
    }
    return {
      status: 'ready_for_verdict',
      roundsAnswered: answered.length,
      roundsRequired,
      complete: false,
      answered,
    };
  }
  return {
    status: 'ready_for_verdict',
    roundsAnswered: answered.length,
    roundsRequired,
    complete: true,
    answered,
  };
}
