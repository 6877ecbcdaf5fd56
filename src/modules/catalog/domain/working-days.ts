import { parseBusinessDate } from '../../../platform/time.ts';

export type CalendarKind = 'holiday' | 'workday';

export interface CalendarEntry {
  day: string;
  kind: CalendarKind | string;
}

/** Day → kind; build it once with `calendarIndex` when asking about many days. */
export type WorkingCalendar = ReadonlyMap<string, string>;

const DAY_MS = 86_400_000;
/** A calendar that marks every day a holiday must not hang a deadline computation. */
const MAX_SCANNED_DAYS = 36_600;

const indexes = new WeakMap<readonly CalendarEntry[], WorkingCalendar>();

export function calendarIndex(rows: readonly CalendarEntry[] | WorkingCalendar): WorkingCalendar {
  if (!Array.isArray(rows)) return rows as WorkingCalendar;
  const list = rows as readonly CalendarEntry[];
  let index = indexes.get(list);
  if (!index) {
    index = new Map(list.map((r) => [r.day, r.kind]));
    indexes.set(list, index);
  }
  return index;
}

function dayMs(day: string): number {
  const { year, month, day: d } = parseBusinessDate(day);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, d);
  return date.getTime();
}

const toDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** 0 Sunday … 6 Saturday. */
export const weekdayOf = (day: string): number => new Date(dayMs(day)).getUTCDay();

export const isWeekend = (day: string): boolean => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

export const shiftDays = (day: string, days: number): string => toDay(dayMs(day) + days * DAY_MS);

/**
 * Whether `day` ('YYYY-MM-DD', a business-zone date, POL-2) is a working day: Monday to Friday unless a
 * statutory holiday, and a weekend day only when it is a make-up workday (调休上班).
 */
export function isWorkingDay(day: string, calendar: readonly CalendarEntry[] | WorkingCalendar): boolean {
  const kind = calendarIndex(calendar).get(day);
  if (kind === 'holiday') return false;
  if (kind === 'workday') return true;
  return !isWeekend(day);
}

/**
 * The working day `n` working days after `day` (before it when `n` is negative); `day` itself is not
 * counted, so `addWorkingDays(friday, 1)` is the next Monday in an ordinary week. `n = 0` answers `day`.
 */
export function addWorkingDays(
  day: string,
  n: number,
  calendar: readonly CalendarEntry[] | WorkingCalendar,
): string {
  if (!Number.isInteger(n)) throw new Error(`Working days must be a whole number, got ${n}.`);
  const index = calendarIndex(calendar);
  const step = n < 0 ? -1 : 1;
  let ms = dayMs(day);
  let left = Math.abs(n);
  for (let scanned = 0; left > 0; scanned++) {
    if (scanned >= MAX_SCANNED_DAYS) {
      throw new Error(`No ${Math.abs(n)} working days within ${MAX_SCANNED_DAYS} days of ${day}.`);
    }
    ms += step * DAY_MS;
    if (isWorkingDay(toDay(ms), index)) left--;
  }
  return toDay(ms);
}

/** Working days from `from` to `to`, both included (0 when `to` is before `from`). */
export function countWorkingDays(
  from: string,
  to: string,
  calendar: readonly CalendarEntry[] | WorkingCalendar,
): number {
  const index = calendarIndex(calendar);
  const end = dayMs(to);
  if (end - dayMs(from) > MAX_SCANNED_DAYS * DAY_MS) {
    throw new Error(`Count working days over at most ${MAX_SCANNED_DAYS} days.`);
  }
  let count = 0;
  for (let ms = dayMs(from); ms <= end; ms += DAY_MS) if (isWorkingDay(toDay(ms), index)) count++;
  return count;
}
