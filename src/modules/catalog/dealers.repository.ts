import { and, asc, count, desc, eq, ilike, ne, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { dealers, dealerTierHistory } from './catalog.tables.ts';
import { containsPattern, regionCodeUnder } from './catalog-sql.ts';

export type DealerRecord = typeof dealers.$inferSelect;
export type NewDealerRecord = typeof dealers.$inferInsert;
export type TierHistoryRecord = typeof dealerTierHistory.$inferSelect;

export interface DealerFilter {
  q?: string | undefined;
  /** Prefixes of the region asked for (a province, city or district). */
  regionPrefixes?: readonly string[] | undefined;
  /** Prefixes the caller's scope covers (SEC-1); undefined for everything. */
  scopePrefixes?: readonly string[] | undefined;
  tier?: string | undefined;
  active?: boolean | undefined;
  /** Blind index of the contact phone (MD-5): exact look-up without the number in clear. */
  phoneIdx?: string | undefined;
}

function where(f: DealerFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.q) {
    const like = containsPattern(f.q.trim());
    parts.push(or(ilike(dealers.code, like), ilike(dealers.name, like)));
  }
  if (f.regionPrefixes) parts.push(regionCodeUnder(dealers.regionCode, f.regionPrefixes));
  if (f.scopePrefixes) parts.push(regionCodeUnder(dealers.regionCode, f.scopePrefixes));
  if (f.tier) parts.push(eq(dealers.tier, f.tier));
  if (f.active !== undefined) parts.push(eq(dealers.active, f.active));
  if (f.phoneIdx) parts.push(eq(dealers.contactPhoneIdx, f.phoneIdx));
  return and(...parts);
}

export const dealersRepository = {
  async count(db: Executor, f: DealerFilter): Promise<number> {
    const rows = await db.select({ n: count() }).from(dealers).where(where(f));
    return rows[0]?.n ?? 0;
  },

  async rows(db: Executor, f: DealerFilter, limit: number, offset: number): Promise<DealerRecord[]> {
    return db
      .select()
      .from(dealers)
      .where(where(f))
      .orderBy(asc(dealers.code), asc(dealers.id))
      .limit(limit)
      .offset(offset);
  },

  async findById(db: Executor, id: string, forUpdate = false): Promise<DealerRecord | undefined> {
    const q = db.select().from(dealers).where(eq(dealers.id, id)).limit(1);
    return (forUpdate ? await q.for('update') : await q)[0];
  },

  /** Dealer codes are compared without case, like model codes. */
  async findByCode(db: Executor, code: string, exceptId?: string): Promise<DealerRecord | undefined> {
    const rows = await db
      .select()
      .from(dealers)
      .where(
        and(sql`lower(${dealers.code}) = lower(${code})`, exceptId ? ne(dealers.id, exceptId) : undefined),
      )
      .limit(1);
    return rows[0];
  },

  async insert(db: Executor, row: NewDealerRecord): Promise<DealerRecord> {
    const rows = await db.insert(dealers).values(row).returning();
    return rows[0] as DealerRecord;
  },

  async updateVersioned(
    db: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<NewDealerRecord>,
  ): Promise<DealerRecord | undefined> {
    const rows = await db
      .update(dealers)
      .set({ ...patch, version: sql`${dealers.version} + 1` })
      .where(and(eq(dealers.id, id), eq(dealers.version, expectedVersion)))
      .returning();
    return rows[0];
  },

  async history(db: Executor, dealerId: string): Promise<TierHistoryRecord[]> {
    return db
      .select()
      .from(dealerTierHistory)
      .where(eq(dealerTierHistory.dealerId, dealerId))
      .orderBy(desc(dealerTierHistory.month));
  },

  async insertDecision(db: Executor, row: TierHistoryRecord): Promise<void> {
    await db.insert(dealerTierHistory).values(row);
  },

  async replaceDecision(db: Executor, row: TierHistoryRecord): Promise<void> {
    await db
      .update(dealerTierHistory)
      .set({ tier: row.tier, reason: row.reason, decidedBy: row.decidedBy, decidedAt: row.decidedAt })
      .where(and(eq(dealerTierHistory.dealerId, row.dealerId), eq(dealerTierHistory.month, row.month)));
  },
};
