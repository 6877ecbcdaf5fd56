import {
  addCalendarDays,
  businessDate,
  calendarDaysBetween,
  parseBusinessDate,
} from '../../../platform/time.ts';
import type { CallbackFieldIssue, HomeServiceChannel, HomeServiceParty } from './callback-codes.ts';
import { homeServiceChannels, homeServiceParties } from './callback-codes.ts';
import { assertCount, assertInstant, monthBounds } from './callback-time.ts';

/**
 * CB-8 home-service variant (seed 004 回访职责, 用户、家政人员回访管理, 回访步骤 1-1/1-2). After the worker
 * starts at the customer's home (到岗日期, handed over in person), the after-sales department calls back
 * both the customer and the worker on their callback times (定时回访), records each result in the callback
 * table, counts the month's callbacks in a monthly statistics table for the department managers, and
 * writes a callback summary report that is archived (撰写回访总结汇报, 进行最终资料归档).
 * The seed gives no days for the schedule; they are policy `cb.home_service.schedule`.
 */

export interface PartySchedule {
  afterDays: readonly number[];
  /** 0: no callbacks after the listed days. */
  thenEveryDays: number;
}

/** Policy `cb.home_service.schedule`. */
export interface HomeServiceSchedulePolicy {
  customer: PartySchedule;
  worker: PartySchedule;
}

export interface Placement {
  placementId: string;
  customerId: string;
  workerId: string;
  /** The worker's first day with the customer (到岗日期), business date. */
  startDate: string;
  /** Last day of the placement (resigned, returned, agreement ended); null while it lasts. */
  endDate: string | null;
}

export interface ScheduledHomeCallback {
  placementId: string;
  party: HomeServiceParty;
  /** The customer's or the worker's id. */
  partyId: string;
  /** 1 for the first callback of this party on this placement. */
  sequence: number;
  dueDate: string;
}

/** The n-th (0-based) offset in days of a party's schedule; undefined past the end of a finite one. */
function offsetAt(schedule: PartySchedule, n: number): number | undefined {
  const listed = schedule.afterDays[n];
  if (listed !== undefined) return listed;
  const last = schedule.afterDays.at(-1);
  if (last === undefined || schedule.thenEveryDays === 0) return undefined;
  return last + (n - schedule.afterDays.length + 1) * schedule.thenEveryDays;
}

function assertSchedule(schedule: PartySchedule, name: string): void {
  assertCount(schedule.thenEveryDays, `${name}.thenEveryDays`);
  schedule.afterDays.forEach((d, i) => {
    assertCount(d, `${name}.afterDays[${i}]`, 1);
    if (i > 0 && d <= (schedule.afterDays[i - 1] ?? 0))
      throw new Error(`${name}.afterDays must rise strictly.`);
  });
}

/**
 * CB-8: the customer and worker callbacks of each placement due from `from` to `to` (business dates, both
 * included), never after the placement's last day. Sorted by due date, then placement, customer first.
 */
export function homeServiceCallbacksDue(
  placements: readonly Placement[],
  range: { from: string; to: string },
  policy: HomeServiceSchedulePolicy,
): ScheduledHomeCallback[] {
  parseBusinessDate(range.from);
  parseBusinessDate(range.to);
  assertSchedule(policy.customer, 'customer');
  assertSchedule(policy.worker, 'worker');
  const out: ScheduledHomeCallback[] = [];
  for (const p of placements) {
    const last = p.endDate !== null && p.endDate < range.to ? p.endDate : range.to;
    for (const party of homeServiceParties) {
      const schedule = policy[party];
      const partyId = party === 'customer' ? p.customerId : p.workerId;
      let n = firstIndexFrom(schedule, calendarDaysBetween(p.startDate, range.from));
      for (let offset = offsetAt(schedule, n); offset !== undefined; offset = offsetAt(schedule, ++n)) {
        const dueDate = addCalendarDays(p.startDate, offset);
        if (dueDate > last) break;
        if (dueDate >= range.from)
          out.push({ placementId: p.placementId, party, partyId, sequence: n + 1, dueDate });
      }
    }
  }
  return out.sort(
    (a, b) =>
      (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) ||
      (a.placementId < b.placementId ? -1 : a.placementId > b.placementId ? 1 : 0) ||
      homeServiceParties.indexOf(a.party) - homeServiceParties.indexOf(b.party),
  );
}

/** Skips whole recurring periods before the range, so a years-long placement is not walked day by day. */
function firstIndexFrom(schedule: PartySchedule, daysToRangeStart: number): number {
  const listed = schedule.afterDays.length;
  const last = schedule.afterDays.at(-1);
  if (last === undefined || schedule.thenEveryDays === 0 || daysToRangeStart <= last) return 0;
  return listed - 1 + Math.max(0, Math.floor((daysToRangeStart - last) / schedule.thenEveryDays));
}

// ---------------------------------------------------------------------------------------------------------
// Monthly statistics (月度统计表) and the archived summary (回访总结汇报).

export interface HomeCallbackRecord {
  placementId: string;
  party: HomeServiceParty;
  dueDate: string;
  /** When the callback was made; null while outstanding. */
  doneAt: Date | null;
  channel: HomeServiceChannel | null;
  /** The party's satisfaction; null when not asked or not done. */
  satisfied: boolean | null;
}

export interface PartyStatistics {
  due: number;
  done: number;
  /** Made on or before the due date. */
  doneOnTime: number;
  doneLate: number;
  outstanding: number;
  asked: number;
  satisfied: number;
  satisfaction: number | null;
  byChannel: Record<HomeServiceChannel, number>;
}

export interface HomeServiceMonthlyStatistics {
  month: string;
  /** The month is over: the statistics will not change any more. */
  monthOver: boolean;
  customer: PartyStatistics;
  worker: PartyStatistics;
}

/** CB-8: the month's statistics per party, over the callbacks due in `month` (as of `now`). */
export function homeServiceMonthlyStatistics(
  month: string,
  records: readonly HomeCallbackRecord[],
  ctx: { now: Date; tz: string },
): HomeServiceMonthlyStatistics {
  assertInstant(ctx.now, 'now');
  const bounds = monthBounds(month, ctx.tz);
  const own = records.filter((r) => r.dueDate >= bounds.firstDate && r.dueDate <= bounds.lastDate);
  const stats = (party: HomeServiceParty): PartyStatistics => {
    const mine = own.filter((r) => r.party === party);
    const done = mine.filter((r) => r.doneAt !== null && r.doneAt.getTime() <= ctx.now.getTime());
    const onTime = done.filter((r) => businessDate(r.doneAt as Date, ctx.tz) <= r.dueDate).length;
    const asked = done.filter((r) => r.satisfied !== null);
    const satisfied = asked.filter((r) => r.satisfied === true).length;
    const byChannel = Object.fromEntries(homeServiceChannels.map((c) => [c, 0])) as Record<
      HomeServiceChannel,
      number
    >;
    for (const r of done) if (r.channel !== null) byChannel[r.channel]++;
    return {
      due: mine.length,
      done: done.length,
      doneOnTime: onTime,
      doneLate: done.length - onTime,
      outstanding: mine.length - done.length,
      asked: asked.length,
      satisfied,
      satisfaction: asked.length === 0 ? null : satisfied / asked.length,
      byChannel,
    };
  };
  return {
    month,
    monthOver: ctx.now.getTime() >= bounds.endsAt.getTime(),
    customer: stats('customer'),
    worker: stats('worker'),
  };
}

/**
 * CB-8: may the month's statistics and written summary be archived? The month must be over (the statistics
 * are final) and the summary written. Outstanding callbacks do not block the archive; they are in it.
 */
export function monthlyArchiveProblems(
  archive: { month: string; summary: string },
  ctx: { now: Date; tz: string },
): CallbackFieldIssue[] {
  assertInstant(ctx.now, 'now');
  const issues: CallbackFieldIssue[] = [];
  const bounds = monthBounds(archive.month, ctx.tz);
  if (ctx.now.getTime() < bounds.endsAt.getTime()) {
    issues.push({
      path: '/month',
      code: 'MONTH_NOT_OVER',
      message: `${archive.month} is not over; archive its statistics from ${addCalendarDays(bounds.lastDate, 1)} on.`,
    });
  }
  if (archive.summary.trim() === '') {
    issues.push({
      path: '/summary',
      code: 'SUMMARY_REQUIRED',
      message: 'Write the callback summary (findings and measures) before archiving the month.',
    });
  }
  return issues;
}
