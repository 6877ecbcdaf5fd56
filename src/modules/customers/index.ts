export { createCustomersService } from './customers.service.ts';
export type { CustomersService, CustomersServiceOptions } from './customers.service.ts';
export type { CustomerOrderHistory, CustomerOrderPage, CustomerOrderSummary } from './order-history.ts';
export type { CustomerDetail, CustomerListItem } from './customer-view.ts';
export type { UnitView } from './unit-view.ts';
export { customersRoutes } from './customers.routes.ts';
export { warrantyStatus } from './domain/warranty.ts';
export type { WarrantyResult, WarrantyStatus } from './domain/warranty.ts';
export { normaliseSerial } from './domain/serial-number.ts';
