import { canClose } from '../../work-orders/index.ts';
import type { ClosingBasis, IntermediateResult, RedispatchReasonCode } from '../../work-orders/index.ts';
import { OrderRecord } from './order-record.ts';

/** The lifecycle steps (lifecycle.service.ts, lifecycle-work.service.ts) on a generated order. */
export abstract class LifecycleSteps extends OrderRecord {
  accept(atMs: number, actorId: string | null): void {
    const at = this.begin(atMs);
    this.apply({ type: 'accept' });
    this.mutate(
      at,
      { status: 'accepted', acceptedAt: at },
      'accepted',
      { outletId: this.row.outletId },
      actorId,
    );
  }

  assign(atMs: number, engineerId: string, suggestedEngineerId: string | null, actorId: string | null): void {
    const at = this.begin(atMs);
    const next = this.apply({ type: 'assign', engineerId });
    const previous = this.row.engineerId;
    this.mutate(
      at,
      { status: next.status, engineerId, assignedAt: at },
      'assigned',
      {
        engineerId,
        previousEngineerId: previous,
        suggestedEngineerId,
        followedSuggestion: suggestedEngineerId === engineerId,
      },
      actorId,
    );
  }

  redispatch(
    atMs: number,
    outletId: string,
    reasonCode: RedispatchReasonCode,
    note: string | null,
    actorId: string | null,
  ): void {
    const at = this.begin(atMs);
    const next = this.apply({ type: 'redispatch', outletId, reason: { code: reasonCode, note } });
    const from = this.row.outletId;
    this.mutate(
      at,
      {
        status: next.status,
        outletId: next.outletId,
        engineerId: next.engineerId,
        dispatchedAt: at,
        acceptedAt: null,
        assignedAt: null,
      },
      'redispatched',
      { fromOutletId: from, outletId, reasonCode, note },
      actorId,
    );
  }

  cancel(atMs: number, reason: string, actorId: string | null): void {
    const at = this.begin(atMs);
    this.apply({ type: 'cancel', reason });
    this.mutate(at, { status: 'cancelled', cancelledAt: at }, 'cancelled', { reason }, actorId);
  }

  startVisit(atMs: number, actorId: string | null): void {
    const at = this.begin(atMs);
    const next = this.apply({ type: 'start_visit' });
    this.mutate(
      at,
      { status: next.status, firstVisitAt: this.row.firstVisitAt ?? at },
      'visit_started',
      {
        engineerId: this.row.engineerId,
      },
      actorId,
    );
  }

  receiveUnit(atMs: number, actorId: string | null): void {
    const at = this.begin(atMs);
    if (this.row.serviceMode !== 'carry_in')
      throw new Error('Only carry-in orders are received at the outlet.');
    const next = this.apply({ type: 'receive_unit' });
    this.mutate(
      at,
      { status: next.status, firstVisitAt: this.row.firstVisitAt ?? at },
      'unit_received',
      {
        engineerId: this.row.engineerId,
      },
      actorId,
    );
  }

  complete(atMs: number, notes: string, actorId: string | null): void {
    const at = this.begin(atMs);
    this.apply({ type: 'complete' });
    const pickup = this.row.actualMeasurePickup;
    this.mutate(
      at,
      { status: 'completed', completedAt: at, actualMeasurePickup: pickup },
      'completed',
      {
        notes,
        actualMeasurePickup: pickup,
        engineerId: this.row.engineerId,
      },
      actorId,
    );
  }

  /** WO-6.1 callback; a reached, unhappy customer sends the order back to work (WO-6.3). */
  callback(
    atMs: number,
    input: {
      by: 'dispatcher' | 'call_center';
      reached: boolean;
      satisfied: boolean | null;
      note: string | null;
    },
    actorId: string | null,
  ): void {
    const at = this.begin(atMs);
    if (this.status !== 'completed') throw new Error(`An order that is ${this.status} is not called back.`);
    const satisfied = input.reached ? input.satisfied : null;
    const reopen = input.reached && satisfied === false;
    const next = reopen ? this.apply({ type: 'reopen' }) : null;
    const id = this.ctx.ids.next('ocb', atMs);
    this.callbacks.push({
      id,
      orderId: this.row.id,
      by: input.by,
      at,
      reached: input.reached,
      satisfied,
      note: input.note,
      recordedBy: actorId,
    });
    this.mutate(
      at,
      next ? { status: next.status } : {},
      'callback_recorded',
      {
        callbackId: id,
        by: input.by,
        reached: input.reached,
        satisfied,
        reopened: reopen,
      },
      actorId,
    );
  }

  /** WO-6: the state machine and the closing rules must both allow it, as the close route checks. */
  close(
    atMs: number,
    basis: ClosingBasis,
    decline: { clearlyDeclined: boolean; addressConfirmed: boolean; reason: string } | null,
    actorId: string | null,
  ): void {
    const at = this.begin(atMs);
    this.apply({ type: 'close', basis });
    const horizon = this.policy<number>('wo.no_time.horizon_days', at);
    const latest = this.results.at(-1);
    const decision = canClose(
      {
        basis,
        completedAt: this.row.completedAt,
        unfinishedWork: this.parts
          .filter((p) => p.cancelledAt === null && p.fittedAt === null)
          .map((p) => `part ${p.partName} not fitted`),
        callbacks: this.callbacks.map((c) => ({
          by: c.by === 'dispatcher' || c.by === 'call_center' ? c.by : 'other',
          at: c.at,
          reached: c.reached,
          satisfied: c.satisfied,
        })),
        latestResult: latest
          ? ({
              ...(latest.data as Record<string, unknown>),
              code: latest.code,
              recordedAt: latest.recordedAt,
            } as unknown as IntermediateResult)
          : null,
        openDisputes: 0,
        onSiteDecline: decline ? { at, visitStartedAt: this.row.firstVisitAt, ...decline } : null,
      },
      { now: at, tz: this.ctx.tz, noTimeHorizonDays: horizon.value },
    );
    if (!decision.ok) throw new Error(`Demo order ${this.row.number} may not close: ${decision.message}`);
    this.mutate(
      at,
      { status: 'closed', closedAt: at, closingBasis: basis },
      'closed',
      {
        basis,
        rule: decision.rule,
        noTimeHorizonPolicyVersion: horizon.version,
        ...(decline ? { decline } : {}),
      },
      actorId,
    );
  }
}
