import type { FieldCrypto } from '../crypto.ts';
import type { Database } from './database.ts';
import { withRawTransaction } from './raw-transaction.ts';

/**
 * Key rotation for personal data (MD-5, SEC-4). After a new AFTERSALES_SECRET is set (the old one moved to
 * AFTERSALES_SECRET_PREVIOUS), new rows use the new key, old rows still decrypt — but their blind indexes
 * were made with the old key, so a phone look-up would miss them. `rekeyDatabase` re-encrypts every field
 * still under an old key and recomputes its blind indexes; afterwards the old secret can be dropped.
 *
 * Encrypted columns are found by the naming rule (`*_enc`, with the index of `x_enc` in `x_idx`), so a new
 * module's columns are covered without registering them here; the digest purpose of each index column must
 * be listed in `BLIND_INDEX_PURPOSES` (a test fails for one that is not).
 */

/** The purpose (HMAC domain) each blind-index column was computed with; all are E.164 phones today. */
export const BLIND_INDEX_PURPOSES: Readonly<Record<string, string>> = {
  'customer_phones.phone_idx': 'phone',
  'dealers.contact_phone_idx': 'phone',
  'engineers.phone_idx': 'phone',
  'users.phone_idx': 'phone',
};

export interface EncryptedTable {
  table: string;
  encColumns: string[];
  /** Index column → the encrypted column it digests. */
  indexes: { column: string; of: string; purpose: string }[];
}

export interface RekeyReport {
  keyId: string;
  tables: { table: string; rows: number }[];
}

const BATCH = 500;

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected identifier: ${name}`);
  return `"${name}"`;
};

/** Every application table with encrypted columns, from the catalogue, with its index columns. */
export async function encryptedTables(database: Database): Promise<EncryptedTable[]> {
  const { rows } = await database.executeSql(
    `select c.table_name as t, c.column_name as c
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and (c.column_name like '%\\_enc' or c.column_name like '%\\_idx')
      order by 1, 2`,
    [],
  );
  const byTable = new Map<string, string[]>();
  for (const r of rows) byTable.set(String(r.t), [...(byTable.get(String(r.t)) ?? []), String(r.c)]);
  const out: EncryptedTable[] = [];
  for (const [table, columns] of byTable) {
    const encColumns = columns.filter((c) => c.endsWith('_enc'));
    if (encColumns.length === 0) continue;
    const indexes = columns
      .filter((c) => c.endsWith('_idx'))
      .map((column) => {
        const of = `${column.slice(0, -4)}_enc`;
        const purpose = BLIND_INDEX_PURPOSES[`${table}.${column}`];
        if (!purpose || !encColumns.includes(of)) {
          throw new Error(
            `${table}.${column} is a blind index without ${purpose ? `its encrypted column ${of}` : 'a purpose in BLIND_INDEX_PURPOSES'}.`,
          );
        }
        return { column, of, purpose };
      });
    out.push({ table, encColumns, indexes });
  }
  return out;
}

/**
 * Re-encrypts, under the current key, every field written with an older one, and recomputes the blind
 * indexes of those rows. Batches of rows each in their own transaction, so a large table does not hold one
 * long transaction; interrupted, it simply continues where rows still carry an old key id.
 */
export async function rekeyDatabase(database: Database, crypto: FieldCrypto): Promise<RekeyReport> {
  const current = `v1.${crypto.keyId}.%`;
  const report: RekeyReport = { keyId: crypto.keyId, tables: [] };
  for (const t of await encryptedTables(database)) {
    const stale = t.encColumns
      .map((c) => `(${ident(c)} is not null and ${ident(c)} not like $1)`)
      .join(' or ');
    const columns = ['id', ...t.encColumns].map(ident).join(', ');
    const setList = [...t.encColumns, ...t.indexes.map((i) => i.column)];
    let count = 0;
    for (;;) {
      // Read and rewrite in one transaction with the rows locked: a server running meanwhile cannot change
      // a row between its decryption here and its update.
      const done = await withRawTransaction(database, async (q) => {
        const rows = await q(
          `select ${columns} from ${ident(t.table)} where ${stale} order by id limit ${BATCH} for update`,
          [current],
        );
        for (const row of rows) {
          const plain = new Map<string, string | null>(
            t.encColumns.map((c) => [c, row[c] === null ? null : crypto.decrypt(String(row[c]))]),
          );
          const values = new Map<string, string | null>();
          for (const [c, p] of plain) values.set(c, p === null ? null : crypto.encrypt(p));
          for (const i of t.indexes) {
            const p = plain.get(i.of);
            values.set(i.column, p === null || p === undefined ? null : crypto.blindIndex(i.purpose, p));
          }
          await q(
            `update ${ident(t.table)} set ${setList.map((c, n) => `${ident(c)} = $${n + 2}`).join(', ')} where id = $1`,
            [row.id, ...setList.map((c) => values.get(c) ?? null)],
          );
        }
        return rows.length;
      });
      if (done === 0) break;
      count += done;
    }
    report.tables.push({ table: t.table, rows: count });
  }
  return report;
}
