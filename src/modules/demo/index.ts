export { seedDemo, demoUsers, demoOutlets, DEMO_PASSWORD } from './demo-seed.ts';
export {
  seedDemoMasterData,
  seedAtScale,
  demoMasterData,
  scaleOutlets,
} from './generator/seed-master-data.ts';
export type { MasterDataOptions, ScaleOptions, SeedResult } from './generator/seed-master-data.ts';
export type { SeedProgress, TableReport } from './generator/progress.ts';
export { progressBars, formatSeedReport } from './generator/progress-bars.ts';
export { workerLoadFor } from './generator/worker-pool.ts';
export { seedDemoOrders, demoOrders } from './demo-orders.ts';
export type { DemoOrdersOptions, DemoOrdersResult } from './demo-orders.ts';
export { seedOrdersAtScale } from './scale-orders.ts';
export type { ScaleOrdersOptions, ScaleOrdersResult } from './scale-orders.ts';
