import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { AppError, forbidden, validationFailed } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission } from '../identity/index.ts';
import type { ClosingBasis } from './domain/lifecycle.ts';
import type { DeclineInput } from './lifecycle-closing.ts';
import { closingDecision, loadClosingBase } from './lifecycle-closing.ts';
import { lifecyclePermissions as perm, ruleRefused as refused } from './lifecycle-actions.ts';
import type { OrderStore } from './order-store.ts';
import { applyTransition } from './order-store.ts';
import type { OrderDetail } from './order-view.ts';
import type { OrderReader } from './orders-query.service.ts';
import { ordersReadRepository as reads } from './orders-read.repository.ts';
import type { WorkOrderRow } from './work-orders.repository.ts';

/** Roles whose satisfaction callback counts as the dispatcher's (WO-6.1); every other caller is the call center. */
const OUTLET_ROLES = ['dispatcher', 'outlet'];

/**
 * The work on the order and its end: start the visit or receive the unit (WO-14 first visit), complete, call
 * back (WO-6.1, an unhappy customer reopens it) and close (WO-6). Each step goes through the order store.
 */
export function createLifecycleWorkService(deps: PlatformDeps, store: OrderStore, reader: OrderReader) {
  const db = store.db;
  const tz = deps.businessTimeZone;
  const view = async (ctx: ServiceContext, row: WorkOrderRow): Promise<OrderDetail> =>
    reader.detail(ctx, row);

  /** Engineers act on the orders given to them; outlet managers and dispatchers on all of their outlet's. */
  async function requireOwnJob(ctx: ServiceContext, order: WorkOrderRow): Promise<void> {
    const actor = ctx.actor;
    if (actor?.role !== 'engineer') return;
    const own = await reads.engineerIdOfUser(db, actor.userId);
    if (!own || own !== order.engineerId) throw forbidden('work on an order assigned to another engineer');
  }

  return {
    /** The engineer arrives (WO-14 first visit: the first arrival stays the first). */
    async startVisit(ctx: ServiceContext, id: string, version: number): Promise<OrderDetail> {
      const row = await store.mutate(ctx, id, perm.start_visit, version, async (order) => {
        await requireOwnJob(ctx, order);
        const next = applyTransition(order, { type: 'start_visit' });
        return {
          patch: { status: next.status, firstVisitAt: order.firstVisitAt ?? ctx.now },
          event: { type: 'visit_started', data: { engineerId: order.engineerId } },
        };
      });
      return view(ctx, row);
    },

    /** Carry-in (送修): the unit arriving at the outlet is where the service starts, as a visit does on site. */
    async receiveUnit(ctx: ServiceContext, id: string, version: number): Promise<OrderDetail> {
      const row = await store.mutate(ctx, id, perm.receive_unit, version, async (order) => {
        await requireOwnJob(ctx, order);
        const next = applyTransition(order, { type: 'receive_unit' });
        if (order.serviceMode !== 'carry_in') {
          throw refused(
            'NOT_CARRY_IN',
            'Only carry-in orders are received at the outlet; start a visit instead.',
            {
              serviceMode: order.serviceMode,
            },
          );
        }
        return {
          patch: { status: next.status, firstVisitAt: order.firstVisitAt ?? ctx.now },
          event: { type: 'unit_received', data: { engineerId: order.engineerId } },
        };
      });
      return view(ctx, row);
    },

    async complete(
      ctx: ServiceContext,
      id: string,
      input: { version: number; notes: string; actualMeasurePickup?: boolean | undefined },
    ): Promise<OrderDetail> {
      requirePermission(ctx, perm.complete);
      const notes = input.notes.trim();
      if (notes === '') {
        throw validationFailed([
          { path: '/notes', message: 'Say what was done, for the callback and settlement.' },
        ]);
      }
      const row = await store.mutate(ctx, id, perm.complete, input.version, async (order) => {
        await requireOwnJob(ctx, order);
        applyTransition(order, { type: 'complete' });
        const pickup = input.actualMeasurePickup ?? order.actualMeasurePickup;
        return {
          patch: { status: 'completed', completedAt: ctx.now, actualMeasurePickup: pickup },
          event: {
            type: 'completed',
            data: { notes, actualMeasurePickup: pickup, engineerId: order.engineerId },
          },
          auditData: { notesLength: notes.length, actualMeasurePickup: pickup, engineerId: order.engineerId },
          outbox: {
            topic: 'order.completed',
            payload: {
              outletId: order.outletId,
              engineerId: order.engineerId,
              completedAt: ctx.now.toISOString(),
            },
          },
        };
      });
      return view(ctx, row);
    },

    /**
     * WO-6.1 satisfaction callback by the dispatcher or the call center. A reached, unsatisfied customer sends
     * the order back to work (WO-6.3 one ticket to the end).
     */
    async callback(
      ctx: ServiceContext,
      id: string,
      input: { reached: boolean; satisfied?: boolean | null | undefined; note?: string | null | undefined },
    ) {
      const actor = requirePermission(ctx, perm.callback);
      if (input.reached && (input.satisfied === undefined || input.satisfied === null)) {
        throw validationFailed([{ path: '/satisfied', message: 'Say whether the customer is satisfied.' }]);
      }
      const satisfied = input.reached ? (input.satisfied ?? null) : null;
      const by = OUTLET_ROLES.includes(actor.role) ? 'dispatcher' : 'call_center';
      const note = input.note?.trim() || null;
      let callbackId = '';
      const row = await store.mutate(ctx, id, perm.callback, undefined, async (order, tx) => {
        if (order.status !== 'completed') {
          throw new AppError(
            'ORDER_ILLEGAL_TRANSITION',
            `An order that is ${order.status} is not called back; wait for the completion.`,
            { details: { reason: 'NOT_COMPLETED', from: order.status, action: 'callback' } },
          );
        }
        const reopen = input.reached && satisfied === false;
        const next = reopen ? applyTransition(order, { type: 'reopen' }) : null;
        const saved = await reads.insertCallback(tx, {
          id: newId('ocb', ctx.now),
          orderId: order.id,
          by,
          at: ctx.now,
          reached: input.reached,
          satisfied,
          note,
          recordedBy: actor.userId,
        });
        callbackId = saved.id;
        return {
          patch: next ? { status: next.status } : {},
          event: {
            type: 'callback_recorded',
            data: { callbackId: saved.id, by, reached: input.reached, satisfied, reopened: reopen },
          },
          ...(note ? { reason: note } : {}),
        };
      });
      return {
        callback: { id: callbackId, by, at: ctx.now.toISOString(), reached: input.reached, satisfied, note },
        order: await view(ctx, row),
      };
    },

    /** WO-6: the state machine says from where; the closing rules say whether the facts allow it. */
    async close(
      ctx: ServiceContext,
      id: string,
      input: { basis: ClosingBasis; version: number; decline?: DeclineInput | undefined },
    ): Promise<OrderDetail> {
      requirePermission(ctx, perm.close);
      if (input.basis !== 'declined_on_site' && input.decline) {
        throw validationFailed([
          { path: '/decline', message: 'Give the decline only when closing on it (WO-6.4).' },
        ]);
      }
      const horizon = await deps.policies.at<number>('wo.no_time.horizon_days', ctx.now);
      const row = await store.mutate(ctx, id, perm.close, input.version, async (order, tx) => {
        applyTransition(order, { type: 'close', basis: input.basis });
        const base = await loadClosingBase(tx, order);
        const decision = closingDecision(order, base, input.basis, input.decline ?? null, {
          now: ctx.now,
          tz,
          noTimeHorizonDays: horizon.value,
        });
        if (!decision.ok) {
          throw refused(decision.code, decision.message, {
            rule: decision.rule,
            basis: input.basis,
            refusals: decision.refusals.map((r) => ({ code: r.code, rule: r.rule, message: r.message })),
          });
        }
        return {
          patch: { status: 'closed', closedAt: ctx.now, closingBasis: input.basis },
          event: {
            type: 'closed',
            data: {
              basis: input.basis,
              rule: decision.rule,
              noTimeHorizonPolicyVersion: horizon.version,
              ...(input.decline
                ? { decline: { ...input.decline, reason: input.decline.reason.trim() } }
                : {}),
            },
          },
          ...(input.decline ? { reason: input.decline.reason.trim() } : {}),
          outbox: { topic: 'order.closed', payload: { outletId: order.outletId, basis: input.basis } },
        };
      });
      return view(ctx, row);
    },
  };
}

export type LifecycleWorkService = ReturnType<typeof createLifecycleWorkService>;
