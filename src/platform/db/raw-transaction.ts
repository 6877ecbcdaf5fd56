import type { Database } from './database.ts';

export type RawQuery = (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Runs `fn` with raw SQL on one connection inside one transaction, on either engine (a pool hands each
 * query to any connection, so BEGIN and COMMIT must go through one client). `begin` is the statement that
 * opens it, e.g. with an isolation level.
 */
export async function withRawTransaction<T>(
  database: Database,
  fn: (q: RawQuery) => Promise<T>,
  begin = 'begin',
): Promise<T> {
  if (database.kind === 'pglite') {
    const pglite = database.pglite;
    if (!pglite) throw new Error('PGlite database without its client');
    // PGlite has one connection and its own transaction wrapper; the isolation level is moot there.
    return pglite.transaction(async (tx) =>
      fn(async (text, values) => (await tx.query<Record<string, unknown>>(text, values ?? [])).rows),
    );
  }
  const pool = database.pool;
  if (!pool) throw new Error('PostgreSQL database without its pool');
  const client = await pool.connect();
  try {
    await client.query(begin);
    try {
      const result = await fn(async (text, values) => (await client.query(text, values ?? [])).rows);
      await client.query('commit');
      return result;
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  } finally {
    client.release();
  }
}
