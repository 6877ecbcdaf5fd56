import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { acquireDataDirLock } from '../../src/platform/db/data-dir-lock.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { openPglite, openPostgres } from '../../src/platform/db/database.ts';
import { freePort, repoRoot, spawnCli } from '../process/server-process.ts';

/** One database the crash test runs against, with what the server and the CLI need to reach it. */
export interface CrashTarget {
  kind: 'postgres' | 'pglite';
  /** Environment of every server and CLI process on this target. */
  env: Record<string, string>;
  port: number;
  /** The database, opened by the test itself while no server runs (PGlite allows one process). */
  open(): Promise<Database>;
  /** Removes what the target created on this machine. */
  cleanup(): Promise<void>;
}

function baseEnv(dataDir: string, secret: string): Record<string, string> {
  return {
    AFTERSALES_DATA_DIR: dataDir,
    AFTERSALES_SECRET: secret,
    // Seeded once through the CLI; a restart must not seed or change anything by itself.
    AFTERSALES_DEMO: '0',
    // The load would trip both limits within a second; the crash test is about durability, not throttling.
    AFTERSALES_INTAKE_PER_MINUTE: '0',
    AFTERSALES_LOGIN_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
  };
}

/** Embedded PGlite in a fresh directory of its own (never ./data). */
export async function pgliteTarget(): Promise<CrashTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftersales-crash-'));
  return {
    kind: 'pglite',
    // An empty DATABASE_URL counts as unset, so a developer's own setting cannot redirect this target.
    env: { ...baseEnv(dataDir, randomBytes(24).toString('hex')), DATABASE_URL: '' },
    port: await freePort(),
    async open() {
      // Same rule as the server and the CLI: hold the directory's lock while the files are open.
      const lock = acquireDataDirLock(dataDir);
      try {
        const database = await openPglite({ dataDir: path.join(dataDir, 'pglite') });
        return {
          ...database,
          async close() {
            await database.close();
            lock.release();
          },
        };
      } catch (e) {
        lock.release();
        throw e;
      }
    },
    async cleanup() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL database named by TEST_DATABASE_URL; it must be empty, the test migrates and seeds it. */
export async function postgresTarget(url: string): Promise<CrashTarget> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    );
    if ((rows[0]?.n ?? 0) > 0) {
      throw new Error(
        'TEST_DATABASE_URL must name an empty database: the crash test migrates and seeds it. ' +
          'Create a new one (createdb) and drop it afterwards.',
      );
    }
  } finally {
    await client.end();
  }
  // Files and the fallback key location stay in a throw-away directory, never in the checkout.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftersales-crash-pg-'));
  return {
    kind: 'postgres',
    env: { ...baseEnv(dataDir, randomBytes(24).toString('hex')), DATABASE_URL: url },
    port: await freePort(),
    open: async () => openPostgres(url, { max: 2 }),
    async cleanup() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `aftersales seed --demo` through the CLI: migrations, policies, demo accounts, outlets and customers. */
export async function seedDemo(target: CrashTarget): Promise<void> {
  const p = await spawnCli(['seed', '--demo'], target.env);
  const code = await p.exited;
  if (code !== 0) throw new Error(`seed --demo exited with ${code}:\n${p.output()}`);
}

export interface ServerProcess {
  pid: number;
  baseUrl: string;
  output(): string;
  /** SIGKILL to the server's whole process group: no handler, no flush, no lock release. */
  kill(): Promise<void>;
  /** SIGTERM, and the exit code of the graceful shutdown. */
  stop(): Promise<number | null>;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Kills whatever a failed test left running (by process group, as the test started them). */
export function killLeftovers(): void {
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Not a group leader, or already gone.
      child.kill('SIGKILL');
    }
  }
  running.clear();
}

/**
 * `aftersales serve` as an operator starts it, in a process group of its own so a kill reaches anything it
 * spawned. Resolves once /api/health answers; fails with the server's output when it exits first.
 */
export async function startServer(target: CrashTarget, timeoutMs = 120_000): Promise<ServerProcess> {
  let log = '';
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin/aftersales.mjs'), 'serve'], {
    cwd: repoRoot,
    env: { ...process.env, ...target.env, PORT: String(target.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  running.add(child);
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  const baseUrl = `http://127.0.0.1:${target.port}`;
  const pid = child.pid;
  if (pid === undefined) throw new Error('The server process did not start');

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${log}`,
      );
    }
    try {
      const r = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (r.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      process.kill(-pid, 'SIGKILL');
      throw new Error(`The server was not healthy after ${timeoutMs} ms:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    pid,
    baseUrl,
    output: () => log,
    exited,
    async kill() {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

/**
 * Runs test/crash/dying-worker.ts on the target (no server may hold it): it takes an order with `key`, completes
 * it and dies by SIGKILL inside the `order.completed` handler. Resolves with how it ended, what it printed and
 * the order's id.
 */
export async function runDyingWorker(
  target: CrashTarget,
  key: string,
): Promise<{ signal: NodeJS.Signals | null; output: string; orderId: string | undefined }> {
  let output = '';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'test/crash/dying-worker.ts'), key],
    { cwd: repoRoot, env: { ...process.env, ...target.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) =>
    child.once('exit', (_code, signal) => {
      running.delete(child);
      resolve({ signal, output, orderId: /^order (\S+)$/m.exec(output)?.[1] });
    }),
  );
}
