/**
 * Business time (DOMAIN POL-2). Instants are UTC `Date`s; cut-offs (12:00, 14:00, 17:00) and "days" are read
 * on the wall clock of the business time zone, never the host's. Everything here is pure: callers pass the
 * instant (from the injected Clock) and the zone (from policy `pol.business_time_zone`).
 *
 * Built on `Intl.DateTimeFormat` (the runtime's tz database) rather than a dayjs plugin, because converting a
 * wall time to an instant across DST transitions needs an explicit, testable disambiguation rule.
 */

export const DEFAULT_BUSINESS_TZ = 'Asia/Shanghai';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Keeps every business date within 'YYYY-MM-DD' (years 0001–9999) whatever the zone's offset. */
const MIN_INSTANT_MS = utcMs(1, 1, 2);
const MAX_INSTANT_MS = utcMs(9999, 12, 30);

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM_PATTERN = /^(\d{2}):(\d{2})$/;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  const cached = formatters.get(tz);
  if (cached) return cached;
  if (typeof tz !== 'string' || tz.trim() === '') {
    throw new Error('Time zone is missing: expected an IANA name such as "Asia/Shanghai".');
  }
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      // h23, not hour12:false, which renders midnight as "24" on some ICU versions.
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new Error(
      `Unknown time zone "${tz}": expected an IANA name such as "Asia/Shanghai" or "America/New_York".`,
    );
  }
  formatters.set(tz, formatter);
  return formatter;
}

/** True when the runtime knows `tz` as a time zone (IANA names and their aliases such as "UTC"). */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/** Throws a descriptive Error unless `tz` is a time zone the runtime knows. */
export function assertTimeZone(tz: string): void {
  formatterFor(tz);
}

function assertInstant(instant: Date, name = 'instant'): number {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new Error(`Invalid ${name}: expected a valid Date, got ${String(instant)}.`);
  }
  const ms = instant.getTime();
  if (ms < MIN_INSTANT_MS || ms > MAX_INSTANT_MS) {
    throw new Error(`Invalid ${name}: ${instant.toISOString()} is outside the supported years 0001–9999.`);
  }
  return ms;
}

/** Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function wallClock(ms: number, tz: string): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(tz).formatToParts(ms)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

/** Offset of `tz` from UTC at instant `ms`, in ms (east positive). */
function offsetMs(ms: number, tz: string): number {
  const w = wallClock(ms, tz);
  return utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Parses a strict 'YYYY-MM-DD' calendar date (rejects 2025-02-30, 2025-2-3, …). */
export function parseBusinessDate(date: string): { year: number; month: number; day: number } {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (!match) {
    throw new Error(`Invalid date "${String(date)}": expected YYYY-MM-DD, e.g. "2025-03-09".`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const check = new Date(utcMs(year, month, day));
  if (
    year < 1 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() + 1 !== month ||
    check.getUTCDate() !== day
  ) {
    throw new Error(`Invalid date "${date}": no such calendar day.`);
  }
  return { year, month, day };
}

/** Parses a strict 24-hour 'HH:mm' time of day ("09:05", "17:00"; not "9:05", "24:00" or "12:60"). */
export function parseHhMm(time: string): { hour: number; minute: number } {
  const match = typeof time === 'string' ? HH_MM_PATTERN.exec(time) : null;
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    throw new Error(`Invalid time of day "${String(time)}": expected HH:mm between 00:00 and 23:59.`);
  }
  return { hour, minute };
}

/** Minutes since midnight of an 'HH:mm' time of day. */
export function hhMmToMinutes(time: string): number {
  const { hour, minute } = parseHhMm(time);
  return hour * 60 + minute;
}

/** The calendar date ('YYYY-MM-DD') of `instant` on the wall clock of `tz`. */
export function businessDate(instant: Date, tz: string): string {
  const w = wallClock(assertInstant(instant), tz);
  return formatDate(w.year, w.month, w.day);
}

/** Minutes since wall-clock midnight in `tz` (0..1439); seconds are truncated. */
export function businessMinutesOfDay(instant: Date, tz: string): number {
  const w = wallClock(assertInstant(instant), tz);
  return w.hour * 60 + w.minute;
}

/** The wall-clock time of day 'HH:mm' of `instant` in `tz`. */
export function businessTimeOfDay(instant: Date, tz: string): string {
  const w = wallClock(assertInstant(instant), tz);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** 'YYYY-MM-DD HH:mm' on the wall clock of `tz`, for messages, exports and logs read by people. */
export function formatBusiness(instant: Date, tz: string): string {
  const w = wallClock(assertInstant(instant), tz);
  return `${formatDate(w.year, w.month, w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant at which the wall clock of `tz` shows `time` on `date`.
 *
 * DST is resolved like Temporal's `disambiguation: 'compatible'` (and java.time):
 * - a wall time skipped by a spring-forward gap is moved forward by the gap's length
 *   (America/New_York 2025-03-09 02:30 → 03:30 EDT = 07:30Z), so a deadline never lands before its cut-off;
 * - a wall time repeated by a fall-back overlap resolves to its earlier occurrence
 *   (America/New_York 2025-11-02 01:30 → 01:30 EDT = 05:30Z), so a cut-off is never passed late.
 */
export function atBusinessTime(date: string, time: string, tz: string): Date {
  const { year, month, day } = parseBusinessDate(date);
  const { hour, minute } = parseHhMm(time);
  formatterFor(tz);
  const local = utcMs(year, month, day, hour, minute);
  // The offsets in force a day either side bracket any transition affecting this wall time.
  const offsets = new Set([offsetMs(local - DAY_MS, tz), offsetMs(local, tz), offsetMs(local + DAY_MS, tz)]);
  const candidates = [...offsets].map((offset) => local - offset);
  const exact = candidates.filter((ms) => local - offsetMs(ms, tz) === ms);
  const chosen = exact.length > 0 ? Math.min(...exact) : Math.max(...candidates);
  const result = new Date(chosen);
  assertInstant(result, 'business time');
  return result;
}

/** The first instant of `date` in `tz` (01:00 in zones whose DST starts at midnight). */
export function businessDayStart(date: string, tz: string): Date {
  return atBusinessTime(date, '00:00', tz);
}

/** The first instant of the business day containing `instant`. */
export function startOfBusinessDay(instant: Date, tz: string): Date {
  return businessDayStart(businessDate(instant, tz), tz);
}

/**
 * `date` moved by `n` calendar days. Works on dates, not instants: a business "day" in a DST zone can be
 * 23 or 25 hours long, and a deadline of "3 days" means the same wall time three dates later.
 */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) {
    throw new Error(`Invalid number of days ${String(n)}: expected a whole number.`);
  }
  const { year, month, day } = parseBusinessDate(date);
  const moved = new Date(utcMs(year, month, day) + n * DAY_MS);
  if (Number.isNaN(moved.getTime()) || moved.getUTCFullYear() < 1 || moved.getUTCFullYear() > 9999) {
    throw new Error(`Moving ${date} by ${n} days leaves the supported years 0001–9999.`);
  }
  return formatDate(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  const a = parseBusinessDate(from);
  const b = parseBusinessDate(to);
  return Math.round((utcMs(b.year, b.month, b.day) - utcMs(a.year, a.month, a.day)) / DAY_MS);
}

/**
 * True when `instant` is strictly before `cutoff` on its business day. At or after the cut-off is after:
 * 11:59:59.999 is before 12:00, 12:00:00.000 is not.
 */
export function isBeforeCutoff(instant: Date, cutoff: string, tz: string): boolean {
  const cutoffMinutes = hhMmToMinutes(cutoff);
  return businessMinutesOfDay(instant, tz) < cutoffMinutes;
}

/**
 * The business date a lead time starts counting from (ORD-2 12:00, ORD-3 14:00): the instant's own business
 * date when it is before the cut-off, otherwise the next calendar date.
 */
export function dayCountStart(instant: Date, cutoff: string, tz: string): string {
  const today = businessDate(instant, tz);
  return isBeforeCutoff(instant, cutoff, tz) ? today : addCalendarDays(today, 1);
}

/** True when both instants fall on the same business date in `tz`. */
export function isSameBusinessDay(a: Date, b: Date, tz: string): boolean {
  return businessDate(a, tz) === businessDate(b, tz);
}

export type DurationLocale = 'zh-CN' | 'en-US';

const durationUnits: Record<DurationLocale, { day: string; hour: string; minute: string }> = {
  'zh-CN': { day: '天', hour: '小时', minute: '分钟' },
  'en-US': { day: 'd', hour: 'h', minute: 'min' },
};

/**
 * A duration for people, in its two largest units: "2 天 3 小时" / "2 d 3 h", "3 小时 20 分钟" / "3 h 20 min",
 * "45 分钟" / "45 min". Truncates to whole minutes (an SLA with 59 s left shows "0 min", never "1 min").
 * Negative durations (overdue) keep a leading "-". Days are 24 h of elapsed time, not calendar days.
 */
export function formatDuration(ms: number, locale: DurationLocale): string {
  if (!Number.isFinite(ms)) {
    throw new Error(`Invalid duration ${String(ms)}: expected a finite number of milliseconds.`);
  }
  const units = durationUnits[locale];
  if (!units) {
    throw new Error(`Unsupported locale "${String(locale)}": expected "zh-CN" or "en-US".`);
  }
  const totalMinutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  const sign = ms < 0 && totalMinutes > 0 ? '-' : '';
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(`${days} ${units.day}`);
    if (hours > 0) parts.push(`${hours} ${units.hour}`);
  } else if (hours > 0) {
    parts.push(`${hours} ${units.hour}`);
    if (minutes > 0) parts.push(`${minutes} ${units.minute}`);
  } else {
    parts.push(`${minutes} ${units.minute}`);
  }
  return sign + parts.join(' ');
}
