import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { addCalendarDays, businessDate, businessDayStart } from '../../platform/time.ts';
import { maskName } from '../catalog/index.ts';
import { requirePermission } from '../identity/index.ts';
import type { Permission } from '../identity/index.ts';
import { dispatchCandidatesRepository as candidates } from './dispatch-candidates.repository.ts';
import { bulkEngineerChoice } from './domain/bulk-dispatch.ts';
import { lifecyclePermissions as perm } from './lifecycle-actions.ts';
import type { LifecycleService } from './lifecycle.service.ts';
import { monitorScope } from './monitoring-cards.ts';
import type { OrderStore } from './order-store.ts';
import { ordersReadRepository as reads } from './orders-read.repository.ts';

/** One request changes at most this many orders; the board's columns show more only after filtering. */
export const MAX_BULK_ITEMS = 100;

export interface BulkItem {
  orderId: string;
  version: number;
}

export interface BulkItemResult {
  orderId: string;
  ok: boolean;
  /** The order's new version, to act on it again without reloading. */
  version?: number;
  /** `reason` is the rule's own refusal code (details.reason), when the refusal has one. */
  error?: { code: string; detail: string; reason?: string };
}

export interface BulkResult {
  results: BulkItemResult[];
  succeeded: number;
  failed: number;
}

/**
 * The dispatcher's board acts on many new orders at once: accept them (WO-9: every order sent is received)
 * or give them to one engineer (WO-13). Each order goes through the single-order use case — its own
 * transaction (a savepoint under an Idempotency-Key), its own rules, timeline event and audit row — so one
 * stale or foreign order fails alone and the others go through.
 */
export function createDispatchBulk(
  deps: PlatformDeps,
  store: OrderStore,
  lifecycle: Pick<LifecycleService, 'accept' | 'assign'>,
) {
  const tz = deps.businessTimeZone;

  function refusal(error: unknown, orderId: string): NonNullable<BulkItemResult['error']> {
    if (error instanceof AppError) {
      const reason = error.details?.reason;
      return {
        code: error.code,
        detail: error.message,
        ...(typeof reason === 'string' ? { reason } : {}),
      };
    }
    deps.logger.error({ err: error, orderId }, 'bulk dispatch item failed');
    return {
      code: 'INTERNAL',
      detail: 'The order could not be changed because of an unexpected error; try again.',
    };
  }

  async function each(
    ctx: ServiceContext,
    permission: Permission,
    items: readonly BulkItem[],
    extraErrors: FieldError[],
    step: (item: BulkItem) => Promise<{ version: number }>,
  ): Promise<BulkResult> {
    requirePermission(ctx, permission);
    const errors = [...extraErrors];
    if (items.length === 0) errors.push({ path: '/items', message: 'Select at least one order.' });
    if (items.length > MAX_BULK_ITEMS) {
      errors.push({ path: '/items', message: `Select at most ${MAX_BULK_ITEMS} orders at a time.` });
    }
    const firstAt = new Map<string, number>();
    items.forEach((item, i) => {
      const first = firstAt.get(item.orderId);
      if (first === undefined) firstAt.set(item.orderId, i);
      else {
        errors.push({
          path: `/items/${i}/orderId`,
          message: `Order ${item.orderId} is already item ${first}; list each order once.`,
        });
      }
    });
    if (errors.length > 0) throw validationFailed(errors);
    const results: BulkItemResult[] = [];
    // One after another: each takes the order's row lock, and PGlite has one connection anyway.
    for (const item of items) {
      try {
        const done = await step(item);
        results.push({ orderId: item.orderId, ok: true, version: done.version });
      } catch (error) {
        results.push({ orderId: item.orderId, ok: false, error: refusal(error, item.orderId) });
      }
    }
    const succeeded = results.filter((r) => r.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  }

  return {
    /** WO-9: the outlet acknowledges each order sent to it. */
    async accept(ctx: ServiceContext, input: { items: BulkItem[] }): Promise<BulkResult> {
      return each(ctx, perm.accept, input.items, [], (item) =>
        lifecycle.accept(ctx, item.orderId, item.version),
      );
    },

    /** WO-13: one engineer for every order; each order checks the engineer as a single assignment would. */
    async assign(ctx: ServiceContext, input: { items: BulkItem[]; engineerId: string }): Promise<BulkResult> {
      const actor = requirePermission(ctx, perm.assign);
      const engineer = await reads.engineer(store.db, input.engineerId);
      const foreign =
        !engineer || (actor.scope.kind === 'outlet' && engineer.outletId !== actor.scope.outletId);
      const errors: FieldError[] = foreign
        ? [{ path: '/engineerId', message: 'Choose an engineer of the outlet that has the orders.' }]
        : [];
      return each(ctx, perm.assign, input.items, errors, (item) =>
        lifecycle.assign(ctx, item.orderId, { engineerId: input.engineerId, version: item.version }),
      );
    },

    /**
     * The bulk-assign picker: the outlet's engineers with their open load and today's assignments, ranked by
     * WO-13 for the categories of the selected orders, with the suggestion and why the others do not fit.
     */
    async engineers(ctx: ServiceContext, filter: { outletId?: string | undefined; categoryCode: string[] }) {
      const scope = await monitorScope(store, ctx, filter.outletId, perm.assign);
      if (!scope.outletId) {
        throw validationFailed([
          { path: '/outletId', message: 'Choose the outlet whose engineers to list.' },
        ]);
      }
      const today = businessDate(ctx.now, tz);
      const list = await candidates.engineerCandidates(
        store.db,
        scope.outletId,
        businessDayStart(today, tz),
        businessDayStart(addCalendarDays(today, 1), tz),
      );
      const choice = bulkEngineerChoice(list, filter.categoryCode);
      const byId = new Map(list.map((e) => [e.engineerId, e]));
      const name = (id: string) => {
        const e = byId.get(id);
        return e ? maskName(deps.crypto.decrypt(e.nameEnc)) : '';
      };
      const p = choice.proposal;
      return {
        outletId: scope.outletId,
        categoryCodes: choice.categoryCodes,
        ok: p.ok,
        code: p.ok ? null : p.code,
        message: p.ok ? null : p.message,
        suggestedEngineerId: p.ok ? p.proposal.engineerId : null,
        engineers: [
          ...p.ranked.map((r) => ({
            engineerId: r.engineerId,
            code: r.code,
            name: name(r.engineerId),
            eligible: true,
            rank: r.rank,
            openAssigned: r.openAssigned,
            assignedToday: r.assignedToday,
            reasons: r.reasons,
          })),
          ...p.rejected.map((r) => ({
            engineerId: r.id,
            code: r.code,
            name: name(r.id),
            eligible: false,
            rank: null,
            openAssigned: byId.get(r.id)?.openAssigned ?? 0,
            assignedToday: byId.get(r.id)?.assignedToday ?? 0,
            reasons: r.reasons,
          })),
        ],
      };
    },
  };
}

export type DispatchBulk = ReturnType<typeof createDispatchBulk>;
