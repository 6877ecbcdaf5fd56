import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';

/** MD-4: one line of a customer's order history, as the customer screens show it. */
export interface CustomerOrderSummary {
  id: string;
  number: string;
  status: string;
  orderType: string;
  serviceMode: string;
  unitId: string | null;
  createdAt: string;
  closedAt: string | null;
  outletName: string | null;
}

/** A customer's newest orders and how many there are in all (more than `orders` when cut at the limit). */
export interface CustomerOrderPage {
  orders: CustomerOrderSummary[];
  total: number;
}

/**
 * Port through which the customer screens read order history (MD-4). Orders belong to the work-orders
 * module, which depends on this one, so the customers module declares what it needs and app.ts supplies
 * the work-orders implementation. The implementation applies the order module's own SEC-1 scope for
 * `actor`: the customers module does not know which orders an outlet or a region may see.
 */
export interface CustomerOrderHistory {
  /** Each customer's orders visible to `actor`, newest first, at most `limit` each; absent ids have none. */
  forCustomers(
    db: Executor,
    actor: Actor,
    customerIds: readonly string[],
    limit: number,
  ): Promise<Map<string, CustomerOrderPage>>;
}
