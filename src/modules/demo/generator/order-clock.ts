import { addCalendarDays, businessDate, businessDayStart } from '../../../platform/time.ts';
import { isWorkingDay } from '../../catalog/index.ts';
import type { Random } from './prng.ts';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Hours of the day (minutes since midnight) in which people of each kind act. */
export const hours = {
  /** The hotline takes calls. */
  hotline: [8 * 60, 21 * 60],
  /** The outlet's dispatcher works (accepts, assigns, calls customers, closes). */
  outlet: [8 * 60 + 30, 20 * 60],
  /** Callbacks are made when customers may be disturbed. */
  callback: [9 * 60, 20 * 60],
  /** The division's warehouse and the logistics stations. */
  logistics: [8 * 60, 19 * 60],
} as const satisfies Record<string, readonly [number, number]>;
export type Hours = readonly [number, number];

/**
 * The business days around the history window with their first instants, computed once: `Intl`, which the
 * time module converts with, is too slow to ask for every event of thousands of orders.
 */
export class BusinessDays {
  readonly dates: string[] = [];
  private readonly starts: number[] = [];
  private readonly indexes = new Map<string, number>();

  constructor(
    readonly now: Date,
    readonly tz: string,
    private readonly calendar: ReadonlyMap<string, string>,
    pastDays: number,
    futureDays: number,
  ) {
    const today = businessDate(now, tz);
    for (let d = -pastDays - 1; d <= futureDays + 1; d++) {
      const date = addCalendarDays(today, d);
      this.indexes.set(date, this.dates.length);
      this.dates.push(date);
      this.starts.push(businessDayStart(date, tz).getTime());
    }
  }

  /** Index of the business day containing `ms`. */
  indexOf(ms: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (ms < (this.starts[0] as number) || ms >= (this.starts[hi] as number)) {
      throw new Error(`${new Date(ms).toISOString()} is outside the generated calendar.`);
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= ms) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  indexOfDate(date: string): number {
    const i = this.indexes.get(date);
    if (i === undefined) throw new Error(`${date} is outside the generated calendar.`);
    return i;
  }

  dateOf(ms: number): string {
    return this.dates[this.indexOf(ms)] as string;
  }

  start(index: number): number {
    const s = this.starts[index];
    if (s === undefined) throw new Error(`Day ${index} is outside the generated calendar.`);
    return s;
  }

  /** Minutes since the start of the business day of `ms`. */
  minuteOf(ms: number): number {
    return Math.floor((ms - this.start(this.indexOf(ms))) / MINUTE_MS);
  }

  /** The instant `minutes` after the start of day `index` (wall time, except on a DST change day). */
  at(index: number, minutes: number): number {
    return this.start(index) + minutes * MINUTE_MS;
  }

  isWorkingDay(index: number): boolean {
    return isWorkingDay(this.dates[index] as string, this.calendar);
  }

  isHoliday(index: number): boolean {
    return this.calendar.get(this.dates[index] as string) === 'holiday';
  }

  /**
   * `ms` if it falls inside `h` on its day, else the opening of the next such period plus a little while (nobody
   * acts on the stroke of opening time).
   */
  within(ms: number, h: Hours, r: Random): number {
    const day = this.indexOf(ms);
    const minute = this.minuteOf(ms);
    if (minute >= h[0] && minute < h[1]) return ms;
    const next = minute < h[0] ? day : day + 1;
    return this.at(next, h[0]) + r.int(2, 50) * MINUTE_MS;
  }

  /** `from` plus a delay of `minMinutes`…`maxMinutes`, moved into the hours `h`. */
  after(from: number, minMinutes: number, maxMinutes: number, h: Hours, r: Random): number {
    return this.within(from + r.int(minMinutes, maxMinutes) * MINUTE_MS + r.int(0, 59_000), h, r);
  }
}

/** A delay with a long tail: most are short, a few are many times longer (people are busy, parts are late). */
export function tailMinutes(r: Random, median: number, spread = 0.8, max = median * 40): number {
  return Math.min(max, Math.max(1, Math.round(median * Math.exp(spread * r.normal()))));
}
