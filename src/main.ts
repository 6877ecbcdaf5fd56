import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { buildApp, defaultWebDir } from './app.ts';
import type { Config } from './config.ts';
import { openConfiguredDatabase } from './platform/db/open.ts';
import { ensurePolicyDefaults } from './modules/policy/index.ts';
import { ensureReferenceData } from './modules/catalog/index.ts';
import {
  DEMO_PASSWORD,
  demoMasterData,
  demoOrders,
  demoUsers,
  seedDemo,
  seedDemoMasterData,
  seedDemoOrders,
} from './modules/demo/index.ts';

const repoRoot = path.resolve(defaultWebDir, '../..');

/** `npm start` on a fresh clone has no built UI yet; build it once (about 3 s) rather than serve API only. */
export function buildWebIfMissing(log: (m: string) => void): void {
  if (fs.existsSync(path.join(defaultWebDir, 'index.html'))) return;
  log('Building the web UI (first start only)…');
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) throw new Error('Building the web UI failed; run `npm run build:web` to see why.');
}

export async function startServer(config: Config): Promise<{ close(): Promise<void>; url: string }> {
  const t0 = Date.now();
  const logger = pino({ level: config.logLevel });
  const opened = await openConfiguredDatabase(config, { migrate: true });
  const { database, crypto } = opened;
  const { app, services, deps } = await buildApp({
    database,
    crypto,
    logger,
    businessTimeZone: config.businessTimeZone,
    secureCookies: config.secureCookies,
    rateLimits: {
      login: { max: config.loginPerMinute, windowMs: 60_000 },
      intake: { max: config.intakePerMinute, windowMs: 60_000 },
    },
    webDir: defaultWebDir,
    filesDir: config.filesDir,
    worker: true,
  });
  await ensureReferenceData(database, deps.clock.now());
  await ensurePolicyDefaults(database, deps.clock.now());
  const seeded = config.demo ? await seedDemo(deps, services) : false;
  // Outlets, engineers, dealers and customers for the demo, once; a demo database from before they existed gets
  // them on its next start.
  const master = config.demo
    ? await seedDemoMasterData(database, crypto, {
        ...demoMasterData,
        now: deps.clock.now(),
        timeZone: deps.businessTimeZone,
      })
    : undefined;
  // Four months of work orders over that master data, so the board and the backlog are full on first start.
  const orders = config.demo
    ? await seedDemoOrders(database, {
        ...demoOrders,
        now: deps.clock.now(),
        timeZone: deps.businessTimeZone,
      })
    : undefined;
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;

  const lines = [
    '',
    `Aftersales is running at ${url}  (API docs: ${url}/api/docs)`,
    `Database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL server'}; started in ${Date.now() - t0} ms.`,
  ];
  if (opened.generatedSecretFile) {
    lines.push(
      `A new encryption key was generated at ${opened.generatedSecretFile}: back it up with the data.`,
    );
  }
  if (database.kind === 'pglite') {
    lines.push(
      'Embedded PGlite is for evaluation and demos: it never fsyncs. Run production on PostgreSQL (DATABASE_URL).',
    );
  }
  if (config.demo) {
    lines.push(seeded || master?.seeded || orders?.seeded ? 'Demo data seeded.' : 'Demo data present.');
    if (master?.seeded) {
      lines.push(`Demo master data: ${master.totalRows} rows generated in ${Math.round(master.ms)} ms.`);
    }
    if (orders?.seeded) {
      lines.push(
        `Demo work orders: ${orders.orders} orders (${orders.totalRows} rows) generated in ${Math.round(orders.ms)} ms.`,
      );
    }
    lines.push(`Demo logins (password ${DEMO_PASSWORD}): ${demoUsers.map((u) => u.username).join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      await app.close();
      await opened.close();
    })());
  return { close, url };
}
