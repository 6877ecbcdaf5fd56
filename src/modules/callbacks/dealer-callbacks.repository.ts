import { and, asc, count, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { dealerCallbacks } from './callbacks.tables.ts';

export type DealerCallbackRow = typeof dealerCallbacks.$inferSelect;

/** CB-7 dealer callbacks: SQL only. */
export const dealerCallbacksRepository = {
  async insert(db: Executor, row: DealerCallbackRow): Promise<DealerCallbackRow> {
    return (await db.insert(dealerCallbacks).values(row).returning())[0] as DealerCallbackRow;
  },

  /** Callbacks made from `from` (inclusive) to `to` (exclusive), oldest first. */
  async between(
    db: Executor,
    from: Date,
    to: Date,
    dealerIds?: readonly string[],
  ): Promise<DealerCallbackRow[]> {
    if (dealerIds && dealerIds.length === 0) return [];
    return db
      .select()
      .from(dealerCallbacks)
      .where(
        and(
          gte(dealerCallbacks.at, from),
          lt(dealerCallbacks.at, to),
          dealerIds ? inArray(dealerCallbacks.dealerId, [...dealerIds]) : undefined,
        ),
      )
      .orderBy(asc(dealerCallbacks.at), asc(dealerCallbacks.id));
  },

  /** The latest callback of each dealer (any outcome). */
  async latestPerDealer(db: Executor, dealerIds: readonly string[]): Promise<Map<string, DealerCallbackRow>> {
    if (dealerIds.length === 0) return new Map();
    const rows = await db
      .selectDistinctOn([dealerCallbacks.dealerId])
      .from(dealerCallbacks)
      .where(inArray(dealerCallbacks.dealerId, [...dealerIds]))
      .orderBy(dealerCallbacks.dealerId, desc(dealerCallbacks.at), desc(dealerCallbacks.id));
    return new Map(rows.map((r) => [r.dealerId, r]));
  },

  async history(db: Executor, dealerId: string, limit: number, offset: number) {
    const where = eq(dealerCallbacks.dealerId, dealerId);
    const [rows, totals] = await Promise.all([
      db
        .select()
        .from(dealerCallbacks)
        .where(where)
        .orderBy(desc(dealerCallbacks.at), desc(dealerCallbacks.id))
        .limit(limit)
        .offset(offset),
      db.select({ n: count() }).from(dealerCallbacks).where(where),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },
};
