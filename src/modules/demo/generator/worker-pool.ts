import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../../config.ts';
import type { FieldCrypto } from '../../../platform/crypto.ts';
import { loadOrCreateSecretFile } from '../../../platform/crypto.ts';
import { PHONE_INDEX_PURPOSE } from '../../identity/index.ts';
import type { EncodedBatch } from './customer-writer.ts';
import { encodeCustomerBatch } from './customer-writer.ts';
import type { CustomerPlan } from './customers.ts';
import { CustomerGenerator } from './customers.ts';

/** Encoded customer batches, in order; `undefined` when all are handed out. */
export interface BatchSource {
  next(): Promise<EncodedBatch | undefined>;
}

/** What a loaded batch added to each table. */
export interface LoadedBatch {
  customers: number;
  tables: { table: string; rows: number }[];
}

/** Loads every customer of a plan somewhere else (worker processes), reporting each batch as it commits. */
export interface CustomerLoader {
  run(report: (batch: LoadedBatch) => void): Promise<void>;
}

export type WorkerRequest =
  | {
      kind: 'init';
      plan: CustomerPlan;
      secrets: readonly string[];
      databaseUrl: string;
      deferForeignKeys: boolean;
    }
  | { kind: 'batch'; from: number; to: number };
export type WorkerReply =
  { kind: 'ready'; probe: string } | ({ kind: 'loaded' } & LoadedBatch) | { kind: 'error'; message: string };

/** Proves a worker encrypts and indexes with the same key as this process before it writes anything. */
export const cryptoProbe = (crypto: FieldCrypto): string =>
  `${crypto.keyId}:${crypto.blindIndex(PHONE_INDEX_PURPOSE, '+8613800138000')}`;

/** Batches generated and encrypted in this process, one at a time as they are asked for. */
export function inProcessBatches(plan: CustomerPlan, crypto: FieldCrypto, batch: number): BatchSource {
  const generator = new CustomerGenerator(plan);
  let from = 0;
  return {
    async next() {
      if (from >= plan.total) return undefined;
      const to = Math.min(plan.total, from + batch);
      const encoded = encodeCustomerBatch(generator, crypto, from, to);
      from = to;
      return encoded;
    },
  };
}

/**
 * The secret the server encrypts with, found the way `openConfiguredDatabase` finds it: workers build their own
 * FieldCrypto from it (a FieldCrypto cannot cross processes), and `cryptoProbe` checks they match.
 */
export function fieldSecrets(config: Config): string[] {
  if (config.secret) return [config.secret];
  return [loadOrCreateSecretFile(config.dataDir).secret];
}

/**
 * A child process rather than a worker thread: threads of one process contend for OpenSSL's locks (the random
 * IV and cipher set-up of every encryption), processes do not. It runs TypeScript through tsx like the CLI.
 */
function spawn(): ChildProcess {
  const entry = fileURLToPath(new URL('./customer-worker.ts', import.meta.url));
  return fork(entry, [], {
    // Encryption allocates many short-lived buffers: larger semi-spaces keep scavenges rare.
    execArgv: ['--import', import.meta.resolve('tsx'), '--max-semi-space-size=32'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

async function stop(workers: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.exitCode !== null || w.signalCode !== null) return resolve();
          // A worker closes its connection and exits when its channel closes; one that lingers is stopped.
          const timer = setTimeout(() => w.kill(), 5000);
          w.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          if (w.connected) w.disconnect();
          else w.kill();
        }),
    ),
  );
}

export interface WorkerOptions {
  secrets: readonly string[];
  databaseUrl: string;
  workers: number;
}

/** Worker processes, started ahead of the work so that they boot while the master data is written. */
export interface WorkerLoaders {
  /** `crypto` is this process's: each worker must prove it encrypts with the same key before it loads. */
  load(plan: CustomerPlan, batch: number, deferForeignKeys: boolean, crypto: FieldCrypto): CustomerLoader;
  close(): Promise<void>;
}

/**
 * `workers` child processes that each generate, encrypt and COPY their batches over a connection of their own
 * (PostgreSQL only), so encryption — one AES-GCM call per personal value, the main cost — runs on every core and
 * no byte passes through this process. Each worker holds at most two batches: one loading, the next being
 * encoded, which bounds memory however large the run.
 */
export function startWorkers(opts: WorkerOptions): WorkerLoaders {
  const workers = Array.from({ length: Math.max(1, opts.workers) }, () => spawn());
  return {
    load: (plan, batch, deferForeignKeys, crypto) => ({
      run: (report) => runWorkers(workers, plan, batch, { ...opts, deferForeignKeys, crypto }, report),
    }),
    close: () => stop(workers),
  };
}

function runWorkers(
  workers: readonly ChildProcess[],
  plan: CustomerPlan,
  batch: number,
  opts: WorkerOptions & { deferForeignKeys: boolean; crypto: FieldCrypto },
  report: (batch: LoadedBatch) => void,
): Promise<void> {
  const expectedProbe = cryptoProbe(opts.crypto);
  const outstanding = new Map<ChildProcess, number>(workers.map((w) => [w, 0]));
  let nextFrom = 0;
  let done = 0;
  let finished = false;
  return new Promise<void>((resolve, reject) => {
    const end = (error?: Error) => {
      if (finished) return;
      finished = true;
      if (error) reject(error);
      else resolve();
    };
    const feed = (w: ChildProcess) => {
      while (w.connected && nextFrom < plan.total && (outstanding.get(w) ?? 0) < 2) {
        const to = Math.min(plan.total, nextFrom + batch);
        w.send({ kind: 'batch', from: nextFrom, to } satisfies WorkerRequest);
        outstanding.set(w, (outstanding.get(w) ?? 0) + 1);
        nextFrom = to;
      }
    };
    for (const w of workers) {
      w.send({
        kind: 'init',
        plan,
        secrets: opts.secrets,
        databaseUrl: opts.databaseUrl,
        deferForeignKeys: opts.deferForeignKeys,
      } satisfies WorkerRequest);
      w.on('message', (reply: WorkerReply) => {
        if (finished) return;
        if (reply.kind === 'error') return end(new Error(`A worker process failed: ${reply.message}`));
        if (reply.kind === 'ready') {
          if (reply.probe !== expectedProbe) {
            return end(
              new Error('A worker process derived a different encryption key; check AFTERSALES_SECRET.'),
            );
          }
          return feed(w);
        }
        outstanding.set(w, (outstanding.get(w) ?? 1) - 1);
        done += reply.customers;
        report(reply);
        if (done >= plan.total) return end();
        feed(w);
      });
      w.on('error', (e) => end(e));
      w.on('exit', (code) => {
        if (!finished)
          end(new Error(`A worker process exited (code ${String(code)}) before its batches were loaded.`));
      });
    }
    if (plan.total === 0) end();
  });
}

/**
 * The CLI's workers: `workers` processes (default: one per core), or none when 0 or on PGlite, where everything
 * runs in this process (the embedded database cannot be shared, and is the bottleneck itself).
 */
export function workerLoadFor(config: Config, workers: number | undefined): WorkerLoaders | undefined {
  const count = workers ?? os.availableParallelism();
  const databaseUrl = config.databaseUrl;
  if (count === 0 || !databaseUrl) return undefined;
  return startWorkers({ secrets: fieldSecrets(config), databaseUrl, workers: count });
}
