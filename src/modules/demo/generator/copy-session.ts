import type pg from 'pg';
import type { Database, DatabaseKind } from '../../../platform/db/database.ts';
import type { TableSpec } from './copy-text.ts';
import type { EncodedBatch } from './customer-writer.ts';
import { customerTables } from './customer-writer.ts';

/** One transaction that can bulk-load tables with COPY and run plain statements, on either engine. */
export interface CopySession {
  kind: DatabaseKind;
  copy(table: TableSpec, text: string | Uint8Array): Promise<void>;
  query(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
}

/** The parts of pg's connection a COPY needs; pg's typings leave them out, its runtime has them. */
interface CopyWire {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

const CHUNK = 1 << 20;

/**
 * `COPY … FROM STDIN` over the pg driver alone: pg hands any object with `submit` the connection and the
 * protocol messages of its turn, which is all COPY needs (pg-copy-streams does the same, as a stream).
 */
class CopyFromStdin {
  readonly done: Promise<number>;
  private resolve!: (rows: number) => void;
  private reject!: (e: Error) => void;
  private settled = false;
  private rows = 0;

  constructor(
    private readonly sql: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise<number>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: pg.Connection): void {
    (connection as unknown as CopyWire).query(this.sql);
  }

  handleCopyInResponse(connection: pg.Connection): void {
    const wire = connection as unknown as CopyWire;
    for (let at = 0; at < this.data.length; at += CHUNK)
      wire.sendCopyFromChunk(this.data.subarray(at, at + CHUNK));
    wire.endCopyFrom();
  }

  handleCommandComplete(msg: { text?: string }): void {
    this.rows = Number(/\d+$/.exec(msg.text ?? '')?.[0] ?? 0);
  }

  // The server answers an error with ReadyForQuery too, but a broken connection never does: settle at once.
  handleError(err: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(err);
  }

  handleReadyForQuery(): void {
    if (this.settled) return;
    this.settled = true;
    this.resolve(this.rows);
  }

  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

const copySql = (table: TableSpec, source: string): string =>
  `COPY ${table.name} (${table.columns.join(', ')}) FROM ${source}`;

export async function copyIntoPostgres(
  client: pg.ClientBase,
  table: TableSpec,
  text: string | Uint8Array,
): Promise<number> {
  const data =
    typeof text === 'string'
      ? Buffer.from(text, 'utf8')
      : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  const copy = new CopyFromStdin(copySql(table, 'STDIN'), data);
  void client.query(copy);
  return copy.done;
}

/**
 * Runs `fn` in one transaction. PGlite loads COPY data from a Blob (`/dev/blob`); PostgreSQL streams it over a
 * pooled connection, with `synchronous_commit` off for this transaction only (a crash loses the seed, not
 * other data: it is re-run).
 */
export async function inCopyTransaction<T>(
  database: Database,
  fn: (s: CopySession) => Promise<T>,
): Promise<T> {
  if (database.pglite) {
    return database.pglite.transaction(async (tx) =>
      fn({
        kind: 'pglite',
        async copy(table, text) {
          await tx.query(copySql(table, `'/dev/blob'`), [], { blob: new Blob([text]) });
        },
        async query(text, values) {
          return (await tx.query<Record<string, unknown>>(text, values ?? [])).rows;
        },
      }),
    );
  }
  if (!database.pool) throw new Error('PostgreSQL database without its pool');
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    await client.query('set local synchronous_commit = off');
    const result = await fn({
      kind: 'postgres',
      async copy(table, text) {
        await copyIntoPostgres(client, table, text);
      },
      async query(text, values) {
        return (await client.query<Record<string, unknown>>(text, values)).rows;
      },
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

/**
 * One encoded customer batch in one transaction on `client`, parents first. With `deferForeignKeys` the rows
 * skip the per-row foreign-key triggers (the caller checks the keys once afterwards, see seedAtScale); `local`
 * settings end with the transaction, so a pooled connection goes back unchanged.
 */
export async function loadCustomerBatch(
  client: pg.ClientBase,
  batch: EncodedBatch,
  deferForeignKeys: boolean,
): Promise<void> {
  await client.query(
    `begin; set local synchronous_commit = off;${deferForeignKeys ? ' set local session_replication_role = replica;' : ''}`,
  );
  try {
    for (const [i, t] of batch.tables.entries()) {
      if (t.rows > 0)
        await copyIntoPostgres(client, customerTables[i] as (typeof customerTables)[number], t.text);
    }
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  }
}
