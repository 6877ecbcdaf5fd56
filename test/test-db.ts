import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../src/platform/db/database.ts';
import { openPglite, openPostgres } from '../src/platform/db/database.ts';

export interface TestDatabase {
  database: Database;
  /** For PostgreSQL: a URL of this file's own database (concurrency tests open more pools on it). */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, on the engine TEST_DB selects. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (inject('testDb') === 'pglite') {
    const blob = new Blob([fs.readFileSync(inject('pgliteDump'))]);
    const database = await openPglite({ loadDataDir: blob });
    return { database, url: undefined, drop: () => database.close() };
  }
  const template = inject('pgTemplate');
  const name = `${template.replace('_tpl_', '_f_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), { max: 10 });
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
