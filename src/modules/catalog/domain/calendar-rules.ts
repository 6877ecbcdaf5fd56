import type { FieldError } from '../../../platform/errors.ts';
import { parseBusinessDate } from '../../../platform/time.ts';
import { isWeekend } from './working-days.ts';

export const calendarKinds = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof calendarKinds)[number];

/** Years the calendar accepts: far enough for history and planning, near enough to catch typos. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

/** Problems with a day an administrator names: a real date within the years the calendar keeps. */
export function calendarDateProblems(day: string): FieldError[] {
  let year: number;
  try {
    year = parseBusinessDate(day).year;
  } catch {
    return [{ path: '/day', message: `${day} is not a calendar day; use YYYY-MM-DD, e.g. 2026-10-01.` }];
  }
  if (year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    return [{ path: '/day', message: `Choose a day between ${CALENDAR_MIN_YEAR} and ${CALENDAR_MAX_YEAR}.` }];
  }
  return [];
}

/** Problems with an administrator's calendar entry; a make-up workday only means something on a weekend. */
export function calendarDayProblems(input: {
  day: string;
  kind: CalendarDayKind;
  name: string;
}): FieldError[] {
  const errors = calendarDateProblems(input.day);
  if (errors.length > 0) return errors;
  if (input.kind === 'workday' && !isWeekend(input.day)) {
    errors.push({
      path: '/kind',
      message: `${input.day} is a Monday–Friday and already a working day; make-up workdays (调休) fall on weekends.`,
    });
  }
  if (input.name.trim() === '') {
    errors.push({ path: '/name', message: 'Name the holiday or make-up workday, e.g. 国庆节.' });
  }
  return errors;
}
