import type { Database } from '../../platform/db/database.ts';
import { DEFAULT_BUSINESS_TZ } from '../../platform/time.ts';
import type { CopySession } from './generator/copy-session.ts';
import { inCopyTransaction } from './generator/copy-session.ts';
import { loadOrderInputs } from './generator/order-inputs.ts';
import { generateDemoOrders } from './generator/order-plan.ts';
import { writeDemoOrders } from './generator/order-writer.ts';
import { writeDemoCallbacks } from './generator/callback-writer.ts';

export interface DemoOrdersOptions {
  /** Same seed, `now` and master data ⇒ same orders. */
  seed: number;
  /** About this many orders over the history. */
  orders: number;
  /** Days of history ending at `now`. */
  days: number;
  now: Date;
  timeZone?: string;
}

export interface DemoOrdersResult {
  seeded: boolean;
  orders: number;
  /** Orders per status after the history has played up to `now`. */
  byStatus: Record<string, number>;
  tables: { table: string; rows: number }[];
  totalRows: number;
  ms: number;
}

/** What a fresh demo gets: four months, enough for a full board and backlog, cheap enough to start quickly. */
export const demoOrders = { seed: 2009, orders: 1600, days: 120 } as const;

const LOCK_KEY = 'aftersales.demo-orders';

export type Query = (sql: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Orders are generated only over generated master data (its audit row), and never into a database that has
 * orders already: the history would otherwise mix with real work.
 */
export async function mayGenerate(query: Query): Promise<boolean> {
  const rows = await query(
    `select exists (select 1 from audit_log where entity = 'demo_data' and action = 'generate') as master,
            exists (select 1 from audit_log where entity = 'demo_data' and action = 'generate_orders')
              or exists (select 1 from work_orders) as present`,
  );
  return rows[0]?.master === true && rows[0]?.present === false;
}

const notSeeded = (ms = 0): DemoOrdersResult => ({
  seeded: false,
  orders: 0,
  byStatus: {},
  tables: [],
  totalRows: 0,
  ms,
});

/**
 * Demo work orders (WO-1…WO-15) on first start in demo mode, after the demo master data: `days` of history ending
 * at `now`, every order played through the real state machine and rules with its timeline, appointments,
 * results, parts, repeat contacts and callbacks, and its SLA from the real engine. One transaction; does
 * nothing when orders exist already or the master data was not generated.
 */
export async function seedDemoOrders(database: Database, opts: DemoOrdersOptions): Promise<DemoOrdersResult> {
  const t0 = performance.now();
  const query: Query = async (sql, values) => (await database.executeSql(sql, values ?? [])).rows;
  if (!(await mayGenerate(query))) return notSeeded();
  const timeZone = opts.timeZone ?? DEFAULT_BUSINESS_TZ;
  const inputs = await loadOrderInputs(database, { now: opts.now, timeZone, historyDays: opts.days });
  const generated = generateDemoOrders(inputs, { ...opts, timeZone });
  const byStatus: Record<string, number> = {};
  for (const o of generated.orders) byStatus[o.row.status] = (byStatus[o.row.status] ?? 0) + 1;
  const written = await inCopyTransaction(database, async (session: CopySession) => {
    // Several servers starting on one PostgreSQL: one generates, the others then find the orders.
    await session.query(`select pg_advisory_xact_lock(hashtext($1))`, [LOCK_KEY]);
    if (!(await mayGenerate((sql, values) => session.query(sql, values)))) return undefined;
    const orders = await writeDemoOrders(session, generated, opts.now, {
      seed: opts.seed,
      days: opts.days,
      orders: generated.orders.length,
      byStatus,
      taggedCustomers: generated.tagged.length,
    });
    const callbacks = await writeDemoCallbacks(
      session,
      generated.orders.map((o) => o.row),
      { seed: opts.seed, now: opts.now, timeZone },
    );
    return { tables: [...orders.tables, ...callbacks] };
  });
  if (!written) return notSeeded(performance.now() - t0);
  return {
    seeded: true,
    orders: generated.orders.length,
    byStatus,
    tables: written.tables,
    totalRows: written.tables.reduce((s, t) => s + t.rows, 0),
    ms: performance.now() - t0,
  };
}
