import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import type { TestDatabase } from '../../../../test/test-db.ts';
import { createTestDatabase } from '../../../../test/test-db.ts';
import { systemClock } from '../../clock.ts';
import { createFieldCrypto } from '../../crypto.ts';
import type { PlatformDeps } from '../../deps.ts';
import { inTransaction, realSleep } from '../../deps.ts';
import { withAmbientTransactions } from '../ambient-transaction.ts';
import { outlets } from '../../../modules/outlets/outlets.tables.ts';

describe('ambient transactions', () => {
  let t: TestDatabase;
  let deps: PlatformDeps;
  let commits = 0;
  const row = (id: string) => ({
    id,
    code: id,
    name: id,
    type: 'after_sales_tier1',
    regionCode: '440106',
    status: 'active',
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  const countOf = async (prefix: string) =>
    Number(
      (await t.database.executeSql(`select count(*) as n from outlets where id like $1`, [`${prefix}%`]))
        .rows[0]?.n,
    );

  beforeAll(async () => {
    t = await createTestDatabase();
    deps = {
      database: withAmbientTransactions(t.database),
      crypto: createFieldCrypto(['x'.repeat(40)]),
      policies: { at: () => Promise.reject(new Error('unused')) },
      clock: systemClock,
      logger: pino({ level: 'silent' }),
      businessTimeZone: 'Asia/Shanghai',
      afterCommit: () => void commits++,
      sleep: realSleep,
    };
  });
  afterAll(() => t.drop());

  it('code inside a transaction that uses the root handle joins the transaction (no PGlite deadlock)', async () => {
    await inTransaction(deps, async () => {
      await deps.database.db.insert(outlets).values(row('out_amb1'));
      const seen = await deps.database.db
        .select()
        .from(outlets)
        .where(sql`${outlets.id} = 'out_amb1'`);
      expect(seen).toHaveLength(1);
    });
    expect(await countOf('out_amb1')).toBe(1);
  });

  it('a nested use case is a savepoint: its failure can be caught without losing the outer work', async () => {
    const before = commits;
    await inTransaction(deps, async (tx) => {
      await tx.insert(outlets).values(row('out_amb2a'));
      await expect(
        inTransaction(deps, async (inner) => {
          await inner.insert(outlets).values(row('out_amb2b'));
          await inner.insert(outlets).values(row('out_amb2b')); // duplicate key
        }),
      ).rejects.toThrow();
      await inTransaction(deps, (inner) => inner.insert(outlets).values(row('out_amb2c')));
    });
    expect(await countOf('out_amb2a')).toBe(1);
    expect(await countOf('out_amb2b')).toBe(0);
    expect(await countOf('out_amb2c')).toBe(1);
    expect(commits - before).toBe(1);
  });

  it('an error in the outer transaction rolls back the nested use cases too (all or nothing)', async () => {
    await expect(
      inTransaction(deps, async () => {
        await inTransaction(deps, (inner) => inner.insert(outlets).values(row('out_amb3a')));
        await inTransaction(deps, (inner) => inner.insert(outlets).values(row('out_amb3b')));
        throw new Error('abort the import');
      }),
    ).rejects.toThrow('abort the import');
    expect(await countOf('out_amb3')).toBe(0);
  });

  it('outside any transaction the proxy uses the pool, and concurrent transactions stay separate', async () => {
    await Promise.all([
      inTransaction(deps, (tx) => tx.insert(outlets).values(row('out_amb4a'))),
      inTransaction(deps, (tx) => tx.insert(outlets).values(row('out_amb4b'))),
      expect(
        inTransaction(deps, async (tx) => {
          await tx.insert(outlets).values(row('out_amb4c'));
          throw new Error('only this one');
        }),
      ).rejects.toThrow('only this one'),
    ]);
    expect(await countOf('out_amb4')).toBe(2);
  });
});
