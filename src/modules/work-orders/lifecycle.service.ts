import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import { addCalendarDays, businessDate, businessDayStart } from '../../platform/time.ts';
import { maskName } from '../catalog/index.ts';
import { requirePermission } from '../identity/index.ts';
import { dispatchCandidatesRepository as candidates } from './dispatch-candidates.repository.ts';
import { proposeEngineer } from './domain/dispatch.ts';
import type { RedispatchReasonCode } from './domain/lifecycle.ts';
import {
  dispatchTargetProblem,
  lifecyclePermissions as perm,
  ruleRefused as refused,
} from './lifecycle-actions.ts';
import type { OrderChange, OrderStore } from './order-store.ts';
import { applyTransition } from './order-store.ts';
import type { OrderDetail } from './order-view.ts';
import type { OrderReader } from './orders-query.service.ts';
import { ordersReadRepository as reads } from './orders-read.repository.ts';
import type { WorkOrderRow } from './work-orders.repository.ts';

/**
 * The order between intake and the work: accept, assign (with the WO-13 engineer suggestion), re-dispatch and
 * cancel. Each step goes through the order store, so it is one timeline event, one audit row, its outbox
 * message and a fresh SLA.
 */
export function createLifecycleService(deps: PlatformDeps, store: OrderStore, reader: OrderReader) {
  const db = store.db;
  const tz = deps.businessTimeZone;

  async function engineerSuggestion(order: WorkOrderRow, now: Date) {
    if (!order.outletId) return null;
    const today = businessDate(now, tz);
    const list = await candidates.engineerCandidates(
      db,
      order.outletId,
      businessDayStart(today, tz),
      businessDayStart(addCalendarDays(today, 1), tz),
    );
    return { list, result: proposeEngineer(list, { categoryCode: order.categoryCode }) };
  }

  const view = async (ctx: ServiceContext, row: WorkOrderRow): Promise<OrderDetail> =>
    reader.detail(ctx, row);

  return {
    /** WO-13: the qualified engineers of the order's outlet, least loaded first, with the reasons. */
    async suggestEngineer(ctx: ServiceContext, id: string) {
      const order = await store.loadVisible(ctx, id, perm.assign);
      const s = await engineerSuggestion(order, ctx.now);
      if (!s) {
        throw new AppError('ORDER_ILLEGAL_TRANSITION', 'The order has no outlet yet; send it to one first.', {
          details: { reason: 'NO_OUTLET', from: order.status, action: 'assign' },
        });
      }
      const names = new Map(s.list.map((e) => [e.engineerId, maskName(deps.crypto.decrypt(e.nameEnc))]));
      const named = <T extends { engineerId: string }>(e: T) => ({
        ...e,
        name: names.get(e.engineerId) ?? '',
      });
      return {
        orderId: order.id,
        outletId: order.outletId,
        categoryCode: order.categoryCode,
        ok: s.result.ok,
        code: s.result.ok ? null : s.result.code,
        message: s.result.ok ? null : s.result.message,
        suggestion: s.result.ok ? named(s.result.proposal) : null,
        ranked: s.result.ranked.map(named),
        rejected: s.result.rejected.map((r) => ({ ...r, name: names.get(r.id) ?? '' })),
      };
    },

    async accept(ctx: ServiceContext, id: string, version: number): Promise<OrderDetail> {
      const row = await store.mutate(ctx, id, perm.accept, version, async (order) => {
        applyTransition(order, { type: 'accept' });
        return {
          patch: { status: 'accepted', acceptedAt: ctx.now },
          event: { type: 'accepted', data: { outletId: order.outletId } },
        };
      });
      return view(ctx, row);
    },

    async assign(
      ctx: ServiceContext,
      id: string,
      input: { engineerId: string; version: number },
    ): Promise<OrderDetail> {
      const row = await store.mutate(ctx, id, perm.assign, input.version, async (order, tx) => {
        const next = applyTransition(order, { type: 'assign', engineerId: input.engineerId });
        const engineer = await reads.engineer(tx, input.engineerId);
        if (!engineer || engineer.outletId !== order.outletId) {
          throw validationFailed([
            { path: '/engineerId', message: 'Choose an engineer of the outlet that has the order.' },
          ]);
        }
        if (!engineer.active) {
          throw refused('NOT_ACTIVE', `Engineer ${engineer.code} is not active; choose another.`, {
            rule: 'WO-13',
          });
        }
        if (!engineer.categories.includes(order.categoryCode)) {
          throw refused(
            'NOT_QUALIFIED',
            `Engineer ${engineer.code} is not qualified for ${order.categoryCode}; choose a qualified one.`,
            { rule: 'WO-13', categoryCode: order.categoryCode },
          );
        }
        const s = await engineerSuggestion(order, ctx.now);
        const suggestedEngineerId = s?.result.ok ? s.result.proposal.engineerId : null;
        return {
          patch: { status: next.status, engineerId: input.engineerId, assignedAt: ctx.now },
          event: {
            type: 'assigned',
            data: {
              engineerId: input.engineerId,
              previousEngineerId: order.engineerId,
              suggestedEngineerId,
              followedSuggestion: suggestedEngineerId === input.engineerId,
            },
          },
        };
      });
      return view(ctx, row);
    },

    /** 改派: to another outlet, with a reason; the new outlet accepts and staffs it afresh (WO-9, WO-14). */
    async redispatch(
      ctx: ServiceContext,
      id: string,
      input: {
        outletId: string;
        reasonCode: RedispatchReasonCode;
        note?: string | null | undefined;
        version: number;
      },
    ): Promise<OrderDetail> {
      requirePermission(ctx, perm.redispatch);
      const note = input.note?.trim() || null;
      if (input.reasonCode === 'other' && note === null) {
        throw validationFailed([
          { path: '/note', message: 'Describe why the order moves to another outlet.' },
        ]);
      }
      const row = await store.mutate(ctx, id, perm.redispatch, input.version, async (order, tx) => {
        const next = applyTransition(order, {
          type: 'redispatch',
          outletId: input.outletId,
          reason: { code: input.reasonCode, note },
        });
        const target = (await reads.outlets(tx, [input.outletId])).get(input.outletId);
        const problem = dispatchTargetProblem(target, input.outletId, businessDate(ctx.now, tz));
        if (problem) throw validationFailed([{ path: '/outletId', message: problem }]);
        const change: OrderChange = {
          patch: {
            status: next.status,
            outletId: next.outletId,
            engineerId: next.engineerId,
            dispatchedAt: ctx.now,
            acceptedAt: null,
            assignedAt: null,
          },
          event: {
            type: 'redispatched',
            data: {
              fromOutletId: order.outletId,
              outletId: input.outletId,
              reasonCode: input.reasonCode,
              note,
            },
          },
          reason: note ? `${input.reasonCode}: ${note}` : input.reasonCode,
          outbox: {
            topic: 'order.dispatched',
            payload: {
              outletId: input.outletId,
              previousOutletId: order.outletId,
              redispatch: true,
              reasonCode: input.reasonCode,
            },
          },
        };
        return change;
      });
      return view(ctx, row);
    },

    async cancel(
      ctx: ServiceContext,
      id: string,
      input: { reason: string; version: number },
    ): Promise<OrderDetail> {
      requirePermission(ctx, perm.cancel);
      const reason = input.reason.trim();
      if (reason === '')
        throw validationFailed([{ path: '/reason', message: 'Say why the order is cancelled.' }]);
      const row = await store.mutate(ctx, id, perm.cancel, input.version, async (order) => {
        applyTransition(order, { type: 'cancel', reason });
        return {
          patch: { status: 'cancelled', cancelledAt: ctx.now },
          event: { type: 'cancelled', data: { reason } },
          reason,
          outbox: { topic: 'order.cancelled', payload: { outletId: order.outletId, reason } },
        };
      });
      return view(ctx, row);
    },
  };
}

export type LifecycleService = ReturnType<typeof createLifecycleService>;
