import { and, eq } from 'drizzle-orm';
import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { addCalendarDays, businessDate } from '../../platform/time.ts';
import { requirePermission } from '../identity/index.ts';
import { fieldDirectory } from './field-directory.ts';
import { agreedWindows, orderCards, overdueFirst } from './monitoring-cards.ts';
import type { OrderCard } from './monitoring-cards.ts';
import { monitoringQueries as mq } from './monitoring-queries.ts';
import type { OrderStore } from './order-store.ts';
import { orderScopeWhere } from './order-scope.ts';
import { workOrders } from './work-orders.tables.ts';

/** Statuses in which an engineer still has something to do on the order. */
const ACTIVE = new Set(['assigned', 'appointed', 'in_progress', 'awaiting_parts', 'follow_up']);

/** The logged-in engineer's day: visits in window order, open orders still without a window, then the rest. */
export function createEngineerJobs(deps: PlatformDeps, store: OrderStore) {
  const tz = deps.businessTimeZone;

  return {
    async jobs(ctx: ServiceContext, day: 'today' | 'tomorrow') {
      const actor = requirePermission(ctx, 'order.field');
      const engineer = await fieldDirectory.engineerOfUser(store.db, actor.userId);
      if (!engineer) {
        throw new AppError(
          'NOT_FOUND',
          'Your login is not linked to an engineer record. Ask your outlet manager to link it to your engineer file.',
          { details: { entity: 'Engineer', userId: actor.userId } },
        );
      }
      const today = businessDate(ctx.now, tz);
      const date = day === 'today' ? today : addCalendarDays(today, 1);
      const mine = and(orderScopeWhere(actor), eq(workOrders.engineerId, engineer.id));
      const orders = (await mq.openOrders(store.db, mine)).filter((o) => ACTIVE.has(o.status));
      const windows = await agreedWindows(store, orders, ctx.now);
      const cards = await orderCards(store, orders, windows, ctx.now);
      const all = orders.map((o) => cards.get(o.id)).filter((c): c is OrderCard => !!c);
      const visits = all
        .filter((c) => c.appointment?.date === date)
        .sort((a, b) => (a.appointment?.start ?? '').localeCompare(b.appointment?.start ?? ''));
      const faults = new Map(orders.map((o) => [o.id, o.faultDescription]));
      const withFault = (c: OrderCard) => ({ ...c, faultDescription: faults.get(c.orderId) ?? '' });
      return {
        day,
        date,
        engineer: {
          id: engineer.id,
          code: engineer.code,
          outletId: engineer.outletId,
          active: engineer.active,
        },
        visits: visits.map(withFault),
        withoutWindow: overdueFirst(all.filter((c) => c.appointment === null)).map(withFault),
        // Jobs booked on another day (a missed visit, or the visit after a part arrives) stay in reach.
        otherDays: all
          .filter((c) => c.appointment !== null && c.appointment.date !== date)
          .sort(
            (a, b) =>
              (a.appointment?.date ?? '').localeCompare(b.appointment?.date ?? '') ||
              (a.appointment?.start ?? '').localeCompare(b.appointment?.start ?? ''),
          )
          .map(withFault),
      };
    },
  };
}
