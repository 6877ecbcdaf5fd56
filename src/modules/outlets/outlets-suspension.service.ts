import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import { inScope, requirePermission } from '../identity/index.ts';
import { dispatchSuspendedUntil, isDispatchSuspended } from './domain/dispatch-suspension.ts';
import type { OutletRow } from './outlets.repository.ts';
import { outletsRepository as repo } from './outlets.repository.ts';

export const SUSPENSION_POLICY_KEY = 'net.suspension.audit_finding_days';

export interface SuspendDispatchInput {
  version: number;
  /** The finding, in the auditor's words: the outlet is told why. */
  reason: string;
  /** Defaults to the policy in force (NET-10: 3 days). */
  days?: number | undefined;
}

/**
 * NET-10 timed dispatch suspensions. Separate from the outlet's status: a suspended outlet keeps working the
 * orders it has, it only gets no new ones until the date passes (the WO-13 proposal reads the column).
 */
export function createOutletSuspensionService(deps: PlatformDeps) {
  const tz = deps.businessTimeZone;

  async function change(
    ctx: ServiceContext,
    id: string,
    version: number,
    action: 'suspend_dispatch' | 'lift_dispatch_suspension',
    next: (row: OutletRow) => Promise<{
      until: string | null;
      reason: string | null;
      audit: Record<string, unknown>;
    }>,
  ): Promise<void> {
    const actor = requirePermission(ctx, 'outlet.write');
    await inTransaction(deps, async (tx) => {
      const before = await repo.findById(tx, id, true);
      if (!before || !inScope(actor.scope, { outletId: before.id, regionCode: before.regionCode })) {
        throw notFound('Outlet', id);
      }
      if (before.version !== version) throw versionConflict('Outlet', id, before.version);
      const n = await next(before);
      const after = await repo.updateVersioned(tx, id, before.version, {
        dispatchSuspendedUntil: n.until,
        dispatchSuspensionReason: n.reason,
        updatedAt: ctx.now,
      });
      if (!after) throw versionConflict('Outlet', id, before.version);
      await writeAudit(tx, ctx, {
        entity: 'outlet',
        entityId: id,
        action,
        before: { dispatchSuspendedUntil: before.dispatchSuspendedUntil },
        after: { dispatchSuspendedUntil: n.until, ...n.audit },
        ...(n.reason ? { reason: n.reason } : {}),
        scopeOutletId: id,
        scopeRegionCode: after.regionCode,
      });
      await emitEvent(
        tx,
        ctx,
        action === 'suspend_dispatch' ? 'outlet.dispatch_suspended' : 'outlet.dispatch_resumed',
        {
          outletId: id,
          until: n.until,
        },
      );
    });
  }

  return {
    async suspend(ctx: ServiceContext, id: string, input: SuspendDispatchInput): Promise<void> {
      const reason = input.reason.trim();
      if (reason === '') {
        throw validationFailed([
          { path: '/reason', message: 'Describe the finding that suspends the outlet.' },
        ]);
      }
      const policy = await deps.policies.at<number>(SUSPENSION_POLICY_KEY, ctx.now);
      const days = input.days ?? policy.value;
      await change(ctx, id, input.version, 'suspend_dispatch', async (row) => ({
        until: dispatchSuspendedUntil(ctx.now, days, { tz, currentUntil: row.dispatchSuspendedUntil }),
        reason,
        audit: {
          days,
          ...(input.days === undefined ? { policy: { key: policy.key, version: policy.version } } : {}),
        },
      }));
    },

    /** Ends a running suspension early (the finding was wrong, or was put right), with the reason. */
    async lift(ctx: ServiceContext, id: string, input: { version: number; reason: string }): Promise<void> {
      const reason = input.reason.trim();
      if (reason === '') {
        throw validationFailed([{ path: '/reason', message: 'Say why dispatch resumes early.' }]);
      }
      await change(ctx, id, input.version, 'lift_dispatch_suspension', async (row) => {
        if (!isDispatchSuspended(row.dispatchSuspendedUntil, ctx.now, tz)) {
          throw new AppError('CONFLICT', 'Dispatch to this outlet is not suspended.', {
            details: { reason: 'NOT_SUSPENDED' },
          });
        }
        return { until: null, reason, audit: { liftedEarly: true } };
      });
    },
  };
}
