// Every table of every module, for Drizzle's relational typing and for drizzle-kit. Modules import their
// own tables directly; only the platform needs the whole set.
export * from '../audit/audit.tables.ts';
export * from '../outbox/outbox.tables.ts';
export * from '../../modules/identity/identity.tables.ts';
export * from '../../modules/notifications/notifications.tables.ts';
export * from '../../modules/policy/policy.tables.ts';
export * from '../../modules/outlets/outlets.tables.ts';
export * from '../../modules/catalog/catalog.tables.ts';
export * from '../../modules/customers/customers.tables.ts';
export * from '../http/idempotency.tables.ts';
export * from '../../modules/work-orders/work-orders.tables.ts';
