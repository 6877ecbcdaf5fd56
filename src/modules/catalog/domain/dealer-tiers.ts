import type { FieldError } from '../../../platform/errors.ts';

/** CB-7: A gold (金牌), B medium (中等), C blacklist (黑名单). */
export const dealerTiers = ['A', 'B', 'C'] as const;
export type DealerTier = (typeof dealerTiers)[number];

export const isDealerTier = (value: string): value is DealerTier =>
  (dealerTiers as readonly string[]).includes(value);

export const MONTH_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

export interface TierDecision {
  month: string;
  tier: string;
}

/** CB-7 classifies dealers month by month: a month can be decided once it has begun, not ahead of time. */
export function tierMonthProblems(month: string, currentMonth: string): FieldError[] {
  if (!new RegExp(MONTH_PATTERN).test(month)) {
    return [{ path: '/month', message: 'Give the month as YYYY-MM, e.g. 2026-11.' }];
  }
  if (month > currentMonth) {
    return [
      {
        path: '/month',
        message: `${month} has not begun; decide it from its first day on (the current month is ${currentMonth}).`,
      },
    ];
  }
  if (month < '2000-01') return [{ path: '/month', message: 'Choose a month from 2000-01 on.' }];
  return [];
}

/**
 * The tier in force in `currentMonth` (CB-7): the decision of the latest month not after it. Deciding an
 * earlier month corrects history without changing today's tier.
 */
export function tierInForce(history: readonly TierDecision[], currentMonth: string): string | undefined {
  let latest: TierDecision | undefined;
  for (const h of history) {
    if (h.month <= currentMonth && (!latest || h.month > latest.month)) latest = h;
  }
  return latest?.tier;
}
