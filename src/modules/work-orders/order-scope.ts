import { eq, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import { inScope, regionPrefixes } from '../identity/index.ts';
import type { WorkOrderRow } from './work-orders.repository.ts';
import { workOrders } from './work-orders.tables.ts';

/**
 * SEC-1 for orders: HQ sees all; outlet staff the orders sent to their outlet; regional managers the orders
 * of customers in their regions. As a SQL condition for lists, and as a check for single records.
 */
export function orderScopeWhere(actor: Actor): SQL | undefined {
  const scope = actor.scope;
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'outlet') return eq(workOrders.outletId, scope.outletId);
  const prefixes = regionPrefixes(scope.regionCodes);
  if (prefixes.length === 0) return sql`false`;
  return or(...prefixes.map((p) => sql`${workOrders.regionCode} like ${`${p}%`}`));
}

export function orderInScope(actor: Actor, order: Pick<WorkOrderRow, 'outletId' | 'regionCode'>): boolean {
  const scope = actor.scope;
  if (scope.kind === 'outlet') return order.outletId !== null && order.outletId === scope.outletId;
  return inScope(scope, { regionCode: order.regionCode });
}
