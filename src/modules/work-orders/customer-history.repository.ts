import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { outlets } from '../outlets/outlets.tables.ts';
import { workOrders } from './work-orders.tables.ts';

export interface CustomerHistoryRow {
  id: string;
  number: string;
  status: string;
  orderType: string;
  serviceMode: string;
  unitId: string | null;
  customerId: string;
  createdAt: Date;
  closedAt: Date | null;
  outletName: string | null;
  /** The customer's orders in scope, counted before the limit. */
  total: number;
}

/** SQL of the MD-4 order history that the customer screens read through their port. */
export const customerHistoryRepository = {
  /** Per customer, the newest `limit` orders matching `scope`, each row carrying the customer's total. */
  async newestPerCustomer(
    db: Executor,
    customerIds: readonly string[],
    scope: SQL | undefined,
    limit: number,
  ): Promise<CustomerHistoryRow[]> {
    if (customerIds.length === 0) return [];
    const ranked = db
      .select({
        id: workOrders.id,
        number: workOrders.number,
        status: workOrders.status,
        orderType: workOrders.orderType,
        serviceMode: workOrders.serviceMode,
        unitId: workOrders.unitId,
        customerId: workOrders.customerId,
        createdAt: workOrders.createdAt,
        closedAt: workOrders.closedAt,
        outletName: outlets.name,
        rn: sql<number>`row_number() over (partition by ${workOrders.customerId} order by ${workOrders.createdAt} desc, ${workOrders.id} desc)`
          .mapWith(Number)
          .as('rn'),
        total: sql<number>`count(*) over (partition by ${workOrders.customerId})`.mapWith(Number).as('total'),
      })
      .from(workOrders)
      .leftJoin(outlets, eq(outlets.id, workOrders.outletId))
      .where(and(inArray(workOrders.customerId, [...new Set(customerIds)]), scope))
      .as('ranked');
    const rows = await db
      .select()
      .from(ranked)
      .where(lte(ranked.rn, limit))
      .orderBy(asc(ranked.customerId), desc(ranked.createdAt), desc(ranked.id));
    return rows.map(({ rn: _rn, ...row }) => row);
  },
};
