import {
  PROMISE_KEY,
  assessRepeatContact,
  encodeReason,
  intermediateResultCodes,
  repeatContactFacts,
  validateIntermediateResult,
  validateReschedule,
} from '../../work-orders/index.ts';
import type {
  AppointmentRow,
  AppointmentWindow,
  Channel,
  ContactPerson,
  ContactReason,
  ContactRow,
  IntermediateResult,
  OrderAction,
  OrderStatus,
  PartRequestRow,
  RescheduleReasonCode,
  RescheduleRequester,
  ResultRow,
  WorkOrderRow,
} from '../../work-orders/index.ts';
import { LifecycleSteps } from './order-lifecycle.ts';
import { RESULT_POLICIES, WORKING, resultEffects } from './order-rows.ts';

/**
 * Builds one order the way the services change it: every step runs the real state machine and the real rules
 * (WO-4 windows, WO-5 results, WO-6 closing, WO-8 trips) and writes the same columns, rows and timeline event
 * data as the route would. Steps must come in time order; one whose time lies after `now` throws
 * `NotYetHappened`, which ends the story with the order as it stands today.
 */
export class OrderBuilder extends LifecycleSteps {
  /** WO-4 / WO-5.1: a concrete window agreed with the customer or a family member. */
  appoint(atMs: number, window: AppointmentWindow, agreedBy: ContactPerson, actorId: string | null): void {
    const at = this.begin(atMs);
    const max = this.policy<number>('wo.appointment.max_window_hours', at);
    const problem = this.ctx.windows.problem(window, at, max.value);
    if (problem) throw new Error(`Demo window refused: ${problem}`);
    const next = this.apply({ type: 'appoint' });
    const saved = this.saveAppointment(at, { kind: 'initial', window, agreedBy }, actorId);
    this.mutate(
      at,
      { status: next.status, firstContactAt: this.row.firstContactAt ?? at },
      'appointed',
      {
        appointmentId: saved.id,
        day: saved.day,
        windowStart: saved.windowStart,
        windowEnd: saved.windowEnd,
        agreedBy: saved.agreedBy,
        policyVersion: max.version,
      },
      actorId,
    );
  }

  /** WO-4 改约: the outlet moving the time without the customer's consent breaks the appointment. */
  reschedule(
    atMs: number,
    input: {
      window: AppointmentWindow;
      requestedBy: RescheduleRequester;
      reasonCode: RescheduleReasonCode;
      reason: string | null;
      customerAccepted: boolean;
    },
    actorId: string | null,
  ): { broken: boolean } {
    const at = this.begin(atMs);
    const max = this.policy<number>('wo.appointment.max_window_hours', at);
    const current = this.appointments.at(-1);
    const checked = validateReschedule(
      {
        previous: this.currentWindow,
        next: input.window,
        requestedBy: input.requestedBy,
        reasonCode: input.reasonCode,
        reason: input.reason,
        customerAccepted: input.customerAccepted,
      },
      { now: at, tz: this.ctx.tz, maxWindowHours: max.value },
    );
    if (!checked.ok)
      throw new Error(`Demo reschedule refused: ${checked.issues[0]?.message ?? checked.code}`);
    const next = this.apply({ type: 'reschedule' });
    const r = checked.reschedule;
    const saved = this.saveAppointment(
      at,
      {
        kind: 'reschedule',
        window: r.next,
        requestedBy: r.requestedBy,
        reason: encodeReason(r.reasonCode, r.reason),
        customerAccepted: r.customerAccepted,
        broken: r.brokenAppointment,
      },
      actorId,
    );
    this.mutate(
      at,
      {
        status: next.status,
        ...(r.customerAccepted ? { firstContactAt: this.row.firstContactAt ?? at } : {}),
      },
      'rescheduled',
      {
        appointmentId: saved.id,
        previousAppointmentId: current?.id ?? null,
        day: saved.day,
        windowStart: saved.windowStart,
        windowEnd: saved.windowEnd,
        requestedBy: r.requestedBy,
        reasonCode: r.reasonCode,
        customerAccepted: r.customerAccepted,
        broken: r.brokenAppointment,
        policyVersion: max.version,
      },
      actorId,
    );
    return { broken: r.brokenAppointment };
  }

  /** WO-5: one contact outcome, validated as the route validates it, with its effect on the status. */
  recordResult(atMs: number, body: Record<string, unknown> & { code: string }, actorId: string | null): void {
    const at = this.begin(atMs);
    const [maxWindow, horizon, sanbao] = RESULT_POLICIES.map((k) => this.policy<unknown>(k, at)) as [
      { value: number; version: number },
      { value: number; version: number },
      { value: { returnDays: number; exchangeDays: number }; version: number },
    ];
    const checked = validateIntermediateResult(body, {
      now: at,
      tz: this.ctx.tz,
      maxWindowHours: maxWindow.value,
      noTimeHorizonDays: horizon.value,
      sanbaoWindows: sanbao.value,
    });
    if (!checked.ok) {
      throw new Error(`Demo result ${body.code} refused: ${checked.issues.map((i) => i.message).join(' ')}`);
    }
    const value = checked.value;
    const status = this.resultStatus(value.code);
    const { code, recordedAt: _at, ...data } = value;
    const saved: ResultRow = {
      id: this.ctx.ids.next('irs', atMs),
      orderId: this.row.id,
      code,
      data: {
        ...data,
        policyVersions: {
          [RESULT_POLICIES[0]]: maxWindow.version,
          [RESULT_POLICIES[1]]: horizon.version,
          [RESULT_POLICIES[2]]: sanbao.version,
        },
      },
      recordedAt: at,
      recordedBy: actorId,
    };
    this.results.push(saved);
    let appointment: AppointmentRow | null = null;
    if (value.code === 'APPOINTED') {
      appointment = this.saveAppointment(
        at,
        { kind: 'initial', window: value.window, agreedBy: value.agreedWith },
        actorId,
      );
    } else if (value.code === 'AWAITING_PARTS') {
      appointment = this.saveAppointment(
        at,
        { kind: 'initial', window: value.nextVisit, agreedBy: value.informed },
        actorId,
      );
    } else if (value.code === 'RESCHEDULED') {
      appointment = this.saveAppointment(
        at,
        {
          kind: 'reschedule',
          window: value.window,
          requestedBy: value.requestedBy,
          reason: encodeReason(value.reasonCode, value.reason),
          customerAccepted: value.customerAccepted,
          broken: value.brokenAppointment,
        },
        actorId,
      );
    }
    const promised: string[] = [];
    if (value.code === 'AWAITING_PARTS') {
      for (const p of this.openParts) {
        if (p.promisedArrivalDate === value.expectedArrivalDate) continue;
        p.promisedArrivalDate = value.expectedArrivalDate;
        p.version += 1;
        promised.push(p.id);
      }
    }
    const patch: Partial<WorkOrderRow> = { status };
    if (code !== 'UNREACHABLE' && !this.row.firstContactAt) patch.firstContactAt = at;
    if (code === 'TAKEN_FOR_REPAIR') patch.actualMeasurePickup = true;
    this.mutate(
      at,
      patch,
      'result_recorded',
      {
        resultId: saved.id,
        code,
        rule: `WO-5.${intermediateResultCodes.indexOf(code) + 1}`,
        ...(appointment ? { appointmentId: appointment.id } : {}),
        ...(promised.length > 0 ? { [PROMISE_KEY]: promised } : {}),
      },
      actorId,
    );
  }

  requestPart(
    atMs: number,
    input: {
      partName: string;
      partCode: string | null;
      quantity: number;
      shippedBy: 'division' | 'trading_company' | 'outlet_stock';
      promisedArrivalDate: string | null;
    },
    actorId: string | null,
  ): PartRequestRow {
    const at = this.begin(atMs);
    if (!WORKING.includes(this.status))
      throw new Error(`An order that is ${this.status} takes no part requests.`);
    const part: PartRequestRow = {
      id: this.ctx.ids.next('prq', atMs),
      orderId: this.row.id,
      partName: input.partName,
      partCode: input.partCode,
      quantity: input.quantity,
      shippedBy: input.shippedBy,
      appliedAt: at,
      shelfOffAt: null,
      stationArrivalAt: null,
      arrivedAtOutletAt: null,
      fittedAt: null,
      promisedArrivalDate: input.promisedArrivalDate,
      cancelledAt: null,
      version: 1,
      createdBy: actorId,
      createdAt: at,
    };
    this.parts.push(part);
    this.mutate(
      at,
      this.row.firstPartRequestAt ? {} : { firstPartRequestAt: at },
      'part_requested',
      {
        partId: part.id,
        partName: part.partName,
        partCode: part.partCode,
        quantity: part.quantity,
        shippedBy: part.shippedBy,
        promisedArrivalDate: part.promisedArrivalDate,
        ...(part.promisedArrivalDate ? { [PROMISE_KEY]: [part.id] } : {}),
      },
      actorId,
    );
    return part;
  }

  /** Movement times of a part as the outlet reports them: facts, in the part's order, none after the report. */
  updatePart(
    atMs: number,
    part: PartRequestRow,
    times: Partial<Record<'shelfOffAt' | 'stationArrivalAt' | 'arrivedAtOutletAt' | 'fittedAt', number>>,
    actorId: string | null,
  ): void {
    const at = this.begin(atMs);
    const fields = (['shelfOffAt', 'stationArrivalAt', 'arrivedAtOutletAt', 'fittedAt'] as const).filter(
      (f) => times[f] !== undefined,
    );
    let previous = part.appliedAt.getTime();
    for (const f of ['shelfOffAt', 'stationArrivalAt', 'arrivedAtOutletAt', 'fittedAt'] as const) {
      const t = times[f] ?? part[f]?.getTime();
      if (t === undefined) continue;
      if (t < previous || t > at.getTime()) throw new Error(`Part time ${f} is out of order.`);
      previous = t;
    }
    for (const f of fields) part[f] = new Date(times[f] as number);
    part.version += 1;
    this.mutate(
      at,
      {},
      'part_updated',
      {
        partId: part.id,
        partName: part.partName,
        ...Object.fromEntries(fields.map((f) => [f, part[f]?.toISOString() ?? null])),
      },
      actorId,
    );
  }

  /** WO-8: a customer calling again, judged for a trip from the order's facts at that moment. */
  logContact(
    atMs: number,
    input: { channel: Channel; reason: ContactReason; customerUnhappy: boolean; note: string | null },
    actorId: string | null,
  ): { trip: boolean } {
    const at = this.begin(atMs);
    const facts = repeatContactFacts(this.row, {
      appointments: this.appointments,
      events: this.events,
      results: this.results,
      parts: this.parts,
    });
    const decision = assessRepeatContact(
      facts,
      { at, reason: input.reason, customerUnhappy: input.customerUnhappy },
      { tz: this.ctx.tz },
    );
    const contact: ContactRow = {
      id: this.ctx.ids.next('ctc', atMs),
      orderId: this.row.id,
      at,
      channel: input.channel,
      reason: input.reason,
      customerUnhappy: input.customerUnhappy,
      note: input.note,
      trip: decision.trip,
      tripCause: decision.cause ?? null,
      evidence: {
        ...(JSON.parse(JSON.stringify(decision.evidence)) as Record<string, unknown>),
        finding: decision.finding ?? null,
      },
      outletId: this.row.outletId,
      loggedBy: actorId,
    };
    this.contacts.push(contact);
    this.mutate(
      at,
      {},
      'contact_logged',
      {
        contactId: contact.id,
        reason: input.reason,
        channel: input.channel,
        customerUnhappy: input.customerUnhappy,
        trip: decision.trip,
        cause: decision.cause ?? null,
        finding: decision.finding ?? null,
      },
      actorId,
    );
    return { trip: decision.trip };
  }

  protected resultStatus(code: IntermediateResult['code']): OrderStatus {
    const effect = resultEffects[code];
    if (effect.unchangedIn.includes(this.status)) return this.status;
    if (effect.action && (!effect.actionFrom || effect.actionFrom.includes(this.status))) {
      return this.apply({ type: effect.action } as OrderAction).status;
    }
    throw new Error(`An order that is ${this.status} cannot record ${code}.`);
  }
}
