import type { Harness } from './harness.ts';

/** Rows per application table: tests that refuse input check that nothing was written. */
export async function rowCounts(h: Harness): Promise<Record<string, number>> {
  const { rows } = await h.testDb.database.executeSql(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    [],
  );
  const counts: Record<string, number> = {};
  for (const r of rows) {
    const name = String(r.table_name);
    const c = await h.testDb.database.executeSql(`select count(*) as n from "${name}"`, []);
    counts[name] = Number(c.rows[0]?.n);
  }
  return counts;
}
