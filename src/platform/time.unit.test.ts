import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_BUSINESS_TZ,
  addCalendarDays,
  assertTimeZone,
  atBusinessTime,
  businessDate,
  businessDayStart,
  businessMinutesOfDay,
  businessTimeOfDay,
  calendarDaysBetween,
  dayCountStart,
  formatBusiness,
  formatDuration,
  hhMmToMinutes,
  isBeforeCutoff,
  isSameBusinessDay,
  isValidTimeZone,
  parseBusinessDate,
  parseHhMm,
  startOfBusinessDay,
} from './time.ts';

const SH = DEFAULT_BUSINESS_TZ;
const NY = 'America/New_York';
const at = (iso: string): Date => new Date(iso);

/** Instants from 1970 to 2100, where every zone in the tz database has well-defined rules. */
const instantArb = fc
  .integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((ms) => new Date(ms));
const zoneArb = fc.constantFrom(
  'Asia/Shanghai',
  'UTC',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'Pacific/Apia',
);
/** Known transitions (spring-forward, fall-back, half-hour DST, a skipped day) that random instants rarely hit. */
const transitions: readonly (readonly [string, string])[] = [
  ['America/New_York', '2025-03-09T07:00:00Z'],
  ['America/New_York', '2025-11-02T06:00:00Z'],
  ['Europe/London', '2025-03-30T01:00:00Z'],
  ['Europe/London', '2025-10-26T01:00:00Z'],
  ['Australia/Lord_Howe', '2025-04-05T15:00:00Z'],
  ['Australia/Lord_Howe', '2025-10-04T15:30:00Z'],
  ['Pacific/Chatham', '2025-04-05T14:00:00Z'],
  ['America/Sao_Paulo', '2018-11-04T03:00:00Z'],
  ['America/Sao_Paulo', '2019-02-17T02:00:00Z'],
  ['Pacific/Apia', '2011-12-30T10:00:00Z'],
];
/** An instant and a zone: half anywhere, half within a day of one of the transitions above. */
const zonedInstantArb: fc.Arbitrary<readonly [Date, string]> = fc.oneof(
  fc.tuple(instantArb, zoneArb),
  fc
    .tuple(
      fc.constantFrom(...transitions),
      fc.integer({ min: -25 * 60, max: 25 * 60 }),
      fc.integer({ min: 0, max: 59_999 }),
    )
    .map(([[tz, iso], minutes, ms]) => [new Date(Date.parse(iso) + minutes * 60_000 + ms), tz] as const),
);
const hhMmArb = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('POL-2 business time zone', () => {
  it('POL-2 defaults to Asia/Shanghai', () => {
    expect(DEFAULT_BUSINESS_TZ).toBe('Asia/Shanghai');
  });

  it('POL-2 runs with the host in UTC, so nothing below can pass by accident of the host zone', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
  });

  describe('around midnight in Shanghai (UTC+8)', () => {
    it('POL-2 23:59 Shanghai is 15:59 UTC and still the same business date', () => {
      const i = at('2025-03-09T15:59:00Z');
      expect(businessDate(i, SH)).toBe('2025-03-09');
      expect(businessMinutesOfDay(i, SH)).toBe(1439);
      expect(formatBusiness(i, SH)).toBe('2025-03-09 23:59');
    });

    it('POL-2 00:00 Shanghai is 16:00 UTC of the previous UTC date and already the next business date', () => {
      const i = at('2025-03-09T16:00:00Z');
      expect(businessDate(i, SH)).toBe('2025-03-10');
      expect(businessMinutesOfDay(i, SH)).toBe(0);
      expect(businessTimeOfDay(i, SH)).toBe('00:00');
      expect(startOfBusinessDay(i, SH).toISOString()).toBe('2025-03-09T16:00:00.000Z');
      expect(isSameBusinessDay(at('2025-03-09T15:59:59.999Z'), i, SH)).toBe(false);
      expect(isSameBusinessDay(i, at('2025-03-10T15:59:59.999Z'), SH)).toBe(true);
    });

    it('POL-2 startOfBusinessDay of 23:59 Shanghai is 16:00 UTC the day before', () => {
      expect(startOfBusinessDay(at('2025-03-09T15:59:00Z'), SH).toISOString()).toBe(
        '2025-03-08T16:00:00.000Z',
      );
    });

    it('POL-2 the same instant is a different business date in another zone', () => {
      const i = at('2025-03-09T16:30:00Z');
      expect(businessDate(i, SH)).toBe('2025-03-10');
      expect(businessDate(i, NY)).toBe('2025-03-09');
      expect(businessDate(i, 'UTC')).toBe('2025-03-09');
    });
  });

  describe.each([
    ['12:00', 'ORD-2', '2025-06-02T03:59:00Z', '2025-06-02T04:00:00Z', '2025-06-02T04:01:00Z'],
    ['14:00', 'ORD-3', '2025-06-02T05:59:00Z', '2025-06-02T06:00:00Z', '2025-06-02T06:01:00Z'],
    ['17:00', 'WO-11', '2025-06-02T08:59:00Z', '2025-06-02T09:00:00Z', '2025-06-02T09:01:00Z'],
  ])('cut-off %s (%s) in Shanghai', (cutoff, rule, minuteBefore, exactly, minuteAfter) => {
    it(`POL-2 ${rule} one minute before ${cutoff} is before the cut-off and counts from the same day`, () => {
      expect(isBeforeCutoff(at(minuteBefore), cutoff, SH)).toBe(true);
      expect(dayCountStart(at(minuteBefore), cutoff, SH)).toBe('2025-06-02');
    });

    it(`POL-2 ${rule} exactly ${cutoff} is after the cut-off and counts from the next day`, () => {
      expect(isBeforeCutoff(at(exactly), cutoff, SH)).toBe(false);
      expect(dayCountStart(at(exactly), cutoff, SH)).toBe('2025-06-03');
    });

    it(`POL-2 ${rule} one millisecond before ${cutoff} is still before`, () => {
      const i = new Date(at(exactly).getTime() - 1);
      expect(isBeforeCutoff(i, cutoff, SH)).toBe(true);
    });

    it(`POL-2 ${rule} one minute after ${cutoff} is after the cut-off and counts from the next day`, () => {
      expect(isBeforeCutoff(at(minuteAfter), cutoff, SH)).toBe(false);
      expect(dayCountStart(at(minuteAfter), cutoff, SH)).toBe('2025-06-03');
    });

    it(`POL-2 ${rule} ${cutoff} Shanghai maps to the expected UTC instant`, () => {
      expect(atBusinessTime('2025-06-02', cutoff, SH).toISOString()).toBe(at(exactly).toISOString());
    });
  });

  it('POL-2 a cut-off after the end of the month rolls to the first of the next month', () => {
    expect(dayCountStart(at('2025-12-31T05:00:00Z'), '12:00', SH)).toBe('2026-01-01');
    expect(dayCountStart(at('2024-02-28T05:00:00Z'), '12:00', SH)).toBe('2024-02-29');
  });

  describe('a DST zone (America/New_York)', () => {
    it('POL-2 spring-forward: a wall time in the gap moves forward by the gap (02:30 → 03:30 EDT)', () => {
      const i = atBusinessTime('2025-03-09', '02:30', NY);
      expect(i.toISOString()).toBe('2025-03-09T07:30:00.000Z');
      expect(formatBusiness(i, NY)).toBe('2025-03-09 03:30');
    });

    it('POL-2 spring-forward: wall times either side of the gap keep their own offsets', () => {
      expect(atBusinessTime('2025-03-09', '01:59', NY).toISOString()).toBe('2025-03-09T06:59:00.000Z');
      expect(atBusinessTime('2025-03-09', '03:00', NY).toISOString()).toBe('2025-03-09T07:00:00.000Z');
    });

    it('POL-2 spring-forward: the business day is 23 hours long but still one calendar day', () => {
      const start = businessDayStart('2025-03-09', NY);
      const next = businessDayStart(addCalendarDays('2025-03-09', 1), NY);
      expect(next.getTime() - start.getTime()).toBe(23 * 3_600_000);
    });

    it('POL-2 fall-back: a repeated wall time resolves to its first occurrence (01:30 EDT)', () => {
      const i = atBusinessTime('2025-11-02', '01:30', NY);
      expect(i.toISOString()).toBe('2025-11-02T05:30:00.000Z');
      // The second 01:30 (EST) is a real instant with the same wall clock.
      expect(formatBusiness(at('2025-11-02T06:30:00Z'), NY)).toBe('2025-11-02 01:30');
    });

    it('POL-2 fall-back: the business day is 25 hours long', () => {
      const start = businessDayStart('2025-11-02', NY);
      const next = businessDayStart('2025-11-03', NY);
      expect(next.getTime() - start.getTime()).toBe(25 * 3_600_000);
    });

    it('POL-2 cut-offs use the wall clock on both sides of a transition', () => {
      // 12:00 EST before, 12:00 EDT after: different UTC hours, same business rule.
      expect(isBeforeCutoff(at('2025-03-08T16:59:00Z'), '12:00', NY)).toBe(true);
      expect(isBeforeCutoff(at('2025-03-08T17:00:00Z'), '12:00', NY)).toBe(false);
      expect(isBeforeCutoff(at('2025-03-10T15:59:00Z'), '12:00', NY)).toBe(true);
      expect(isBeforeCutoff(at('2025-03-10T16:00:00Z'), '12:00', NY)).toBe(false);
      expect(dayCountStart(at('2025-11-02T16:59:00Z'), '12:00', NY)).toBe('2025-11-02');
      expect(dayCountStart(at('2025-11-02T17:00:00Z'), '12:00', NY)).toBe('2025-11-03');
    });

    it('POL-2 a zone whose DST starts at midnight starts that day at 01:00 (America/Sao_Paulo 2018)', () => {
      const start = businessDayStart('2018-11-04', 'America/Sao_Paulo');
      expect(formatBusiness(start, 'America/Sao_Paulo')).toBe('2018-11-04 01:00');
      expect(start.toISOString()).toBe('2018-11-04T03:00:00.000Z');
    });
  });

  describe('calendar dates', () => {
    it('POL-2 addCalendarDays crosses months, leap days and years', () => {
      expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(addCalendarDays('2023-02-28', 1)).toBe('2023-03-01');
      expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
      expect(addCalendarDays('2025-01-01', -1)).toBe('2024-12-31');
      expect(addCalendarDays('2025-03-09', 0)).toBe('2025-03-09');
    });

    it('POL-2 calendarDaysBetween is the inverse of addCalendarDays', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 3_000_000 }), fc.integer({ min: -5000, max: 5000 }), (d, n) => {
          const date = businessDate(new Date(Date.UTC(1990, 0, 1) + d * 60_000 * 60), 'UTC');
          expect(calendarDaysBetween(date, addCalendarDays(date, n))).toBe(n);
        }),
      );
    });
  });

  describe('validation', () => {
    it('POL-2 rejects malformed and impossible dates with the offending input in the message', () => {
      expect(() => parseBusinessDate('2025-2-3')).toThrow(/Invalid date "2025-2-3": expected YYYY-MM-DD/);
      expect(() => parseBusinessDate('2025-02-30')).toThrow(/no such calendar day/);
      expect(() => parseBusinessDate('2025-13-01')).toThrow(/no such calendar day/);
      expect(() => parseBusinessDate('0000-01-01')).toThrow(/no such calendar day/);
      expect(() => addCalendarDays('tomorrow', 1)).toThrow(/Invalid date "tomorrow"/);
      expect(() => atBusinessTime('2025-02-29', '12:00', SH)).toThrow(/no such calendar day/);
      expect(parseBusinessDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    });

    it('POL-2 rejects malformed times of day', () => {
      for (const bad of ['9:00', '24:00', '12:60', '12:00:00', '', '1200', ' 12:00']) {
        expect(() => parseHhMm(bad), bad).toThrow(
          /Invalid time of day .*expected HH:mm between 00:00 and 23:59/,
        );
      }
      expect(parseHhMm('00:00')).toEqual({ hour: 0, minute: 0 });
      expect(parseHhMm('23:59')).toEqual({ hour: 23, minute: 59 });
      expect(hhMmToMinutes('17:00')).toBe(1020);
      expect(() => isBeforeCutoff(at('2025-06-02T04:00:00Z'), '12', SH)).toThrow(/Invalid time of day "12"/);
    });

    it('POL-2 rejects unknown time zones with a hint', () => {
      expect(() => businessDate(at('2025-06-02T04:00:00Z'), 'Asia/Beijing')).toThrow(
        /Unknown time zone "Asia\/Beijing": expected an IANA name/,
      );
      expect(() => atBusinessTime('2025-06-02', '12:00', '')).toThrow(/Time zone is missing/);
      expect(() => assertTimeZone('+08:00x')).toThrow(/Unknown time zone/);
      expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
      expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    });

    it('POL-2 rejects invalid instants and whole-number violations', () => {
      expect(() => businessDate(new Date('nope'), SH)).toThrow(/Invalid instant: expected a valid Date/);
      expect(() => businessDate(new Date(8.64e15), SH)).toThrow(/outside the supported years/);
      expect(() => addCalendarDays('2025-01-01', 1.5)).toThrow(/expected a whole number/);
      expect(() => addCalendarDays('9999-12-31', 1)).toThrow(/leaves the supported years/);
    });
  });

  describe('formatDuration', () => {
    it.each([
      [2 * 86_400_000 + 3 * 3_600_000, '2 天 3 小时', '2 d 3 h'],
      [2 * 86_400_000 + 3 * 3_600_000 + 59 * 60_000, '2 天 3 小时', '2 d 3 h'],
      [86_400_000, '1 天', '1 d'],
      [3 * 3_600_000 + 20 * 60_000, '3 小时 20 分钟', '3 h 20 min'],
      [3_600_000, '1 小时', '1 h'],
      [45 * 60_000, '45 分钟', '45 min'],
      [59_999, '0 分钟', '0 min'],
      [0, '0 分钟', '0 min'],
      [-(5 * 3_600_000), '-5 小时', '-5 h'],
      [-30_000, '0 分钟', '0 min'],
    ])('POL-2 formats %d ms as "%s" / "%s"', (ms, zh, en) => {
      expect(formatDuration(ms, 'zh-CN')).toBe(zh);
      expect(formatDuration(ms, 'en-US')).toBe(en);
    });

    it('POL-2 rejects non-finite durations', () => {
      expect(() => formatDuration(Number.NaN, 'en-US')).toThrow(/Invalid duration/);
      expect(() => formatDuration(Infinity, 'zh-CN')).toThrow(/Invalid duration/);
    });
  });

  describe('properties', () => {
    it('POL-2 atBusinessTime(businessDate(x), HH:mm of x) round-trips to the minute', () => {
      fc.assert(
        fc.property(zonedInstantArb, ([x, tz]) => {
          const back = atBusinessTime(businessDate(x, tz), businessTimeOfDay(x, tz), tz);
          const minuteOfX = Math.floor(x.getTime() / 60_000) * 60_000;
          const fromBack = formatBusiness(back, tz);
          expect(fromBack).toBe(formatBusiness(x, tz));
          // In a fall-back overlap the wall time names two instants; we pick the earlier one.
          expect(back.getTime()).toBeLessThanOrEqual(minuteOfX);
          if (back.getTime() !== minuteOfX) {
            expect(minuteOfX - back.getTime()).toBeLessThanOrEqual(3 * 3_600_000);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('POL-2 atBusinessTime yields the requested wall time unless it falls in a DST gap, then later', () => {
      fc.assert(
        fc.property(zonedInstantArb, hhMmArb, ([x, tz], time) => {
          const date = businessDate(x, tz);
          const i = atBusinessTime(date, time, tz);
          const shown = formatBusiness(i, tz);
          if (shown !== `${date} ${time}`) {
            // Only a gap may move the time, and only forward by less than a day.
            const requested = Date.parse(`${date}T${time}:00Z`);
            const got = Date.parse(`${shown.replace(' ', 'T')}:00Z`);
            expect(got).toBeGreaterThan(requested);
            expect(got - requested).toBeLessThanOrEqual(86_400_000);
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('POL-2 dayCountStart is always the same business day or the next one', () => {
      fc.assert(
        fc.property(zonedInstantArb, hhMmArb, ([x, tz], cutoff) => {
          const today = businessDate(x, tz);
          const start = dayCountStart(x, cutoff, tz);
          expect([today, addCalendarDays(today, 1)]).toContain(start);
          expect(start === today).toBe(isBeforeCutoff(x, cutoff, tz));
        }),
        { numRuns: 2000 },
      );
    });

    it('POL-2 businessMinutesOfDay stays in 0..1439 and startOfBusinessDay is on the same business date', () => {
      fc.assert(
        fc.property(zonedInstantArb, ([x, tz]) => {
          const m = businessMinutesOfDay(x, tz);
          expect(m).toBeGreaterThanOrEqual(0);
          expect(m).toBeLessThanOrEqual(1439);
          const start = startOfBusinessDay(x, tz);
          expect(start.getTime()).toBeLessThanOrEqual(x.getTime());
          expect(businessDate(start, tz)).toBe(businessDate(x, tz));
          // Nothing earlier belongs to the same business date.
          expect(businessDate(new Date(start.getTime() - 1), tz)).not.toBe(businessDate(x, tz));
        }),
        { numRuns: 1000 },
      );
    });
  });
});
