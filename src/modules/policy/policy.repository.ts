import { and, asc, count, desc, eq, max, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { policyVersions } from './policy.tables.ts';

export type PolicyVersionRow = typeof policyVersions.$inferSelect;

export const policyRepository = {
  async versionsOf(db: Executor, key: string): Promise<PolicyVersionRow[]> {
    return db
      .select()
      .from(policyVersions)
      .where(eq(policyVersions.key, key))
      .orderBy(desc(policyVersions.version));
  },

  async all(db: Executor): Promise<PolicyVersionRow[]> {
    return db.select().from(policyVersions).orderBy(asc(policyVersions.key), desc(policyVersions.version));
  },

  async keysWithVersions(db: Executor): Promise<Set<string>> {
    const rows = await db.selectDistinct({ key: policyVersions.key }).from(policyVersions);
    return new Set(rows.map((r) => r.key));
  },

  async maxVersion(db: Executor, key: string): Promise<number> {
    const rows = await db
      .select({ v: max(policyVersions.version) })
      .from(policyVersions)
      .where(eq(policyVersions.key, key));
    return rows[0]?.v ?? 0;
  },

  /** Serialises concurrent additions to one key inside the caller's transaction. */
  async lockKey(db: Executor, key: string): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`policy:${key}`}))`);
  },

  async insert(db: Executor, row: typeof policyVersions.$inferInsert): Promise<PolicyVersionRow> {
    return (await db.insert(policyVersions).values(row).returning())[0] as PolicyVersionRow;
  },

  async insertMany(db: Executor, rows: (typeof policyVersions.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await db.insert(policyVersions).values(rows).onConflictDoNothing();
  },

  async countFor(db: Executor, key: string): Promise<number> {
    const rows = await db
      .select({ n: count() })
      .from(policyVersions)
      .where(and(eq(policyVersions.key, key)));
    return rows[0]?.n ?? 0;
  },
};
