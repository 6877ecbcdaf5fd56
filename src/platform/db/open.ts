import path from 'node:path';
import type { Config } from '../../config.ts';
import { createFieldCrypto, loadOrCreateSecretFile } from '../crypto.ts';
import type { FieldCrypto } from '../crypto.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import type { Database } from './database.ts';
import { openPglite, openPostgres } from './database.ts';
import { migrateDatabase } from './migrate.ts';

export interface OpenedDatabase {
  database: Database;
  crypto: FieldCrypto;
  /** Set when the secret was generated into the data directory on this start. */
  generatedSecretFile: string | undefined;
  close(): Promise<void>;
}

/**
 * Opens the configured database for a server or a CLI command. On PGlite the data directory is locked first:
 * a second process fails here, before it could touch the files.
 */
export async function openConfiguredDatabase(
  config: Config,
  options: { migrate: boolean },
): Promise<OpenedDatabase> {
  const lock = config.databaseUrl ? undefined : acquireDataDirLock(config.dataDir);
  try {
    let generatedSecretFile: string | undefined;
    let secrets: string[];
    if (config.secret) {
      const previous = (process.env.AFTERSALES_SECRET_PREVIOUS ?? '').split(',').map((s) => s.trim());
      secrets = [config.secret, ...previous.filter((s) => s.length > 0)];
    } else {
      const file = loadOrCreateSecretFile(config.dataDir);
      if (file.created) generatedSecretFile = file.file;
      secrets = [file.secret];
    }
    const database = config.databaseUrl
      ? openPostgres(config.databaseUrl)
      : await openPglite({ dataDir: path.join(config.dataDir, 'pglite') });
    if (options.migrate) await migrateDatabase(database);
    return {
      database,
      crypto: createFieldCrypto(secrets),
      generatedSecretFile,
      async close() {
        await database.close();
        lock?.release();
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}
