import type { OrderType } from '../../work-orders/index.ts';
import type { CallbackCaller, OutletGrade } from './callback-codes.ts';
import type { MonthBounds } from './callback-time.ts';
import { assertCount, assertInstant, daysLater, monthBounds, monthOf } from './callback-time.ts';

/**
 * CB-2 / CB-3 callback tasks (seed 000 六、回访管理 2–4).
 *
 * Every completed order gets a task (单据做到即时回访). Who calls is where outlet and HQ callbacks combine
 * (网点回访与总部回访相结合): the HQ call center calls a share of each outlet's orders that depends on the
 * outlet's grade (按照服务网点等级分级回访), and every high-value order, several times (大额结算单据做到反复回访);
 * the outlet calls back the rest itself. Seed and DOMAIN differ on the sampling: the seed only says callbacks
 * are graded by outlet grade; "lower grade, more callbacks" is DOMAIN's reading, kept in the policy's
 * refinement, not here.
 *
 * The due time counts from the completion entry, as policy `cb.callback.due_days` says: the call center
 * can only call an order it has been given (seed flow chart: 72小时内录单 → 三天内回访). The policy is in
 * calendar days, so no working-day calendar is involved.
 */

export interface CompletedOrderFacts {
  orderId: string;
  orderType: OrderType;
  /** The outlet that did the work; null when no outlet served the order (nothing to verify or settle). */
  outletId: string | null;
  /** NET-6 grade; null for an outlet not graded yet, which is sampled like the lowest grade. */
  outletGrade: OutletGrade | null;
  /** When the work was done, as reported. */
  completedAt: Date;
  /** When the outlet entered the completion in the system. */
  completionEnteredAt: Date;
  /** What the outlet is to be settled for this order, in fen (before the callback's effect). */
  settlementValueFen: number;
}

export interface CallbackTaskPolicy {
  /** Policy `cb.sampling.rate_by_grade`. */
  samplingRateByGrade: { a: number; b: number; c: number; d: number };
  /** Policy `cb.high_value.threshold_fen`. */
  highValueThresholdFen: number;
  /** Policy `cb.high_value.callback_count`. */
  highValueCallbackCount: number;
  /** Policy `cb.callback.due_days`. */
  dueDays: number;
  /** Policy `cb.completion_entry.max_hours`. */
  completionEntryMaxHours: number;
}

export interface LateEntryCheck {
  /** CB-3: the outlet entered the completion later than the limit (录单超时). */
  late: boolean;
  code: 'COMPLETION_ENTERED_LATE' | null;
  /** Latest entry allowed: completion + the policy's hours. */
  limitAt: Date;
  /** How late, 0 when in time. */
  lateByMs: number;
  message: string | null;
}

export type TaskPlanReason = 'HIGH_VALUE' | 'SAMPLED' | 'NOT_SAMPLED';

export interface CallbackTaskPlan {
  orderId: string;
  outletId: string;
  orderType: OrderType;
  caller: CallbackCaller;
  reason: TaskPlanReason;
  /**
   * Separate answered calls needed before the verdict: 1, or the policy's count for high-value orders.
   * The task's due time covers all of them, since the verdict is due then.
   */
  rounds: number;
  dueAt: Date;
  /** The business month the task must be cleared in (月清月毕): the month of the completion entry. */
  month: string;
  highValue: boolean;
  sampling: { grade: OutletGrade; rate: number; draw: number; sampled: boolean };
  lateEntry: LateEntryCheck;
}

export type CallbackTaskDecision =
  { needed: true; plan: CallbackTaskPlan } | { needed: false; code: 'NO_OUTLET_SERVICE'; message: string };

const HOUR_MS = 3_600_000;

/**
 * A reproducible draw in [0, 1) for an order: FNV-1a over the salt and id, then a 32-bit finaliser so
 * consecutive ids spread evenly. The service passes a secret salt: an outlet that knew which orders HQ
 * skips could fake exactly those.
 */
export function samplingDraw(orderId: string, salt = ''): number {
  const text = `${salt}\u0000${orderId}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/** CB-3: was the completion entered within the limit after the work (at the latest 72 h)? */
export function checkCompletionEntry(completedAt: Date, enteredAt: Date, maxHours: number): LateEntryCheck {
  assertInstant(completedAt, 'completedAt');
  assertInstant(enteredAt, 'completionEnteredAt');
  assertCount(maxHours, 'completionEntryMaxHours', 1);
  const limitAt = new Date(completedAt.getTime() + maxHours * HOUR_MS);
  const lateByMs = Math.max(0, enteredAt.getTime() - limitAt.getTime());
  const late = lateByMs > 0;
  return {
    late,
    code: late ? 'COMPLETION_ENTERED_LATE' : null,
    limitAt,
    lateByMs,
    message: late
      ? `The completion was entered ${Math.ceil(lateByMs / HOUR_MS)} h after the ${maxHours} h limit; enter completions as soon as the work is done.`
      : null,
  };
}

/** CB-2 / CB-3: the callback task for a completed order — who calls, how often, by when. */
export function planCallbackTask(
  order: CompletedOrderFacts,
  policy: CallbackTaskPolicy,
  ctx: { tz: string; samplingSalt: string },
): CallbackTaskDecision {
  assertCount(order.settlementValueFen, 'settlementValueFen');
  assertCount(policy.highValueThresholdFen, 'highValueThresholdFen');
  assertCount(policy.highValueCallbackCount, 'highValueCallbackCount', 1);
  assertCount(policy.dueDays, 'dueDays');
  if (order.outletId === null) {
    return {
      needed: false,
      code: 'NO_OUTLET_SERVICE',
      message: 'No outlet served this order, so there is no service to verify or settle.',
    };
  }
  const grade: OutletGrade = order.outletGrade ?? 'D';
  const rate = rateOf(policy.samplingRateByGrade, grade);
  const draw = samplingDraw(order.orderId, ctx.samplingSalt);
  const sampled = draw < rate;
  const highValue = order.settlementValueFen >= policy.highValueThresholdFen;
  const reason: TaskPlanReason = highValue ? 'HIGH_VALUE' : sampled ? 'SAMPLED' : 'NOT_SAMPLED';
  return {
    needed: true,
    plan: {
      orderId: order.orderId,
      outletId: order.outletId,
      orderType: order.orderType,
      caller: reason === 'NOT_SAMPLED' ? 'outlet' : 'call_center',
      reason,
      rounds: highValue ? policy.highValueCallbackCount : 1,
      dueAt: daysLater(order.completionEnteredAt, policy.dueDays, ctx.tz),
      month: monthOf(order.completionEnteredAt, ctx.tz),
      highValue,
      sampling: { grade, rate, draw, sampled },
      lateEntry: checkCompletionEntry(
        order.completedAt,
        order.completionEnteredAt,
        policy.completionEntryMaxHours,
      ),
    },
  };
}

function rateOf(rates: CallbackTaskPolicy['samplingRateByGrade'], grade: OutletGrade): number {
  const rate = { A: rates.a, B: rates.b, C: rates.c, D: rates.d }[grade];
  if (typeof rate !== 'number' || !(rate >= 0 && rate <= 1)) {
    throw new Error(`Invalid sampling rate for grade ${grade}: expected 0–1, got ${String(rate)}.`);
  }
  return rate;
}

// ---------------------------------------------------------------------------------------------------------
// 月清月毕: the month's tasks are finished within the month.

export interface ClearanceTask {
  taskId: string;
  orderId: string;
  outletId: string;
  caller: CallbackCaller;
  completionEnteredAt: Date;
  dueAt: Date;
  /** When the task got its verdict or was given up as unreachable; null while open. */
  finishedAt: Date | null;
}

export interface OpenTaskItem {
  taskId: string;
  orderId: string;
  outletId: string;
  caller: CallbackCaller;
  dueAt: Date;
  /** Past its CB-3 due time. */
  overdue: boolean;
  /** Due only after the month ends: waiting for the due time would miss 月清. */
  dueAfterMonthEnd: boolean;
}

export interface OutletClearance {
  outletId: string;
  total: number;
  open: number;
  overdue: number;
}

export interface MonthEndClearance extends Pick<MonthBounds, 'month' | 'lastDate' | 'endsAt'> {
  /** The month has ended: anything still open missed 月清月毕. */
  monthOver: boolean;
  total: number;
  clearedInMonth: number;
  /** Finished, but after the month ended. */
  clearedLate: number;
  open: OpenTaskItem[];
  /** Share finished within the month; null for a month without tasks. */
  clearedShare: number | null;
  byOutlet: OutletClearance[];
}

/**
 * CB-2 月清月毕: of the tasks whose completion was entered in `month`, which are still open at `now`,
 * which of those are overdue, and how many were finished within the month. Overdue first, oldest due first.
 */
export function monthEndClearance(
  tasks: readonly ClearanceTask[],
  month: string,
  ctx: { now: Date; tz: string },
): MonthEndClearance {
  assertInstant(ctx.now, 'now');
  const bounds = monthBounds(month, ctx.tz);
  const now = ctx.now.getTime();
  const own = tasks.filter((t) => monthOf(t.completionEnteredAt, ctx.tz) === month);
  const finished = (t: ClearanceTask) => t.finishedAt !== null && t.finishedAt.getTime() <= now;
  const open: OpenTaskItem[] = own
    .filter((t) => !finished(t))
    .map((t) => ({
      taskId: t.taskId,
      orderId: t.orderId,
      outletId: t.outletId,
      caller: t.caller,
      dueAt: t.dueAt,
      overdue: t.dueAt.getTime() < now,
      dueAfterMonthEnd: t.dueAt.getTime() >= bounds.endsAt.getTime(),
    }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        a.dueAt.getTime() - b.dueAt.getTime() ||
        (a.taskId < b.taskId ? -1 : 1),
    );
  const clearedInMonth = own.filter(
    (t) => finished(t) && (t.finishedAt as Date).getTime() < bounds.endsAt.getTime(),
  ).length;
  const outletIds = [...new Set(own.map((t) => t.outletId))].sort();
  return {
    month,
    lastDate: bounds.lastDate,
    endsAt: bounds.endsAt,
    monthOver: now >= bounds.endsAt.getTime(),
    total: own.length,
    clearedInMonth,
    clearedLate: own.length - open.length - clearedInMonth,
    open,
    clearedShare: own.length === 0 ? null : clearedInMonth / own.length,
    byOutlet: outletIds.map((outletId) => ({
      outletId,
      total: own.filter((t) => t.outletId === outletId).length,
      open: open.filter((t) => t.outletId === outletId).length,
      overdue: open.filter((t) => t.outletId === outletId && t.overdue).length,
    })),
  };
}
