import { addCalendarDays, businessDate } from '../../../platform/time.ts';

/**
 * NET-10 (seed 001 "暗访服务不规范的,暂停派工3天"): an audit or mystery-shop finding stops new dispatches to the
 * outlet for N days. The day of the finding does not count as one of them — a finding recorded at 17:00
 * would otherwise cost the outlet a few hours, not a day — so dispatch resumes on the (N+1)-th business date
 * after it. A longer suspension already running is never shortened by a new, shorter one.
 */
export function dispatchSuspendedUntil(
  now: Date,
  days: number,
  ctx: { tz: string; currentUntil: string | null },
): string {
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`Suspension days must be a positive integer: ${days}`);
  const until = addCalendarDays(businessDate(now, ctx.tz), days + 1);
  return ctx.currentUntil !== null && ctx.currentUntil > until ? ctx.currentUntil : until;
}

/** NET-10: whether the outlet takes no new dispatches at `now` (the end date is exclusive). */
export function isDispatchSuspended(until: string | null, now: Date, tz: string): boolean {
  return until !== null && businessDate(now, tz) < until;
}
