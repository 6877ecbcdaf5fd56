import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from '../src/platform/db/database.ts';

/** One statement as the driver sent it: SQL text and its parameter values. */
export interface CapturedStatement {
  text: string;
  values: unknown[];
}

let recording: CapturedStatement[] | undefined;

function record(text: unknown, values: unknown): void {
  const into = recording;
  if (!into || typeof text !== 'string') return;
  into.push({ text, values: Array.isArray(values) ? [...(values as unknown[])] : [] });
}

type QueryArgs = [unknown, unknown?, unknown?];

/** pg: every client of the pool goes through `Client.prototype.query` (text, config object or COPY submittable). */
function wrapPostgres(): () => void {
  const proto = pg.Client.prototype as unknown as { query: (...args: QueryArgs) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: QueryArgs) {
    const [first, second] = args;
    if (typeof first === 'string') record(first, second);
    else if (first && typeof first === 'object' && 'text' in first) {
      const q = first as { text: unknown; values?: unknown };
      record(q.text, q.values ?? second);
    }
    return original.apply(this, args);
  };
  return () => {
    proto.query = original;
  };
}

/** PGlite: `query`, `exec` and `transaction` of the one instance Drizzle holds; a transaction adds BEGIN/COMMIT. */
function wrapPglite(client: PGlite): () => void {
  const own = client as unknown as Record<string, unknown>;
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  const wrapTx = (tx: Transaction): Transaction =>
    ({
      ...tx,
      query: ((text: string, values?: unknown[], opts?: unknown) => {
        record(text, values);
        return tx.query(text, values, opts as never);
      }) as Transaction['query'],
      exec: ((text: string, opts?: unknown) => {
        record(text, []);
        return tx.exec(text, opts as never);
      }) as Transaction['exec'],
      rollback: () => tx.rollback(),
      get closed() {
        return tx.closed;
      },
    }) as Transaction;
  own.query = (text: string, values?: unknown[], opts?: unknown) => {
    record(text, values);
    return query(text, values, opts as never);
  };
  own.exec = (text: string, opts?: unknown) => {
    record(text, []);
    return exec(text, opts as never);
  };
  own.transaction = async <T>(fn: (tx: Transaction) => Promise<T>) => {
    record('BEGIN', []);
    const result = await transaction((tx) => fn(wrapTx(tx)));
    record('COMMIT', []);
    return result;
  };
  return () => {
    delete own.query;
    delete own.exec;
    delete own.transaction;
  };
}

/**
 * Every statement sent through the database's driver while `fn` runs, in order. The caller makes sure nothing
 * else uses the database meanwhile (the bench's in-process app runs no event bus); request-scoped async context
 * does not survive Fastify's inject and pg's pool queue, so the window is the filter.
 */
export async function captureStatements<T>(
  database: Database,
  fn: () => Promise<T>,
): Promise<{ result: T; statements: CapturedStatement[] }> {
  const unwrap = database.pglite ? wrapPglite(database.pglite) : wrapPostgres();
  const statements: CapturedStatement[] = [];
  try {
    recording = statements;
    const result = await fn();
    return { result, statements };
  } finally {
    recording = undefined;
    unwrap();
  }
}
