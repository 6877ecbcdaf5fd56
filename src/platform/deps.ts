import type { Logger } from 'pino';
import type { Clock } from './clock.ts';
import type { FieldCrypto } from './crypto.ts';
import type { Database, Tx } from './db/database.ts';
import type { PolicyReader } from './policy.ts';
import { ambientTransaction, runInTransactionContext } from './db/ambient-transaction.ts';

/** What every module's services are built from; assembled once in app.ts. */
export interface PlatformDeps {
  database: Database;
  crypto: FieldCrypto;
  policies: PolicyReader;
  clock: Clock;
  logger: Logger;
  businessTimeZone: string;
  /** Called after a commit that may have written outbox rows, so the relay does not wait for its tick. */
  afterCommit(): void;
  /** Injected so tests can observe login slow-down without waiting for it. */
  sleep(ms: number): Promise<void>;
}

/** One use case, one transaction: state, audit and outbox rows commit together or not at all. */
export async function inTransaction<T>(deps: PlatformDeps, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // Inside another use case's transaction this opens a savepoint (see ambient-transaction.ts).
  const nested = ambientTransaction() !== undefined;
  const result = await deps.database.db.transaction((tx) => runInTransactionContext(tx, () => fn(tx)));
  if (!nested) deps.afterCommit();
  return result;
}

export const realSleep = (ms: number): Promise<void> =>
  ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
