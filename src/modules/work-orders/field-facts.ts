import type {
  AppointmentRecord,
  AppointmentWindow,
  RescheduleReasonCode,
  RescheduleRequester,
} from './domain/appointments.ts';
import { agreedAppointmentAt, rescheduleReasonCodes, rescheduleRequesters } from './domain/appointments.ts';
import type { ContactPerson } from './domain/intermediate-result-types.ts';
import type { OrderStatus, RedispatchReasonCode } from './domain/lifecycle.ts';
import { redispatchReasonCodes } from './domain/lifecycle.ts';
import type { PartWaitFact, RepeatContactFacts } from './domain/repeat-contacts.ts';
import type { ResultRow } from './field-queries.ts';
import type {
  AppointmentRow,
  OrderEventRow,
  PartRequestRow,
  WorkOrderRow,
} from './work-orders.repository.ts';

/**
 * Turns stored rows into the plain facts the domain rules read. Lifecycle events are written by the intake and
 * dispatch use cases; their types are matched by name here (both the verb and the past tense are accepted).
 */
export const VISIT_EVENTS = new Set(['visit_started', 'start_visit', 'unit_received', 'receive_unit']);
export const DISPATCH_EVENTS = new Set(['dispatched', 'dispatch', 'redispatched', 'redispatch']);
export const REDISPATCH_EVENTS = new Set(['redispatched', 'redispatch']);
/** Events this module writes whose `data.promisedPartIds` gave the customer a part's arrival date. */
export const PROMISE_KEY = 'promisedPartIds';

/** appointments.reason holds "<reasonCode>" or "<reasonCode>: <free text>". */
export function encodeReason(code: RescheduleReasonCode, text: string | null): string {
  return text ? `${code}: ${text}` : code;
}

export function decodeReason(value: string | null): {
  reasonCode: RescheduleReasonCode | null;
  reason: string | null;
} {
  if (value === null) return { reasonCode: null, reason: null };
  const i = value.indexOf(':');
  const head = i < 0 ? value : value.slice(0, i);
  if ((rescheduleReasonCodes as readonly string[]).includes(head)) {
    const rest = i < 0 ? '' : value.slice(i + 1).trim();
    return { reasonCode: head as RescheduleReasonCode, reason: rest === '' ? null : rest };
  }
  return { reasonCode: 'other', reason: value };
}

/** appointments.agreed_by holds "customer" or "family_member:<relation>". */
export function encodePerson(p: ContactPerson): string {
  return p.kind === 'customer' ? 'customer' : `family_member:${p.relation}`;
}

export function decodePerson(value: string | null): ContactPerson | null {
  if (value === null) return null;
  if (value.startsWith('family_member:')) return { kind: 'family_member', relation: value.slice(14) };
  return { kind: 'customer' };
}

export const windowOf = (row: AppointmentRow): AppointmentWindow => ({
  date: row.day,
  start: row.windowStart,
  end: row.windowEnd,
});

export function appointmentRecord(row: AppointmentRow): AppointmentRecord {
  const requestedBy =
    row.requestedBy && (rescheduleRequesters as readonly string[]).includes(row.requestedBy)
      ? (row.requestedBy as RescheduleRequester)
      : null;
  const reschedule = row.kind === 'reschedule';
  return {
    window: windowOf(row),
    recordedAt: row.createdAt,
    origin: reschedule ? 'reschedule' : 'initial',
    requestedBy: reschedule ? requestedBy : null,
    reasonCode: reschedule ? decodeReason(row.reason).reasonCode : null,
    customerAccepted: reschedule ? row.customerAccepted === true : true,
  };
}

/** The window the customer holds at `at` (the latest accepted one), or null. */
export function agreedWindow(rows: readonly AppointmentRow[], at: Date): AppointmentWindow | null {
  return agreedAppointmentAt(rows.map(appointmentRecord), at)?.window ?? null;
}

/** The engineer on site: visit starts in the timeline, and the first visit stamped on the order. */
export function engineerArrivals(order: WorkOrderRow, events: readonly OrderEventRow[]): Date[] {
  const arrivals = events.filter((e) => VISIT_EVENTS.has(e.type)).map((e) => e.at);
  if (order.firstVisitAt && !arrivals.some((a) => a.getTime() === order.firstVisitAt?.getTime())) {
    arrivals.push(order.firstVisitAt);
  }
  return arrivals.sort((a, b) => a.getTime() - b.getTime());
}

/** When the order reached its current outlet: the last (re)dispatch to it, else the dispatch stamp. */
export function currentOutletSince(order: WorkOrderRow, events: readonly OrderEventRow[]): Date | null {
  const toHere = events.filter(
    (e) => DISPATCH_EVENTS.has(e.type) && (e.data as Record<string, unknown>).outletId === order.outletId,
  );
  return toHere.at(-1)?.at ?? order.dispatchedAt ?? null;
}

/** When each part's arrival date was first given to the customer. */
export function promisedAt(events: readonly OrderEventRow[]): Map<string, Date> {
  const out = new Map<string, Date>();
  for (const e of events) {
    const ids = (e.data as Record<string, unknown>)[PROMISE_KEY];
    if (!Array.isArray(ids)) continue;
    for (const id of ids) if (typeof id === 'string' && !out.has(id)) out.set(id, e.at);
  }
  return out;
}

export function partWaitFacts(
  parts: readonly PartRequestRow[],
  events: readonly OrderEventRow[],
): PartWaitFact[] {
  const promised = promisedAt(events);
  return parts
    .filter((p) => p.cancelledAt === null)
    .map((p) => ({
      part: p.partName,
      requestedAt: p.appliedAt,
      arrivedAt: p.arrivedAtOutletAt,
      promisedArrivalDate: p.promisedArrivalDate,
      promisedAt: p.promisedArrivalDate ? (promised.get(p.id) ?? p.appliedAt) : null,
    }));
}

/** WO-8: the order's facts at the moment a customer contacts us again. */
export function repeatContactFacts(
  order: WorkOrderRow,
  rows: {
    appointments: readonly AppointmentRow[];
    events: readonly OrderEventRow[];
    results: readonly ResultRow[];
    parts: readonly PartRequestRow[];
  },
): RepeatContactFacts {
  return {
    status: order.status as OrderStatus,
    currentOutletSince: currentOutletSince(order, rows.events),
    appointments: rows.appointments.map(appointmentRecord),
    engineerArrivals: engineerArrivals(order, rows.events),
    // Every recorded contact outcome is the outlet calling the customer, reached or not.
    engineerCalls: rows.results.map((r) => r.recordedAt),
    partWaits: partWaitFacts(rows.parts, rows.events),
  };
}

/** WO-9: the reason code of a re-dispatch event, whichever shape the dispatch use case wrote it in. */
export function redispatchReason(event: OrderEventRow): RedispatchReasonCode | null {
  const data = event.data as Record<string, unknown>;
  const reason = data.reason;
  const candidates = [
    data.reasonCode,
    typeof reason === 'object' && reason !== null ? (reason as Record<string, unknown>).code : reason,
  ];
  const found = candidates.find(
    (c): c is RedispatchReasonCode =>
      typeof c === 'string' && (redispatchReasonCodes as readonly string[]).includes(c),
  );
  return found ?? null;
}
