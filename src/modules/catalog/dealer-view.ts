import type { Actor } from '../../platform/auth/actor.ts';
import type { FieldCrypto } from '../../platform/crypto.ts';
import type { Executor } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import { maskPhone } from '../../platform/phone.ts';
import { businessDate } from '../../platform/time.ts';
import { inScope } from '../identity/index.ts';
import type { UserDirectory } from '../identity/index.ts';
import type { DealerRecord, TierHistoryRecord } from './dealers.repository.ts';
import { dealersRepository as repo } from './dealers.repository.ts';
import type { DealerTier } from './domain/dealer-tiers.ts';
import { maskName } from './domain/masking.ts';

export interface DealerView {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionPath: string;
  /** MD-5: masked ("王*"); the full name only through the audited reveal. */
  contactName: string | null;
  contactPhoneMasked: string | null;
  tier: DealerTier;
  active: boolean;
  version: number;
}

export interface TierDecisionView {
  month: string;
  tier: DealerTier;
  reason: string;
  decidedBy: { id: string; displayName: string } | null;
  decidedAt: string;
}

export interface DealerDetail extends DealerView {
  tierHistory: TierDecisionView[];
  createdAt: string;
  updatedAt: string;
}

export type RegionPaths = (codes: readonly string[]) => Promise<Map<string, string>>;

/** What the audit trail may hold about a dealer: whether contact data exists, never the data itself. */
export const auditableDealer = (r: DealerRecord) => ({
  code: r.code,
  name: r.name,
  regionCode: r.regionCode,
  tier: r.tier,
  active: r.active,
  hasContactName: r.contactNameEnc !== null,
  hasContactPhone: r.contactPhoneEnc !== null,
  version: r.version,
});

/** CB-7 months are business-zone months (POL-2). */
export const currentMonth = (now: Date, timeZone: string): string => businessDate(now, timeZone).slice(0, 7);

/** SEC-1: dealers outside the caller's regions look exactly like missing ones. */
export async function loadVisibleDealer(db: Executor, actor: Actor, id: string): Promise<DealerRecord> {
  const row = await repo.findById(db, id);
  if (!row || !inScope(actor.scope, { regionCode: row.regionCode })) throw notFound('Dealer', id);
  return row;
}

/** Lists show contacts masked (MD-5); the detail adds the monthly tier history with who decided. */
export function createDealerPresenter(crypto: FieldCrypto, regionPaths: RegionPaths, users: UserDirectory) {
  async function views(rows: DealerRecord[]): Promise<DealerView[]> {
    const paths = await regionPaths([...new Set(rows.map((r) => r.regionCode))]);
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      regionCode: r.regionCode,
      regionPath: paths.get(r.regionCode) ?? r.regionCode,
      contactName: r.contactNameEnc ? maskName(crypto.decrypt(r.contactNameEnc)) : null,
      contactPhoneMasked: r.contactPhoneEnc ? maskPhone(crypto.decrypt(r.contactPhoneEnc)) : null,
      tier: r.tier as DealerTier,
      active: r.active,
      version: r.version,
    }));
  }

  async function detail(row: DealerRecord, history: TierHistoryRecord[]): Promise<DealerDetail> {
    const deciders = [...new Set(history.flatMap((h) => (h.decidedBy ? [h.decidedBy] : [])))];
    const names = await users.displayNames(deciders);
    const [base] = await views([row]);
    return {
      ...(base as DealerView),
      tierHistory: history.map((h) => ({
        month: h.month,
        tier: h.tier as DealerTier,
        reason: h.reason,
        decidedBy: h.decidedBy
          ? { id: h.decidedBy, displayName: names.get(h.decidedBy) ?? h.decidedBy }
          : null,
        decidedAt: h.decidedAt.toISOString(),
      })),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  return { views, detail };
}

export type DealerPresenter = ReturnType<typeof createDealerPresenter>;
