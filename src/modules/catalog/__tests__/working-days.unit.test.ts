import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarSeedRows } from '../reference-data.ts';
import {
  addWorkingDays,
  calendarIndex,
  countWorkingDays,
  isWorkingDay,
  shiftDays,
} from '../domain/working-days.ts';
import type { CalendarEntry } from '../domain/working-days.ts';

const calendar2026: CalendarEntry[] = calendarSeedRows().filter((d) => d.day.startsWith('2026'));
const index = calendarIndex(calendarSeedRows());

describe('working days (POL-2, KB-2)', () => {
  it('POL-2 weekdays work, weekends rest, holidays never work, make-up Saturdays 2026-02-14 and 2026-02-28 work', () => {
    const cases: [string, boolean, string][] = [
      ['2026-02-13', true, 'Friday before the Spring Festival'],
      ['2026-02-14', true, 'Saturday make-up workday (调休)'],
      ['2026-02-15', false, 'Spring Festival, a Sunday'],
      ['2026-02-16', false, 'Spring Festival, a Monday'],
      ['2026-02-23', false, 'last Spring Festival day, a Monday'],
      ['2026-02-24', true, 'Tuesday after the festival'],
      ['2026-02-28', true, 'Saturday make-up workday (调休)'],
      ['2026-03-01', false, 'ordinary Sunday'],
      ['2026-03-07', false, 'ordinary Saturday'],
      ['2026-10-01', false, 'National Day, a Thursday'],
      ['2026-10-10', true, 'Saturday make-up workday after National Day'],
      ['2026-11-23', true, 'ordinary Monday'],
    ];
    const wrong = cases
      .filter(([day, expected]) => isWorkingDay(day, calendar2026) !== expected)
      .map(([day, expected, why]) => `${day} (${why}) should ${expected ? '' : 'not '}be a working day`);
    expect(wrong).toEqual([]);
  });

  it('POL-2 a holiday entry wins over the weekday, and an empty calendar means Monday to Friday', () => {
    expect(isWorkingDay('2026-10-01', [])).toBe(true);
    expect(isWorkingDay('2026-10-03', [])).toBe(false);
    expect(isWorkingDay('2026-11-25', [{ day: '2026-11-25', kind: 'holiday' }])).toBe(false);
  });

  it('POL-2 adding working days steps over the 2026 Spring Festival and counts the make-up Saturdays', () => {
    const cases: [string, number, string][] = [
      ['2026-02-12', 1, '2026-02-13'],
      ['2026-02-13', 1, '2026-02-14'],
      ['2026-02-13', 2, '2026-02-24'],
      ['2026-02-14', 1, '2026-02-24'],
      ['2026-02-24', 3, '2026-02-27'],
      ['2026-02-24', 4, '2026-02-28'],
      ['2026-02-24', 5, '2026-03-02'],
      ['2026-02-24', -1, '2026-02-14'],
      ['2026-02-24', -2, '2026-02-13'],
      ['2026-02-15', 0, '2026-02-15'],
      ['2026-09-30', 1, '2026-10-08'],
      ['2026-04-03', 1, '2026-04-07'],
    ];
    const wrong = cases
      .map(([day, n, expected]) => [day, n, expected, addWorkingDays(day, n, calendar2026)] as const)
      .filter(([, , expected, actual]) => actual !== expected)
      .map(([day, n, expected, actual]) => `${day} + ${n}: expected ${expected}, got ${actual}`);
    expect(wrong).toEqual([]);
  });

  it('KB-2 new staff training of 7 working days from Monday 2026-02-09 ends on 2026-02-24, after the Spring Festival', () => {
    const start = '2026-02-09';
    const lastDay = addWorkingDays(start, 7 - 1, calendar2026);
    expect(lastDay).toBe('2026-02-24');
    expect(countWorkingDays(start, lastDay, calendar2026)).toBe(7);
    // Without the calendar the same training would end the next Tuesday, a day of the festival.
    expect(addWorkingDays(start, 6, [])).toBe('2026-02-17');
  });

  it('POL-2 counting includes both ends and is 0 for an empty range', () => {
    expect(countWorkingDays('2026-02-14', '2026-02-28', calendar2026)).toBe(6);
    expect(countWorkingDays('2026-02-15', '2026-02-23', calendar2026)).toBe(0);
    expect(countWorkingDays('2026-03-02', '2026-03-01', calendar2026)).toBe(0);
  });

  it('POL-2 rejects dates that do not exist and fractional day counts', () => {
    expect(() => isWorkingDay('2026-02-30', [])).toThrow(/no such calendar day/);
    expect(() => addWorkingDays('2026-02-24', 1.5, [])).toThrow(/whole number/);
  });

  it('POL-2 property: n working days forward lands on a working day, counts n, and n back returns', () => {
    const day = fc
      .integer({ min: 0, max: 365 * 6 })
      .map((offset) => shiftDays('2020-01-01', offset))
      .filter((d) => isWorkingDay(d, index));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 400 }), (start, n) => {
        const end = addWorkingDays(start, n, index);
        expect(isWorkingDay(end, index)).toBe(true);
        expect(countWorkingDays(shiftDays(start, 1), end, index)).toBe(n);
        expect(addWorkingDays(end, -n, index)).toBe(start);
      }),
      { numRuns: 300 },
    );
  });
});
