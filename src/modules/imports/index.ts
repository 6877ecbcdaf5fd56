export { createImportsService } from './imports.service.ts';
export type { ImportsService } from './imports.service.ts';
export { importsRoutes } from './imports.routes.ts';
