import {
  addCalendarDays,
  atBusinessTime,
  businessDate,
  businessDayStart,
  dayCountStart,
} from '../../../platform/time.ts';
import { assertValidDate } from './field-checks.ts';

/**
 * WO-11 (seed 001 快速清理遗留 3–4): parts for a visit made today are requested before the 17:00 cut-off
 * (business time), and a part that has arrived at the outlet is fitted the same business day.
 */

export interface VisitPartsFacts {
  orderId: string;
  engineerId: string | null;
  visitedAt: Date;
  /** The engineer's finding: true needs a part, false does not, null not reported yet. */
  partsNeeded: boolean | null;
  partRequestedAt: Date | null;
}

export interface ArrivedPartFacts {
  orderId: string;
  partName: string;
  arrivedAtOutletAt: Date;
  fittedAt: Date | null;
}

export type PartsWarningCode =
  'PART_REQUEST_DUE' | 'PART_REQUEST_LATE' | 'PART_FIT_DUE_TODAY' | 'PART_FIT_OVERDUE';

export interface PartsWarning {
  code: PartsWarningCode;
  rule: 'WO-11';
  orderId: string;
  /** The cut-off or end of day the step is due by. */
  dueAt: Date;
  /** Minutes until due (0 when passed). */
  minutesLeft: number;
  detail: { engineerId?: string | null; partsNeeded?: boolean | null; partName?: string };
}

/**
 * When parts for a visit must be requested: the cut-off on the visit's business date; a visit that starts
 * at or after the cut-off cannot meet it, so it gets the next day's cut-off.
 */
export function partRequestDeadline(visitedAt: Date, cutoff: string, tz: string): Date {
  return atBusinessTime(dayCountStart(visitedAt, cutoff, tz), cutoff, tz);
}

/** When an arrived part must be fitted: the end of its arrival's business day (next midnight, business time). */
export function partFitDeadline(arrivedAt: Date, tz: string): Date {
  return businessDayStart(addCalendarDays(businessDate(arrivedAt, tz), 1), tz);
}

const minutesLeft = (due: Date, now: Date): number =>
  Math.max(0, Math.ceil((due.getTime() - now.getTime()) / 60_000));

/**
 * WO-11 warnings at `now`. A visit whose parts need is unknown is warned like one that needs parts: the
 * cut-off passes whether or not the engineer reported. Visits reported as needing no part are never warned.
 */
export function partsWarnings(
  visits: readonly VisitPartsFacts[],
  arrivedParts: readonly ArrivedPartFacts[],
  ctx: { now: Date; tz: string; requestCutoff: string },
): PartsWarning[] {
  assertValidDate(ctx.now, 'now');
  const out: PartsWarning[] = [];
  for (const v of visits) {
    if (v.partsNeeded === false || v.visitedAt > ctx.now) continue;
    if (v.partRequestedAt !== null && v.partRequestedAt <= ctx.now) continue;
    const dueAt = partRequestDeadline(v.visitedAt, ctx.requestCutoff, ctx.tz);
    out.push({
      code: ctx.now < dueAt ? 'PART_REQUEST_DUE' : 'PART_REQUEST_LATE',
      rule: 'WO-11',
      orderId: v.orderId,
      dueAt,
      minutesLeft: minutesLeft(dueAt, ctx.now),
      detail: { engineerId: v.engineerId, partsNeeded: v.partsNeeded },
    });
  }
  for (const p of arrivedParts) {
    if (p.arrivedAtOutletAt > ctx.now) continue;
    if (p.fittedAt !== null && p.fittedAt <= ctx.now) continue;
    const dueAt = partFitDeadline(p.arrivedAtOutletAt, ctx.tz);
    out.push({
      code: ctx.now < dueAt ? 'PART_FIT_DUE_TODAY' : 'PART_FIT_OVERDUE',
      rule: 'WO-11',
      orderId: p.orderId,
      dueAt,
      minutesLeft: minutesLeft(dueAt, ctx.now),
      detail: { partName: p.partName },
    });
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.orderId < b.orderId ? -1 : 1));
}
