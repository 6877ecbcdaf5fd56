import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TestDatabase } from '../../../../test/test-db.ts';
import { createTestDatabase } from '../../../../test/test-db.ts';
import { createFieldCrypto } from '../../../platform/crypto.ts';
import type { Database } from '../../../platform/db/database.ts';
import { ensurePolicyDefaults } from '../../policy/index.ts';
import { seedAtScale } from '../index.ts';
import type { ScaleOptions, SeedResult } from '../index.ts';
import { inCopyTransaction } from '../generator/copy-session.ts';
import { CopyText } from '../generator/copy-text.ts';
import { startWorkers } from '../generator/worker-pool.ts';
import {
  contentDigest,
  count,
  coverageProblems,
  parentProblems,
  phoneProblems,
  rows,
  unitProblems,
} from './master-data-checks.ts';

const SECRET = 'scale-test-secret-scale-test-secret-0123456789';
const crypto = createFieldCrypto([SECRET]);
const now = new Date('2026-11-23T02:00:00Z');

const onPostgres = inject('testDb') === 'postgres';
const opened: TestDatabase[] = [];
async function freshDatabase(): Promise<Database> {
  const t = await createTestDatabase();
  opened.push(t);
  await ensurePolicyDefaults(t.database, now);
  return t.database;
}

/** Worker processes as the CLI runs them, loading into the test database over connections of their own. */
function workers(database: Database, secrets: readonly string[] = [SECRET], count = 2) {
  const url = opened.find((t) => t.database === database)?.url;
  if (!url) throw new Error('Worker processes need a PostgreSQL database URL.');
  return startWorkers({ secrets, databaseUrl: url, workers: count });
}

const small = (seed: number, extra: Partial<ScaleOptions> = {}): ScaleOptions => ({
  seed,
  customers: 600,
  outlets: 200,
  batch: 250,
  now,
  ...extra,
});

describe('aftersales seed --scale (seedAtScale)', () => {
  let db: Database;
  let result: SeedResult;

  beforeAll(async () => {
    db = await freshDatabase();
    // The CLI's path on each engine: worker processes on PostgreSQL, this process on PGlite.
    result = await seedAtScale(db, crypto, {
      seed: 7,
      customers: 3000,
      outlets: 200,
      batch: 700,
      deferForeignKeyChecks: true,
      now,
      ...(onPostgres ? { workers: workers(db) } : {}),
    });
  }, 120_000);
  afterAll(async () => {
    for (const t of opened) await t.drop();
  });

  it('MD-1 loads 3,000 customers in batches with their phones, addresses and units, and reports rows/s per table', async () => {
    expect(result.seeded).toBe(true);
    const reported = Object.fromEntries(result.tables.map((t) => [t.table, t.rows]));
    const stored: Record<string, number> = {};
    for (const table of Object.keys(reported)) stored[table] = await count(db, table);
    expect(stored).toEqual(reported);
    expect(reported.customers).toBe(3000);
    expect(reported.outlets).toBe(200);
    expect(reported.customer_phones).toBeGreaterThanOrEqual(3000);
    expect(reported.units).toBeGreaterThanOrEqual(3000);
    expect(result.customersPerSecond).toBeGreaterThan(0);
    expect(result.totalRows).toBe(Object.values(reported).reduce((s, n) => s + n, 0));
    // PostgreSQL test databases are reached as a superuser, so the foreign keys are checked once after loading.
    expect(result.foreignKeys).toBe(db.kind === 'postgres' ? 'after loading' : undefined);
  });

  it('MD-5 every phone of the scale run decrypts to a valid E.164 mobile and its blind index matches', async () => {
    expect(await phoneProblems(db, crypto)).toEqual([]);
  });

  it('MD-4 units, phones and addresses all point to existing customers, models and addresses', async () => {
    expect(await unitProblems(db)).toEqual([]);
    const orphans = await rows(
      db,
      `select (select count(*) from customer_phones p where not exists (select 1 from customers c where c.id = p.customer_id)) as phones,
              (select count(*) from customer_addresses a where not exists (select 1 from customers c where c.id = a.customer_id)) as addresses`,
    );
    expect(orphans.map((r) => [Number(r.phones), Number(r.addresses)])).toEqual([[0, 0]]);
    const codes = await rows(db, 'select count(distinct code) as codes, count(*) as n from customers');
    expect(codes[0]?.codes).toBe(codes[0]?.n);
  });

  it('NET-1 NET-2 the scale network keeps tier-2 parents in their city and two active outlets with a backup per district', async () => {
    expect(await parentProblems(db)).toEqual([]);
    expect(await coverageProblems(db, 2)).toEqual([]);
  });

  it('MD-1 COPY text carries tabs, backslashes, newlines, quotes, arrays and nulls through unchanged on this engine', async () => {
    const probe = { name: 'copy_probe', columns: ['t', 'n', 'b', 'a', 'j', 'at'] } as const;
    const values = [
      'a\tb\\c\nd "e"',
      12.5,
      true,
      ['压缩机', 'a "b", {c}'],
      JSON.stringify({ x: '\t' }),
      new Date('2026-01-02T03:04:05Z'),
    ];
    const text = new CopyText(probe);
    text.add(values);
    text.add([null, null, null, null, null, null]);
    const back = await inCopyTransaction(db, async (session) => {
      await session.query(
        'create temp table copy_probe (t text, n double precision, b boolean, a text[], j jsonb, at timestamptz) on commit drop',
      );
      await session.copy(probe, text.take().text);
      return session.query(`select t, n, b, a, j::text as j, at from copy_probe order by t nulls last`);
    });
    expect(back.map((r) => [r.t, r.n, r.b, r.a, r.j, (r.at as Date | null)?.toISOString() ?? null])).toEqual([
      ['a\tb\\c\nd "e"', 12.5, true, ['压缩机', 'a "b", {c}'], '{"x": "\\t"}', '2026-01-02T03:04:05.000Z'],
      [null, null, null, null, null, null],
    ]);
  });

  it('MD-1 a second scale run finds the generated data and does nothing', async () => {
    const again = await seedAtScale(db, crypto, small(8));
    expect(again.seeded).toBe(false);
    expect(await count(db, 'customers')).toBe(3000);
  });

  it('MD-1 the same seed gives the same codes, names and phones; another seed gives other data', async () => {
    const digests: string[] = [];
    for (const seed of [11, 11, 12]) {
      const target = await freshDatabase();
      expect((await seedAtScale(target, crypto, small(seed))).seeded).toBe(true);
      digests.push(await contentDigest(target, crypto));
    }
    expect(digests[0]).toBe(digests[1]);
    expect(digests[2]).not.toBe(digests[0]);
  });

  it.runIf(onPostgres)(
    'MD-5 worker processes encrypt with the server key: their rows equal the in-process rows of the same seed',
    async () => {
      const inProcess = await freshDatabase();
      await seedAtScale(inProcess, crypto, small(21));
      const pooled = await freshDatabase();
      const seeded = await seedAtScale(pooled, crypto, { ...small(21), workers: workers(pooled) });
      expect(seeded.seeded).toBe(true);
      expect(await phoneProblems(pooled, crypto)).toEqual([]);
      expect(await contentDigest(pooled, crypto)).toBe(await contentDigest(inProcess, crypto));
    },
    60_000,
  );

  it.runIf(onPostgres)(
    'MD-5 a worker that would encrypt with another key is refused before it writes a customer',
    async () => {
      const target = await freshDatabase();
      await expect(
        seedAtScale(target, crypto, {
          ...small(31),
          workers: workers(target, ['another-secret-another-secret-0123456789'], 1),
        }),
      ).rejects.toThrow(/different encryption key/);
      expect(await count(target, 'customers')).toBe(0);
    },
    60_000,
  );
});
