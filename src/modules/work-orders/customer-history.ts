import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { CustomerOrderHistory, CustomerOrderPage } from '../customers/index.ts';
import { customerHistoryRepository as repo } from './customer-history.repository.ts';
import { orderScopeWhere } from './order-scope.ts';

/**
 * MD-4: the order history behind the customer screens (the customers module's port, wired in app.ts), in
 * the orders' own SEC-1 scope: what the caller could open from the order list, and nothing more.
 */
export const customerOrderHistory: CustomerOrderHistory = {
  async forCustomers(
    db: Executor,
    actor: Actor,
    customerIds: readonly string[],
    limit: number,
  ): Promise<Map<string, CustomerOrderPage>> {
    const rows = await repo.newestPerCustomer(db, customerIds, orderScopeWhere(actor), limit);
    const out = new Map<string, CustomerOrderPage>();
    for (const r of rows) {
      let page = out.get(r.customerId);
      if (!page) {
        page = { orders: [], total: r.total };
        out.set(r.customerId, page);
      }
      page.orders.push({
        id: r.id,
        number: r.number,
        status: r.status,
        orderType: r.orderType,
        serviceMode: r.serviceMode,
        unitId: r.unitId,
        createdAt: r.createdAt.toISOString(),
        closedAt: r.closedAt?.toISOString() ?? null,
        outletName: r.outletName,
      });
    }
    return out;
  },
};
