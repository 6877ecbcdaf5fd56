export { createOutletsService, createOutletDirectory } from './outlets.service.ts';
export type { OutletsService, OutletView, OutletDetail } from './outlets.service.ts';
export type { EngineersService, EngineerListQuery } from './engineers.service.ts';
export type { EngineerView } from './engineer-view.ts';
export { outletsRoutes } from './outlets.routes.ts';
export { outletsRepository } from './outlets.repository.ts';
export { districtProblem } from './region-paths.ts';
export { createEngineerDirectory } from './engineer-directory.ts';
export type { EngineerDirectory, EngineerRef } from './engineer-directory.ts';
