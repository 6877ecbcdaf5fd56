import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { businessDate } from '../../platform/time.ts';
import { createUserDirectory, inScope, requirePermission } from '../identity/index.ts';
import type { DealerFacts, DealerTier } from '../catalog/index.ts';
import { createCatalogLookup, createDealerDirectory, tierInForce } from '../catalog/index.ts';
import type { DealerTiersPolicy } from './domain/dealer-callbacks.ts';
import { dealerCallbackReport, dealerCallbackSchedule, tierRunStart } from './domain/dealer-callbacks.ts';
import { monthBounds } from './domain/callback-time.ts';
import type { DealerCallbackRow } from './dealer-callbacks.repository.ts';
import { dealerCallbacksRepository as repo } from './dealer-callbacks.repository.ts';
import type {
  DealerCallbackView,
  DealerReportView,
  DealerScheduleItem,
  DealerSchedulePage,
} from './programmes-schemas.ts';
import {
  assertPlainText,
  checkMonth,
  currentMonthOf,
  iso,
  paginate,
  ruleRefused,
  scopeRegionPrefixes,
  todayOf,
} from './programmes-support.ts';

export const DEALER_TIERS_POLICY = 'cb.dealer.tiers';

export interface DealerScheduleQuery {
  page: number;
  pageSize: number;
  month?: string | undefined;
  tier?: DealerTier | undefined;
  due?: boolean | undefined;
  q?: string | undefined;
}

export interface RecordDealerCallbackInput {
  answered: boolean;
  satisfied?: boolean | null | undefined;
  note?: string | null | undefined;
}

/** A dealer's tier in force in `month` and the first day of its run (CB-7); undefined before its first decision. */
function tierOf(d: DealerFacts, month: string): { tier: DealerTier; anchorDate: string } | undefined {
  const tier = tierInForce(d.history, month) as DealerTier | undefined;
  const anchorDate = tierRunStart(d.history, month);
  return tier && anchorDate ? { tier, anchorDate } : undefined;
}

/** The first month whose callbacks can cover a period due in `month`: intervals are at most 12 months. */
const earliestRelevantMonth = (month: string): string => {
  const year = Number(month.slice(0, 4)) - 1;
  return `${String(year).padStart(4, '0')}${month.slice(4)}`;
};

export function createDealerCallbacks(deps: PlatformDeps) {
  const db = deps.database.db;
  const tz = deps.businessTimeZone;
  const dealers = createDealerDirectory(db);
  const lookup = createCatalogLookup(db);
  const users = createUserDirectory(db);

  /** SEC-1: dealers outside the caller's regions look missing. */
  async function visibleDealer(actor: Actor, id: string): Promise<DealerFacts> {
    const d = await dealers.find(id);
    if (!d || !inScope(actor.scope, { regionCode: d.regionCode })) throw notFound('Dealer', id);
    return d;
  }

  async function views(rows: readonly DealerCallbackRow[]): Promise<DealerCallbackView[]> {
    const names = await users.displayNames([...new Set(rows.map((r) => r.agentId))]);
    return rows.map((r) => ({
      id: r.id,
      dealerId: r.dealerId,
      tier: r.tier as DealerTier,
      at: iso(r.at),
      agent: { id: r.agentId, displayName: names.get(r.agentId) ?? r.agentId },
      answered: r.answered,
      satisfied: r.satisfied,
      note: r.note,
    }));
  }

  /** Answered callbacks that can cover periods due in `month`, by dealer, with their business dates. */
  async function answeredAround(month: string) {
    const from = monthBounds(earliestRelevantMonth(month), tz).startsAt;
    const rows = await repo.between(db, from, monthBounds(month, tz).endsAt);
    const byDealer = new Map<string, (DealerCallbackRow & { date: string })[]>();
    for (const r of rows) {
      if (!r.answered) continue;
      const list = byDealer.get(r.dealerId) ?? [];
      list.push({ ...r, date: businessDate(r.at, tz) });
      byDealer.set(r.dealerId, list);
    }
    return { rows, byDealer };
  }

  const policyAt = (now: Date) => deps.policies.at<DealerTiersPolicy>(DEALER_TIERS_POLICY, now);

  return {
    /**
     * CB-7: every dealer in scope with its tier in force in the month, the periods due in it and whether an
     * answered callback covers each; C dealers are listed as not called back, with the reason.
     */
    async schedule(ctx: ServiceContext, q: DealerScheduleQuery): Promise<DealerSchedulePage> {
      const actor = requirePermission(ctx, 'dealer.read');
      assertPlainText([[q.q, '/q']]);
      const month = checkMonth(q.month, ctx.now, tz);
      const today = todayOf(ctx.now, tz);
      const policy = await policyAt(ctx.now);
      const [all, answered] = await Promise.all([
        dealers.list({ scopePrefixes: scopeRegionPrefixes(actor), activeOnly: true, q: q.q }),
        answeredAround(month),
      ]);
      const items: Omit<DealerScheduleItem, 'regionPath' | 'lastCallback'>[] = [];
      for (const d of all) {
        const inForce = tierOf(d, month);
        if (!inForce || (q.tier && inForce.tier !== q.tier)) continue;
        const s = dealerCallbackSchedule(inForce, month, policy.value);
        const calls = answered.byDealer.get(d.id) ?? [];
        const periods = s.periods.map((p) => {
          const by = calls.find((c) => c.date >= p.startDate && c.date <= p.dueDate);
          return {
            startDate: p.startDate,
            dueDate: p.dueDate,
            covered: by !== undefined,
            coveredBy: by ? { callbackId: by.id, at: iso(by.at) } : null,
            overdue: by === undefined && p.dueDate < today,
          };
        });
        const uncovered = periods.filter((p) => !p.covered);
        if (q.due && uncovered.length === 0) continue;
        items.push({
          dealerId: d.id,
          code: d.code,
          name: d.name,
          regionCode: d.regionCode,
          tier: inForce.tier,
          tierSince: inForce.anchorDate,
          calledBack: s.calledBack,
          notCalledBack: s.calledBack ? null : { code: s.code, message: s.message },
          periods: q.due ? uncovered : periods,
          uncoveredPeriods: uncovered.length,
        });
      }
      const page = paginate(items, q.page, q.pageSize);
      const [paths, latest] = await Promise.all([
        lookup.regionPaths(page.map((i) => i.regionCode)),
        repo.latestPerDealer(
          db,
          page.map((i) => i.dealerId),
        ),
      ]);
      return {
        items: page.map((i) => {
          const last = latest.get(i.dealerId);
          return {
            ...i,
            regionPath: paths.get(i.regionCode) ?? i.regionCode,
            lastCallback: last
              ? { id: last.id, at: iso(last.at), answered: last.answered, satisfied: last.satisfied }
              : null,
          };
        }),
        total: items.length,
        page: q.page,
        pageSize: q.pageSize,
        month,
        today,
        policyVersion: policy.version,
      };
    },

    /** CB-7: one call to a dealer, with the tier in force today. Blacklisted (C) dealers are not called back. */
    async record(
      ctx: ServiceContext,
      dealerId: string,
      input: RecordDealerCallbackInput,
    ): Promise<DealerCallbackView> {
      const actor = requirePermission(ctx, 'dealer.callback');
      const dealer = await visibleDealer(actor, dealerId);
      assertPlainText([[input.note, '/note']]);
      const satisfied = input.satisfied ?? null;
      if (!input.answered && satisfied !== null) {
        throw validationFailed([
          {
            path: '/satisfied',
            message:
              'Nobody answered, so there is no satisfaction to record; leave it empty or set answered.',
          },
        ]);
      }
      const month = currentMonthOf(ctx.now, tz);
      const tier = tierOf(dealer, month)?.tier ?? dealer.tier;
      if (tier === 'C') {
        const s = dealerCallbackSchedule(
          { tier, anchorDate: `${month}-01` },
          month,
          (await policyAt(ctx.now)).value,
        );
        if (!s.calledBack) {
          throw ruleRefused(
            'CB-7',
            s.code,
            `Dealer ${dealer.code} is on the blacklist (tier C) for ${month}. ${s.message} Handle its problems as complaints instead.`,
            { dealerId, tier, month },
          );
        }
      }
      if (!dealer.active) {
        throw ruleRefused(
          'CB-7',
          'DEALER_INACTIVE',
          `Dealer ${dealer.code} is inactive; reactivate it in the dealer list before recording a callback.`,
          { dealerId },
        );
      }
      const note = input.note?.trim() ? input.note.trim() : null;
      const row = await inTransaction(deps, async (tx) => {
        const created = await repo.insert(tx, {
          id: newId('dcb', ctx.now),
          dealerId,
          tier,
          at: ctx.now,
          agentId: actor.userId,
          answered: input.answered,
          satisfied,
          note,
        });
        await writeAudit(tx, ctx, {
          entity: 'dealer_callback',
          entityId: created.id,
          action: 'record',
          // The note is free text typed on the phone: it stays out of the audit row.
          after: { dealerId, tier, answered: created.answered, satisfied, hasNote: note !== null },
          scopeRegionCode: dealer.regionCode,
        });
        await emitEvent(tx, ctx, 'dealer.callback_recorded', {
          callbackId: created.id,
          dealerId,
          tier,
          answered: created.answered,
          satisfied,
          at: iso(created.at),
        });
        return created;
      });
      return (await views([row]))[0] as DealerCallbackView;
    },

    async history(ctx: ServiceContext, dealerId: string, q: { page: number; pageSize: number }) {
      const actor = requirePermission(ctx, 'dealer.read');
      await visibleDealer(actor, dealerId);
      const { rows, total } = await repo.history(db, dealerId, q.pageSize, (q.page - 1) * q.pageSize);
      return { items: await views(rows), total, page: q.page, pageSize: q.pageSize };
    },

    /** CB-7: callback rate and satisfaction per tier in the month against the policy's targets. */
    async report(ctx: ServiceContext, q: { month?: string | undefined }): Promise<DealerReportView> {
      const actor = requirePermission(ctx, 'dealer.read');
      const month = checkMonth(q.month, ctx.now, tz);
      const policy = await policyAt(ctx.now);
      const [all, answered] = await Promise.all([
        dealers.list({ scopePrefixes: scopeRegionPrefixes(actor), activeOnly: true }),
        answeredAround(month),
      ]);
      const facts = all.flatMap((d) => {
        const inForce = tierOf(d, month);
        return inForce ? [{ dealerId: d.id, ...inForce }] : [];
      });
      const known = new Map(all.map((d) => [d.id, d]));
      const report = dealerCallbackReport(
        month,
        facts,
        answered.rows
          .filter((r) => known.has(r.dealerId))
          .map((r) => ({ dealerId: r.dealerId, at: r.at, answered: r.answered, satisfied: r.satisfied })),
        policy.value,
        { now: ctx.now, tz },
      );
      return {
        month: report.month,
        asOf: report.asOf,
        policyVersion: policy.version,
        tiers: report.tiers.map((t) => ({
          ...t,
          missed: t.missed.map((m) => ({
            ...m,
            code: known.get(m.dealerId)?.code ?? m.dealerId,
            name: known.get(m.dealerId)?.name ?? m.dealerId,
          })),
        })),
        blacklist: report.blacklist,
      };
    },
  };
}

export type DealerCallbacks = ReturnType<typeof createDealerCallbacks>;
