import type { Database } from '../../platform/db/database.ts';
import { DEFAULT_BUSINESS_TZ } from '../../platform/time.ts';
import type { Query } from './demo-orders.ts';
import { mayGenerate } from './demo-orders.ts';
import { inCopyTransaction } from './generator/copy-session.ts';
import { loadOrderInputs } from './generator/order-inputs.ts';
import type { OrderHistoryEnd } from './generator/order-plan.ts';
import { orderDays } from './generator/order-plan.ts';
import type { GeneratedOrder } from './generator/order-rows.ts';
import { writeDemoOrders } from './generator/order-writer.ts';
import type { SeedProgress, TableReport } from './generator/progress.ts';
import { silentProgress, TableClock } from './generator/progress.ts';

export interface ScaleOrdersOptions {
  seed: number;
  /** About this many orders over the history. */
  orders: number;
  /** Days of history ending at `now`. */
  days: number;
  now: Date;
  timeZone?: string;
  /** Orders per COPY transaction (default 20,000). */
  batch?: number;
  progress?: SeedProgress;
}

export interface ScaleOrdersResult {
  seeded: boolean;
  orders: number;
  tables: TableReport[];
  totalRows: number;
  ms: number;
  /** Orders with every row of their timelines, per second. */
  ordersPerSecond: number;
}

/** Rows per order of each table in the demo mix, for the progress bars' totals. */
const expectedPerOrder: [string, number][] = [
  ['work_orders', 1],
  ['order_events', 8],
  ['appointments', 1],
  ['intermediate_results', 1.5],
  ['part_requests', 0.3],
  ['order_contacts', 0.3],
  ['order_callbacks', 0.5],
];

/**
 * The demo order history at scale (`npm run bench`): the same stories as `seedDemoOrders`, played one business
 * day at a time and written in COPY batches of `batch` orders, each its own transaction, so memory stays bounded
 * by what later days depend on. Every order goes where WO-13 proposes (no demo-outlet share) and no callback
 * history is written. On PostgreSQL the next batch is generated while the previous one loads.
 */
export async function seedOrdersAtScale(
  database: Database,
  opts: ScaleOrdersOptions,
): Promise<ScaleOrdersResult> {
  const t0 = performance.now();
  const query: Query = async (sql, values) => (await database.executeSql(sql, values ?? [])).rows;
  if (!(await mayGenerate(query))) {
    return { seeded: false, orders: 0, tables: [], totalRows: 0, ms: 0, ordersPerSecond: 0 };
  }
  const timeZone = opts.timeZone ?? DEFAULT_BUSINESS_TZ;
  const inputs = await loadOrderInputs(database, { now: opts.now, timeZone, historyDays: opts.days });
  const clock = new TableClock(opts.progress ?? silentProgress);
  for (const [table, perOrder] of expectedPerOrder) clock.start(table, Math.round(opts.orders * perOrder));
  const batchSize = Math.max(1, opts.batch ?? 20_000);
  const empty = { sequences: [], tagged: [] };
  const write = (orders: GeneratedOrder[]) =>
    inCopyTransaction(database, (session) =>
      writeDemoOrders(session, { orders, ...empty }, opts.now, { seed: opts.seed }, { audit: false }),
    ).then((written) => {
      for (const t of written.tables) clock.advance(t.table, t.rows);
    });

  let pending: Promise<void> = Promise.resolve();
  let batch: GeneratedOrder[] = [];
  let total = 0;
  const days = orderDays(inputs, { ...opts, timeZone, demoOutletShare: false });
  let end: OrderHistoryEnd | undefined;
  while (!end) {
    const step = days.next();
    if (step.done) end = step.value;
    else for (const o of step.value) batch.push(o);
    if (batch.length >= batchSize || (end && batch.length > 0)) {
      const full = batch;
      batch = [];
      total += full.length;
      // One load in flight: on PostgreSQL the server writes it while this process plays the next days.
      await pending;
      pending = write(full);
      if (database.kind === 'pglite') await pending;
    }
  }
  await pending;
  const history = end;
  await inCopyTransaction(database, (session) =>
    writeDemoOrders(session, { orders: [], ...history }, opts.now, {
      seed: opts.seed,
      days: opts.days,
      orders: total,
      taggedCustomers: history.tagged.length,
      scale: true,
    }),
  );
  for (const [table] of expectedPerOrder) clock.finish(table);
  const tables = clock.report();
  const ms = performance.now() - t0;
  return {
    seeded: true,
    orders: total,
    tables,
    totalRows: tables.reduce((s, t) => s + t.rows, 0),
    ms,
    ordersPerSecond: (total * 1000) / ms,
  };
}
