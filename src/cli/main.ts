import path from 'node:path';
import { Command, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { systemContext } from '../platform/auth/actor.ts';
import type { Scope } from '../platform/auth/actor.ts';
import { DataDirLockedError } from '../platform/db/data-dir-lock.ts';
import { openConfiguredDatabase } from '../platform/db/open.ts';
import { BackupError, restoreBackup, writeBackup } from '../platform/db/backup.ts';
import { rekeyDatabase } from '../platform/db/rekey.ts';
import { AppError } from '../platform/errors.ts';
import { buildApp } from '../app.ts';
import { buildWebIfMissing, startServer } from '../main.ts';
import { ensurePolicyDefaults } from '../modules/policy/index.ts';
import { ensureReferenceData, referenceDataTables } from '../modules/catalog/index.ts';
import { roles, scopeKindOfRole } from '../modules/identity/index.ts';
import {
  DEMO_PASSWORD,
  demoMasterData,
  demoOrders,
  formatSeedReport,
  progressBars,
  scaleOutlets,
  seedAtScale,
  seedDemo,
  seedDemoMasterData,
  seedDemoOrders,
  workerLoadFor,
} from '../modules/demo/index.ts';

/** Runs a command against the configured database with the same services the server uses. */
async function withServices<T>(fn: (s: Awaited<ReturnType<typeof buildApp>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const opened = await openConfiguredDatabase(config, { migrate: true });
  try {
    const built = await buildApp({
      database: opened.database,
      crypto: opened.crypto,
      businessTimeZone: config.businessTimeZone,
    });
    await ensureReferenceData(opened.database, built.deps.clock.now());
    await ensurePolicyDefaults(opened.database, built.deps.clock.now());
    try {
      return await fn(built);
    } finally {
      await built.app.close();
    }
  } finally {
    await opened.close();
  }
}

function scopeFrom(role: string, opts: { outlet?: string; regions?: string }): Scope {
  const kind = scopeKindOfRole[role as keyof typeof scopeKindOfRole];
  if (kind === 'outlet') {
    if (!opts.outlet) throw new AppError('VALIDATION_FAILED', `Role ${role} needs --outlet <outletId>.`);
    return { kind: 'outlet', outletId: opts.outlet };
  }
  if (kind === 'regions') {
    if (!opts.regions) throw new AppError('VALIDATION_FAILED', `Role ${role} needs --regions <code,code>.`);
    return { kind: 'regions', regionCodes: opts.regions.split(',').map((s) => s.trim()) };
  }
  return { kind: 'all' };
}

const program = new Command('aftersales').description('Aftersales service management').showHelpAfterError();

program
  .command('serve')
  .description('Migrate, seed demo data when in demo mode, and serve the UI and API')
  .option('--build-web-if-missing', 'build the web UI first when it has not been built')
  .action(async (opts: { buildWebIfMissing?: boolean }) => {
    const config = loadConfig();
    if (opts.buildWebIfMissing) buildWebIfMissing((m) => process.stdout.write(`${m}\n`));
    const server = await startServer(config);
    const stop = (signal: string) => {
      process.stdout.write(`\n${signal}: shutting down…\n`);
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('Apply pending database migrations and policy defaults')
  .action(async () => {
    await withServices(async () => undefined);
    process.stdout.write('Database is up to date.\n');
  });

function wholeNumber(name: string, min = 1) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${name} must be a whole number of at least ${min}, got "${raw}".`,
      );
    }
    return n;
  };
}

program
  .command('seed')
  .description('Load demo data (--demo), or generate master data at scale into an empty database (--scale)')
  .option(
    '--demo',
    'demo outlets, one account per role, demo master data (outlets, engineers, customers…) and four months of work orders',
  )
  .option(
    '--scale <customers>',
    'generate this many customers with their phones, addresses and units',
    wholeNumber('--scale'),
  )
  .option('--seed <n>', 'random seed: the same seed generates the same data', wholeNumber('--seed', 0))
  .option(
    '--outlets <n>',
    'outlets to generate (default: customers/500, at least 200)',
    wholeNumber('--outlets'),
  )
  .option('--batch <rows>', 'customers per COPY batch', wholeNumber('--batch'), 5000)
  .option(
    '--workers <n>',
    'worker processes that generate and encrypt customers (default: CPU cores; 0: none)',
    wholeNumber('--workers', 0),
  )
  .option(
    '--no-defer-fk-checks',
    'check the foreign keys of customer phones and addresses row by row, not once after loading (PostgreSQL)',
  )
  .action(
    async (opts: {
      demo?: boolean;
      scale?: number;
      seed?: number;
      outlets?: number;
      batch: number;
      workers?: number;
      deferFkChecks: boolean;
    }) => {
      if (Boolean(opts.demo) === (opts.scale !== undefined)) {
        throw new AppError('VALIDATION_FAILED', 'Give either --demo or --scale <customers>.');
      }
      if (opts.demo) {
        const { seeded, master, orders } = await withServices(async ({ deps, services }) => {
          const seed = opts.seed !== undefined ? { seed: opts.seed } : {};
          const at = { now: deps.clock.now(), timeZone: deps.businessTimeZone };
          return {
            seeded: await seedDemo(deps, services),
            master: await seedDemoMasterData(deps.database, deps.crypto, {
              ...demoMasterData,
              ...seed,
              ...at,
            }),
            orders: await seedDemoOrders(deps.database, { ...demoOrders, ...seed, ...at }),
          };
        });
        const loaded = [
          master.seeded ? `${master.totalRows} rows of master data` : '',
          orders.seeded ? `${orders.orders} work orders` : '',
        ].filter((x) => x !== '');
        process.stdout.write(
          seeded || master.seeded || orders.seeded
            ? `Demo data loaded${loaded.length > 0 ? ` (${loaded.join(', ')})` : ''}; every demo account uses the password ${DEMO_PASSWORD}.\n`
            : 'Demo data was already present.\n',
        );
        return;
      }
      const customers = opts.scale as number;
      // Worker processes boot (compile, connect) while the services start and the master data is written.
      const workers = workerLoadFor(loadConfig(), opts.workers);
      const bars = progressBars();
      const result = await withServices(({ deps }) =>
        seedAtScale(deps.database, deps.crypto, {
          seed: opts.seed ?? demoMasterData.seed,
          customers,
          outlets: opts.outlets ?? scaleOutlets(customers),
          now: deps.clock.now(),
          timeZone: deps.businessTimeZone,
          batch: opts.batch,
          deferForeignKeyChecks: opts.deferFkChecks,
          progress: bars,
          workers,
        }),
      ).finally(async () => {
        bars.stop();
        await workers?.close();
      });
      process.stdout.write(
        result.seeded
          ? formatSeedReport(result)
          : 'The database already has products, customers or generated data; nothing was generated. Use an empty database.\n',
      );
    },
  );

const user = program.command('user').description('Manage user accounts');

user
  .command('add')
  .description('Create a user')
  .requiredOption('--username <username>')
  .requiredOption('--display-name <name>')
  .addOption(new Option('--role <role>').choices([...roles]).makeOptionMandatory())
  .option('--outlet <outletId>', 'for outlet, dispatcher and engineer roles')
  .option('--regions <codes>', 'comma-separated region codes, for regional and dealer roles')
  .option('--phone <phone>')
  .option('--password <password>', 'or set AFTERSALES_PASSWORD')
  .action(
    async (opts: {
      username: string;
      displayName: string;
      role: string;
      outlet?: string;
      regions?: string;
      phone?: string;
      password?: string;
    }) => {
      const password = opts.password ?? process.env.AFTERSALES_PASSWORD;
      if (!password) throw new AppError('VALIDATION_FAILED', 'Give --password or set AFTERSALES_PASSWORD.');
      const created = await withServices(({ services, deps }) =>
        services.users.create(systemContext(deps.clock.now()), {
          username: opts.username,
          displayName: opts.displayName,
          role: opts.role,
          scope: scopeFrom(opts.role, opts),
          password,
          phone: opts.phone,
        }),
      );
      process.stdout.write(`Created user ${created.username} (${created.id}) with role ${created.role}.\n`);
    },
  );

user
  .command('reset-password')
  .description('Set a new password, unlock the account and end its sessions')
  .argument('<username>')
  .option('--password <password>', 'or set AFTERSALES_PASSWORD')
  .action(async (username: string, opts: { password?: string }) => {
    const password = opts.password ?? process.env.AFTERSALES_PASSWORD;
    if (!password) throw new AppError('VALIDATION_FAILED', 'Give --password or set AFTERSALES_PASSWORD.');
    await withServices(async ({ services, deps }) => {
      const id = await services.users.findIdByUsername(username);
      if (!id) throw new AppError('NOT_FOUND', `No user named ${username}.`);
      await services.users.resetPassword(systemContext(deps.clock.now()), id, password);
    });
    process.stdout.write(`Password of ${username} reset; the account is unlocked.\n`);
  });

program
  .command('backup')
  .description('SEC-4: write every table to a backup file (gzip JSON lines with row counts and checksums)')
  .argument('<file>', 'where to write the backup (replaced only when complete)')
  .action(async (file: string) => {
    const config = loadConfig();
    // No migration: a backup records the database exactly as it is.
    const opened = await openConfiguredDatabase(config, { migrate: false });
    try {
      const manifest = await writeBackup(opened.database, path.resolve(file), new Date());
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      process.stdout.write(
        `Backed up ${rows} rows of ${manifest.tables.length} tables (migration ${manifest.migration}) to ${file}.\n` +
          'Keep the secret (AFTERSALES_SECRET or the data directory’s secret file) apart from it: encrypted fields need it.\n',
      );
    } finally {
      await opened.close();
    }
  });

program
  .command('restore')
  .description('SEC-4: restore a backup file into an empty database and verify every table by its checksum')
  .argument('<file>', 'a file written by `aftersales backup`')
  .action(async (file: string) => {
    const config = loadConfig();
    const opened = await openConfiguredDatabase(config, { migrate: true });
    try {
      const manifest = await restoreBackup(opened.database, path.resolve(file), {
        replaceable: referenceDataTables,
      });
      const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
      process.stdout.write(
        `Restored ${rows} rows of ${manifest.tables.length} tables from ${file} (taken ${manifest.createdAt} on ${manifest.engine}); every table matches its checksum.\n`,
      );
    } finally {
      await opened.close();
    }
  });

program
  .command('rekey')
  .description(
    'After a secret rotation: re-encrypt personal data under the current secret and rebuild the phone indexes',
  )
  .action(async () => {
    const config = loadConfig();
    const opened = await openConfiguredDatabase(config, { migrate: true });
    try {
      const report = await rekeyDatabase(opened.database, opened.crypto);
      const rows = report.tables.reduce((n, t) => n + t.rows, 0);
      const detail = report.tables
        .filter((t) => t.rows > 0)
        .map((t) => `${t.table} ${t.rows}`)
        .join(', ');
      process.stdout.write(
        rows === 0
          ? `Every encrypted field already uses key ${report.keyId}.\n`
          : `Re-encrypted ${rows} rows under key ${report.keyId} (${detail}). The previous secret is no longer needed.\n`,
      );
    } finally {
      await opened.close();
    }
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof BackupError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(2);
  }
  if (e instanceof DataDirLockedError) {
    process.stderr.write(`${e.message}\n`);
    process.exit(3);
  }
  if (e instanceof AppError) {
    const details = e.errors?.map((x) => `  ${x.path}: ${x.message}`).join('\n');
    process.stderr.write(`${e.message}${details ? `\n${details}` : ''}\n`);
    process.exit(2);
  }
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
