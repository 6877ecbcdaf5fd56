import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Db, Tx } from './database.ts';

const current = new AsyncLocalStorage<Tx>();

/** The transaction the calling code runs in, if any. */
export const ambientTransaction = (): Tx | undefined => current.getStore();

/** Runs `fn` with `tx` as the ambient transaction. */
export const runInTransactionContext = <T>(tx: Tx, fn: () => Promise<T>): Promise<T> => current.run(tx, fn);

/**
 * Wraps a database so that `database.db` means "the current transaction, if one is open in this async
 * context, else the pool". Two things follow. PGlite has one connection: a query on the root handle while a
 * transaction is open would wait for that transaction forever; through the proxy it joins the transaction.
 * And use cases compose: a use case called inside another's transaction (an import of many rows) joins it,
 * and its own `transaction()` becomes a savepoint, so the whole import commits or rolls back as one.
 */
export function withAmbientTransactions(database: Database): Database {
  const root = database.db;
  const db = new Proxy(root, {
    get(target, prop) {
      const active = (current.getStore() as unknown as Db | undefined) ?? target;
      const value: unknown = Reflect.get(active, prop, active);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(active) : value;
    },
  });
  return Object.assign(Object.create(Object.getPrototypeOf(database) as object) as Database, database, {
    db,
  });
}
