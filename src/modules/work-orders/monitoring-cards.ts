import { and, eq } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { requirePermission } from '../identity/index.ts';
import type { Permission } from '../identity/index.ts';
import { outletsRepository } from '../outlets/index.ts';
import type { AppointmentWindow } from './domain/appointments.ts';
import { agreedWindow } from './field-facts.ts';
import { fieldQueries as q } from './field-queries.ts';
import type { OrderStore } from './order-store.ts';
import { orderScopeWhere } from './order-scope.ts';
import type { AppointmentRow, WorkOrderRow } from './work-orders.repository.ts';
import { workOrders } from './work-orders.tables.ts';

export interface MonitorScope {
  actor: Actor;
  where: SQL | undefined;
  outletId: string | null;
}

/**
 * Who sees what in monitoring (SEC-1): outlet staff their outlet (another outlet's id answers 404), regional
 * managers and HQ every order in their scope, narrowed to one outlet with `outletId`.
 */
export async function monitorScope(
  store: OrderStore,
  ctx: ServiceContext,
  outletId: string | undefined,
  permission: Permission = 'order.monitor',
): Promise<MonitorScope> {
  const actor = requirePermission(ctx, permission);
  const base = orderScopeWhere(actor);
  if (outletId === undefined) {
    return {
      actor,
      where: base,
      outletId: actor.scope.kind === 'outlet' ? actor.scope.outletId : null,
    };
  }
  const outlet = await outletsRepository.findById(store.db, outletId);
  if (!outlet || (actor.scope.kind === 'outlet' && actor.scope.outletId !== outlet.id)) {
    throw notFound('Outlet', outletId);
  }
  return { actor, where: and(base, eq(workOrders.outletId, outlet.id)), outletId: outlet.id };
}

/** WO-15 card: what a dispatcher needs to act on an order without opening it. */
export interface OrderCard {
  orderId: string;
  number: string;
  status: string;
  outletId: string | null;
  engineerId: string | null;
  regionCode: string;
  districtPath: string;
  categoryCode: string;
  categoryName: { 'zh-CN': string; 'en-US': string };
  orderType: string;
  serviceMode: string;
  appointment: AppointmentWindow | null;
  slaState: string;
  slaDeadline: Date | null;
  overdue: boolean;
  /** The version to send with an action taken from the card (bulk accept and assign). */
  version: number;
}

export const isOverdue = (o: WorkOrderRow, now: Date): boolean =>
  o.slaState === 'breached' ||
  (o.slaDeadline !== null && o.slaDeadline.getTime() < now.getTime() && o.slaState !== 'met');

/** Overdue first (earliest deadline first among them); the rest keep the order they came in. */
export function overdueFirst<T extends { overdue: boolean; slaDeadline: Date | null }>(
  cards: readonly T[],
): T[] {
  const late = cards
    .filter((c) => c.overdue)
    .sort((a, b) => (a.slaDeadline?.getTime() ?? 0) - (b.slaDeadline?.getTime() ?? 0));
  return [...late, ...cards.filter((c) => !c.overdue)];
}

export function groupByOrder<T extends { orderId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.orderId);
    if (list) list.push(r);
    else out.set(r.orderId, [r]);
  }
  return out;
}

/** The window each order's customer holds at `now`. */
export async function agreedWindows(
  store: OrderStore,
  orders: readonly WorkOrderRow[],
  now: Date,
): Promise<Map<string, AppointmentWindow | null>> {
  const byOrder = groupByOrder<AppointmentRow>(
    await q.appointmentsOf(
      store.db,
      orders.map((o) => o.id),
    ),
  );
  return new Map(orders.map((o) => [o.id, agreedWindow(byOrder.get(o.id) ?? [], now)]));
}

export async function orderCards(
  store: OrderStore,
  orders: readonly WorkOrderRow[],
  windows: Map<string, AppointmentWindow | null>,
  now: Date,
): Promise<Map<string, OrderCard>> {
  const paths = await store.lookup.regionPaths(orders.map((o) => o.regionCode));
  const codes = [...new Set(orders.map((o) => o.categoryCode))];
  const categories = new Map(
    await Promise.all(codes.map(async (c) => [c, await store.lookup.category(c)] as const)),
  );
  return new Map(
    orders.map((o) => {
      const category = categories.get(o.categoryCode);
      const card: OrderCard = {
        orderId: o.id,
        number: o.number,
        status: o.status,
        outletId: o.outletId,
        engineerId: o.engineerId,
        regionCode: o.regionCode,
        districtPath: paths.get(o.regionCode) ?? o.regionCode,
        categoryCode: o.categoryCode,
        categoryName: {
          'zh-CN': category?.nameZh ?? o.categoryCode,
          'en-US': category?.nameEn ?? o.categoryCode,
        },
        orderType: o.orderType,
        serviceMode: o.serviceMode,
        appointment: windows.get(o.id) ?? null,
        slaState: o.slaState,
        slaDeadline: o.slaDeadline,
        overdue: isOverdue(o, now),
        version: o.version,
      };
      return [o.id, card];
    }),
  );
}
