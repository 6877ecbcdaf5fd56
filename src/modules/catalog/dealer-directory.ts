import { and, asc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { dealers, dealerTierHistory } from './catalog.tables.ts';
import { containsPattern, regionCodeUnder } from './catalog-sql.ts';
import type { DealerTier } from './domain/dealer-tiers.ts';

/** A dealer with its monthly tier decisions, for the CB-7 callback programme. */
export interface DealerFacts {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  active: boolean;
  createdAt: Date;
  /** The tier in force today (kept by the monthly decisions). */
  tier: DealerTier;
  /** Oldest month first. */
  history: { month: string; tier: DealerTier; reason: string }[];
}

export interface DealerFactsFilter {
  /** Region code prefixes of the caller's scope (SEC-1); undefined for everything. */
  scopePrefixes?: readonly string[] | undefined;
  activeOnly?: boolean | undefined;
  /** Code or name contains this text. */
  q?: string | undefined;
}

const columns = {
  id: dealers.id,
  code: dealers.code,
  name: dealers.name,
  regionCode: dealers.regionCode,
  active: dealers.active,
  createdAt: dealers.createdAt,
  tier: dealers.tier,
};

/**
 * Read port of dealers and their tier history for other modules (callbacks). Callers check their own
 * permission; the scope is applied through `scopePrefixes`. Contacts stay in the catalogue (MD-5).
 */
export function createDealerDirectory(db: Executor) {
  async function facts(where: SQL | undefined): Promise<DealerFacts[]> {
    const [rows, history] = await Promise.all([
      db.select(columns).from(dealers).where(where).orderBy(asc(dealers.code), asc(dealers.id)),
      db
        .select({
          dealerId: dealerTierHistory.dealerId,
          month: dealerTierHistory.month,
          tier: dealerTierHistory.tier,
          reason: dealerTierHistory.reason,
        })
        .from(dealerTierHistory)
        .where(inArray(dealerTierHistory.dealerId, db.select({ id: dealers.id }).from(dealers).where(where)))
        .orderBy(asc(dealerTierHistory.month)),
    ]);
    const byDealer = new Map<string, DealerFacts['history']>();
    for (const h of history) {
      const list = byDealer.get(h.dealerId) ?? [];
      list.push({ month: h.month, tier: h.tier as DealerTier, reason: h.reason });
      byDealer.set(h.dealerId, list);
    }
    return rows.map((r) => ({ ...r, tier: r.tier as DealerTier, history: byDealer.get(r.id) ?? [] }));
  }

  return {
    /** Every dealer matching the filter, by code, with its whole tier history. */
    async list(f: DealerFactsFilter): Promise<DealerFacts[]> {
      const parts: (SQL | undefined)[] = [];
      if (f.scopePrefixes) parts.push(regionCodeUnder(dealers.regionCode, f.scopePrefixes));
      if (f.activeOnly) parts.push(eq(dealers.active, true));
      if (f.q) {
        const like = containsPattern(f.q.trim());
        parts.push(or(ilike(dealers.code, like), ilike(dealers.name, like)));
      }
      return facts(and(...parts));
    },

    async find(id: string): Promise<DealerFacts | undefined> {
      return (await facts(eq(dealers.id, id)))[0];
    },
  };
}

export type DealerDirectory = ReturnType<typeof createDealerDirectory>;
