import type { Executor } from '../../platform/db/database.ts';
import type { ClosingBasis } from './domain/lifecycle.ts';
import type {
  ClosingCallback,
  ClosingContext,
  ClosingDecision,
  ClosingFacts,
  OnSiteDecline,
} from './domain/closing.ts';
import { canClose } from './domain/closing.ts';
import type { IntermediateResult } from './domain/intermediate-results.ts';
import { ordersReadRepository as reads } from './orders-read.repository.ts';
import { workOrdersRepository as repo } from './work-orders.repository.ts';
import type { WorkOrderRow } from './work-orders.repository.ts';

/** The facts WO-6 weighs that do not depend on the basis asked for. */
export type ClosingBase = Omit<ClosingFacts, 'basis' | 'onSiteDecline'>;

/** What the closer declares for WO-6.4: the engineer's account of the decline on site. */
export interface DeclineInput {
  clearlyDeclined: boolean;
  addressConfirmed: boolean;
  reason: string;
}

const isCallbackAgent = (by: string): by is ClosingCallback['by'] =>
  by === 'dispatcher' || by === 'call_center';

/** A new order's closing facts: nothing done yet, so nothing to read. */
export function closingBaseOfNewOrder(order: WorkOrderRow): ClosingBase {
  return {
    completedAt: order.completedAt,
    unfinishedWork: [],
    callbacks: [],
    latestResult: null,
    openDisputes: 0,
  };
}

export async function loadClosingBase(db: Executor, order: WorkOrderRow): Promise<ClosingBase> {
  const [callbacks, unfitted, latest] = await Promise.all([
    repo.callbacks(db, order.id),
    reads.unfittedParts(db, order.id),
    reads.latestResult(db, order.id),
  ]);
  return {
    completedAt: order.completedAt,
    unfinishedWork: unfitted.map((name) => `part ${name} not fitted`),
    callbacks: callbacks.map((c) => ({
      by: isCallbackAgent(c.by) ? c.by : 'other',
      at: c.at,
      reached: c.reached,
      satisfied: c.satisfied,
    })),
    // The result's own fields are stored as validated (WO-5); code and time live in their columns.
    latestResult: latest
      ? ({
          ...(latest.data as Record<string, unknown>),
          code: latest.code,
          recordedAt: latest.recordedAt,
        } as unknown as IntermediateResult)
      : null,
    // Complaints (CMP) are not built yet: no order has an open dispute.
    openDisputes: 0,
  };
}

export function closingDecision(
  order: WorkOrderRow,
  base: ClosingBase,
  basis: ClosingBasis,
  decline: DeclineInput | null,
  ctx: ClosingContext,
): ClosingDecision {
  const onSiteDecline: OnSiteDecline | null = decline
    ? {
        at: ctx.now,
        visitStartedAt: order.firstVisitAt,
        clearlyDeclined: decline.clearlyDeclined,
        addressConfirmed: decline.addressConfirmed,
        reason: decline.reason,
      }
    : null;
  return canClose({ ...base, basis, onSiteDecline }, ctx);
}
