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
}

export interface BoardEntry {
  orderId: string;
  status: OrderStatus;
  customerId: string;
  agreedWindow: AppointmentWindow | null;
}

export interface DispatcherBoard {
  today: string;
  tomorrow: string;
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

/** WO-15: the four board buckets at `now`. */
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
