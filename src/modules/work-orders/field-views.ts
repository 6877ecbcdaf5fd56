import { AppError, validationFailed } from '../../platform/errors.ts';
import type { FieldIssue } from './domain/field-checks.ts';
import { isDate } from './domain/field-checks.ts';
import { calendarDaysBetween } from '../../platform/time.ts';
import { decodePerson, decodeReason } from './field-facts.ts';
import type { AttachmentRow, ContactRow, ResultRow } from './field-queries.ts';
import type { AppointmentRow, PartRequestRow, WorkOrderRow } from './work-orders.repository.ts';

/** WO-4/5/…: a business rule refused the input; `reason` is the rule's code, field issues carry theirs. */
export function ruleRefused(reason: string, message: string, issues: readonly FieldIssue[] = [], extra = {}) {
  return new AppError('ORDER_RULE_REFUSED', message, {
    details: { reason, ...extra },
    ...(issues.length > 0 ? { errors: issues } : {}),
  });
}

/** The message of the first issue, prefixed with the count when there are more. */
export function issuesMessage(issues: readonly FieldIssue[], fallback: string): string {
  const first = issues[0];
  if (!first) return fallback;
  return issues.length === 1 ? first.message : `${first.message} (and ${issues.length - 1} more problem(s))`;
}

/** Dates that pass the schema's YYYY-MM-DD pattern but are no calendar day (2026-02-30) answer 400. */
export function assertCalendarDates(dates: Record<string, string | null | undefined>): void {
  const bad = Object.entries(dates).filter(([, v]) => typeof v === 'string' && !isDate(v));
  if (bad.length > 0) {
    throw validationFailed(
      bad.map(([path, v]) => ({ path, message: `${String(v)} is not a calendar date.` })),
    );
  }
}

/** Reports cover at most a year: longer spans are analytics, not monitoring. */
export function checkRange(from: string, to: string, maxDays = 366): void {
  const days = calendarDaysBetween(from, to);
  if (days < 0) throw validationFailed([{ path: '/to', message: `Choose a "to" date on or after ${from}.` }]);
  if (days >= maxDays) {
    throw validationFailed([{ path: '/from', message: `Choose a range of at most ${maxDays} days.` }]);
  }
}

/** In-memory page of an order's child list (bounded per order). */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number) {
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

export function appointmentView(row: AppointmentRow) {
  const person = decodePerson(row.agreedBy);
  const { reasonCode, reason } = decodeReason(row.reason);
  return {
    id: row.id,
    orderId: row.orderId,
    kind: row.kind as 'initial' | 'reschedule',
    day: row.day,
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    agreedBy: person?.kind ?? null,
    relation: person?.kind === 'family_member' ? person.relation : null,
    requestedBy: row.requestedBy,
    reasonCode,
    reason,
    customerAccepted: row.customerAccepted,
    broken: row.broken,
    current: row.supersededAt === null,
    supersededAt: row.supersededAt,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  };
}
export type AppointmentView = ReturnType<typeof appointmentView>;

export function resultView(row: ResultRow) {
  return {
    id: row.id,
    orderId: row.orderId,
    code: row.code,
    data: row.data as Record<string, unknown>,
    recordedAt: row.recordedAt,
    recordedBy: row.recordedBy,
  };
}

export function partView(row: PartRequestRow) {
  return {
    id: row.id,
    orderId: row.orderId,
    partName: row.partName,
    partCode: row.partCode,
    quantity: row.quantity,
    shippedBy: row.shippedBy,
    appliedAt: row.appliedAt,
    shelfOffAt: row.shelfOffAt,
    stationArrivalAt: row.stationArrivalAt,
    arrivedAtOutletAt: row.arrivedAtOutletAt,
    fittedAt: row.fittedAt,
    promisedArrivalDate: row.promisedArrivalDate,
    cancelledAt: row.cancelledAt,
    status: row.cancelledAt
      ? 'cancelled'
      : row.fittedAt
        ? 'fitted'
        : row.arrivedAtOutletAt
          ? 'at_outlet'
          : row.stationArrivalAt || row.shelfOffAt
            ? 'in_transit'
            : 'requested',
    version: row.version,
    createdBy: row.createdBy,
  };
}

export function contactView(row: ContactRow) {
  return {
    id: row.id,
    orderId: row.orderId,
    at: row.at,
    channel: row.channel,
    reason: row.reason,
    customerUnhappy: row.customerUnhappy,
    note: row.note,
    trip: row.trip,
    tripCause: row.tripCause,
    evidence: row.evidence as Record<string, unknown>,
    outletId: row.outletId,
    loggedBy: row.loggedBy,
  };
}

export function attachmentView(row: AttachmentRow) {
  return {
    id: row.id,
    orderId: row.orderId,
    kind: row.kind,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    uploadedAt: row.uploadedAt,
  };
}

/** What a field command answers about the order it changed: enough to refresh the screen and edit again. */
export function orderSummary(order: WorkOrderRow) {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    version: order.version,
    outletId: order.outletId,
    engineerId: order.engineerId,
    firstContactAt: order.firstContactAt,
    firstPartRequestAt: order.firstPartRequestAt,
    actualMeasurePickup: order.actualMeasurePickup,
    slaState: order.slaState,
    slaDeadline: order.slaDeadline,
    slaRule: order.slaRule,
    slaAssessedSeconds: order.slaAssessedSeconds,
  };
}
