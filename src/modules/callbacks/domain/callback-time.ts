import {
  addCalendarDays,
  atBusinessTime,
  businessDate,
  businessDayStart,
  businessTimeOfDay,
} from '../../../platform/time.ts';

/** Business months and day-counted deadlines of the callbacks rules, all on the business zone's calendar. */

const MINUTE_MS = 60_000;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Throws for an argument only a programming mistake can produce (an instant that is not a Date). */
export function assertInstant(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new Error(`Invalid ${name}: expected a valid Date, got ${String(value)}.`);
  }
}

export function assertCount(value: number, name: string, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`Invalid ${name}: expected a whole number ≥ ${min}, got ${String(value)}.`);
  }
}

/**
 * The same wall-clock time `days` business dates after `instant` (CB-3 "within 3 days"). Counted on dates,
 * not in 24-hour steps, as POL-2 wants for "days"; seconds are kept so a deadline is never a minute early.
 */
export function daysLater(instant: Date, days: number, tz: string): Date {
  assertInstant(instant, 'instant');
  assertCount(days, 'days');
  const date = addCalendarDays(businessDate(instant, tz), days);
  const withinMinute = ((instant.getTime() % MINUTE_MS) + MINUTE_MS) % MINUTE_MS;
  return new Date(atBusinessTime(date, businessTimeOfDay(instant, tz), tz).getTime() + withinMinute);
}

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

export function assertMonth(month: string): void {
  if (!isMonth(month)) throw new Error(`Invalid month "${String(month)}": expected YYYY-MM, e.g. "2026-03".`);
}

/** The business month 'YYYY-MM' of `instant`. */
export const monthOf = (instant: Date, tz: string): string => businessDate(instant, tz).slice(0, 7);

export interface MonthBounds {
  month: string;
  firstDate: string;
  lastDate: string;
  /** First instant of the month in the business zone. */
  startsAt: Date;
  /** First instant of the next month: the month is over at this instant. */
  endsAt: Date;
}

export function monthBounds(month: string, tz: string): MonthBounds {
  assertMonth(month);
  const firstDate = `${month}-01`;
  const nextFirst = nextMonth(month) + '-01';
  return {
    month,
    firstDate,
    lastDate: addCalendarDays(nextFirst, -1),
    startsAt: businessDayStart(firstDate, tz),
    endsAt: businessDayStart(nextFirst, tz),
  };
}

export function nextMonth(month: string): string {
  assertMonth(month);
  const year = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12
    ? `${String(year + 1).padStart(4, '0')}-01`
    : `${month.slice(0, 4)}-${String(m + 1).padStart(2, '0')}`;
}

/** Whole months from `from` to `to` ('YYYY-MM'; negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  assertMonth(from);
  assertMonth(to);
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return index(to) - index(from);
}
