import type { AppointmentRecord } from './appointments.ts';
import { agreedAppointmentAt, windowInstants } from './appointments.ts';
import { assertValidDate } from './field-checks.ts';
import type { OrderStatus } from './lifecycle.ts';

/**
 * WO-8 repeat contact (多次联系) and trips (跳闸). Every inbound contact on an open order is logged against
 * it whatever this says; this decides whether the outlet caused it. Causation comes from two sides: the
 * customer's stated reason must be about when the service happens, and the order's facts must show the
 * failure at the moment of the contact.
 */

export const contactReasons = [
  /** When will someone come? (询问上门时间) */
  'ask_visit_time',
  /** Nobody came or called at the agreed time (催促). */
  'engineer_late',
  /** The customer objects to a time the outlet set. */
  'time_change_disputed',
  /** Where is my part? */
  'parts_progress',
  /** The customer wants to change their own appointment. */
  'own_reschedule',
  /** Anything else: adding information, fees, consultation. */
  'other',
] as const;
export type ContactReason = (typeof contactReasons)[number];

/** Reasons a failure of the outlet can have caused ("导致用户再次来电"). */
export const chasingReasons: readonly ContactReason[] = [
  'ask_visit_time',
  'engineer_late',
  'time_change_disputed',
  'parts_progress',
];

export interface PartWaitFact {
  part: string;
  requestedAt: Date;
  /** Arrival at the outlet; null while waiting. */
  arrivedAt: Date | null;
  /** 'YYYY-MM-DD' arrival date given to the customer, and when it was given. */
  promisedArrivalDate: string | null;
  promisedAt: Date | null;
}

export interface RepeatContactFacts {
  status: OrderStatus;
  /** When the current outlet got the order; earlier records belong to another outlet (改派). */
  currentOutletSince: Date | null;
  appointments: readonly AppointmentRecord[];
  engineerArrivals: readonly Date[];
  /** The engineer or outlet calling the customer back (回电). */
  engineerCalls: readonly Date[];
  partWaits: readonly PartWaitFact[];
}

export interface InboundContact {
  at: Date;
  reason: ContactReason;
  /** The customer says they are unhappy (WO-8.4 needs it). */
  customerUnhappy: boolean;
}

export type TripCause = 'WO-8.1' | 'WO-8.2' | 'WO-8.3' | 'WO-8.4';

export type TripFinding =
  | 'NOT_ARRIVED_OR_CALLED_BY_WINDOW_START'
  | 'NOT_ARRIVED_IN_WINDOW'
  | 'TIME_CHANGED_WITHOUT_ACCEPTANCE'
  | 'NO_CONCRETE_WINDOW'
  | 'PARTS_WAIT_WITHOUT_ARRIVAL_DATE'
  | 'PARTS_RESCHEDULE_NOT_AGREED';

export type CheckFinding =
  | TripFinding
  | 'WINDOW_NOT_STARTED'
  | 'CALLED_BY_WINDOW_START'
  | 'VISITED'
  | 'NO_AGREED_WINDOW'
  | 'CHANGE_NOT_BY_OUTLET'
  | 'NO_UNACCEPTED_CHANGE'
  | 'CUSTOMER_NOT_UNHAPPY'
  | 'PARTS_DATES_GIVEN'
  | 'NO_OPEN_PART_WAIT'
  | 'WINDOW_GIVEN'
  | 'NO_VISIT_PENDING';

export type EvidenceValue = string | number | boolean | Date | null;

export interface TripCheck {
  rule: TripCause;
  met: boolean;
  finding: CheckFinding;
  detail: Record<string, EvidenceValue>;
}

export interface RepeatContactDecision {
  trip: boolean;
  cause?: TripCause;
  finding?: TripFinding;
  /** WO-8: the agent's screen opens with the apology script ("不好意思，我们给您添麻烦了！"). */
  promptApology: boolean;
  evidence: {
    contactAt: Date;
    reason: ContactReason;
    customerUnhappy: boolean;
    status: OrderStatus;
    /** Why no rule was examined (order not with an outlet, reason not about timing). */
    skipped: 'ORDER_NOT_OPEN' | 'ORDER_NOT_WITH_OUTLET' | 'REASON_NOT_ABOUT_SERVICE_TIME' | null;
    checks: TripCheck[];
  };
}

/** Open statuses in which the order is an outlet's to serve. */
const WITH_OUTLET: readonly OrderStatus[] = [
  'dispatched',
  'accepted',
  'assigned',
  'appointed',
  'in_progress',
  'awaiting_parts',
  'follow_up',
];
/** Statuses in which the customer waits for a (next) visit. */
const VISIT_PENDING: readonly OrderStatus[] = [
  'dispatched',
  'accepted',
  'assigned',
  'appointed',
  'awaiting_parts',
  'follow_up',
];

const ms = (d: Date): number => d.getTime();

/**
 * WO-8: is this contact a trip, and why. Rules are examined in this order and the first met is the cause:
 * an unaccepted time change (8.3, or 8.4 when it was for parts), the agreed window (8.1; 8.3 when that window
 * came from an accepted reschedule), the parts wait (8.4), no concrete window at all (8.2).
 */
export function assessRepeatContact(
  facts: RepeatContactFacts,
  contact: InboundContact,
  ctx: { tz: string },
): RepeatContactDecision {
  assertValidDate(contact.at, 'contact.at');
  const at = ms(contact.at);
  const checks: TripCheck[] = [];
  const decide = (skipped: RepeatContactDecision['evidence']['skipped'] = null): RepeatContactDecision => {
    const first = checks.find((c) => c.met);
    const trip = first !== undefined;
    return {
      trip,
      ...(first ? { cause: first.rule, finding: first.finding as TripFinding } : {}),
      promptApology: trip || contact.customerUnhappy,
      evidence: {
        contactAt: contact.at,
        reason: contact.reason,
        customerUnhappy: contact.customerUnhappy,
        status: facts.status,
        skipped,
        checks,
      },
    };
  };
  if (facts.status === 'closed' || facts.status === 'cancelled') return decide('ORDER_NOT_OPEN');
  if (!WITH_OUTLET.includes(facts.status)) return decide('ORDER_NOT_WITH_OUTLET');
  if (!chasingReasons.includes(contact.reason)) return decide('REASON_NOT_ABOUT_SERVICE_TIME');

  const since = facts.currentOutletSince ? ms(facts.currentOutletSince) : Number.NEGATIVE_INFINITY;
  const inScope = (d: Date) => ms(d) >= since && ms(d) <= at;
  const records = facts.appointments.filter((r) => inScope(r.recordedAt));
  const arrivals = facts.engineerArrivals.filter(inScope).map(ms);
  const calls = facts.engineerCalls.filter(inScope).map(ms);
  const lastArrival = arrivals.length > 0 ? Math.max(...arrivals) : Number.NEGATIVE_INFINITY;
  const agreed = agreedAppointmentAt(records, contact.at);

  // 8.3 / 8.4: the latest change the customer did not accept, made after the window they hold.
  const unaccepted = records
    .filter((r) => r.origin === 'reschedule' && !r.customerAccepted)
    .filter((r) => !agreed || ms(r.recordedAt) > ms(agreed.recordedAt))
    .sort((a, b) => ms(a.recordedAt) - ms(b.recordedAt))
    .at(-1);
  const partsChange = unaccepted?.reasonCode === 'awaiting_parts' ? unaccepted : undefined;
  if (unaccepted && !partsChange) {
    checks.push({
      rule: 'WO-8.3',
      met: unaccepted.requestedBy === 'outlet',
      finding:
        unaccepted.requestedBy === 'outlet' ? 'TIME_CHANGED_WITHOUT_ACCEPTANCE' : 'CHANGE_NOT_BY_OUTLET',
      detail: {
        changedAt: unaccepted.recordedAt,
        requestedBy: unaccepted.requestedBy,
        proposedDate: unaccepted.window.date,
        proposedStart: unaccepted.window.start,
        proposedEnd: unaccepted.window.end,
      },
    });
  }

  // 8.1 (or 8.3 for an accepted reschedule): arrived or called by the START of the agreed window.
  if (agreed) {
    const rule: TripCause = agreed.origin === 'reschedule' ? 'WO-8.3' : 'WO-8.1';
    const { startsAt, endsAt } = windowInstants(agreed.window, ctx.tz);
    const detail = {
      windowDate: agreed.window.date,
      windowStart: agreed.window.start,
      windowEnd: agreed.window.end,
      startsAt,
      agreedAt: agreed.recordedAt,
      origin: agreed.origin,
    };
    const agreedMs = ms(agreed.recordedAt);
    const visited = arrivals.some((a) => a >= agreedMs);
    const calledByStart = calls.some((c) => c >= agreedMs && c <= ms(startsAt));
    if (visited) {
      checks.push({
        rule,
        met: false,
        finding: 'VISITED',
        detail: { ...detail, arrivedAt: new Date(lastArrival) },
      });
    } else if (at < ms(startsAt)) {
      checks.push({ rule, met: false, finding: 'WINDOW_NOT_STARTED', detail });
    } else if (!calledByStart) {
      checks.push({ rule, met: true, finding: 'NOT_ARRIVED_OR_CALLED_BY_WINDOW_START', detail });
    } else if (at >= ms(endsAt)) {
      checks.push({ rule, met: true, finding: 'NOT_ARRIVED_IN_WINDOW', detail: { ...detail, endsAt } });
    } else {
      checks.push({ rule, met: false, finding: 'CALLED_BY_WINDOW_START', detail });
    }
  }

  // 8.4: waiting for parts with no arrival date given, or a parts reschedule not agreed — and unhappy.
  const openWaits = facts.partWaits.filter(
    (w) => ms(w.requestedAt) <= at && (w.arrivedAt === null || ms(w.arrivedAt) > at),
  );
  const undated = openWaits.filter(
    (w) => w.promisedArrivalDate === null || w.promisedAt === null || ms(w.promisedAt) > at,
  );
  if (openWaits.length > 0 || partsChange) {
    const failure: TripFinding | undefined = partsChange
      ? 'PARTS_RESCHEDULE_NOT_AGREED'
      : undated.length > 0
        ? 'PARTS_WAIT_WITHOUT_ARRIVAL_DATE'
        : undefined;
    const detail = {
      openParts: openWaits.map((w) => w.part).join(', '),
      undatedParts: undated.map((w) => w.part).join(', '),
      partsChangeAt: partsChange?.recordedAt ?? null,
    };
    checks.push({
      rule: 'WO-8.4',
      met: failure !== undefined && contact.customerUnhappy,
      finding:
        failure === undefined
          ? 'PARTS_DATES_GIVEN'
          : contact.customerUnhappy
            ? failure
            : 'CUSTOMER_NOT_UNHAPPY',
      detail,
    });
  }

  // 8.2: a visit is pending and no concrete window was given for it (none since the last visit).
  const windowForPendingVisit = agreed !== undefined && ms(agreed.recordedAt) >= lastArrival;
  if (VISIT_PENDING.includes(facts.status) && openWaits.length === 0) {
    checks.push({
      rule: 'WO-8.2',
      met: !windowForPendingVisit,
      finding: windowForPendingVisit ? 'WINDOW_GIVEN' : 'NO_CONCRETE_WINDOW',
      detail: {
        lastVisitAt: arrivals.length > 0 ? new Date(lastArrival) : null,
        agreedAt: agreed?.recordedAt ?? null,
      },
    });
  }
  return decide();
}
