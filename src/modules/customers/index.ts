export { createCustomersService } from './customers.service.ts';
export type { CustomersService } from './customers.service.ts';
export { customersRoutes } from './customers.routes.ts';
