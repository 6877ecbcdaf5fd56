import { and, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { outlets } from './outlets.tables.ts';

export type OutletRow = typeof outlets.$inferSelect;

export interface OutletFilter {
  q?: string | undefined;
  status?: string | undefined;
  onlyId?: string | undefined;
  /** Region code prefixes (2, 4 or 6 digits) the caller's scope covers. */
  regionPrefixes?: readonly string[] | undefined;
}

function where(f: OutletFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(or(ilike(outlets.code, like), ilike(outlets.name, like)));
  }
  if (f.status) parts.push(eq(outlets.status, f.status));
  if (f.onlyId) parts.push(eq(outlets.id, f.onlyId));
  if (f.regionPrefixes) {
    parts.push(
      f.regionPrefixes.length === 0
        ? sql`false`
        : or(...f.regionPrefixes.map((p) => sql`${outlets.regionCode} like ${`${p}%`}`)),
    );
  }
  return and(...parts);
}

export const outletsRepository = {
  async list(db: Executor, f: OutletFilter, page: number, pageSize: number) {
    const w = where(f);
    const [rows, totals] = await Promise.all([
      db
        .select()
        .from(outlets)
        .where(w)
        .orderBy(outlets.code)
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ n: count() }).from(outlets).where(w),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },

  async findById(db: Executor, id: string): Promise<OutletRow | undefined> {
    return (await db.select().from(outlets).where(eq(outlets.id, id)).limit(1))[0];
  },

  async names(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: outlets.id, name: outlets.name })
      .from(outlets)
      .where(inArray(outlets.id, [...ids]));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async insert(db: Executor, row: typeof outlets.$inferInsert): Promise<OutletRow> {
    return (await db.insert(outlets).values(row).returning())[0] as OutletRow;
  },
};
