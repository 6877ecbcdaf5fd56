import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, DEMO_PASSWORD, TEST_SECRET } from '../../../../test/harness.ts';
import { buildApp } from '../../../app.ts';
import { demoMasterData, seedDemoMasterData } from '../../../modules/demo/index.ts';
import { createFieldCrypto } from '../../crypto.ts';
import { encryptedTables, rekeyDatabase } from '../rekey.ts';

const NEW_SECRET = 'rotated-secret-rotated-secret-rotated-secret-42';

describe('key rotation: rekey re-encrypts personal data and rebuilds the phone indexes', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness();
    const at = { now: h.clock.now(), timeZone: h.deps.businessTimeZone };
    await seedDemoMasterData(h.testDb.database, h.deps.crypto, {
      ...demoMasterData,
      customers: 300,
      ...at,
    });
  }, 120_000);
  afterAll(async () => h?.close());

  it('every blind-index column has its encrypted column and a known purpose', async () => {
    const tables = await encryptedTables(h.testDb.database);
    expect(tables.map((t) => t.table).sort()).toEqual(
      expect.arrayContaining([
        'customer_addresses',
        'customer_phones',
        'customers',
        'dealers',
        'engineers',
        'users',
      ]),
    );
    expect(tables.flatMap((t) => t.indexes.map((i) => `${t.table}.${i.column}`)).sort()).toEqual([
      'customer_phones.phone_idx',
      'dealers.contact_phone_idx',
      'engineers.phone_idx',
      'users.phone_idx',
    ]);
  });

  it('MD-5 after a rotation and a rekey, the old secret can go: everything decrypts and phone look-ups find old rows', async () => {
    const db = h.testDb.database;
    const { rows: sample } = await db.executeSql(
      `select p.customer_id, p.phone_enc from customer_phones p order by p.id limit 1`,
      [],
    );
    const phone = h.deps.crypto.decrypt(String(sample[0]?.phone_enc));

    const rotated = createFieldCrypto([NEW_SECRET, TEST_SECRET]);
    const report = await rekeyDatabase(db, rotated);
    const rows = Object.fromEntries(report.tables.map((t) => [t.table, t.rows]));
    expect(rows.customers).toBeGreaterThanOrEqual(300);
    expect(rows.customer_phones).toBeGreaterThanOrEqual(300);
    expect(rows.users).toBeGreaterThan(0);
    expect(rows.engineers).toBeGreaterThan(0);

    // Nothing is left under the old key, and each index is the new key's digest of its phone.
    const onlyNew = createFieldCrypto([NEW_SECRET]);
    for (const t of await encryptedTables(db)) {
      const { rows: all } = await db.executeSql(
        `select ${[...t.encColumns, ...t.indexes.map((i) => i.column)].join(', ')} from ${t.table}`,
        [],
      );
      for (const row of all) {
        for (const c of t.encColumns) {
          if (row[c] === null) continue;
          expect(String(row[c]).startsWith(`v1.${onlyNew.keyId}.`), `${t.table}.${c}`).toBe(true);
          expect(() => onlyNew.decrypt(String(row[c]))).not.toThrow();
        }
        for (const i of t.indexes) {
          if (row[i.of] === null) continue;
          expect(row[i.column], `${t.table}.${i.column}`).toBe(
            onlyNew.blindIndex(i.purpose, onlyNew.decrypt(String(row[i.of]))),
          );
        }
      }
    }
    expect((await rekeyDatabase(db, rotated)).tables.every((t) => t.rows === 0)).toBe(true);

    // A server holding only the new secret finds the old customer by phone and the accounts still sign in.
    const { app } = await buildApp({ database: db, crypto: onlyNew, clock: h.clock });
    try {
      await app.ready();
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'agent', password: DEMO_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
      const found = await app.inject({
        method: 'GET',
        url: `/api/customers?phone=${encodeURIComponent(phone)}`,
        headers: { cookie: cookies.join('; ') },
      });
      expect(found.statusCode, found.body).toBe(200);
      const items = (found.json() as { items: { id: string }[] }).items;
      expect(items.map((c) => c.id)).toContain(String(sample[0]?.customer_id));
    } finally {
      await app.close();
    }
  }, 120_000);
});
