import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import { createTestDatabase } from '../../../../test/test-db.ts';
import type { TestDatabase } from '../../../../test/test-db.ts';
import {
  demoMasterData,
  demoOrders,
  seedDemoMasterData,
  seedDemoOrders,
} from '../../../modules/demo/index.ts';
import { referenceDataTables } from '../../../modules/catalog/index.ts';
import { BackupError, databaseSummary, restoreBackup, writeBackup } from '../backup.ts';
import type { BackupManifest, TableSummary } from '../backup.ts';

const nonEmpty = (tables: TableSummary[]) => tables.filter((t) => t.rows > 0);

describe('SEC-4 backup and restore', () => {
  let h: Harness;
  let dir: string;
  let file: string;
  let manifest: BackupManifest;
  const targets: TestDatabase[] = [];

  beforeAll(async () => {
    h = await createHarness();
    const at = { now: h.clock.now(), timeZone: h.deps.businessTimeZone };
    // Demo master data and a few hundred orders: every kind of column (jsonb, arrays, int8, timestamps,
    // encrypted text, the outbox identity) has rows.
    await seedDemoMasterData(h.testDb.database, h.deps.crypto, { ...demoMasterData, ...at });
    await seedDemoOrders(h.testDb.database, { ...demoOrders, orders: 300, days: 30, ...at });
    // Two outbox messages, one delivered: the identity column and nullable timestamps round-trip too.
    await h.testDb.database.executeSql(
      `insert into outbox (id, topic, payload, created_at, published_at) values
         ('evt_backup_1', 'order.completed', '{"orderId":"ord_1"}', now(), now()),
         ('evt_backup_2', 'order.completed', '{"orderId":"ord_2"}', now(), null)`,
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftersales-backup-'));
    file = path.join(dir, 'backup.json.gz');
    manifest = await writeBackup(h.testDb.database, file, h.clock.now());
  }, 180_000);

  afterAll(async () => {
    for (const t of targets) await t.drop();
    await h?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  let fresh: TableSummary[] = [];

  async function freshDatabase(): Promise<TestDatabase> {
    const t = await createTestDatabase();
    targets.push(t);
    fresh = await databaseSummary(t.database);
    return t;
  }

  it('SEC-4 the backup lists every table with its row count and checksum', async () => {
    const source = await databaseSummary(h.testDb.database);
    expect(manifest.tables).toEqual(source);
    const filled = nonEmpty(manifest.tables).map((t) => t.table);
    for (const table of [
      'work_orders',
      'order_events',
      'customers',
      'audit_log',
      'outbox',
      'policy_versions',
    ]) {
      expect(filled, table).toContain(table);
    }
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('SEC-4 a restore into a fresh database reproduces every table row for row', async () => {
    const target = await freshDatabase();
    await restoreBackup(target.database, file, { replaceable: referenceDataTables });
    expect(await databaseSummary(target.database)).toEqual(manifest.tables);
    // Identity sequences continue after the restored rows: a new outbox row does not collide.
    const { rows } = await target.database.executeSql(
      `insert into outbox (id, topic, payload, created_at) values ('evt_after_restore', 't', '{}', now()) returning seq`,
      [],
    );
    const max = await target.database.executeSql(
      `select max(seq)::int8 as m from outbox where id <> 'evt_after_restore'`,
      [],
    );
    expect(Number(rows[0]?.seq)).toBeGreaterThan(Number(max.rows[0]?.m));
  }, 120_000);

  it('SEC-4 a restore refuses a database that holds rows, and leaves it as it was', async () => {
    const before = await databaseSummary(h.testDb.database);
    await expect(
      restoreBackup(h.testDb.database, file, { replaceable: referenceDataTables }),
    ).rejects.toMatchObject({ code: 'NOT_EMPTY' });
    expect(await databaseSummary(h.testDb.database)).toEqual(before);
  });

  it('SEC-4 a tampered backup is refused by its checksums and nothing is kept', async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const index = lines.findIndex((l) => l.startsWith('{"table":"work_orders"'));
    const batch = JSON.parse(lines[index] as string) as { table: string; rows: Record<string, unknown>[] };
    (batch.rows[0] as Record<string, unknown>).fault_description = 'changed after the backup';
    lines[index] = JSON.stringify(batch);
    const tampered = path.join(dir, 'tampered.json.gz');
    fs.writeFileSync(tampered, zlib.gzipSync(lines.join('\n')));
    const target = await freshDatabase();
    const error = await restoreBackup(target.database, tampered, { replaceable: referenceDataTables }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect((error as BackupError).code).toBe('CHECKSUM_MISMATCH');
    expect((error as Error).message).toContain('work_orders');
    expect(await databaseSummary(target.database)).toEqual(fresh);
  }, 120_000);

  it('SEC-4 a file that is not a backup, or from another migration, is refused with the reason', async () => {
    const target = await freshDatabase();
    const junk = path.join(dir, 'junk.gz');
    fs.writeFileSync(junk, 'not gzip at all');
    await expect(
      restoreBackup(target.database, junk, { replaceable: referenceDataTables }),
    ).rejects.toMatchObject({ code: 'NOT_A_BACKUP' });
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const head = JSON.parse(lines[0] as string) as BackupManifest;
    lines[0] = JSON.stringify({ ...head, migration: '0001_older' });
    const old = path.join(dir, 'old.json.gz');
    fs.writeFileSync(old, zlib.gzipSync(lines.join('\n')));
    await expect(
      restoreBackup(target.database, old, { replaceable: referenceDataTables }),
    ).rejects.toMatchObject({ code: 'MIGRATION_MISMATCH' });
    expect(await databaseSummary(target.database)).toEqual(fresh);
  }, 120_000);
});
