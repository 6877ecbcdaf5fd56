export { createAuditService } from './audit.service.ts';
export type { AuditService } from './audit.service.ts';
export { auditRoutes } from './audit.routes.ts';
