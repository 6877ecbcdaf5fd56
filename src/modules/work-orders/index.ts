export { createWorkOrdersService, workOrdersRoutes } from './work-orders.module.ts';
export type { WorkOrdersService } from './work-orders.module.ts';
export { workOrders as workOrdersTable } from './work-orders.tables.ts';
