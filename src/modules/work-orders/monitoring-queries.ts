import { and, asc, desc, eq, gte, inArray, isNotNull, lt, notInArray, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import type { OrderEventRow, WorkOrderRow } from './work-orders.repository.ts';
import { orderContacts, orderEvents, workOrders } from './work-orders.tables.ts';

/** More open orders than this in one view is a query for analytics, not a dispatcher's screen. */
export const MAX_MONITORED_ORDERS = 5_000;

const TERMINAL = ['closed', 'cancelled'];

/** SQL of the dispatcher's monitoring views; `scope` is the caller's order scope and outlet filter. */
export const monitoringQueries = {
  /** Open orders sent to an outlet, oldest first, one more than the limit so callers can tell it was cut. */
  async openOrders(db: Executor, scope: SQL | undefined, extra?: SQL): Promise<WorkOrderRow[]> {
    return db
      .select()
      .from(workOrders)
      .where(and(scope, extra, isNotNull(workOrders.outletId), notInArray(workOrders.status, TERMINAL)))
      .orderBy(asc(workOrders.createdAt), asc(workOrders.id))
      .limit(MAX_MONITORED_ORDERS + 1);
  },

  /** WO-9 end of day: orders waiting for acknowledgement, and those sent since `since` (for the ratio). */
  async sentOrders(db: Executor, scope: SQL | undefined, since: Date): Promise<WorkOrderRow[]> {
    return db
      .select()
      .from(workOrders)
      .where(
        and(
          scope,
          isNotNull(workOrders.dispatchedAt),
          or(eq(workOrders.status, 'dispatched'), gte(workOrders.dispatchedAt, since)),
        ),
      )
      .orderBy(asc(workOrders.dispatchedAt), asc(workOrders.id))
      .limit(MAX_MONITORED_ORDERS + 1);
  },

  /** WO-14: orders registered in [from, to) that reached an outlet. */
  async ordersCreatedBetween(db: Executor, scope: SQL | undefined, from: Date, to: Date) {
    return db
      .select()
      .from(workOrders)
      .where(
        and(
          scope,
          isNotNull(workOrders.outletId),
          gte(workOrders.createdAt, from),
          lt(workOrders.createdAt, to),
        ),
      )
      .orderBy(asc(workOrders.createdAt), asc(workOrders.id))
      .limit(MAX_MONITORED_ORDERS + 1);
  },

  /** WO-9: contacts since `from` on orders in scope, with the order's number and registration. */
  async contactsSince(db: Executor, scope: SQL | undefined, from: Date) {
    return db
      .select({
        id: orderContacts.id,
        orderId: orderContacts.orderId,
        at: orderContacts.at,
        channel: orderContacts.channel,
        reason: orderContacts.reason,
        customerUnhappy: orderContacts.customerUnhappy,
        trip: orderContacts.trip,
        tripCause: orderContacts.tripCause,
        number: workOrders.number,
        orderCreatedAt: workOrders.createdAt,
        outletId: workOrders.outletId,
      })
      .from(orderContacts)
      .innerJoin(workOrders, eq(workOrders.id, orderContacts.orderId))
      .where(and(scope, gte(orderContacts.at, from)))
      .orderBy(asc(orderContacts.at), asc(orderContacts.id))
      .limit(MAX_MONITORED_ORDERS + 1);
  },

  /** WO-9: re-dispatch events since `from` on open orders in scope, newest first. */
  async redispatchesSince(db: Executor, scope: SQL | undefined, from: Date, types: readonly string[]) {
    return db
      .select({ event: orderEvents, order: workOrders })
      .from(orderEvents)
      .innerJoin(workOrders, eq(workOrders.id, orderEvents.orderId))
      .where(
        and(
          scope,
          inArray(orderEvents.type, [...types]),
          gte(orderEvents.at, from),
          notInArray(workOrders.status, TERMINAL),
        ),
      )
      .orderBy(desc(orderEvents.at), desc(orderEvents.id))
      .limit(MAX_MONITORED_ORDERS + 1) as Promise<{ event: OrderEventRow; order: WorkOrderRow }[]>;
  },
};
