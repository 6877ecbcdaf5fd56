export { createImportsService } from './imports.service.ts';
export type { ImportsService } from './imports.service.ts';
export { importsRoutes } from './imports.routes.ts';
export { modelsImporter } from './importers/models.importer.ts';
export { outletsImporter } from './importers/outlets.importer.ts';
export { engineersImporter } from './importers/engineers.importer.ts';
export { customersImporter } from './importers/customers.importer.ts';
