import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PlatformDeps } from '../../platform/deps.ts';
import { dispatchBulkRoutes } from './dispatch-bulk.routes.ts';
import { createDispatchBulk } from './dispatch-bulk.service.ts';
import { createFieldService } from './field.service.ts';
import { fieldRoutes } from './field.routes.ts';
import { createOrderStore } from './order-store.ts';
import { createOrdersService } from './orders.service.ts';
import { ordersRoutes } from './orders.routes.ts';

/** Order intake and lifecycle (orders.*) and field work and monitoring (field.*) over one order store. */
export function createWorkOrdersService(deps: PlatformDeps, options: { filesDir?: string | undefined } = {}) {
  const store = createOrderStore(deps);
  const orders = createOrdersService(deps, store);
  return {
    store,
    orders,
    field: createFieldService(deps, store, options.filesDir ? { filesDir: options.filesDir } : {}),
    /** The board's bulk accept and assign, through the single-order lifecycle use cases. */
    bulk: createDispatchBulk(deps, store, orders),
  };
}

export type WorkOrdersService = ReturnType<typeof createWorkOrdersService>;

export const workOrdersRoutes: FastifyPluginAsyncTypebox<{ workOrders: WorkOrdersService }> = async (
  app,
  opts,
) => {
  await app.register(ordersRoutes, { orders: opts.workOrders.orders });
  await app.register(fieldRoutes, { field: opts.workOrders.field });
  await app.register(dispatchBulkRoutes, { bulk: opts.workOrders.bulk });
};
