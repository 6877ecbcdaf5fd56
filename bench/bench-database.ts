import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import type { OpenedDatabase } from '../src/platform/db/open.ts';
import { openConfiguredDatabase } from '../src/platform/db/open.ts';
import type { BenchOptions } from './bench-options.ts';

/** The bench's own database: a fresh PostgreSQL database on the DATABASE_URL server, or a temporary PGlite directory. */
export interface BenchDatabase {
  kind: 'pglite' | 'postgres';
  /** Environment for this process and the server child (database, secret, no demo). */
  env: Record<string, string>;
  /** PostgreSQL only: the bench database's URL (pgbench connects to it). */
  url: string | undefined;
  /** PGlite only: the data directory. */
  dataDir: string | undefined;
  /** Opens it as the server and the CLI do (PGlite: takes the directory lock until closed). */
  open(): Promise<OpenedDatabase>;
  drop(): Promise<void>;
  describe: string;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Applies the bench environment to this process, so `loadConfig()` sees the bench database. */
function applyEnv(env: Record<string, string>, pglite: boolean): void {
  if (pglite) delete process.env.DATABASE_URL;
  Object.assign(process.env, env);
}

export async function createBenchDatabase(options: BenchOptions): Promise<BenchDatabase> {
  const secret = randomBytes(32).toString('hex');
  const base = { AFTERSALES_SECRET: secret, AFTERSALES_DEMO: '0', AFTERSALES_TIME_ZONE: 'Asia/Shanghai' };
  const open = async () => openConfiguredDatabase(loadConfig(), { migrate: true });
  if (options.db === 'postgres') {
    const serverUrl = options.serverUrl as string;
    const name = `aftersales_bench_${Date.now().toString(36)}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const url = withDatabase(serverUrl, name);
    const env = { ...base, DATABASE_URL: url };
    applyEnv(env, false);
    return {
      kind: 'postgres',
      env,
      url,
      dataDir: undefined,
      open,
      describe: `PostgreSQL database ${name}`,
      async drop() {
        await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftersales-bench-'));
  const env = { ...base, AFTERSALES_DATA_DIR: dataDir };
  applyEnv(env, true);
  return {
    kind: 'pglite',
    env,
    url: undefined,
    dataDir,
    open,
    describe: 'PGlite in a temporary directory',
    async drop() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
