import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { AppError, notFound, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { businessDate } from '../../platform/time.ts';
import { createCatalogLookup } from '../catalog/index.ts';
import { requirePermission } from '../identity/index.ts';
import type { Permission } from '../identity/index.ts';
import { outletsRepository } from '../outlets/index.ts';
import type { OrderAction, OrderState, OrderStatus } from './domain/lifecycle.ts';
import { transition } from './domain/lifecycle.ts';
import type { Channel, OrderType, ServiceMode } from './domain/order-codes.ts';
import type { SlaEvaluation, SlaFacts } from './domain/sla/sla-engine.ts';
import { evaluateSla } from './domain/sla/sla-engine.ts';
import { explainSla } from './domain/sla/sla-explain.ts';
import type { MarketTier, SlaPolicies } from './domain/sla/sla-rules.ts';
import { slaPolicyKeys } from './domain/sla/sla-rules.ts';
import { orderInScope } from './order-scope.ts';
import type { NewWorkOrderRow, WorkOrderRow } from './work-orders.repository.ts';
import { workOrdersRepository as repo } from './work-orders.repository.ts';

/** What a change to an order writes besides its own columns. */
export interface OrderChange {
  patch: Partial<NewWorkOrderRow>;
  /** Timeline entry (order_events). */
  event: { type: string; data?: Record<string, unknown> };
  /** Audit action; defaults to the event type. */
  auditAction?: string;
  reason?: string;
  /** Outbox message for other modules (order.dispatched, order.completed, …). */
  outbox?: { topic: string; payload: Record<string, unknown> };
  /**
   * What the audit row keeps of the event, when that must differ from the timeline's copy: free text
   * typed in the field (completion notes) can carry a customer's words and stays on the order only.
   */
  auditData?: Record<string, unknown>;
}

/**
 * True when the patch changes a column clients edit against. Appending field records (a contact, a
 * photo, a part request) leaves the order row as it was, so the version others hold stays valid and a
 * dispatcher about to accept is not refused because an agent logged a call in the meantime.
 */
function changesRow(before: WorkOrderRow, patch: Partial<NewWorkOrderRow>): boolean {
  return Object.entries(patch).some(
    ([k, v]) => JSON.stringify(before[k as keyof WorkOrderRow]) !== JSON.stringify(v),
  );
}

/** Fields whose change the audit trail records (no personal data lives on the order row). */
const AUDITED: readonly (keyof WorkOrderRow)[] = [
  'status',
  'outletId',
  'engineerId',
  'orderType',
  'serviceMode',
  'channel',
  'categoryCode',
  'customerRequestedAt',
  'closingBasis',
  'dispatchOverrideReason',
  'actualMeasurePickup',
];

function diff(before: WorkOrderRow, after: WorkOrderRow) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of AUDITED) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

/** A region's market tier as WO-7.1 reads it; anything else is no tier. */
export const asMarketTier = (tier: number | null | undefined): MarketTier | null =>
  tier === 1 || tier === 2 || tier === 3 || tier === 4 ? tier : null;

/** What WO-7 weighs of an order about to be inserted. */
export type NewOrderSlaInput = Pick<
  WorkOrderRow,
  | 'orderType'
  | 'categoryCode'
  | 'serviceMode'
  | 'channel'
  | 'actualMeasurePickup'
  | 'createdAt'
  | 'customerRequestedAt'
>;

/** The SLA columns an evaluation is stored as. */
function slaColumns(evaluation: SlaEvaluation, now: Date) {
  return {
    slaDeadline: evaluation.deadline,
    slaState: evaluation.state,
    slaRule: evaluation.decision?.rule ?? null,
    slaPolicyVersion: evaluation.decision?.policyVersion ?? null,
    slaAssessedSeconds: Math.round(evaluation.assessedMs / 1000),
    slaEvaluatedAt: now,
  };
}

/**
 * The one place orders change: load in scope, lock, check the version the caller read, apply, then write
 * the timeline event, the audit row, any outbox message and the recomputed SLA — all in one transaction.
 */
export function createOrderStore(deps: PlatformDeps) {
  const db = deps.database.db;
  const lookup = createCatalogLookup(db);

  async function slaPolicies(at: Date): Promise<SlaPolicies> {
    const [standard, allTiers, pickup, mallReturn, jjwxDays, warningShare] = await Promise.all([
      deps.policies.at<SlaPolicies['standard']['value']>(slaPolicyKeys.standard, at),
      deps.policies.at<SlaPolicies['allTiers']['value']>(slaPolicyKeys.allTiers, at),
      deps.policies.at<SlaPolicies['pickup']['value']>(slaPolicyKeys.pickup, at),
      deps.policies.at<SlaPolicies['mallReturn']['value']>(slaPolicyKeys.mallReturn, at),
      deps.policies.at<number>(slaPolicyKeys.jjwxDays, at),
      deps.policies.at<number>(slaPolicyKeys.warningShare, at),
    ]);
    return { standard, allTiers, pickup, mallReturn, jjwxDays, warningShare };
  }

  /** WO-7.1: the tier of the region the OUTLET is in. */
  async function outletTier(outletId: string | null): Promise<MarketTier | null> {
    if (!outletId) return null;
    const outlet = await outletsRepository.findById(db, outletId);
    if (!outlet) return null;
    const region = await lookup.region(outlet.regionCode);
    return asMarketTier(region?.marketTier);
  }

  async function slaFacts(order: WorkOrderRow): Promise<SlaFacts> {
    const parts = await repo.partRequests(db, order.id);
    return {
      orderType: order.orderType as OrderType,
      categoryCode: order.categoryCode,
      serviceMode: order.serviceMode as ServiceMode,
      channel: order.channel as Channel,
      outletTier: await outletTier(order.outletId),
      actualMeasurePickup: order.actualMeasurePickup,
      createdAt: order.createdAt,
      customerRequestedAt: order.customerRequestedAt,
      closedAt: order.closedAt ?? order.cancelledAt,
      partWaits: parts.map((p) => ({
        partName: p.partName,
        shippedBy: p.shippedBy === 'division' ? 'division' : 'outlet_stock',
        appliedAt: p.appliedAt,
        stationArrivalAt: p.stationArrivalAt,
        shelfOffAt: p.shelfOffAt,
        arrivedAtOutletAt: p.arrivedAtOutletAt,
        fittedAt: p.fittedAt,
      })),
    };
  }

  /** Evaluates with the policies in force when the order was created (POL-1: results keep their version). */
  async function evaluate(
    order: WorkOrderRow,
    now: Date,
  ): Promise<{ facts: SlaFacts; evaluation: SlaEvaluation }> {
    const facts = await slaFacts(order);
    return { facts, evaluation: evaluateSla(facts, await slaPolicies(order.createdAt), now) };
  }

  async function recomputeSla(order: WorkOrderRow, now: Date): Promise<WorkOrderRow> {
    const { evaluation } = await evaluate(order, now);
    const sla = slaColumns(evaluation, now);
    await repo.setSla(db, order.id, sla);
    return { ...order, ...sla };
  }

  /**
   * WO-7 for an order not yet written: it has no parts, and the caller knows its outlet's tier, so the SLA
   * goes into the INSERT and intake reads nothing back.
   */
  async function slaOfNewOrder(order: NewOrderSlaInput, outletTier: MarketTier | null, now: Date) {
    const facts: SlaFacts = {
      orderType: order.orderType as OrderType,
      categoryCode: order.categoryCode,
      serviceMode: order.serviceMode as ServiceMode,
      channel: order.channel as Channel,
      outletTier,
      actualMeasurePickup: order.actualMeasurePickup,
      createdAt: order.createdAt,
      customerRequestedAt: order.customerRequestedAt,
      closedAt: null,
      partWaits: [],
    };
    const evaluation = evaluateSla(facts, await slaPolicies(order.createdAt), now);
    return { evaluation, columns: slaColumns(evaluation, now) };
  }

  return {
    db,
    lookup,
    evaluate,
    recomputeSla,
    slaOfNewOrder,
    outletTier,

    async loadVisible(
      ctx: ServiceContext,
      id: string,
      permission: Permission = 'order.read',
    ): Promise<WorkOrderRow> {
      const actor = requirePermission(ctx, permission);
      const order = await repo.findById(db, id);
      if (!order || !orderInScope(actor, order)) throw notFound('Work order', id);
      return order;
    },

    /** The "why" of the SLA figure for the UI (UI.md): structured evaluation plus text in both languages. */
    async explain(order: WorkOrderRow, now: Date) {
      const { facts, evaluation } = await evaluate(order, now);
      const category = await lookup.category(order.categoryCode);
      const tz = deps.businessTimeZone;
      return {
        evaluation,
        text: {
          'zh-CN': explainSla(evaluation, facts, category?.nameZh ?? order.categoryCode, 'zh-CN', tz),
          'en-US': explainSla(evaluation, facts, category?.nameEn ?? order.categoryCode, 'en-US', tz),
        },
      };
    },

    /** WO20261123-000123, numbered per business day. */
    async nextNumber(tx: Tx, now: Date): Promise<string> {
      const day = businessDate(now, deps.businessTimeZone).replace(/-/g, '');
      const seq = await repo.nextSequence(tx, day);
      return `WO${day}-${String(seq).padStart(6, '0')}`;
    },

    /**
     * Applies a lifecycle action (WO state machine) and/or other changes. `expectedVersion` is the version
     * the caller read (409 when stale); `change` may inspect the locked row and the transaction.
     */
    async mutate(
      ctx: ServiceContext,
      id: string,
      permission: Permission,
      expectedVersion: number | undefined,
      change: (order: WorkOrderRow, tx: Tx) => Promise<OrderChange>,
    ): Promise<WorkOrderRow> {
      const actor = requirePermission(ctx, permission);
      return inTransaction(deps, async (tx) => {
        const before = await repo.findById(tx, id, true);
        if (!before || !orderInScope(actor, before)) throw notFound('Work order', id);
        if (expectedVersion !== undefined && before.version !== expectedVersion) {
          throw versionConflict('Work order', id, before.version);
        }
        const c = await change(before, tx);
        const after = changesRow(before, c.patch)
          ? await repo.updateVersioned(tx, id, before.version, { ...c.patch, updatedAt: ctx.now })
          : await repo.touch(tx, id, ctx.now);
        if (!after) throw versionConflict('Work order', id, before.version);
        await repo.insertEvent(tx, {
          id: newId('oev', ctx.now),
          orderId: id,
          at: ctx.now,
          actorId: ctx.actor?.userId ?? null,
          type: c.event.type,
          data: c.event.data ?? {},
        });
        const d = diff(before, after);
        await writeAudit(tx, ctx, {
          entity: 'work_order',
          entityId: id,
          action: c.auditAction ?? c.event.type,
          before: d.before,
          after: {
            ...d.after,
            ...((c.auditData ?? c.event.data) ? { event: c.auditData ?? c.event.data } : {}),
          },
          ...(c.reason ? { reason: c.reason } : {}),
          scopeOutletId: after.outletId,
          scopeRegionCode: after.regionCode,
        });
        if (c.outbox)
          await emitEvent(tx, ctx, c.outbox.topic, {
            orderId: id,
            number: after.number,
            ...c.outbox.payload,
          });
        return recomputeSla(after, ctx.now);
      });
    },
  };
}

export type OrderStore = ReturnType<typeof createOrderStore>;

/** Runs the WO state machine; refusals become ORDER_ILLEGAL_TRANSITION with the specific reason. */
export function applyTransition(order: WorkOrderRow, action: OrderAction): OrderState {
  const state: OrderState = {
    status: order.status as OrderStatus,
    outletId: order.outletId,
    engineerId: order.engineerId,
  };
  const result = transition(state, action);
  if (!result.ok) {
    throw new AppError('ORDER_ILLEGAL_TRANSITION', result.message, {
      details: { reason: result.code, from: result.from, action: result.action, ...result.details },
    });
  }
  return result.state;
}
