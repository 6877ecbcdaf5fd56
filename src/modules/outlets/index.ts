export { createOutletsService, createOutletDirectory } from './outlets.service.ts';
export type { OutletsService, OutletView } from './outlets.service.ts';
export { outletsRoutes } from './outlets.routes.ts';
export { outletsRepository } from './outlets.repository.ts';
