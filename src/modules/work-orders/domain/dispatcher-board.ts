import { addCalendarDays, businessDate } from '../../../platform/time.ts';
import type { AppointmentWindow } from './appointments.ts';
import { assertValidDate } from './field-checks.ts';
import type { OrderStatus } from './lifecycle.ts';
import { isOpenStatus } from './lifecycle.ts';
import type { ServiceMode } from './order-codes.ts';

/**
 * WO-15 dispatcher board (信息员看板, seed 001): carry-in orders (送修信息), tomorrow's visits (明天上门),
 * special customers being tracked (特殊用户跟踪), orders awaiting parts (待件信息). Open orders only; an order
 * may sit in several buckets. "Tomorrow" is the next business date in the business time zone.
 *
 * In front of them, the two buckets of new work (WO-9: every order sent to the outlet is received): orders
 * sent and not yet acknowledged (待接单) and orders acknowledged with nobody to do them (待派工), oldest first,
 * each with how long it has waited.
 */

export interface BoardOrderFacts {
  orderId: string;
  status: OrderStatus;
  serviceMode: ServiceMode;
  /** The window the customer currently holds, if any. */
  agreedWindow: AppointmentWindow | null;
  /** The customer is on the outlet's special-tracking list. */
  specialTracking: boolean;
  customerId: string;
  /** Parts requested and not yet arrived. */
  openPartWaits: number;
  /** An engineer is named on the order. */
  hasEngineer: boolean;
  createdAt: Date;
  /** When the order reached its current outlet (the latest dispatch or re-dispatch). */
  dispatchedAt: Date | null;
  /** When that outlet acknowledged it. */
  acceptedAt: Date | null;
}

export interface BoardEntry {
  orderId: string;
  status: OrderStatus;
  customerId: string;
  agreedWindow: AppointmentWindow | null;
}

/** An order waiting for the outlet's next step, and since when. */
export interface WaitingEntry extends BoardEntry {
  waitingSince: Date;
  waitingMinutes: number;
}

export interface DispatcherBoard {
  today: string;
  tomorrow: string;
  /** 待接单: sent to the outlet, not acknowledged. */
  toAccept: WaitingEntry[];
  /** 待派工: acknowledged, no engineer named yet. */
  toAssign: WaitingEntry[];
  carryIn: BoardEntry[];
  tomorrowVisits: BoardEntry[];
  specialCustomers: BoardEntry[];
  awaitingParts: BoardEntry[];
}

const entry = (o: BoardOrderFacts): BoardEntry => ({
  orderId: o.orderId,
  status: o.status,
  customerId: o.customerId,
  agreedWindow: o.agreedWindow,
});

const byOrderId = (a: BoardEntry, b: BoardEntry): number =>
  a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0;

/**
 * The state machine lets an accepted order be appointed before anyone is named (a re-dispatched order is
 * called at once to agree a time), so an appointed order without an engineer still waits to be assigned.
 */
const waitsForEngineer = (o: BoardOrderFacts): boolean =>
  o.status === 'accepted' || (o.status === 'appointed' && !o.hasEngineer);

function waiting(orders: readonly BoardOrderFacts[], since: (o: BoardOrderFacts) => Date, now: Date) {
  return orders
    .map((o): WaitingEntry => ({
      ...entry(o),
      waitingSince: since(o),
      waitingMinutes: Math.max(0, Math.floor((now.getTime() - since(o).getTime()) / 60_000)),
    }))
    .sort((a, b) => a.waitingSince.getTime() - b.waitingSince.getTime() || byOrderId(a, b));
}

/** The two new-work buckets and WO-15's four at `now`. */
export function dispatcherBoard(
  orders: readonly BoardOrderFacts[],
  ctx: { now: Date; tz: string },
): DispatcherBoard {
  assertValidDate(ctx.now, 'now');
  const today = businessDate(ctx.now, ctx.tz);
  const tomorrow = addCalendarDays(today, 1);
  const open = orders.filter((o) => isOpenStatus(o.status));
  return {
    today,
    tomorrow,
    toAccept: waiting(
      open.filter((o) => o.status === 'dispatched'),
      (o) => o.dispatchedAt ?? o.createdAt,
      ctx.now,
    ),
    toAssign: waiting(
      open.filter(waitsForEngineer),
      (o) => o.acceptedAt ?? o.dispatchedAt ?? o.createdAt,
      ctx.now,
    ),
    carryIn: open
      .filter((o) => o.serviceMode === 'carry_in')
      .map(entry)
      .sort(byOrderId),
    tomorrowVisits: open
      .filter((o) => o.agreedWindow?.date === tomorrow)
      .map(entry)
      .sort(
        (a, b) => (a.agreedWindow?.start ?? '').localeCompare(b.agreedWindow?.start ?? '') || byOrderId(a, b),
      ),
    specialCustomers: open
      .filter((o) => o.specialTracking)
      .map(entry)
      .sort(byOrderId),
    awaitingParts: open
      .filter((o) => o.status === 'awaiting_parts' || o.openPartWaits > 0)
      .map(entry)
      .sort(byOrderId),
  };
}
