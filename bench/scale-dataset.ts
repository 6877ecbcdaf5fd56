import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/platform/db/database.ts';
import type { FieldCrypto } from '../src/platform/crypto.ts';
import type { Services } from '../src/app.ts';
import type { PlatformDeps } from '../src/platform/deps.ts';
import {
  formatSeedReport,
  progressBars,
  seedAtScale,
  seedDemo,
  seedOrdersAtScale,
  workerLoadFor,
} from '../src/modules/demo/index.ts';
import type { TableReport } from '../src/modules/demo/index.ts';
import type { BenchOptions } from './bench-options.ts';

export interface DatasetReport {
  orders: number;
  customers: number;
  outlets: number;
  months: number;
  tables: TableReport[];
  totalRows: number;
  /** Wall time of each phase and the rates the progress bars showed. */
  masterSeconds: number;
  customersPerSecond: number;
  ordersSeconds: number;
  ordersPerSecond: number;
  orderRowsPerSecond: number;
  analyzeSeconds: number;
}

const DAYS_PER_MONTH = 365 / 12;

/**
 * The scale dataset through the demo generator: accounts and the fixed demo outlets, master data with
 * `customers` customers over `outlets` outlets (COPY; worker processes on PostgreSQL), then `orders` work orders
 * over `months` months played through the real rules, then VACUUM ANALYZE as autovacuum would leave it.
 */
export async function generateScaleDataset(
  database: Database,
  crypto: FieldCrypto,
  built: { deps: PlatformDeps; services: Services },
  options: BenchOptions,
): Promise<DatasetReport> {
  const now = built.deps.clock.now();
  const timeZone = built.deps.businessTimeZone;
  await seedDemo(built.deps, built.services);
  const workers = database.kind === 'postgres' ? workerLoadFor(loadConfig(), undefined) : undefined;
  const bars = progressBars();
  let master;
  let orders;
  try {
    master = await seedAtScale(database, crypto, {
      seed: options.seed,
      customers: options.customers,
      outlets: options.outlets,
      now,
      timeZone,
      batch: 5000,
      deferForeignKeyChecks: true,
      progress: bars,
      ...(workers ? { workers } : {}),
    });
    orders = await seedOrdersAtScale(database, {
      seed: options.seed,
      orders: options.orders,
      days: Math.round(options.months * DAYS_PER_MONTH),
      now,
      timeZone,
      progress: bars,
    });
  } finally {
    bars.stop();
    await workers?.close();
  }
  if (!master.seeded || !orders.seeded) throw new Error('The bench database was not empty.');
  process.stdout.write(formatSeedReport(master));
  process.stdout.write(
    formatSeedReport({ ...orders, customersPerSecond: 0 })
      .split('\n')
      .slice(0, -2)
      .join('\n'),
  );
  process.stdout.write(
    `\nwork orders with their timelines: ${Math.round(orders.ordersPerSecond)} orders/s\n`,
  );
  const t0 = performance.now();
  await database.executeSql('vacuum analyze');
  const analyzeSeconds = (performance.now() - t0) / 1000;
  const orderRows = orders.tables.reduce((s, t) => s + t.rows, 0);
  return {
    orders: orders.orders,
    customers: options.customers,
    outlets: options.outlets,
    months: options.months,
    tables: [...master.tables, ...orders.tables],
    totalRows: master.totalRows + orders.totalRows,
    masterSeconds: master.ms / 1000,
    customersPerSecond: master.customersPerSecond,
    ordersSeconds: orders.ms / 1000,
    ordersPerSecond: orders.ordersPerSecond,
    orderRowsPerSecond: (orderRows * 1000) / orders.ms,
    analyzeSeconds,
  };
}
