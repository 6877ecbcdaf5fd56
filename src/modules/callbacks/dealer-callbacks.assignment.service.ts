import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import { requirePermission } from '../identity/index.ts';
import type { CatalogService, DealerTier } from '../catalog/index.ts';
import {
  createCatalogService,
  createDealerDirectory,
  INITIAL_TIER_REASON,
  tierInForce,
} from '../catalog/index.ts';
import { isMonth, monthBounds } from './domain/callback-time.ts';
import { monthlyTierAssignment } from './domain/dealer-callbacks.ts';
import type { TierAssignmentView } from './programmes-schemas.ts';
import { assertPlainText, currentMonthOf, scopeRegionPrefixes } from './programmes-support.ts';

export interface TierAssignmentInput {
  month: string;
  agreedWith: string;
  gold?: { dealerId: string; reason: string }[] | undefined;
  blacklist?: { dealerId: string; reason: string }[] | undefined;
  replace?: boolean | undefined;
}

/**
 * CB-7 monthly tier assignment (每月初 … 进行划分): the gold list and the blacklist agreed with the marketing
 * center director, every other dealer B. Each dealer's decision goes through the catalogue's own use case
 * (`decideDealerTier`, which keeps the dealer's tier and writes its audit row), all inside one transaction,
 * so the month is assigned completely or not at all.
 */
export function createDealerTierAssignment(deps: PlatformDeps) {
  const db = deps.database.db;
  const tz = deps.businessTimeZone;
  const dealers = createDealerDirectory(db);
  let catalog: CatalogService | undefined;
  const catalogService = () => (catalog ??= createCatalogService(deps));

  return {
    async assign(ctx: ServiceContext, input: TierAssignmentInput): Promise<TierAssignmentView> {
      const actor = requirePermission(ctx, 'dealer.write');
      assertPlainText([
        [input.agreedWith, '/agreedWith'],
        ...(input.gold ?? []).map((e, i): [string, string] => [e.reason, `/gold/${i}/reason`]),
        ...(input.blacklist ?? []).map((e, i): [string, string] => [e.reason, `/blacklist/${i}/reason`]),
      ]);
      const all = await dealers.list({ scopePrefixes: scopeRegionPrefixes(actor), activeOnly: true });
      // Dealers created after the month are not classified for it.
      // Months before 2000 are refused by the catalogue's own check; only plausible months have bounds here.
      const endsAt =
        isMonth(input.month) && input.month >= '2000-01' ? monthBounds(input.month, tz).endsAt : undefined;
      const known = all.filter((d) => !endsAt || d.createdAt.getTime() < endsAt.getTime());
      const byId = new Map(known.map((d) => [d.id, d]));
      const result = monthlyTierAssignment(
        input,
        known.map((d) => ({
          dealerId: d.id,
          tierInForce: (tierInForce(d.history, input.month) as DealerTier | undefined) ?? null,
        })),
        { currentMonth: currentMonthOf(ctx.now, tz) },
      );
      if (!result.ok) throw validationFailed(result.issues);
      const { month, agreedWith } = result;
      const reasonOf = (reason: string) => `${reason} (agreed with ${agreedWith})`;
      const plans = result.decisions.map((d) => {
        const dealer = byId.get(d.dealerId);
        const existing = dealer?.history.find((h) => h.month === month);
        return { d, dealer, existing, reason: reasonOf(d.reason) };
      });
      // A dealer created this month carries its creation tier for the month; the assignment replaces it.
      const taken = plans.filter((p) => p.existing && p.existing.reason !== INITIAL_TIER_REASON);
      if (taken.length > 0 && !input.replace) {
        const first = taken[0]?.dealer;
        throw new AppError(
          'ALREADY_EXISTS',
          `${month} is already assigned for ${taken.length} dealer(s)${first ? `, e.g. ${first.code}` : ''}. Send replace: true to assign the month again.`,
          {
            errors: [
              { path: '/month', message: `${month} is already assigned; assign it again with replace.` },
            ],
            details: { month, alreadyDecided: taken.length },
          },
        );
      }
      await inTransaction(deps, async (tx) => {
        for (const p of plans) {
          if (p.existing && p.existing.tier === p.d.tier && p.existing.reason === p.reason) continue;
          await catalogService().decideDealerTier(ctx, p.d.dealerId, {
            month,
            tier: p.d.tier,
            reason: p.reason,
            replace: p.existing !== undefined,
          });
        }
        const counts = countsOf(result.decisions);
        await writeAudit(tx, ctx, {
          entity: 'dealer_tier_assignment',
          entityId: month,
          action: taken.length > 0 ? 'reassign' : 'assign',
          after: {
            month,
            agreedWith,
            counts,
            gold: result.decisions.filter((d) => d.tier === 'A').map((d) => d.dealerId),
            blacklist: result.decisions.filter((d) => d.tier === 'C').map((d) => d.dealerId),
          },
          reason: `Agreed with ${agreedWith}`,
        });
        await emitEvent(tx, ctx, 'dealer.tiers_assigned', { month, ...counts });
      });
      return {
        month,
        agreedWith,
        counts: countsOf(result.decisions),
        decisions: plans.map((p) => ({
          dealerId: p.d.dealerId,
          code: p.dealer?.code ?? p.d.dealerId,
          name: p.dealer?.name ?? p.d.dealerId,
          tier: p.d.tier,
          previousTier: p.d.previousTier,
          changed: p.d.changed,
          reasonCode: p.d.reasonCode,
          reason: p.reason,
        })),
      };
    },
  };
}

function countsOf(decisions: readonly { tier: DealerTier; changed: boolean }[]) {
  return {
    A: decisions.filter((d) => d.tier === 'A').length,
    B: decisions.filter((d) => d.tier === 'B').length,
    C: decisions.filter((d) => d.tier === 'C').length,
    changed: decisions.filter((d) => d.changed).length,
  };
}

export type DealerTierAssignment = ReturnType<typeof createDealerTierAssignment>;
