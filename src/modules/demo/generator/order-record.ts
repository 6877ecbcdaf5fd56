import { encodePerson, evaluateSla, transition } from '../../work-orders/index.ts';
import type {
  AppointmentRow,
  AppointmentWindow,
  ContactPerson,
  ContactRow,
  OrderAction,
  OrderEventRow,
  OrderState,
  OrderStatus,
  PartRequestRow,
  RescheduleRequester,
  ResultRow,
  SlaEvaluation,
  WorkOrderRow,
} from '../../work-orders/index.ts';
import type { OrderPolicyKey } from './order-inputs.ts';
import { policyAt } from './order-inputs.ts';
import type { BuilderContext, CallbackRow, GeneratedOrder, IntakeFacts, TrailPoint } from './order-rows.ts';
import { notYet, slaFactsOf, slaPoliciesAt } from './order-rows.ts';

/**
 * An order being generated with every row the services keep for it, and the plumbing every step shares: time
 * order, the state machine, the version, the timeline event (order-store.ts `mutate`).
 */
export abstract class OrderRecord {
  readonly row: WorkOrderRow;
  readonly events: OrderEventRow[] = [];
  readonly appointments: AppointmentRow[] = [];
  readonly results: ResultRow[] = [];
  readonly parts: PartRequestRow[] = [];
  readonly contacts: ContactRow[] = [];
  readonly callbacks: CallbackRow[] = [];
  readonly trail: TrailPoint[] = [];
  protected lastMs: number;
  protected readonly nowMs: number;

  constructor(
    protected readonly ctx: BuilderContext,
    intake: IntakeFacts,
  ) {
    this.nowMs = ctx.now.getTime();
    if (intake.at > this.nowMs) throw new Error('An order cannot be created after now.');
    this.lastMs = intake.at;
    const at = new Date(intake.at);
    const d = intake.dispatch;
    let state: OrderState = { status: 'created', outletId: null, engineerId: null };
    const steps: { type: string; data: Record<string, unknown> }[] = [
      {
        type: 'created',
        data: {
          orderType: intake.orderType,
          channel: intake.channel,
          serviceMode: intake.serviceMode,
          categoryCode: intake.categoryCode,
          unitId: intake.unitId,
        },
      },
    ];
    if (d) {
      state = this.step(state, { type: 'dispatch', outletId: d.outletId });
      const override = !d.selfReceived && d.outletId !== d.proposedOutletId;
      steps.push({
        type: 'dispatched',
        data: {
          outletId: d.outletId,
          proposedOutletId: d.proposedOutletId,
          override,
          overrideReason: override ? d.overrideReason : null,
          selfReceived: d.selfReceived,
        },
      });
      if (d.selfReceived) {
        state = this.step(state, { type: 'accept' });
        steps.push({ type: 'accepted', data: { selfReceived: true } });
      }
    }
    const id = ctx.ids.next('wor', intake.at);
    this.row = {
      id,
      number: intake.number,
      customerId: intake.customerId,
      unitId: intake.unitId,
      addressId: intake.addressId,
      regionCode: intake.regionCode,
      categoryCode: intake.categoryCode,
      modelId: intake.modelId,
      orderType: intake.orderType,
      channel: intake.channel,
      serviceMode: intake.serviceMode,
      faultDescription: intake.faultDescription,
      customerRequestedAt: intake.customerRequestedAt,
      status: state.status,
      outletId: state.outletId,
      engineerId: null,
      proposedOutletId: d && !d.selfReceived ? d.proposedOutletId : null,
      dispatchOverrideReason:
        d && !d.selfReceived && d.outletId !== d.proposedOutletId ? d.overrideReason : null,
      actualMeasurePickup: false,
      closingBasis: null,
      dispatchedAt: d ? at : null,
      acceptedAt: state.status === 'accepted' ? at : null,
      assignedAt: null,
      firstContactAt: null,
      firstVisitAt: null,
      firstPartRequestAt: null,
      completedAt: null,
      closedAt: null,
      cancelledAt: null,
      slaDeadline: null,
      slaState: 'none',
      slaRule: null,
      slaPolicyVersion: null,
      slaAssessedSeconds: null,
      slaEvaluatedAt: null,
      version: 1,
      createdBy: intake.createdBy,
      createdAt: at,
      updatedAt: at,
    };
    for (const s of steps) this.pushEvent(at, s.type, s.data, intake.createdBy);
  }

  get status(): OrderStatus {
    return this.row.status as OrderStatus;
  }

  /** The instant of the latest step. */
  get last(): number {
    return this.lastMs;
  }

  windowInstants(w: AppointmentWindow): { startsAt: Date; endsAt: Date } {
    return this.ctx.windows.instants(w);
  }

  /** The window the order holds now (the latest one recorded), if any. */
  get currentWindow(): AppointmentWindow | null {
    const a = this.appointments.at(-1);
    return a ? { date: a.day, start: a.windowStart, end: a.windowEnd } : null;
  }

  get openParts(): PartRequestRow[] {
    return this.parts.filter((p) => p.cancelledAt === null && p.arrivedAtOutletAt === null);
  }

  policy<T>(key: OrderPolicyKey, at: Date): { value: T; version: number } {
    return policyAt<T>(this.ctx.inputs, key, at);
  }

  /**
   * The SLA as the order store stores it (WO-7): the real engine over the order's facts, with the policies in
   * force when the order was created, evaluated at `at`.
   */
  evaluateSla(at: Date): SlaEvaluation {
    const tier = this.row.outletId ? this.ctx.outletTier(this.row.outletId) : null;
    const evaluation = evaluateSla(
      slaFactsOf(this.row, this.parts, tier),
      slaPoliciesAt(this.ctx.inputs, this.row.createdAt),
      at,
    );
    Object.assign(this.row, {
      slaDeadline: evaluation.deadline,
      slaState: evaluation.state,
      slaRule: evaluation.decision?.rule ?? null,
      slaPolicyVersion: evaluation.decision?.policyVersion ?? null,
      slaAssessedSeconds: Math.round(evaluation.assessedMs / 1000),
      slaEvaluatedAt: at,
    });
    return evaluation;
  }

  result(): GeneratedOrder {
    return {
      row: this.row,
      events: this.events,
      appointments: this.appointments,
      results: this.results,
      parts: this.parts,
      contacts: this.contacts,
      callbacks: this.callbacks,
    };
  }

  protected begin(atMs: number): Date {
    if (atMs > this.nowMs) throw notYet;
    this.lastMs = Math.max(this.lastMs, Math.floor(atMs));
    return new Date(this.lastMs);
  }

  protected step(state: OrderState, action: OrderAction): OrderState {
    const r = transition(state, action);
    if (!r.ok) throw new Error(`Demo order step refused: ${r.message}`);
    return r.state;
  }

  protected apply(action: OrderAction): OrderState {
    return this.step(
      { status: this.status, outletId: this.row.outletId, engineerId: this.row.engineerId },
      action,
    );
  }

  protected saveAppointment(
    at: Date,
    spec:
      | { kind: 'initial'; window: AppointmentWindow; agreedBy: ContactPerson }
      | {
          kind: 'reschedule';
          window: AppointmentWindow;
          requestedBy: RescheduleRequester;
          reason: string;
          customerAccepted: boolean;
          broken: boolean;
        },
    actorId: string | null,
  ): AppointmentRow {
    for (const a of this.appointments) if (a.supersededAt === null) a.supersededAt = at;
    const { startsAt, endsAt } = this.ctx.windows.instants(spec.window);
    const row: AppointmentRow = {
      id: this.ctx.ids.next('apt', at.getTime()),
      orderId: this.row.id,
      day: spec.window.date,
      windowStart: spec.window.start,
      windowEnd: spec.window.end,
      startsAt,
      endsAt,
      kind: spec.kind,
      agreedBy: spec.kind === 'initial' ? encodePerson(spec.agreedBy) : null,
      requestedBy: spec.kind === 'reschedule' ? spec.requestedBy : null,
      reason: spec.kind === 'reschedule' ? spec.reason : null,
      customerAccepted: spec.kind === 'reschedule' ? spec.customerAccepted : true,
      broken: spec.kind === 'reschedule' && spec.broken,
      supersededAt: null,
      createdBy: actorId,
      createdAt: at,
    };
    this.appointments.push(row);
    return row;
  }

  protected pushEvent(at: Date, type: string, data: Record<string, unknown>, actorId: string | null): void {
    this.trail.push({
      at: at.getTime(),
      status: this.row.status,
      outletId: this.row.outletId,
      engineerId: this.row.engineerId,
    });
    this.events.push({
      id: this.ctx.ids.next('oev', at.getTime()),
      orderId: this.row.id,
      at,
      actorId,
      type,
      data,
    });
  }

  /** What the order store does around every change: the columns, the version, the timeline event. */
  protected mutate(
    at: Date,
    patch: Partial<WorkOrderRow>,
    type: string,
    data: Record<string, unknown>,
    actorId: string | null,
  ): void {
    Object.assign(this.row, patch);
    this.row.version += 1;
    this.row.updatedAt = at;
    this.pushEvent(at, type, data, actorId);
  }
}
