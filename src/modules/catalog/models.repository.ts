import { and, asc, count, eq, ilike, ne, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { productCategories, productLines, productModels } from './catalog.tables.ts';
import { containsPattern } from './catalog-sql.ts';

export type ModelRecord = typeof productModels.$inferSelect;
export type NewModelRecord = typeof productModels.$inferInsert;

export interface ModelFilter {
  q?: string | undefined;
  categoryCode?: string | undefined;
  active?: boolean | undefined;
}

function where(f: ModelFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.q) {
    const like = containsPattern(f.q.trim());
    parts.push(or(ilike(productModels.code, like), ilike(productModels.name, like)));
  }
  if (f.categoryCode) parts.push(eq(productModels.categoryCode, f.categoryCode));
  if (f.active !== undefined) parts.push(eq(productModels.active, f.active));
  return and(...parts);
}

export const modelsRepository = {
  async lines(db: Executor) {
    return db
      .select({ code: productLines.code, nameZh: productLines.nameZh, nameEn: productLines.nameEn })
      .from(productLines)
      .orderBy(asc(productLines.code));
  },

  async categories(db: Executor, lineCode?: string) {
    return db
      .select({
        code: productCategories.code,
        lineCode: productCategories.lineCode,
        nameZh: productCategories.nameZh,
        nameEn: productCategories.nameEn,
      })
      .from(productCategories)
      .where(lineCode ? eq(productCategories.lineCode, lineCode) : undefined)
      .orderBy(asc(productCategories.sortOrder), asc(productCategories.code));
  },

  async categoryExists(db: Executor, code: string): Promise<boolean> {
    const rows = await db
      .select({ code: productCategories.code })
      .from(productCategories)
      .where(eq(productCategories.code, code))
      .limit(1);
    return rows.length > 0;
  },

  async count(db: Executor, f: ModelFilter): Promise<number> {
    const rows = await db.select({ n: count() }).from(productModels).where(where(f));
    return rows[0]?.n ?? 0;
  },

  async rows(db: Executor, f: ModelFilter, limit: number, offset: number): Promise<ModelRecord[]> {
    return db
      .select()
      .from(productModels)
      .where(where(f))
      .orderBy(asc(productModels.code), asc(productModels.id))
      .limit(limit)
      .offset(offset);
  },

  async findById(db: Executor, id: string, forUpdate = false): Promise<ModelRecord | undefined> {
    const q = db.select().from(productModels).where(eq(productModels.id, id)).limit(1);
    return (forUpdate ? await q.for('update') : await q)[0];
  },

  /** Codes are compared without case: "KFR-35GW" and "kfr-35gw" are one model to the people typing them. */
  async findByCode(db: Executor, code: string, exceptId?: string): Promise<ModelRecord | undefined> {
    const rows = await db
      .select()
      .from(productModels)
      .where(
        and(
          sql`lower(${productModels.code}) = lower(${code})`,
          exceptId ? ne(productModels.id, exceptId) : undefined,
        ),
      )
      .limit(1);
    return rows[0];
  },

  async insert(db: Executor, row: NewModelRecord): Promise<ModelRecord> {
    const rows = await db.insert(productModels).values(row).returning();
    return rows[0] as ModelRecord;
  },

  async updateVersioned(
    db: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<NewModelRecord>,
  ): Promise<ModelRecord | undefined> {
    const rows = await db
      .update(productModels)
      .set({ ...patch, version: sql`${productModels.version} + 1` })
      .where(and(eq(productModels.id, id), eq(productModels.version, expectedVersion)))
      .returning();
    return rows[0];
  },
};
