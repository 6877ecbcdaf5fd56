export interface Interval {
  from: Date;
  to: Date;
}

/** Sorts and merges overlapping or touching intervals; empty or inverted ones are dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals
    .filter((i) => i.to.getTime() > i.from.getTime())
    .map((i) => ({ from: i.from.getTime(), to: i.to.getTime() }))
    .sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.from <= last.to) last.to = Math.max(last.to, i.to);
    else out.push({ ...i });
  }
  return out.map((i) => ({ from: new Date(i.from), to: new Date(i.to) }));
}

/** The parts of `intervals` that fall inside [from, to]. */
export function clipIntervals(intervals: readonly Interval[], from: Date, to: Date): Interval[] {
  const lo = from.getTime();
  const hi = to.getTime();
  return intervals
    .map((i) => ({
      from: new Date(Math.max(lo, i.from.getTime())),
      to: new Date(Math.min(hi, i.to.getTime())),
    }))
    .filter((i) => i.to.getTime() > i.from.getTime());
}

export const totalMs = (intervals: readonly Interval[]): number =>
  intervals.reduce((sum, i) => sum + (i.to.getTime() - i.from.getTime()), 0);
