import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestDatabase } from '../../../../test/test-db.ts';
import { createTestDatabase } from '../../../../test/test-db.ts';
import { systemContext } from '../../auth/actor.ts';
import { writeAudit } from '../../audit/audit.ts';

describe('database layer on both drivers', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('returns int8 as a JS number on PGlite and on PostgreSQL', async () => {
    const { rows } = await t.database.executeSql(
      'select 9007199254740991::int8 as big, count(*) as n from users',
      [],
    );
    expect(rows[0]).toEqual({ big: 9007199254740991, n: 0 });
    const viaDrizzle = (await t.database.db.execute(sql`select 42::int8 as v`)) as unknown as {
      rows: { v: unknown }[];
    };
    expect(viaDrizzle.rows[0]?.v).toBe(42);
  });

  it('refuses int8 values beyond 2^53 instead of silently rounding them', async () => {
    await expect(t.database.executeSql('select 9007199254740993::int8 as v', [])).rejects.toThrow(/2\^53/);
  });

  it('SEC-3 the audit trail is append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await writeAudit(t.database.db, systemContext(new Date()), {
      entity: 'test',
      entityId: 't1',
      action: 'create',
    });
    await expect(t.database.executeSql(`update audit_log set action = 'x'`, [])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.executeSql(`delete from audit_log`, [])).rejects.toThrow(/append-only/);
    await expect(t.database.executeSql(`truncate audit_log`, [])).rejects.toThrow(/append-only/);
    const { rows } = await t.database.executeSql(
      `select count(*) as n from audit_log where entity_id = 't1'`,
      [],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('POL-1 policy versions cannot be edited or deleted in the database', async () => {
    await t.database.executeSql(
      `insert into policy_versions (id, key, version, value, effective_from, note, created_at)
       values ('pol_t1', 'test.key', 1, '1'::jsonb, now(), 'n', now())`,
      [],
    );
    await expect(t.database.executeSql(`update policy_versions set value = '2'::jsonb`, [])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.executeSql(`delete from policy_versions`, [])).rejects.toThrow(/append-only/);
  });
});
