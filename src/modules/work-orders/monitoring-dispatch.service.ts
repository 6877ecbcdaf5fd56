import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { addCalendarDays, businessDate, businessDayStart } from '../../platform/time.ts';
import type { OrderStatus } from './domain/lifecycle.ts';
import type { BoardOrderFacts, LoggedContact, RedispatchFact, SentOrder } from './domain/monitoring.ts';
import {
  dispatcherBoard,
  endOfDayReconciliation,
  partsWarnings,
  startOfDayList,
} from './domain/monitoring.ts';
import type { ContactReason, TripCause } from './domain/repeat-contacts.ts';
import type { ServiceMode } from './domain/order-codes.ts';
import type { WaitingEntry } from './domain/dispatcher-board.ts';
import { fieldDirectory } from './field-directory.ts';
import { REDISPATCH_EVENTS, redispatchReason } from './field-facts.ts';
import { fieldQueries as q } from './field-queries.ts';
import type { OrderCard } from './monitoring-cards.ts';
import { agreedWindows, groupByOrder, monitorScope, orderCards, overdueFirst } from './monitoring-cards.ts';
import { MAX_MONITORED_ORDERS, monitoringQueries as mq } from './monitoring-queries.ts';
import type { OrderStore } from './order-store.ts';

const BUCKET_CARDS = 200;
/** Re-dispatches older than this are either handled or on the backlog report. */
const REDISPATCH_LOOKBACK_DAYS = 30;
const CUTOFF_POLICY = 'wo.parts.request_cutoff';
/** Results after a visit that settle that no part is needed. */
const NO_PART_RESULTS = new Set(['NORMAL_NOT_ACCEPTED', 'OUT_OF_WARRANTY_DECLINED', 'RETURN_EXCHANGE']);

function capped<T>(rows: T[]): { rows: T[]; truncated: boolean } {
  return { rows: rows.slice(0, MAX_MONITORED_ORDERS), truncated: rows.length > MAX_MONITORED_ORDERS };
}

/** WO-9, WO-11, WO-15: what a dispatcher watches during the day. */
export function createDispatchMonitoring(deps: PlatformDeps, store: OrderStore) {
  const tz = deps.businessTimeZone;
  const db = store.db;

  return {
    /**
     * WO-15: carry-in orders, tomorrow's visits, special customers, orders awaiting parts; in front of them
     * the new work (WO-9): orders to accept and orders to assign, longest waiting first.
     */
    async board(ctx: ServiceContext, filter: { outletId?: string | undefined }) {
      const scope = await monitorScope(store, ctx, filter.outletId);
      const { rows: orders, truncated } = capped(await mq.openOrders(db, scope.where));
      const ids = orders.map((o) => o.id);
      const [windows, parts, tagged] = await Promise.all([
        agreedWindows(store, orders, ctx.now),
        q.partsOf(db, ids),
        fieldDirectory.taggedCustomers(db, [...new Set(orders.map((o) => o.customerId))]),
      ]);
      const openWaits = groupByOrder(
        parts.filter((p) => p.cancelledAt === null && p.arrivedAtOutletAt === null),
      );
      const facts: BoardOrderFacts[] = orders.map((o) => ({
        orderId: o.id,
        status: o.status as OrderStatus,
        serviceMode: o.serviceMode as ServiceMode,
        agreedWindow: windows.get(o.id) ?? null,
        specialTracking: tagged.has(o.customerId),
        customerId: o.customerId,
        openPartWaits: openWaits.get(o.id)?.length ?? 0,
        hasEngineer: o.engineerId !== null,
        createdAt: o.createdAt,
        dispatchedAt: o.dispatchedAt,
        acceptedAt: o.acceptedAt,
      }));
      const board = dispatcherBoard(facts, { now: ctx.now, tz });
      const cards = await orderCards(store, orders, windows, ctx.now);
      const bucket = (entries: { orderId: string }[]) => {
        const list = overdueFirst(
          entries.map((e) => cards.get(e.orderId)).filter((c): c is OrderCard => !!c),
        );
        return {
          count: list.length,
          overdue: list.filter((c) => c.overdue).length,
          cards: list.slice(0, BUCKET_CARDS),
        };
      };
      // New work keeps the domain's order (longest waiting first): acknowledging it is the point, not its SLA.
      const waitingBucket = (entries: WaitingEntry[]) => {
        const list = entries.flatMap((e) => {
          const card = cards.get(e.orderId);
          return card ? [{ ...card, waitingSince: e.waitingSince, waitingMinutes: e.waitingMinutes }] : [];
        });
        return {
          count: list.length,
          overdue: list.filter((c) => c.overdue).length,
          cards: list.slice(0, BUCKET_CARDS),
        };
      };
      return {
        today: board.today,
        tomorrow: board.tomorrow,
        outletId: scope.outletId,
        truncated,
        buckets: {
          toAccept: waitingBucket(board.toAccept),
          toAssign: waitingBucket(board.toAssign),
          carryIn: bucket(board.carryIn),
          tomorrowVisits: bucket(board.tomorrowVisits),
          specialCustomers: bucket(board.specialCustomers),
          awaitingParts: bucket(board.awaitingParts),
        },
      };
    },

    /** WO-9 start of day: repeat contacts since the user's last shift, and wrong-address re-dispatches. */
    async startOfDay(ctx: ServiceContext, filter: { outletId?: string | undefined }) {
      const scope = await monitorScope(store, ctx, filter.outletId);
      const lastShiftEndedAt = await fieldDirectory.previousLogin(
        db,
        scope.actor.userId,
        ctx.now,
        scope.actor.via === 'session',
      );
      const yesterday = businessDayStart(addCalendarDays(businessDate(ctx.now, tz), -1), tz);
      const contactRows = capped(await mq.contactsSince(db, scope.where, lastShiftEndedAt ?? yesterday)).rows;
      const contacts: (LoggedContact & { contactId: string })[] = contactRows.map((c) => ({
        contactId: c.id,
        orderId: c.orderId,
        contactAt: c.at,
        reason: c.reason as ContactReason,
        trip: c.trip,
        cause: (c.tripCause as TripCause | null) ?? null,
        orderCreatedAt: c.orderCreatedAt,
      }));
      const lookback = businessDayStart(
        addCalendarDays(businessDate(ctx.now, tz), -REDISPATCH_LOOKBACK_DAYS),
        tz,
      );
      const events = await mq.redispatchesSince(db, scope.where, lookback, [...REDISPATCH_EVENTS]);
      // The latest re-dispatch per order, and only when it sent the order to the outlet that has it now.
      const latest = new Map<string, (typeof events)[number]>();
      for (const e of events) if (!latest.has(e.order.id)) latest.set(e.order.id, e);
      const current = [...latest.values()].filter(
        (e) => (e.event.data as Record<string, unknown>).outletId === e.order.outletId,
      );
      const redispatchedIds = current.map((e) => e.order.id);
      const [results, appointments] = await Promise.all([
        q.resultsOf(db, redispatchedIds),
        q.appointmentsOf(db, redispatchedIds),
      ]);
      const touches = groupByOrder([
        ...results.map((r) => ({ orderId: r.orderId, at: r.recordedAt })),
        ...appointments.map((a) => ({ orderId: a.orderId, at: a.createdAt })),
      ]);
      const redispatches: (RedispatchFact & { number: string })[] = current.flatMap((e) => {
        const reasonCode = redispatchReason(e.event);
        if (!reasonCode) return [];
        const after = (touches.get(e.order.id) ?? [])
          .map((t) => t.at)
          .filter((at) => at.getTime() >= e.event.at.getTime())
          .sort((a, b) => a.getTime() - b.getTime());
        return [
          {
            orderId: e.order.id,
            number: e.order.number,
            status: e.order.status as OrderStatus,
            redispatchedAt: e.event.at,
            reasonCode,
            customerContactedAt: after[0] ?? null,
          },
        ];
      });
      const list = startOfDayList({ lastShiftEndedAt, contacts, redispatches }, { now: ctx.now, tz });
      const numbers = new Map(contactRows.map((c) => [c.id, c.number]));
      return {
        since: list.since,
        sinceSource: list.sinceSource,
        outletId: scope.outletId,
        repeatContacts: list.repeatContacts.map((c) => {
          const id = (c as typeof c & { contactId: string }).contactId;
          return { ...c, contactId: id, number: numbers.get(id) ?? null };
        }),
        contactNow: list.contactNow,
      };
    },

    /** WO-9 end of day: 100% of the orders sent are received; the ones not acknowledged yet. */
    async endOfDay(ctx: ServiceContext, filter: { outletId?: string | undefined }) {
      const scope = await monitorScope(store, ctx, filter.outletId);
      const todayStart = businessDayStart(businessDate(ctx.now, tz), tz);
      const { rows, truncated } = capped(await mq.sentOrders(db, scope.where, todayStart));
      const sent: SentOrder[] = rows.flatMap((o) =>
        o.dispatchedAt && o.outletId
          ? [
              {
                orderId: o.id,
                outletId: o.outletId,
                sentAt: o.dispatchedAt,
                acknowledgedAt: o.status === 'dispatched' ? null : (o.acceptedAt ?? o.dispatchedAt),
              },
            ]
          : [],
      );
      const rec = endOfDayReconciliation(sent, { now: ctx.now, tz });
      const numbers = new Map(rows.map((o) => [o.id, o.number]));
      const sentToday = sent.filter((s) => s.sentAt.getTime() >= todayStart.getTime());
      return {
        date: rec.date,
        outletId: scope.outletId,
        complete: rec.complete,
        truncated,
        sentToday: sentToday.length,
        acknowledgedToday: sentToday.filter((s) => s.acknowledgedAt !== null).length,
        unacknowledged: rec.unacknowledged.map((u) => ({ ...u, number: numbers.get(u.orderId) ?? null })),
      };
    },

    /** WO-11: parts for today's visits before the cut-off; arrived parts fitted the same day. */
    async partsWarnings(ctx: ServiceContext, filter: { outletId?: string | undefined }) {
      const scope = await monitorScope(store, ctx, filter.outletId);
      const cutoff = await deps.policies.at<string>(CUTOFF_POLICY, ctx.now);
      const { rows: orders, truncated } = capped(await mq.openOrders(db, scope.where));
      const inWork = orders.filter((o) => o.status !== 'completed');
      const ids = inWork.map((o) => o.id);
      const [parts, results] = await Promise.all([q.partsOf(db, ids), q.resultsOf(db, ids)]);
      const resultsByOrder = groupByOrder(results);
      const visits = inWork.flatMap((o) => {
        if (!o.firstVisitAt) return [];
        const visitedAt = o.firstVisitAt;
        const after = (resultsByOrder.get(o.id) ?? []).filter((r) => r.recordedAt >= visitedAt).at(-1);
        const partsNeeded =
          o.status === 'awaiting_parts' || after?.code === 'AWAITING_PARTS'
            ? true
            : after && NO_PART_RESULTS.has(after.code)
              ? false
              : null;
        return [
          {
            orderId: o.id,
            engineerId: o.engineerId,
            visitedAt,
            partsNeeded,
            partRequestedAt: o.firstPartRequestAt,
          },
        ];
      });
      const arrived = parts.flatMap((p) =>
        p.cancelledAt === null && p.arrivedAtOutletAt
          ? [
              {
                orderId: p.orderId,
                partName: p.partName,
                arrivedAtOutletAt: p.arrivedAtOutletAt,
                fittedAt: p.fittedAt,
              },
            ]
          : [],
      );
      const warnings = partsWarnings(visits, arrived, { now: ctx.now, tz, requestCutoff: cutoff.value });
      const numbers = new Map(orders.map((o) => [o.id, o.number]));
      return {
        outletId: scope.outletId,
        requestCutoff: cutoff.value,
        policyVersion: cutoff.version,
        truncated,
        warnings: warnings.map((w) => ({ ...w, number: numbers.get(w.orderId) ?? null })),
      };
    },
  };
}
