import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { regions } from './catalog.tables.ts';
import { containsPattern } from './catalog-sql.ts';

export type RegionRecord = typeof regions.$inferSelect;

export interface RegionFilter {
  parentCode?: string | undefined;
  level?: string | undefined;
  /** Part of the name, or the start of the code. */
  q?: string | undefined;
  marketTier?: number | undefined;
  areaType?: string | undefined;
}

function where(f: RegionFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.parentCode) parts.push(eq(regions.parentCode, f.parentCode));
  if (f.level) parts.push(eq(regions.level, f.level));
  if (f.q) {
    const q = f.q.trim();
    parts.push(
      /^\d{1,6}$/.test(q)
        ? or(sql`${regions.code} like ${`${q}%`}`, ilike(regions.name, containsPattern(q)))
        : ilike(regions.name, containsPattern(q)),
    );
  }
  if (f.marketTier !== undefined) parts.push(eq(regions.marketTier, f.marketTier));
  if (f.areaType) parts.push(eq(regions.areaType, f.areaType));
  return and(...parts);
}

export const regionsRepository = {
  async count(db: Executor, f: RegionFilter): Promise<number> {
    const rows = await db.select({ n: count() }).from(regions).where(where(f));
    return rows[0]?.n ?? 0;
  },

  async rows(db: Executor, f: RegionFilter, limit: number, offset: number): Promise<RegionRecord[]> {
    return db.select().from(regions).where(where(f)).orderBy(asc(regions.code)).limit(limit).offset(offset);
  },

  async findByCode(db: Executor, code: string, forUpdate = false): Promise<RegionRecord | undefined> {
    const q = db.select().from(regions).where(eq(regions.code, code)).limit(1);
    return (forUpdate ? await q.for('update') : await q)[0];
  },

  /** Every region's place in the tree; names never change through the API, so callers may cache this. */
  async nodes(db: Executor) {
    return db
      .select({
        code: regions.code,
        name: regions.name,
        level: regions.level,
        parentCode: regions.parentCode,
      })
      .from(regions)
      .orderBy(asc(regions.code));
  },

  async updateVersioned(
    db: Executor,
    code: string,
    expectedVersion: number,
    patch: Partial<Pick<RegionRecord, 'marketTier' | 'areaType' | 'tierSource' | 'updatedAt'>>,
  ): Promise<RegionRecord | undefined> {
    const rows = await db
      .update(regions)
      .set({ ...patch, version: sql`${regions.version} + 1` })
      .where(and(eq(regions.code, code), eq(regions.version, expectedVersion)))
      .returning();
    return rows[0];
  },
};
