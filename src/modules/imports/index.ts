export { createImportsService } from './imports.service.ts';
export type { ImportsService } from './imports.service.ts';
export { importsRoutes } from './imports.routes.ts';
export { modelsImporter } from './importers/models.importer.ts';
