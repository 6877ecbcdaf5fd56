import dayjs from 'dayjs';
import type { CalendarDay, CalendarKind } from '../../../api/master-data';

export interface CalendarPeriod {
  key: string;
  name: string;
  kind: CalendarKind;
  /** Runs of consecutive days, each as [first, last]. */
  ranges: [string, string][];
  dayCount: number;
}

/** Groups a year's special days by holiday name and kind, so "春节 休 02-15 – 02-23" reads as one line. */
export function calendarPeriods(days: readonly CalendarDay[]): CalendarPeriod[] {
  const groups = new Map<string, CalendarPeriod>();
  for (const entry of [...days].sort((a, b) => a.day.localeCompare(b.day))) {
    const key = `${entry.kind}:${entry.name}`;
    const group = groups.get(key) ?? { key, name: entry.name, kind: entry.kind, ranges: [], dayCount: 0 };
    const last = group.ranges[group.ranges.length - 1];
    if (last && dayjs(last[1]).add(1, 'day').format('YYYY-MM-DD') === entry.day) last[1] = entry.day;
    else group.ranges.push([entry.day, entry.day]);
    group.dayCount += 1;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => (a.ranges[0]?.[0] ?? '').localeCompare(b.ranges[0]?.[0] ?? ''));
}
