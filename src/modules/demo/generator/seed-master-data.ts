import type { FieldCrypto } from '../../../platform/crypto.ts';
import type { Database } from '../../../platform/db/database.ts';
import { DEFAULT_BUSINESS_TZ } from '../../../platform/time.ts';
import type { CopySession } from './copy-session.ts';
import { inCopyTransaction, loadCustomerBatch } from './copy-session.ts';
import { customerTables, encodeCustomerBatch, writeCustomerBatch } from './customer-writer.ts';
import { CustomerGenerator } from './customers.ts';
import type { MasterData } from './master-data.ts';
import { buildMasterData, loadMasterInputs } from './master-data.ts';
import { auditGeneration, writeMasterData } from './master-writer.ts';
import type { SeedProgress, TableReport } from './progress.ts';
import { silentProgress, TableClock } from './progress.ts';
import type { WorkerLoaders } from './worker-pool.ts';
import { inProcessBatches } from './worker-pool.ts';

export interface MasterDataOptions {
  /** Same seed, same rows (ids, codes, names, phones); ciphertexts differ because every encryption has its own IV. */
  seed: number;
  outlets: number;
  customers: number;
  now: Date;
  timeZone?: string;
  /** Customers per COPY batch. */
  batch?: number;
  progress?: SeedProgress;
}

export interface SeedResult {
  seeded: boolean;
  /** How the foreign keys of customer phones and addresses were checked (PostgreSQL scale runs). */
  foreignKeys?: 'per row' | 'after loading';
  tables: TableReport[];
  totalRows: number;
  ms: number;
  /** Customers with their phones, addresses and units, per second of the customer phase. */
  customersPerSecond: number;
}

const LOCK_KEY = 'aftersales.demo-master-data';

/** What a fresh demo gets: enough to browse every screen, small enough to start in a few seconds on PGlite. */
export const demoMasterData = { seed: 2009, outlets: 240, customers: 2500 } as const;

/** One outlet per 500 customers, at least 200, when the scale run is not told how many. */
export const scaleOutlets = (customers: number): number => Math.max(200, Math.round(customers / 500));

const notSeeded = (): SeedResult => ({
  seeded: false,
  tables: [],
  totalRows: 0,
  ms: 0,
  customersPerSecond: 0,
});

/**
 * Generated master data is present when the generation left its audit row, or when the database already has
 * products or customers of its own: the generator never mixes its data into a catalogue it did not make.
 */
async function masterDataPresent(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
): Promise<boolean> {
  const rows = await query(
    `select exists (select 1 from audit_log where entity = 'demo_data' and action = 'generate')
         or exists (select 1 from product_models) or exists (select 1 from customers) as present`,
  );
  return rows[0]?.present === true;
}

const presentIn = (database: Database) =>
  masterDataPresent(async (sql) => (await database.executeSql(sql, [])).rows);

/** Serialises generation across servers sharing one PostgreSQL; the loser then finds the data present. */
async function lockAndCheck(session: CopySession): Promise<boolean> {
  await session.query(`select pg_advisory_xact_lock(hashtext($1))`, [LOCK_KEY]);
  return !(await masterDataPresent((sql) => session.query(sql)));
}

function summarise(clock: TableClock, t0: number, customers: number, customerMs: number): SeedResult {
  const tables = clock.report();
  return {
    seeded: true,
    tables,
    totalRows: tables.reduce((s, t) => s + t.rows, 0),
    ms: performance.now() - t0,
    customersPerSecond: customerMs > 0 ? (customers * 1000) / customerMs : 0,
  };
}

async function prepare(database: Database, opts: MasterDataOptions): Promise<MasterData> {
  const inputs = await loadMasterInputs(database, {
    seed: opts.seed,
    outlets: opts.outlets,
    now: opts.now,
    timeZone: opts.timeZone ?? DEFAULT_BUSINESS_TZ,
  });
  return buildMasterData(inputs, opts.customers);
}

function startCustomerTables(clock: TableClock, customers: number): void {
  // Expected sizes from the generator's mix: 1.2 phones, 1.1 addresses and 1.5 units per customer.
  const expected = [1, 1.2, 1.1, 1.5];
  customerTables.forEach((t, i) => clock.start(t.name, Math.round(customers * (expected[i] as number))));
}

function countBatch(clock: TableClock, batch: { tables: readonly { table: string; rows: number }[] }): void {
  for (const t of batch.tables) clock.advance(t.table, t.rows);
}

function masterCounts(data: MasterData, customers: number): Record<string, number> {
  return {
    productModels: data.models.length,
    outlets: data.network.outlets.filter((o) => !o.fixed).length,
    engineers: data.engineers.length,
    dealers: data.dealers.length,
    customers,
  };
}

/**
 * Demo master data (MD-1) for a fresh demo database, in one transaction: product models, outlets with coverage
 * and services (the six fixed demo outlets included), engineers, dealers with tier history, and customers with
 * phones, addresses and units. Does nothing when generated data is already there.
 */
export async function seedDemoMasterData(
  database: Database,
  crypto: FieldCrypto,
  opts: MasterDataOptions,
): Promise<SeedResult> {
  const t0 = performance.now();
  if (await presentIn(database)) return notSeeded();
  const data = await prepare(database, opts);
  const clock = new TableClock(opts.progress ?? silentProgress);
  const generator = new CustomerGenerator(data.customerPlan);
  const batch = Math.max(1, opts.batch ?? 5000);
  let customerMs = 0;
  const seeded = await inCopyTransaction(database, async (session) => {
    if (!(await lockAndCheck(session))) return false;
    await writeMasterData(session, crypto, data, opts.now, clock);
    const c0 = performance.now();
    startCustomerTables(clock, opts.customers);
    for (let from = 0; from < opts.customers; from += batch) {
      const encoded = encodeCustomerBatch(generator, crypto, from, Math.min(opts.customers, from + batch));
      await writeCustomerBatch(session, encoded);
      countBatch(clock, encoded);
    }
    for (const t of customerTables) clock.finish(t.name);
    customerMs = performance.now() - c0;
    await auditGeneration(session, opts.now, { seed: opts.seed, counts: masterCounts(data, opts.customers) });
    return true;
  });
  return seeded ? summarise(clock, t0, opts.customers, customerMs) : notSeeded();
}

export interface ScaleOptions extends MasterDataOptions {
  /**
   * PostgreSQL: who generates and loads the customers. By default this process, over two connections; the CLI
   * passes worker processes (`workerLoadFor`) so that encryption runs on every core. They are closed when the
   * run ends, whatever its outcome.
   */
  workers?: WorkerLoaders;
  /**
   * PostgreSQL: load customer batches without the per-row foreign-key triggers and check both foreign keys
   * once afterwards, when the role may (superuser) and the tables have no triggers of their own. The per-row
   * checks lock every referenced customer row and cost about as much as the rows themselves.
   */
  deferForeignKeyChecks?: boolean;
}

const customerTableNames = ['customers', 'customer_phones', 'customer_addresses', 'units'];

/**
 * Whether triggers may be switched off for this session: only a superuser may set `session_replication_role`,
 * and a trigger of our own on these tables (not a foreign-key trigger, which PostgreSQL marks internal) would be
 * skipped silently, so its presence rules the shortcut out.
 */
async function mayDeferForeignKeys(database: Database): Promise<boolean> {
  const { rows } = await database.executeSql(
    `select (select rolsuper from pg_roles where rolname = current_user) as superuser,
            (select count(*) from pg_trigger
              where tgrelid = any (array[${customerTableNames.map((t) => `'${t}'::regclass`).join(', ')}])
                and not tgisinternal) as own_triggers`,
    [],
  );
  return rows[0]?.superuser === true && Number(rows[0]?.own_triggers) === 0;
}

/** The checks the skipped triggers would have made, as two anti-joins over the loaded rows. */
async function checkCustomerForeignKeys(database: Database): Promise<void> {
  const { rows } = await database.executeSql(
    `select (select count(*) from customer_phones p where not exists (select 1 from customers c where c.id = p.customer_id)) as phones,
            (select count(*) from customer_addresses a where not exists (select 1 from customers c where c.id = a.customer_id)) as addresses`,
    [],
  );
  const phones = Number(rows[0]?.phones);
  const addresses = Number(rows[0]?.addresses);
  if (phones > 0 || addresses > 0) {
    throw new Error(`Generated rows point to missing customers: ${phones} phones, ${addresses} addresses.`);
  }
}

/**
 * The same generation at scale: master data in one transaction, then customers in batches of `batch`, each
 * batch its own transaction. On PostgreSQL several connections load batches at once while the next ones are
 * generated; memory stays bounded by the batches in flight.
 */
export async function seedAtScale(
  database: Database,
  crypto: FieldCrypto,
  opts: ScaleOptions,
): Promise<SeedResult> {
  try {
    return await generateAtScale(database, crypto, opts);
  } finally {
    await opts.workers?.close();
  }
}

async function generateAtScale(
  database: Database,
  crypto: FieldCrypto,
  opts: ScaleOptions,
): Promise<SeedResult> {
  const t0 = performance.now();
  if (await presentIn(database)) return notSeeded();
  const data = await prepare(database, opts);
  const clock = new TableClock(opts.progress ?? silentProgress);
  const seeded = await inCopyTransaction(database, async (session) => {
    if (!(await lockAndCheck(session))) return false;
    await writeMasterData(session, crypto, data, opts.now, clock);
    await auditGeneration(session, opts.now, { seed: opts.seed, counts: masterCounts(data, opts.customers) });
    return true;
  });
  if (!seeded) return notSeeded();

  const batch = Math.max(1, opts.batch ?? 5000);
  const c0 = performance.now();
  startCustomerTables(clock, opts.customers);
  let foreignKeys: SeedResult['foreignKeys'];
  const pool = database.pool;
  if (pool) {
    const defer = opts.deferForeignKeyChecks === true && (await mayDeferForeignKeys(database));
    foreignKeys = defer ? 'after loading' : 'per row';
    if (opts.workers) {
      await opts.workers.load(data.customerPlan, batch, defer, crypto).run((b) => countBatch(clock, b));
    } else {
      // Two connections: one loads while the next batch is generated.
      const source = inProcessBatches(data.customerPlan, crypto, batch);
      let failed = false;
      await Promise.all(
        [0, 1].map(async () => {
          const client = await pool.connect();
          try {
            for (let next = await source.next(); next && !failed; next = await source.next()) {
              await loadCustomerBatch(client, next, defer);
              countBatch(clock, next);
            }
          } catch (e) {
            // The other connection stops after its current batch instead of loading the rest.
            failed = true;
            throw e;
          } finally {
            client.release();
          }
        }),
      );
    }
    if (defer) await checkCustomerForeignKeys(database);
  } else {
    const source = inProcessBatches(data.customerPlan, crypto, batch);
    for (let next = await source.next(); next; next = await source.next()) {
      const encoded = next;
      await inCopyTransaction(database, (session) => writeCustomerBatch(session, encoded));
      countBatch(clock, encoded);
    }
  }
  for (const t of customerTables) clock.finish(t.name);
  return {
    ...summarise(clock, t0, opts.customers, performance.now() - c0),
    ...(foreignKeys ? { foreignKeys } : {}),
  };
}
