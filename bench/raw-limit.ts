import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Database } from '../src/platform/db/database.ts';
import type { CapturedStatement } from './sql-capture.ts';

const run = promisify(execFile);
const { prepareValue } = createRequire(import.meta.url)('pg/lib/utils.js') as {
  prepareValue(v: unknown): unknown;
};

/** A value the create made up (ids, the order number, the Idempotency-Key): fresh in every replayed transaction. */
interface Fresh {
  value: string;
  prefix: string;
}

const ID = /^([a-z]{3})_[0-9A-Za-z]{8,}$/;
const NUMBER = /^WO\d{8}-\d{6}$/;
const isInsert = (s: CapturedStatement) => /^\s*insert\b/i.test(s.text);

/**
 * Which parameter values the create generated: ids first seen in an INSERT (not read before, not part of the
 * request), the order number, and the request's Idempotency-Key. Every other value is replayed as captured.
 */
export function freshValues(
  statements: readonly CapturedStatement[],
  idempotencyKey: string | null,
  uncontendedCounter = false,
): Fresh[] {
  const seen = new Set<string>();
  const fresh = new Map<string, Fresh>();
  for (const s of statements) {
    for (const v of s.values) {
      if (typeof v !== 'string' || seen.has(v)) continue;
      seen.add(v);
      const id = ID.exec(v);
      if (isInsert(s) && id) fresh.set(v, { value: v, prefix: `${id[1]}_` });
      else if (NUMBER.test(v)) fresh.set(v, { value: v, prefix: 'WB' });
      else if (v === idempotencyKey) fresh.set(v, { value: v, prefix: 'bench-' });
      else if (uncontendedCounter && /order_number_sequences/.test(s.text) && /^\d{8}$/.test(v))
        fresh.set(v, { value: v, prefix: 'D' });
    }
  }
  return [...fresh.values()];
}

/**
 * An escape-string literal: pgbench reads `:name` anywhere in a command as a variable (JSON's `:null`, `:true`),
 * so colons are written as `\x3a`, which PostgreSQL turns back into `:`.
 */
const quote = (s: string) => `E'${s.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/:/g, '\\x3a')}'`;

function literal(v: unknown): string {
  const p = prepareValue(v);
  if (p === null || p === undefined) return 'NULL';
  return quote(Buffer.isBuffer(p) ? `\\x${p.toString('hex')}` : String(p));
}

/**
 * The captured create as a pgbench script: one transaction per run of the script, statements in the order the
 * code sent them (reads before the transaction, BEGIN, writes, COMMIT, reads after), parameters inlined as
 * literals, generated values replaced by `prefix || client id || random number` so every transaction writes
 * new rows.
 */
export function pgbenchScript(statements: readonly CapturedStatement[], fresh: readonly Fresh[]): string {
  const byValue = new Map(
    fresh.map((f, i) => [f.value, `'${f.prefix}' || :client_id || '_' || :bench_n || '_${i}'`]),
  );
  const lines = ['\\set bench_n random(1, 9000000000000)'];
  for (const s of statements) {
    const text = s.text.replace(/\$(\d+)/g, (_, n: string) => {
      const v = s.values[Number(n) - 1];
      return (typeof v === 'string' && byValue.get(v)) || literal(v);
    });
    lines.push(`${text.replace(/\s*;\s*$/, '').replace(/\n\s*/g, ' ')};`);
  }
  return `${lines.join('\n')}\n`;
}

export interface RawRun {
  method: string;
  transactionsPerSecond: number;
  statements: number;
  writes: number;
  connections: number;
  seconds: number;
  latencyMs: number | null;
}

/** pgbench over the bench database at the intake's concurrency, after checking one transaction goes through. */
export async function runPgbench(opts: {
  url: string;
  statements: readonly CapturedStatement[];
  idempotencyKey: string | null;
  connections: number;
  seconds: number;
  /** Give every transaction its own day row in order_number_sequences (a diagnosis, not the code path). */
  uncontendedCounter?: boolean;
}): Promise<RawRun & { script: string }> {
  const script = pgbenchScript(
    opts.statements,
    freshValues(opts.statements, opts.idempotencyKey, opts.uncontendedCounter === true),
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aftersales-pgbench-')), 'create.sql');
  fs.writeFileSync(file, script);
  try {
    const base = ['-n', '-M', 'extended', '-f', file];
    await run('pgbench', [...base, '-c', '1', '-t', '1', opts.url]);
    const jobs = String(Math.min(opts.connections, os.availableParallelism()));
    const { stdout } = await run(
      'pgbench',
      [...base, '-c', String(opts.connections), '-j', jobs, '-T', String(opts.seconds), opts.url],
      { maxBuffer: 16 << 20 },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1] ?? NaN);
    const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    if (!Number.isFinite(tps) || failed > 0) throw new Error(`pgbench did not run cleanly:\n${stdout}`);
    return {
      method: `pgbench -M extended, ${opts.connections} clients, ${jobs} threads${opts.uncontendedCounter ? ', day counter uncontended' : ''}`,
      transactionsPerSecond: tps,
      statements: opts.statements.length,
      writes: opts.statements.filter(isInsert).length,
      connections: opts.connections,
      seconds: opts.seconds,
      latencyMs: latency ? Number(latency) : null,
      script,
    };
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

/**
 * PGlite has one connection and no wire protocol for pgbench: the same statements are replayed in this process,
 * one transaction after another, with fresh generated values each time (parameters stay parameters).
 */
export async function replayOnPglite(opts: {
  database: Database;
  statements: readonly CapturedStatement[];
  idempotencyKey: string | null;
  seconds: number;
}): Promise<RawRun> {
  const client = opts.database.pglite;
  if (!client) throw new Error('replayOnPglite needs a PGlite database');
  const fresh = freshValues(opts.statements, opts.idempotencyKey);
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < opts.seconds * 1000) {
    n++;
    const replace = new Map(fresh.map((f, i) => [f.value, `${f.prefix}r${n}_${i}_${t0.toFixed(0)}`]));
    for (const s of opts.statements) {
      const values = s.values.map((v) => (typeof v === 'string' ? (replace.get(v) ?? v) : v));
      if (values.length > 0) await client.query(s.text, values);
      else await client.exec(s.text);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    method: 'in-process replay on the one PGlite connection',
    transactionsPerSecond: n / seconds,
    statements: opts.statements.length,
    writes: opts.statements.filter(isInsert).length,
    connections: 1,
    seconds,
    latencyMs: (seconds * 1000) / n,
  };
}
