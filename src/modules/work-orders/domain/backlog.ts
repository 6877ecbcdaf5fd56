import { businessDate, calendarDaysBetween } from '../../../platform/time.ts';
import { assertValidDate, assertWholeDays } from './field-checks.ts';
import type { OrderStatus } from './lifecycle.ts';
import { isOpenStatus } from './lifecycle.ts';

/**
 * WO-10 backlog (遗留), for the morning meeting (seed 001 快速清理遗留的办法).
 *
 * Age is elapsed time (24-hour days) from the order's clock start — the later of creation and the customer's
 * requested time, as WO-7 — so an order the customer asked to be served next week is not "old" this week.
 * Elapsed rather than working days: outlets serve every day and the seed counts plain days (超两天, 超三天).
 *
 * Escalation follows the seed's ladder on business dates: the item is the dispatcher's on the day it enters
 * the backlog (it crossed the first threshold); unsolved that day it is the product supervisor's the next day;
 * unsolved again, the manager's. A recorded manual escalation is never lowered. The resolve-within limit
 * counts from entering the backlog.
 */

export const escalationLevels = ['dispatcher', 'product_supervisor', 'manager'] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

export interface BacklogOrderFacts {
  orderId: string;
  outletId: string | null;
  status: OrderStatus;
  createdAt: Date;
  customerRequestedAt: Date | null;
  categoryCode: string;
  people: {
    dispatcherId: string | null;
    engineerId: string | null;
    productSupervisorId: string | null;
    managerId: string | null;
  };
  /** A manual escalation already recorded. */
  escalatedTo: EscalationLevel | null;
}

export interface BacklogPolicy {
  /** Policy `wo.backlog.age_thresholds_days` ([2, 3]), ascending. */
  ageThresholdsDays: readonly number[];
  /** Policy `wo.backlog.resolve_within_days` (3). */
  resolveWithinDays: number;
}

export interface BacklogItem {
  orderId: string;
  outletId: string;
  status: OrderStatus;
  categoryCode: string;
  ageFrom: Date;
  ageMs: number;
  /** Largest threshold exceeded: "older than N days". */
  overDays: number;
  backlogSince: Date;
  escalation: EscalationLevel;
  /** The person who owns it at this level (null when the outlet has nobody in that role). */
  responsibleId: string | null;
  engineerId: string | null;
  resolveBy: Date;
  overdue: boolean;
}

export interface OutletBacklog {
  outletId: string;
  /** One row per threshold; an order over 3 days is also over 2. */
  counts: { overDays: number; count: number }[];
  overdue: number;
  items: BacklogItem[];
}

export interface BacklogReport {
  date: string;
  items: BacklogItem[];
  byOutlet: OutletBacklog[];
}

const DAY_MS = 86_400_000;

function assertThresholds(thresholds: readonly number[]): void {
  if (thresholds.length === 0) throw new Error('Backlog thresholds are empty: expected e.g. [2, 3].');
  thresholds.forEach((t, i) => {
    assertWholeDays(t, `ageThresholdsDays[${i}]`);
    const prev = thresholds[i - 1];
    if (prev !== undefined && t <= prev) throw new Error('Backlog thresholds must be ascending.');
  });
}

/** WO-10: each outlet's open orders older than each threshold, with owner, escalation and overdue flag. */
export function backlogReport(
  orders: readonly BacklogOrderFacts[],
  policy: BacklogPolicy,
  ctx: { now: Date; tz: string },
): BacklogReport {
  assertValidDate(ctx.now, 'now');
  assertThresholds(policy.ageThresholdsDays);
  assertWholeDays(policy.resolveWithinDays, 'resolveWithinDays');
  const thresholds = policy.ageThresholdsDays;
  const [firstThreshold = 0] = thresholds;
  const today = businessDate(ctx.now, ctx.tz);
  const now = ctx.now.getTime();
  const items: BacklogItem[] = [];
  for (const o of orders) {
    if (!o.outletId || !isOpenStatus(o.status)) continue;
    const requested = o.customerRequestedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    const ageFrom = new Date(Math.max(o.createdAt.getTime(), requested));
    const ageMs = now - ageFrom.getTime();
    const overDays = [...thresholds].reverse().find((t) => ageMs > t * DAY_MS);
    if (overDays === undefined) continue;
    const backlogSince = new Date(ageFrom.getTime() + firstThreshold * DAY_MS);
    const daysInBacklog = calendarDaysBetween(businessDate(backlogSince, ctx.tz), today);
    const byTime: EscalationLevel =
      daysInBacklog <= 0 ? 'dispatcher' : daysInBacklog === 1 ? 'product_supervisor' : 'manager';
    const escalation = higher(byTime, o.escalatedTo);
    const resolveBy = new Date(backlogSince.getTime() + policy.resolveWithinDays * DAY_MS);
    items.push({
      orderId: o.orderId,
      outletId: o.outletId,
      status: o.status,
      categoryCode: o.categoryCode,
      ageFrom,
      ageMs,
      overDays,
      backlogSince,
      escalation,
      responsibleId: responsible(o.people, escalation),
      engineerId: o.people.engineerId,
      resolveBy,
      overdue: now > resolveBy.getTime(),
    });
  }
  items.sort((a, b) => b.ageMs - a.ageMs || (a.orderId < b.orderId ? -1 : 1));
  const outletIds = [...new Set(items.map((i) => i.outletId))].sort();
  const byOutlet = outletIds.map((outletId) => {
    const own = items.filter((i) => i.outletId === outletId);
    return {
      outletId,
      counts: thresholds.map((t) => ({ overDays: t, count: own.filter((i) => i.ageMs > t * DAY_MS).length })),
      overdue: own.filter((i) => i.overdue).length,
      items: own,
    };
  });
  return { date: today, items, byOutlet };
}

const higher = (a: EscalationLevel, b: EscalationLevel | null): EscalationLevel =>
  b !== null && escalationLevels.indexOf(b) > escalationLevels.indexOf(a) ? b : a;

function responsible(people: BacklogOrderFacts['people'], level: EscalationLevel): string | null {
  switch (level) {
    case 'dispatcher':
      return people.dispatcherId;
    case 'product_supervisor':
      return people.productSupervisorId;
    case 'manager':
      return people.managerId;
  }
}
