import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories take either: inside a use case they get the transaction, for reads the database. */
export type Executor = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

export interface SqlResult {
  rows: Record<string, unknown>[];
}

export interface Database {
  kind: DatabaseKind;
  db: Db;
  /** Raw SQL outside Drizzle (pg-boss, health, benchmarks). Multi-statement text needs no values. */
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
  close(): Promise<void>;
  /** Set for PGlite; tests dump it to clone a migrated database. */
  pglite?: PGlite;
  pool?: pg.Pool;
}

const INT8_OID = 20;

/**
 * int8 comes back as a string from pg and as a bigint from PGlite. Both become JS numbers here: money is
 * integer fen and counts are far below 2^53, and one type on both drivers keeps the code honest.
 */
function int8ToNumber(value: string | number | bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${String(value)} exceeds 2^53`);
  return n;
}

export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  const client = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    parsers: { [INT8_OID]: (v: string) => int8ToNumber(v) },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    async executeSql(text, values) {
      // PGlite's query() takes one statement; exec() runs a script but takes no parameters.
      if (values && values.length > 0) {
        const r = await client.query<Record<string, unknown>>(text, values);
        return { rows: r.rows };
      }
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    close: () => client.close(),
  };
}

// Drizzle's node-postgres session passes its own per-query type parsers that fall back to pg's global
// registry, so pool-level parsers are bypassed: int8 has to be set globally.
pg.types.setTypeParser(INT8_OID, (v: string) => int8ToNumber(v));

export function openPostgres(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 20 });
  // An idle client that errors (server restart) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    async executeSql(text, values) {
      const r = await pool.query(text, values as unknown[] | undefined);
      const last = Array.isArray(r) ? r.at(-1) : r;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    },
    close: () => pool.end(),
  };
}

export type RawExecutor = (text: string, values?: unknown[]) => Promise<SqlResult>;

/**
 * A transaction over plain SQL, for code that speaks SQL text rather than Drizzle (the outbox relay hands
 * pg-boss a `db` bound to this transaction so jobs are inserted atomically with the outbox update).
 */
export async function withRawTransaction<T>(
  database: Database,
  fn: (exec: RawExecutor) => Promise<T>,
): Promise<T> {
  if (database.pglite) {
    return database.pglite.transaction(async (tx) =>
      fn(async (text, values) => {
        if (values && values.length > 0)
          return { rows: (await tx.query<Record<string, unknown>>(text, values)).rows };
        const results = await tx.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      }),
    );
  }
  if (!database.pool) throw new Error('PostgreSQL database without its pool');
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    const result = await fn(async (text, values) => {
      const r = await client.query(text, values as unknown[] | undefined);
      const last = Array.isArray(r) ? r.at(-1) : r;
      return { rows: (last?.rows ?? []) as Record<string, unknown>[] };
    });
    await client.query('commit');
    return result;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
