import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../src/platform/db/database.ts';
import { migrateDatabase } from '../src/platform/db/migrate.ts';
import { ensureReferenceData } from '../src/modules/catalog/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: 'pglite' | 'postgres';
    pgliteDump: string;
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export const adminUrl = (): string =>
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Migrates once per run: PGlite into a dump every test file loads, PostgreSQL into a template database every
 * test file clones. Each file then has a database of its own, on either engine.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  project.provide('testDb', kind);
  if (kind === 'pglite') {
    const dir = path.resolve('.test-tmp');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `pglite-${process.pid}-${randomBytes(4).toString('hex')}.tar`);
    const db = await openPglite();
    await migrateDatabase(db);
    await ensureReferenceData(db, new Date());
    const dump = await db.pglite!.dumpDataDir('none');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    project.provide('pgliteDump', file);
    project.provide('pgAdminUrl', '');
    project.provide('pgTemplate', '');
    return async () => fs.rmSync(file, { force: true });
  }
  const template = `as_test_tpl_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const url = new URL(adminUrl());
  url.pathname = `/${template}`;
  const db = openPostgres(url.toString(), { max: 2 });
  await migrateDatabase(db);
  await ensureReferenceData(db, new Date());
  await db.close();
  project.provide('pgliteDump', '');
  project.provide('pgAdminUrl', adminUrl());
  project.provide('pgTemplate', template);
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname like $1`,
      [`${template.replace('_tpl_', '_%_')}%`],
    );
    for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}
