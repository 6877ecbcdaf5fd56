import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import { requirePermission } from '../identity/index.ts';
import type { TierHistoryRecord } from './dealers.repository.ts';
import { dealersRepository as repo } from './dealers.repository.ts';
import type { DealerDetail, DealerPresenter } from './dealer-view.ts';
import { currentMonth, loadVisibleDealer } from './dealer-view.ts';
import type { DealerTier } from './domain/dealer-tiers.ts';
import { tierInForce, tierMonthProblems } from './domain/dealer-tiers.ts';

export interface DecideTierInput {
  month: string;
  tier: DealerTier;
  reason: string;
  replace?: boolean | undefined;
}

export function createDealerTiersService(deps: PlatformDeps, present: DealerPresenter) {
  const db = deps.database.db;
  return {
    /**
     * CB-7 monthly classification: one decision per dealer and month, with the reason and who decided. The
     * decision of the latest month not after the current one is the dealer's tier; re-deciding a month
     * needs `replace`, so two people classifying at once do not silently overwrite each other.
     */
    async decideDealerTier(ctx: ServiceContext, id: string, input: DecideTierInput): Promise<DealerDetail> {
      const actor = requirePermission(ctx, 'dealer.write');
      await loadVisibleDealer(db, actor, id);
      const nowMonth = currentMonth(ctx.now, deps.businessTimeZone);
      const reason = input.reason.trim();
      const errors = tierMonthProblems(input.month, nowMonth);
      if (reason === '') errors.push({ path: '/reason', message: 'Say why the dealer gets this tier.' });
      if (errors.length > 0) throw validationFailed(errors);
      const row = await inTransaction(deps, async (tx) => {
        const before = await repo.findById(tx, id, true);
        if (!before) throw notFound('Dealer', id);
        const history = await repo.history(tx, id);
        const previous = history.find((h) => h.month === input.month);
        if (previous && !input.replace) {
          throw new AppError(
            'ALREADY_EXISTS',
            `${input.month} is already decided as tier ${previous.tier} (${previous.reason}). Send replace: true to decide it again.`,
            {
              errors: [
                { path: '/month', message: `${input.month} is already decided; re-decide it with replace.` },
              ],
              details: { month: input.month, tier: previous.tier },
            },
          );
        }
        const decision: TierHistoryRecord = {
          dealerId: id,
          month: input.month,
          tier: input.tier,
          reason,
          decidedBy: actor.userId,
          decidedAt: ctx.now,
        };
        if (previous) await repo.replaceDecision(tx, decision);
        else await repo.insertDecision(tx, decision);
        const others = history.filter((h) => h.month !== input.month);
        const tier = tierInForce([...others, decision], nowMonth) ?? before.tier;
        const after = await repo.updateVersioned(tx, id, before.version, { tier, updatedAt: ctx.now });
        if (!after) throw versionConflict('Dealer', id, before.version);
        await writeAudit(tx, ctx, {
          entity: 'dealer',
          entityId: id,
          action: previous ? 'redecide_tier' : 'decide_tier',
          before: {
            tier: before.tier,
            decision: previous
              ? { month: previous.month, tier: previous.tier, reason: previous.reason }
              : null,
          },
          after: { tier: after.tier, decision: { month: input.month, tier: input.tier, reason } },
          reason,
          scopeRegionCode: after.regionCode,
        });
        if (after.tier !== before.tier) {
          await emitEvent(tx, ctx, 'dealer.tier_changed', {
            dealerId: id,
            month: input.month,
            tier: after.tier,
            previousTier: before.tier,
          });
        }
        return after;
      });
      return present.detail(row, await repo.history(db, id));
    },
  };
}
