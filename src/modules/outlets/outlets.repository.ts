import { and, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { engineers, outletRegions, outletServices, outlets } from './outlets.tables.ts';

export type OutletRow = typeof outlets.$inferSelect;
export type NewOutletRow = typeof outlets.$inferInsert;

export interface OutletFilter {
  q?: string | undefined;
  status?: string | undefined;
  type?: string | undefined;
  band?: number | undefined;
  grade?: string | undefined;
  /** Region filter chosen by the user (a province, city or district code, as a prefix). */
  regionPrefix?: string | undefined;
  onlyId?: string | undefined;
  /** Region code prefixes (2, 4 or 6 digits) the caller's scope covers. */
  regionPrefixes?: readonly string[] | undefined;
}

export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function where(f: OutletFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    parts.push(or(ilike(outlets.code, like), ilike(outlets.name, like)));
  }
  if (f.status) parts.push(eq(outlets.status, f.status));
  if (f.type) parts.push(eq(outlets.type, f.type));
  if (f.band !== undefined) parts.push(eq(outlets.band, f.band));
  if (f.grade) parts.push(eq(outlets.grade, f.grade));
  if (f.regionPrefix) parts.push(sql`${outlets.regionCode} like ${`${f.regionPrefix}%`}`);
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

  async findById(db: Executor, id: string, forUpdate = false): Promise<OutletRow | undefined> {
    const q = db.select().from(outlets).where(eq(outlets.id, id)).limit(1);
    return (forUpdate ? await q.for('update') : await q)[0];
  },

  async findByCode(db: Executor, code: string): Promise<OutletRow | undefined> {
    return (await db.select().from(outlets).where(eq(outlets.code, code)).limit(1))[0];
  },

  async names(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: outlets.id, name: outlets.name })
      .from(outlets)
      .where(inArray(outlets.id, [...ids]));
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  async insert(db: Executor, row: NewOutletRow): Promise<OutletRow> {
    return (await db.insert(outlets).values(row).returning())[0] as OutletRow;
  },

  /** Optimistic concurrency: updates only when the stored version is the one the caller read. */
  async updateVersioned(
    db: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<NewOutletRow>,
  ): Promise<OutletRow | undefined> {
    const rows = await db
      .update(outlets)
      .set({ ...patch, version: sql`${outlets.version} + 1` })
      .where(and(eq(outlets.id, id), eq(outlets.version, expectedVersion)))
      .returning();
    return rows[0];
  },

  async childCount(db: Executor, parentId: string): Promise<number> {
    const rows = await db.select({ n: count() }).from(outlets).where(eq(outlets.parentId, parentId));
    return rows[0]?.n ?? 0;
  },

  async activeEngineerCounts(db: Executor, outletIds: readonly string[]): Promise<Map<string, number>> {
    if (outletIds.length === 0) return new Map();
    const rows = await db
      .select({ outletId: engineers.outletId, n: count() })
      .from(engineers)
      .where(and(inArray(engineers.outletId, [...outletIds]), eq(engineers.active, true)))
      .groupBy(engineers.outletId);
    return new Map(rows.map((r) => [r.outletId, r.n]));
  },

  async coveredDistrictCounts(db: Executor, outletIds: readonly string[]): Promise<Map<string, number>> {
    if (outletIds.length === 0) return new Map();
    const rows = await db
      .select({ outletId: outletRegions.outletId, n: count() })
      .from(outletRegions)
      .where(inArray(outletRegions.outletId, [...outletIds]))
      .groupBy(outletRegions.outletId);
    return new Map(rows.map((r) => [r.outletId, r.n]));
  },

  async coverageOf(db: Executor, outletId: string) {
    const [regions, services] = await Promise.all([
      db
        .select({ regionCode: outletRegions.regionCode, role: outletRegions.role })
        .from(outletRegions)
        .where(eq(outletRegions.outletId, outletId))
        .orderBy(outletRegions.regionCode),
      db
        .select({ categoryCode: outletServices.categoryCode, serviceType: outletServices.serviceType })
        .from(outletServices)
        .where(eq(outletServices.outletId, outletId))
        .orderBy(outletServices.categoryCode, outletServices.serviceType),
    ]);
    return { regions, services };
  },

  /** The districts an outlet covers (SEC-1: outlet staff see customers there). */
  async coveredDistricts(db: Executor, outletId: string): Promise<string[]> {
    const rows = await db
      .select({ regionCode: outletRegions.regionCode })
      .from(outletRegions)
      .where(eq(outletRegions.outletId, outletId));
    return rows.map((r) => r.regionCode);
  },

  async replaceCoverage(
    tx: Executor,
    outletId: string,
    regions: readonly { regionCode: string; role: string }[],
    services: readonly { categoryCode: string; serviceType: string }[],
  ): Promise<void> {
    await tx.delete(outletRegions).where(eq(outletRegions.outletId, outletId));
    await tx.delete(outletServices).where(eq(outletServices.outletId, outletId));
    if (regions.length > 0) await tx.insert(outletRegions).values(regions.map((r) => ({ outletId, ...r })));
    if (services.length > 0)
      await tx.insert(outletServices).values(services.map((s) => ({ outletId, ...s })));
  },

  /** Every (district, outlet) coverage pair, optionally limited to districts under some prefixes. */
  async coverageRows(db: Executor, prefixes: readonly string[] | undefined) {
    const w =
      prefixes === undefined
        ? undefined
        : prefixes.length === 0
          ? sql`false`
          : or(...prefixes.map((p) => sql`${outletRegions.regionCode} like ${`${p}%`}`));
    return db
      .select({
        outletId: outlets.id,
        outletName: outlets.name,
        outletStatus: outlets.status,
        regionCode: outletRegions.regionCode,
        role: outletRegions.role,
      })
      .from(outletRegions)
      .innerJoin(outlets, eq(outlets.id, outletRegions.outletId))
      .where(w);
  },
};
