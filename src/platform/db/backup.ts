import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Database } from './database.ts';
import { appliedMigration } from './migrate.ts';
import { withRawTransaction } from './raw-transaction.ts';
import type { RawQuery } from './raw-transaction.ts';

/**
 * SEC-4 logical backup and restore, the same on PGlite and PostgreSQL: a gzip file of JSON lines — a
 * manifest (format, migration, per-table row count and checksum), then each table's rows in batches.
 * A logical format rather than PGlite's data-directory tarball or pg_dump, so a backup taken on one engine
 * restores on the other, and the checksums prove the restore row for row.
 *
 * Encrypted columns travel as ciphertext: restoring is useless without the same secret (AFTERSALES_SECRET
 * or the data directory's secret file), which is backed up separately on purpose.
 * The pg-boss schema is not backed up: its jobs are derived from the outbox, whose rows are.
 */

export const BACKUP_FORMAT = 'aftersales-backup';
export const BACKUP_VERSION = 1;

export interface TableSummary {
  table: string;
  rows: number;
  /** md5 over the sorted md5 of every row's text: equal sets of rows give equal checksums. */
  checksum: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  engine: Database['kind'];
  /** The newest migration applied: a backup restores only into a database at the same migration. */
  migration: string;
  tables: TableSummary[];
}

type Query = RawQuery;

const BATCH_ROWS = 2000;

const ident = (name: string): string => {
  // Table names come from the catalogue, but a quoted identifier must still never break out of its quotes.
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected table name: ${name}`);
  return `"${name}"`;
};

/**
 * A read-consistent transaction with the session zone set to UTC, so row texts (and so checksums) do not
 * depend on the server's time-zone setting. On PostgreSQL the repeatable-read snapshot lets a backup run
 * while the server keeps taking orders.
 */
function withSnapshot<T>(database: Database, readOnly: boolean, fn: (q: Query) => Promise<T>): Promise<T> {
  return withRawTransaction(
    database,
    async (q) => {
      await q(`set local time zone 'UTC'`);
      return fn(q);
    },
    `begin isolation level repeatable read${readOnly ? ' read only' : ''}`,
  );
}

/** The application's tables, parents before children (foreign keys), so a restore inserts in this order. */
async function tablesInDependencyOrder(q: Query): Promise<string[]> {
  const tables = (
    await q(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )
  ).map((r) => String(r.name));
  const edges = await q(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) {
    const child = String(e.child).replace(/^public\.|"/g, '');
    const parent = String(e.parent).replace(/^public\.|"/g, '');
    if (child !== parent) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...(parents.get(t) ?? [])].every((p) => placed.has(p)),
    );
    if (ready.length === 0)
      throw new Error('Foreign keys form a cycle; cannot order the tables for restore.');
    for (const t of ready) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}

async function summarise(q: Query, tables: readonly string[]): Promise<TableSummary[]> {
  const out: TableSummary[] = [];
  for (const table of tables) {
    const rows = await q(
      `select count(*)::int as n,
              coalesce(md5(string_agg(h, '' order by h)), '') as checksum
         from (select md5(t::text) as h from ${ident(table)} t) s`,
    );
    out.push({ table, rows: Number(rows[0]?.n ?? 0), checksum: String(rows[0]?.checksum ?? '') });
  }
  return out;
}

/** Row counts and checksums of every application table, for comparing a restore with its source. */
export async function databaseSummary(database: Database): Promise<TableSummary[]> {
  return withSnapshot(database, true, async (q) => summarise(q, await tablesInDependencyOrder(q)));
}

/** SEC-4: writes every application table of `database` to `file` (gzip JSON lines); returns the manifest. */
export async function writeBackup(database: Database, file: string, now: Date): Promise<BackupManifest> {
  const migration = await appliedMigration(database);
  const tmp = `${file}.partial`;
  const gzip = zlib.createGzip();
  const sink = fs.createWriteStream(tmp, { mode: 0o600 });
  const done = pipeline(gzip, sink);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    const manifest = await withSnapshot(database, true, async (q) => {
      const tables = await tablesInDependencyOrder(q);
      const summary = await summarise(q, tables);
      const head: BackupManifest = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: now.toISOString(),
        engine: database.kind,
        migration,
        tables: summary,
      };
      await write(head);
      for (const { table, rows } of summary) {
        if (rows === 0) continue;
        // A cursor walks big tables in batches without OFFSET's quadratic cost and inside the one snapshot.
        await q(
          `declare backup_rows no scroll cursor for select row_to_json(t)::text as r from ${ident(table)} t`,
        );
        for (;;) {
          const batch = await q(`fetch ${BATCH_ROWS} from backup_rows`);
          if (batch.length === 0) break;
          await write({ table, rows: batch.map((r) => JSON.parse(String(r.r)) as unknown) });
        }
        await q('close backup_rows');
      }
      return head;
    });
    gzip.end();
    await done;
    fs.renameSync(tmp, file);
    return manifest;
  } catch (error) {
    gzip.destroy();
    await done.catch(() => undefined);
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

export class BackupError extends Error {
  constructor(
    message: string,
    readonly code: 'NOT_A_BACKUP' | 'MIGRATION_MISMATCH' | 'NOT_EMPTY' | 'CHECKSUM_MISMATCH',
  ) {
    super(message);
  }
}

async function* backupLines(file: string): AsyncGenerator<unknown> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input: Readable.from(input), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') yield JSON.parse(line) as unknown;
  }
}

function isManifest(value: unknown): value is BackupManifest {
  const m = value as Partial<BackupManifest> | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.format === BACKUP_FORMAT &&
    m.version === BACKUP_VERSION &&
    Array.isArray(m.tables)
  );
}

/**
 * SEC-4: restores `file` into `database`, which must be migrated to the backup's migration and hold no rows
 * except in `replaceable` tables (the reference data every start loads), whose rows the backup's replace.
 * One transaction: rows go in parent tables first; identity sequences continue after the restored values;
 * the restored tables' counts and checksums must equal the manifest's, or nothing is kept.
 */
export async function restoreBackup(
  database: Database,
  file: string,
  options: { replaceable?: readonly string[] } = {},
): Promise<BackupManifest> {
  const replaceable = new Set(options.replaceable ?? []);
  const lines = backupLines(file);
  let first: IteratorResult<unknown>;
  try {
    first = await lines.next();
  } catch {
    throw new BackupError(
      `${file} is not an Aftersales backup (not a gzip file of JSON lines).`,
      'NOT_A_BACKUP',
    );
  }
  if (first.done || !isManifest(first.value)) {
    throw new BackupError(`${file} is not an Aftersales backup (no manifest).`, 'NOT_A_BACKUP');
  }
  const manifest = first.value;
  const migration = await appliedMigration(database);
  if (manifest.migration !== migration) {
    throw new BackupError(
      `The backup was taken at migration ${manifest.migration}; this database is at ${migration}. Restore it with the release that made it.`,
      'MIGRATION_MISMATCH',
    );
  }
  await withSnapshot(database, false, async (q) => {
    const tables = await tablesInDependencyOrder(q);
    const before = await summarise(q, tables);
    const filled = before.filter((t) => t.rows > 0 && !replaceable.has(t.table)).map((t) => t.table);
    if (filled.length > 0) {
      throw new BackupError(
        `Restore needs an empty database, but ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''} hold rows. Create a new database (or data directory) and restore into it.`,
        'NOT_EMPTY',
      );
    }
    // Children first: the reference rows are only referenced by tables that are empty here.
    for (const table of [...tables].reverse()) {
      if (replaceable.has(table)) await q(`delete from ${ident(table)}`);
    }
    const identity = await q(
      `select table_name as t, column_name as c from information_schema.columns
        where table_schema = 'public' and is_identity = 'YES'`,
    );
    const identityTables = new Set(identity.map((r) => String(r.t)));
    for (;;) {
      const next = await lines.next();
      if (next.done) break;
      const batch = next.value as { table?: unknown; rows?: unknown };
      const table = String(batch.table);
      if (!tables.includes(table) || !Array.isArray(batch.rows)) {
        throw new BackupError(`The backup holds rows for an unknown table "${table}".`, 'NOT_A_BACKUP');
      }
      const overriding = identityTables.has(table) ? ' overriding system value' : '';
      await q(
        `insert into ${ident(table)}${overriding} select * from json_populate_recordset(null::${ident(table)}, $1::json)`,
        [JSON.stringify(batch.rows)],
      );
    }
    for (const r of identity) {
      const t = ident(String(r.t));
      const c = ident(String(r.c));
      await q(
        `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${c}) from ${t}), 0) + 1, false)`,
        [String(r.t), String(r.c)],
      );
    }
    const after = new Map((await summarise(q, tables)).map((t) => [t.table, t]));
    const wrong = manifest.tables.filter((t) => {
      const got = after.get(t.table);
      return !got || got.rows !== t.rows || got.checksum !== t.checksum;
    });
    if (wrong.length > 0) {
      throw new BackupError(
        `The restored rows differ from the backup in ${wrong.map((t) => t.table).join(', ')}; nothing was restored.`,
        'CHECKSUM_MISMATCH',
      );
    }
  });
  return manifest;
}
