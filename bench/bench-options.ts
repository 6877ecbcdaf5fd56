import { Command, Option } from 'commander';

export interface BenchOptions {
  db: 'pglite' | 'postgres';
  /** PostgreSQL server the bench creates its own database on (from DATABASE_URL). */
  serverUrl: string | undefined;
  orders: number;
  outlets: number;
  customers: number;
  /** Months of order history ending now. */
  months: number;
  seed: number;
  duration: number;
  connections: number;
  /** Share of intake calls for a caller who is not a customer yet (registered first, then the order). */
  newCustomerShare: number;
  /** Seconds each read endpoint is sampled. */
  querySeconds: number;
  /** Keep the bench database (PostgreSQL) or data directory (PGlite) for inspection. */
  keep: boolean;
  /** Write the figures to docs/PERFORMANCE.md (off for trial runs). */
  write: boolean;
}

const whole = (name: string, min: number) => (raw: string) => {
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}.`);
  return n;
};

/** `npm run bench -- --orders 1000000 --outlets 2000 --customers 1000000 --duration 20 --connections 32`. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const program = new Command('bench')
    .description('Scale dataset, intake load, raw SQL limit, read latencies and the SLA engine')
    .addOption(new Option('--db <engine>', 'database engine').choices(['pglite', 'postgres']))
    .option('--orders <n>', 'work orders in the dataset', whole('--orders', 1), 1_000_000)
    .option('--outlets <n>', 'outlets in the dataset', whole('--outlets', 10), 2_000)
    .option('--customers <n>', 'customers in the dataset', whole('--customers', 100), 1_000_000)
    .option('--months <n>', 'months of order history', whole('--months', 1), 12)
    .option('--seed <n>', 'generator seed', whole('--seed', 0), 2009)
    .option('--duration <s>', 'seconds of intake load', whole('--duration', 1), 20)
    .option('--connections <n>', 'concurrent intake connections', whole('--connections', 1), 32)
    .option(
      '--new-customers <percent>',
      'intake calls from new customers, in %',
      whole('--new-customers', 0),
      20,
    )
    .option('--query-seconds <s>', 'seconds each read endpoint is sampled', whole('--query-seconds', 1), 5)
    .option('--keep', 'keep the bench database or data directory', false)
    .option('--no-write', 'print the figures without adding a row to docs/PERFORMANCE.md')
    .parse(argv, { from: 'user' });
  const o = program.opts<{
    db?: 'pglite' | 'postgres';
    orders: number;
    outlets: number;
    customers: number;
    months: number;
    seed: number;
    duration: number;
    connections: number;
    newCustomers: number;
    querySeconds: number;
    keep: boolean;
    write: boolean;
  }>();
  const serverUrl = process.env.DATABASE_URL?.trim() || undefined;
  const db = o.db ?? (serverUrl ? 'postgres' : 'pglite');
  if (db === 'postgres' && !serverUrl) {
    throw new Error('--db postgres needs DATABASE_URL (a server where the bench may create a database).');
  }
  return {
    db,
    serverUrl,
    orders: o.orders,
    outlets: o.outlets,
    customers: o.customers,
    months: o.months,
    seed: o.seed,
    duration: o.duration,
    connections: o.connections,
    newCustomerShare: Math.min(100, o.newCustomers) / 100,
    querySeconds: o.querySeconds,
    keep: o.keep,
    write: o.write,
  };
}
