import { addCalendarDays, businessDate, businessDayStart } from '../../../platform/time.ts';
import { assertValidDate } from './field-checks.ts';
import type { OrderStatus, RedispatchReasonCode } from './lifecycle.ts';
import { isOpenStatus } from './lifecycle.ts';
import type { ContactReason, TripCause } from './repeat-contacts.ts';

/** WO-9 dispatcher monitoring: the start-of-day list and the end-of-day reconciliation. */

export interface LoggedContact {
  orderId: string;
  contactAt: Date;
  reason: ContactReason;
  trip: boolean;
  cause: TripCause | null;
  /** When the order was registered: a customer with many units may call about an old one (MD-4). */
  orderCreatedAt: Date;
}

export interface RedispatchFact {
  orderId: string;
  status: OrderStatus;
  redispatchedAt: Date;
  reasonCode: RedispatchReasonCode;
  /** The first contact with the customer by the new outlet; null when none yet. */
  customerContactedAt: Date | null;
}

export interface StartOfDayInput {
  /** End of this dispatcher's previous shift; null when unknown (first shift, no record). */
  lastShiftEndedAt: Date | null;
  /** Repeat contacts on the orders the dispatcher watches. */
  contacts: readonly LoggedContact[];
  /** Orders re-dispatched (改派) to the dispatcher's outlet. */
  redispatches: readonly RedispatchFact[];
}

export interface StartOfDayList {
  since: Date;
  sinceSource: 'last_shift' | 'previous_business_day';
  repeatContacts: (LoggedContact & { orderRegisteredOn: string })[];
  contactNow: (RedispatchFact & { waitingMinutes: number })[];
}

const minutesBetween = (from: Date, to: Date): number =>
  Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));

/**
 * WO-9 start of day: every repeat contact since the dispatcher's last shift ended — without a record, since
 * the start of the previous business day (seed 001: "set the time to yesterday") — oldest first, with the
 * order's registration date; and every order re-dispatched for a wrong address that nobody has contacted
 * since, to be called at once (seed 001 注意事项 3).
 */
export function startOfDayList(input: StartOfDayInput, ctx: { now: Date; tz: string }): StartOfDayList {
  assertValidDate(ctx.now, 'now');
  const today = businessDate(ctx.now, ctx.tz);
  const since = input.lastShiftEndedAt ?? businessDayStart(addCalendarDays(today, -1), ctx.tz);
  const sinceSource = input.lastShiftEndedAt ? 'last_shift' : 'previous_business_day';
  const repeatContacts = input.contacts
    .filter((c) => c.contactAt >= since && c.contactAt <= ctx.now)
    .sort((a, b) => a.contactAt.getTime() - b.contactAt.getTime())
    .map((c) => ({ ...c, orderRegisteredOn: businessDate(c.orderCreatedAt, ctx.tz) }));
  const contactNow = input.redispatches
    .filter(
      (r) =>
        r.reasonCode === 'wrong_address' &&
        isOpenStatus(r.status) &&
        r.redispatchedAt <= ctx.now &&
        (r.customerContactedAt === null || r.customerContactedAt < r.redispatchedAt),
    )
    .sort((a, b) => a.redispatchedAt.getTime() - b.redispatchedAt.getTime())
    .map((r) => ({ ...r, waitingMinutes: minutesBetween(r.redispatchedAt, ctx.now) }));
  return { since, sinceSource, repeatContacts, contactNow };
}

export interface SentOrder {
  orderId: string;
  outletId: string;
  sentAt: Date;
  acknowledgedAt: Date | null;
}

export interface Reconciliation {
  /** Business date of the reconciliation. */
  date: string;
  /** True when every order sent so far was received (100% 接收). */
  complete: boolean;
  unacknowledged: (SentOrder & { sentOn: string; waitingMinutes: number })[];
}

/**
 * WO-9 end of day: orders sent to the outlet and not acknowledged by `now`, whatever day they were sent,
 * oldest first. An acknowledgement stamped after `now` does not count yet.
 */
export function endOfDayReconciliation(
  sent: readonly SentOrder[],
  ctx: { now: Date; tz: string },
): Reconciliation {
  assertValidDate(ctx.now, 'now');
  const unacknowledged = sent
    .filter((s) => s.sentAt <= ctx.now && (s.acknowledgedAt === null || s.acknowledgedAt > ctx.now))
    .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime())
    .map((s) => ({
      ...s,
      sentOn: businessDate(s.sentAt, ctx.tz),
      waitingMinutes: minutesBetween(s.sentAt, ctx.now),
    }));
  return { date: businessDate(ctx.now, ctx.tz), complete: unacknowledged.length === 0, unacknowledged };
}
