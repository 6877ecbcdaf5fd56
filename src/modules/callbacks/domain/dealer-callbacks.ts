import { addCalendarDays, businessDate, calendarDaysBetween } from '../../../platform/time.ts';
import type { DealerTier } from '../../catalog/index.ts';
import type { CallbackFieldIssue } from './callback-codes.ts';
import {
  assertInstant,
  assertMonth,
  isMonth,
  monthBounds,
  monthsBetween,
  nextMonth,
} from './callback-time.ts';

/**
 * CB-7 dealer callbacks (seed 003 附件1 经销商级别划分要求). A (金牌) dealers are called back every two weeks
 * (每两周回访一次) towards a callback rate of 100% and satisfaction of 93% or more; B (中等) monthly (每月回访一次),
 * 98% and 90%; C (黑名单) are not called back (不予回访) — their complaints are still handled, elsewhere.
 *
 * Seed and DOMAIN differ on the classification: DOMAIN says dealers "are classified monthly as A, B, C"; the
 * seed says that at the start of each month the service assistant and the marketing center director pick
 * the gold and the blacklist dealers (将公司金牌客户与公司黑名单客户进行划分) — the rest are medium. So the
 * monthly assignment names two lists, and B is what a dealer on neither list gets.
 * Not here: a gold dealer's problem is handled at once after the regional manager confirms it (complaints).
 */

export interface DealerTierPolicy {
  interval: { every: number; unit: 'weeks' | 'months' };
  targetCallbackRate: number;
  minSatisfaction: number;
}

/** Policy `cb.dealer.tiers`: A is `gold`, B is `medium`; C has no entry because it is never called. */
export interface DealerTiersPolicy {
  gold: DealerTierPolicy;
  medium: DealerTierPolicy;
}

const policyOf = (tier: 'A' | 'B', policy: DealerTiersPolicy): DealerTierPolicy =>
  tier === 'A' ? policy.gold : policy.medium;

export interface TierDecisionRecord {
  month: string;
  tier: DealerTier;
}

/**
 * The first day of the uninterrupted run of the tier in force in `month` (catalog's `tierInForce`: the
 * latest decision not after the month): the anchor from which A dealers' fortnights are counted, so a dealer
 * promoted mid-year is not "missing" callbacks from before its promotion. Undefined with no decision yet.
 */
export function tierRunStart(history: readonly TierDecisionRecord[], month: string): string | undefined {
  assertMonth(month);
  const past = history.filter((h) => h.month <= month).sort((a, b) => (a.month < b.month ? -1 : 1));
  const current = past.at(-1);
  if (!current) return undefined;
  let start = current.month;
  for (let i = past.length - 2; i >= 0; i--) {
    const h = past[i] as TierDecisionRecord;
    if (h.tier !== current.tier) break;
    start = h.month;
  }
  return `${start}-01`;
}

export interface DealerCallbackPeriod {
  /** First day on which a callback counts for this period. */
  startDate: string;
  /** Last day of the period: the callback is due by then. */
  dueDate: string;
}

export type DealerSchedule =
  | { calledBack: true; tier: 'A' | 'B'; periods: DealerCallbackPeriod[] }
  | { calledBack: false; tier: 'C'; periods: []; code: 'BLACKLIST_NOT_CALLED_BACK'; message: string };

/**
 * CB-7: the callback periods of one dealer whose due date falls in `month`. Periods run from `anchorDate`
 * (`tierRunStart`): `every` weeks long for weekly tiers, `every` calendar months for monthly ones.
 */
export function dealerCallbackSchedule(
  dealer: { tier: DealerTier; anchorDate: string },
  month: string,
  policy: DealerTiersPolicy,
): DealerSchedule {
  if (dealer.tier === 'C') {
    return {
      calledBack: false,
      tier: 'C',
      periods: [],
      code: 'BLACKLIST_NOT_CALLED_BACK',
      message: 'Blacklisted dealers are not called back; their complaints are still handled.',
    };
  }
  const { interval } = policyOf(dealer.tier, policy);
  if (!Number.isSafeInteger(interval.every) || interval.every < 1) {
    throw new Error(
      `Invalid dealer callback interval: expected a whole number ≥ 1, got ${String(interval.every)}.`,
    );
  }
  // Dates only: the zone does not matter for the month's first and last date.
  const bounds = monthBounds(month, 'UTC');
  const periods: DealerCallbackPeriod[] = [];
  if (interval.unit === 'weeks') {
    const length = interval.every * 7;
    const daysFromAnchor = Math.max(0, calendarDaysBetween(dealer.anchorDate, bounds.firstDate) - length);
    let k = Math.floor(daysFromAnchor / length);
    for (;;) {
      const startDate = addCalendarDays(dealer.anchorDate, k * length);
      const dueDate = addCalendarDays(startDate, length - 1);
      if (dueDate > bounds.lastDate) break;
      if (dueDate >= bounds.firstDate) periods.push({ startDate, dueDate });
      k++;
    }
  } else {
    const anchorMonth = dealer.anchorDate.slice(0, 7);
    const sinceAnchor = monthsBetween(anchorMonth, month);
    // The period ending in `month` started every-1 months earlier; it exists when that start is a period start.
    const startOffset = sinceAnchor - (interval.every - 1);
    if (startOffset >= 0 && startOffset % interval.every === 0) {
      let startMonth = anchorMonth;
      for (let i = 0; i < startOffset; i++) startMonth = nextMonth(startMonth);
      const startDate = startOffset === 0 ? dealer.anchorDate : `${startMonth}-01`;
      periods.push({ startDate, dueDate: bounds.lastDate });
    }
  }
  return { calledBack: true, tier: dealer.tier, periods };
}

// ---------------------------------------------------------------------------------------------------------
// Callback rate and satisfaction per tier.

export interface DealerMonthFacts {
  dealerId: string;
  tier: DealerTier;
  anchorDate: string;
}

export interface DealerCallbackFact {
  dealerId: string;
  at: Date;
  /** Someone at the dealer took the call; an unanswered call is not a callback. */
  answered: boolean;
  /** The dealer's answer to "are you satisfied?"; null when not asked. */
  satisfied: boolean | null;
}

export interface MissedPeriod extends DealerCallbackPeriod {
  dealerId: string;
}

export interface TierPerformance {
  tier: 'A' | 'B';
  dealers: number;
  periodsDue: number;
  periodsCovered: number;
  /** Covered / due; null when nothing was due yet. */
  callbackRate: number | null;
  targetCallbackRate: number;
  meetsCallbackTarget: boolean | null;
  answeredCallbacks: number;
  satisfiedCallbacks: number;
  /** Satisfied / answered callbacks that asked; null when none asked. */
  satisfaction: number | null;
  minSatisfaction: number;
  meetsSatisfactionTarget: boolean | null;
  missed: MissedPeriod[];
}

export interface DealerCallbackReport {
  month: string;
  asOf: string;
  tiers: [TierPerformance, TierPerformance];
  blacklist: {
    tier: 'C';
    dealers: number;
    /** Answered calls to blacklisted dealers this month: 不予回访 says there should be none. */
    callbacksMade: number;
  };
}

/** Ratios are compared with a tolerance: 49 of 50 is 98% even after floating-point division. */
const atLeast = (value: number, target: number): boolean => value >= target - 1e-9;

/**
 * CB-7: each tier's callback rate and satisfaction in `month` against the policy's targets. A period counts
 * once its due date is not after `asOf` (the month's last day for a closed month); it is covered by an
 * answered callback on any day of it. Satisfaction is over the month's answered callbacks.
 */
export function dealerCallbackReport(
  month: string,
  dealers: readonly DealerMonthFacts[],
  callbacks: readonly DealerCallbackFact[],
  policy: DealerTiersPolicy,
  ctx: { now: Date; tz: string },
): DealerCallbackReport {
  assertInstant(ctx.now, 'now');
  const bounds = monthBounds(month, ctx.tz);
  const today = businessDate(ctx.now, ctx.tz);
  const asOf = today < bounds.lastDate ? today : bounds.lastDate;
  const answeredOn = new Map<string, string[]>();
  const inMonth: (DealerCallbackFact & { date: string })[] = [];
  for (const c of callbacks) {
    assertInstant(c.at, 'callback.at');
    if (!c.answered) continue;
    const date = businessDate(c.at, ctx.tz);
    answeredOn.set(c.dealerId, [...(answeredOn.get(c.dealerId) ?? []), date]);
    if (date >= bounds.firstDate && date <= asOf) inMonth.push({ ...c, date });
  }
  const tierOf = new Map(dealers.map((d) => [d.dealerId, d.tier]));
  const tiers = (['A', 'B'] as const).map((tier): TierPerformance => {
    const own = dealers.filter((d) => d.tier === tier);
    const target = policyOf(tier, policy);
    let periodsDue = 0;
    const missed: MissedPeriod[] = [];
    for (const d of own) {
      const schedule = dealerCallbackSchedule(d, month, policy);
      for (const p of schedule.periods) {
        if (p.dueDate > asOf) continue;
        periodsDue++;
        const dates = answeredOn.get(d.dealerId) ?? [];
        if (!dates.some((date) => date >= p.startDate && date <= p.dueDate))
          missed.push({ dealerId: d.dealerId, ...p });
      }
    }
    const asked = inMonth.filter((c) => tierOf.get(c.dealerId) === tier && c.satisfied !== null);
    const satisfied = asked.filter((c) => c.satisfied === true).length;
    const periodsCovered = periodsDue - missed.length;
    const callbackRate = periodsDue === 0 ? null : periodsCovered / periodsDue;
    const satisfaction = asked.length === 0 ? null : satisfied / asked.length;
    return {
      tier,
      dealers: own.length,
      periodsDue,
      periodsCovered,
      callbackRate,
      targetCallbackRate: target.targetCallbackRate,
      meetsCallbackTarget: callbackRate === null ? null : atLeast(callbackRate, target.targetCallbackRate),
      answeredCallbacks: inMonth.filter((c) => tierOf.get(c.dealerId) === tier).length,
      satisfiedCallbacks: satisfied,
      satisfaction,
      minSatisfaction: target.minSatisfaction,
      meetsSatisfactionTarget: satisfaction === null ? null : atLeast(satisfaction, target.minSatisfaction),
      missed,
    };
  }) as [TierPerformance, TierPerformance];
  return {
    month,
    asOf,
    tiers,
    blacklist: {
      tier: 'C',
      dealers: dealers.filter((d) => d.tier === 'C').length,
      callbacksMade: inMonth.filter((c) => tierOf.get(c.dealerId) === 'C').length,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// The monthly assignment (每月初 … 进行划分).

export interface TierAssignmentDecision {
  dealerId: string;
  tier: DealerTier;
  reasonCode: 'NAMED_GOLD' | 'NAMED_BLACKLIST' | 'NOT_NAMED_MEDIUM';
  /** The person's reason for a named dealer; a fixed sentence for the rest. */
  reason: string;
  previousTier: DealerTier | null;
  changed: boolean;
}

export type TierAssignmentResult =
  | { ok: true; month: string; agreedWith: string; decisions: TierAssignmentDecision[] }
  | { ok: false; code: string; issues: CallbackFieldIssue[] };

/**
 * CB-7 monthly tier assignment: input `{ month, agreedWith, gold: [{ dealerId, reason }], blacklist: [...] }`
 * (agreedWith: the marketing center director the list was agreed with) over the dealers known this month →
 * one decision per dealer, for catalog's `decideDealerTier`. A month can be assigned once it has begun.
 */
export function monthlyTierAssignment(
  input: unknown,
  dealers: readonly { dealerId: string; tierInForce: DealerTier | null }[],
  ctx: { currentMonth: string },
): TierAssignmentResult {
  assertMonth(ctx.currentMonth);
  const issues: CallbackFieldIssue[] = [];
  const add = (path: string, code: string, message: string) => issues.push({ path, code, message });
  const fail = (): TierAssignmentResult => ({ ok: false, code: issues[0]?.code ?? 'INVALID', issues });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    add('', 'REQUIRED', 'Send the month with the gold and blacklist dealers.');
    return fail();
  }
  const form = input as Record<string, unknown>;
  const month = form.month;
  if (!isMonth(month)) {
    add('/month', month === undefined ? 'REQUIRED' : 'INVALID', 'Give the month as YYYY-MM, e.g. 2026-03.');
  } else if (month > ctx.currentMonth) {
    add(
      '/month',
      'MONTH_NOT_BEGUN',
      `${month} has not begun; assign it from its first day on (now ${ctx.currentMonth}).`,
    );
  }
  const agreedWith = typeof form.agreedWith === 'string' ? form.agreedWith.trim() : '';
  if (agreedWith === '') {
    add('/agreedWith', 'REQUIRED', 'Name the marketing center director the lists were agreed with.');
  }
  const known = new Map(dealers.map((d) => [d.dealerId, d.tierInForce]));
  const named = new Map<string, { tier: 'A' | 'C'; reason: string }>();
  for (const [list, tier] of [
    ['gold', 'A'],
    ['blacklist', 'C'],
  ] as const) {
    const entries = form[list] ?? [];
    if (!Array.isArray(entries)) {
      add(`/${list}`, 'INVALID', `Give ${list} as a list of { dealerId, reason }.`);
      continue;
    }
    entries.forEach((entry: unknown, i) => {
      const path = `/${list}/${i}`;
      const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
      const dealerId = typeof e.dealerId === 'string' ? e.dealerId : '';
      const reason = typeof e.reason === 'string' ? e.reason.trim() : '';
      if (!known.has(dealerId)) {
        add(
          `${path}/dealerId`,
          'UNKNOWN_DEALER',
          `Dealer "${dealerId}" is not in the dealer list; check the id.`,
        );
        return;
      }
      const before = named.get(dealerId);
      if (before) {
        add(
          `${path}/dealerId`,
          before.tier === tier ? 'DUPLICATE_DEALER' : 'IN_BOTH_LISTS',
          before.tier === tier
            ? `Dealer "${dealerId}" is listed twice; keep it once.`
            : `Dealer "${dealerId}" is on both the gold and the blacklist; choose one.`,
        );
        return;
      }
      if (reason === '')
        add(
          `${path}/reason`,
          'REASON_REQUIRED',
          `Say why dealer "${dealerId}" is ${tier === 'A' ? 'gold' : 'blacklisted'}.`,
        );
      named.set(dealerId, { tier, reason });
    });
  }
  if (issues.length > 0 || !isMonth(month)) return fail();
  const decisions = dealers
    .map((d): TierAssignmentDecision => {
      const n = named.get(d.dealerId);
      const tier: DealerTier = n?.tier ?? 'B';
      return {
        dealerId: d.dealerId,
        tier,
        reasonCode: n ? (n.tier === 'A' ? 'NAMED_GOLD' : 'NAMED_BLACKLIST') : 'NOT_NAMED_MEDIUM',
        reason: n?.reason ?? `Neither gold nor blacklist for ${month}: medium.`,
        previousTier: d.tierInForce,
        changed: d.tierInForce !== tier,
      };
    })
    .sort((a, b) => (a.dealerId < b.dealerId ? -1 : 1));
  return { ok: true, month, agreedWith, decisions };
}
