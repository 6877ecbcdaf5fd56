import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { homeCallbacks, homePlacements, homeServiceArchives } from './callbacks.tables.ts';

export type PlacementRow = typeof homePlacements.$inferSelect;
export type HomeCallbackRow = typeof homeCallbacks.$inferSelect;
export type ArchiveRow = typeof homeServiceArchives.$inferSelect;

export interface PlacementFilter {
  /** Outlets the caller's scope covers (SEC-1); undefined for every outlet. */
  outletIds?: readonly string[] | undefined;
  outletId?: string | undefined;
  customerId?: string | undefined;
  workerId?: string | undefined;
  /** Relative to `today`. */
  status?: 'upcoming' | 'ongoing' | 'ended' | undefined;
  today?: string | undefined;
  /** Placements that last at least one day from `from` to `to` (both included). */
  overlaps?: { from: string; to: string } | undefined;
}

function where(f: PlacementFilter): SQL | undefined {
  const p = homePlacements;
  const parts: (SQL | undefined)[] = [];
  if (f.outletIds) parts.push(f.outletIds.length === 0 ? sql`false` : inArray(p.outletId, [...f.outletIds]));
  if (f.outletId) parts.push(eq(p.outletId, f.outletId));
  if (f.customerId) parts.push(eq(p.customerId, f.customerId));
  if (f.workerId) parts.push(eq(p.workerId, f.workerId));
  if (f.status && f.today) {
    const today = f.today;
    if (f.status === 'upcoming') parts.push(gt(p.startDate, today));
    if (f.status === 'ongoing')
      parts.push(and(lte(p.startDate, today), or(isNull(p.endDate), gte(p.endDate, today))));
    if (f.status === 'ended') parts.push(lt(p.endDate, today));
  }
  if (f.overlaps) {
    parts.push(lte(p.startDate, f.overlaps.to), or(isNull(p.endDate), gte(p.endDate, f.overlaps.from)));
  }
  return and(...parts);
}

/** CB-8 placements, their callbacks and the monthly archives: SQL only. */
export const homeServiceRepository = {
  async insertPlacement(db: Executor, row: typeof homePlacements.$inferInsert): Promise<PlacementRow> {
    return (await db.insert(homePlacements).values(row).returning())[0] as PlacementRow;
  },

  async findPlacement(db: Executor, id: string, forUpdate = false): Promise<PlacementRow | undefined> {
    const q = db.select().from(homePlacements).where(eq(homePlacements.id, id)).limit(1);
    return (forUpdate ? await q.for('update') : await q)[0];
  },

  async updatePlacementVersioned(
    db: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<Pick<PlacementRow, 'endDate' | 'note' | 'updatedAt'>>,
  ): Promise<PlacementRow | undefined> {
    const rows = await db
      .update(homePlacements)
      .set({ ...patch, version: sql`${homePlacements.version} + 1` })
      .where(and(eq(homePlacements.id, id), eq(homePlacements.version, expectedVersion)))
      .returning();
    return rows[0];
  },

  async listPlacements(db: Executor, f: PlacementFilter, limit: number, offset: number) {
    const w = where(f);
    const [rows, totals] = await Promise.all([
      db
        .select()
        .from(homePlacements)
        .where(w)
        .orderBy(desc(homePlacements.startDate), desc(homePlacements.id))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(homePlacements).where(w),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },

  /** Every placement matching the filter (schedules are computed from all of them). */
  async allPlacements(db: Executor, f: PlacementFilter): Promise<PlacementRow[]> {
    return db.select().from(homePlacements).where(where(f)).orderBy(asc(homePlacements.id));
  },

  async callbacksOf(db: Executor, placementIds: readonly string[]): Promise<HomeCallbackRow[]> {
    if (placementIds.length === 0) return [];
    return db
      .select()
      .from(homeCallbacks)
      .where(inArray(homeCallbacks.placementId, [...placementIds]))
      .orderBy(asc(homeCallbacks.dueDate), asc(homeCallbacks.party), asc(homeCallbacks.sequence));
  },

  /** Every callback of the placements matching the filter. */
  async callbacksOfPlacements(db: Executor, f: PlacementFilter): Promise<HomeCallbackRow[]> {
    const rows = await db
      .select({ c: homeCallbacks })
      .from(homeCallbacks)
      .innerJoin(homePlacements, eq(homePlacements.id, homeCallbacks.placementId))
      .where(where(f));
    return rows.map((r) => r.c);
  },

  /** Callbacks whose due date is from `from` to `to`, of the placements matching the filter. */
  async callbacksDueBetween(
    db: Executor,
    from: string,
    to: string,
    f: PlacementFilter,
  ): Promise<HomeCallbackRow[]> {
    return db
      .select({ c: homeCallbacks })
      .from(homeCallbacks)
      .innerJoin(homePlacements, eq(homePlacements.id, homeCallbacks.placementId))
      .where(and(gte(homeCallbacks.dueDate, from), lte(homeCallbacks.dueDate, to), where(f)))
      .then((rows) => rows.map((r) => r.c));
  },

  async callbackCounts(db: Executor, placementIds: readonly string[]): Promise<Map<string, number>> {
    if (placementIds.length === 0) return new Map();
    const rows = await db
      .select({ id: homeCallbacks.placementId, n: count() })
      .from(homeCallbacks)
      .where(inArray(homeCallbacks.placementId, [...placementIds]))
      .groupBy(homeCallbacks.placementId);
    return new Map(rows.map((r) => [r.id, r.n]));
  },

  async findCallbackSlot(
    db: Executor,
    placementId: string,
    party: string,
    sequence: number,
  ): Promise<HomeCallbackRow | undefined> {
    const rows = await db
      .select()
      .from(homeCallbacks)
      .where(
        and(
          eq(homeCallbacks.placementId, placementId),
          eq(homeCallbacks.party, party),
          eq(homeCallbacks.sequence, sequence),
        ),
      )
      .limit(1);
    return rows[0];
  },

  async insertCallback(db: Executor, row: HomeCallbackRow): Promise<HomeCallbackRow> {
    return (await db.insert(homeCallbacks).values(row).returning())[0] as HomeCallbackRow;
  },

  async findArchive(db: Executor, month: string): Promise<ArchiveRow | undefined> {
    return (
      await db.select().from(homeServiceArchives).where(eq(homeServiceArchives.month, month)).limit(1)
    )[0];
  },

  async insertArchive(db: Executor, row: ArchiveRow): Promise<ArchiveRow> {
    return (await db.insert(homeServiceArchives).values(row).returning())[0] as ArchiveRow;
  },

  async listArchives(db: Executor, limit: number, offset: number) {
    const [rows, totals] = await Promise.all([
      db
        .select()
        .from(homeServiceArchives)
        .orderBy(desc(homeServiceArchives.month))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(homeServiceArchives),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },
};
