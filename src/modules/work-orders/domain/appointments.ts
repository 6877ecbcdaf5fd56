import { atBusinessTime } from '../../../platform/time.ts';
import type { FieldIssue } from './field-checks.ts';
import { IssueList, assertPositive, assertValidDate, isDate, isHhMm, isJsonObject } from './field-checks.ts';

/**
 * WO-4: an appointment is a concrete window on a business date ("24日 10:00–12:00"), in the business time
 * zone. Windows do not cross midnight: a visit is promised within one day.
 */
export interface AppointmentWindow {
  /** 'YYYY-MM-DD' business date. */
  date: string;
  /** 'HH:mm' business time. */
  start: string;
  end: string;
}

export interface AppointmentContext {
  now: Date;
  /** Business time zone (policy `pol.business_time_zone`). */
  tz: string;
  /** Longest window a customer may be given (policy `wo.appointment.max_window_hours`). */
  maxWindowHours: number;
}

export type AppointmentIssueCode =
  | 'DATE_REQUIRED'
  | 'DATE_INVALID'
  | 'WINDOW_REQUIRED'
  | 'HALF_DAY_NOT_A_WINDOW'
  | 'TIME_INVALID'
  | 'WINDOW_END_NOT_AFTER_START'
  | 'WINDOW_TOO_LONG'
  | 'WINDOW_IN_PAST';

export type WindowValidation =
  | { ok: true; window: AppointmentWindow; startsAt: Date; endsAt: Date }
  | { ok: false; code: AppointmentIssueCode; issues: FieldIssue[] };

/** Words people use for a half day or a vague time; seed 001 多次联系 2 forbids "24日(上午)". */
const VAGUE_TIME =
  /(上午|下午|中午|早上|早晨|晚上|傍晚|白天|全天|morning|afternoon|evening|noon|night|all[\s-]?day)/i;
/** "am"/"pm" on their own are half days; "10:00 am" is merely a malformed time. */
const HALF_DAY_ALONE = /^\s*[ap]\.?m\.?\s*$/i;

const MINUTE_MS = 60_000;

/** The instants a window covers, in the business time zone. */
export function windowInstants(window: AppointmentWindow, tz: string): { startsAt: Date; endsAt: Date } {
  return {
    startsAt: atBusinessTime(window.date, window.start, tz),
    endsAt: atBusinessTime(window.date, window.end, tz),
  };
}

/**
 * WO-4: checks an appointment window from untrusted input. A date alone, "morning"/"上午", a window longer
 * than the policy maximum, an end not after the start, or a window that has already started are refused.
 * A window starting in the current minute is still accepted ("come now"); one that started a minute ago is
 * not, because WO-8.1 would count the customer's next call as a trip at once.
 * Input: `{ date, start, end }`; a form's free `period` or `text` field is only searched for half-day words.
 */
export function validateAppointmentWindow(
  input: unknown,
  ctx: AppointmentContext,
  basePath = '',
): WindowValidation {
  assertValidDate(ctx.now, 'now');
  assertPositive(ctx.maxWindowHours, 'maxWindowHours');
  const issues = new IssueList();
  const fail = (): WindowValidation => ({
    ok: false,
    code: (issues.issues[0]?.code ?? 'WINDOW_REQUIRED') as AppointmentIssueCode,
    issues: issues.issues,
  });
  const p = (field: string) => `${basePath}/${field}`;
  if (!isJsonObject(input)) {
    issues.add(basePath, 'WINDOW_REQUIRED', 'Give the appointment as a date with a start and end time.');
    return fail();
  }
  const { date, start, end } = input;
  const texts = [date, start, end, input.period, input.text].filter(
    (v): v is string => typeof v === 'string',
  );
  if (texts.some((t) => VAGUE_TIME.test(t) || HALF_DAY_ALONE.test(t))) {
    issues.add(
      basePath,
      'HALF_DAY_NOT_A_WINDOW',
      'Agree a concrete time window such as 10:00–12:00; "morning" or "afternoon" is not an appointment (WO-4).',
    );
    return fail();
  }
  if (date === undefined || date === null || date === '') {
    issues.add(p('date'), 'DATE_REQUIRED', 'Enter the appointment date as YYYY-MM-DD.');
  } else if (typeof date !== 'string' || !isDate(date)) {
    issues.add(p('date'), 'DATE_INVALID', 'Enter the appointment date as a calendar date YYYY-MM-DD.');
  }
  const missingTimes = [start, end].every((t) => t === undefined || t === null || t === '');
  if (missingTimes) {
    issues.add(
      basePath,
      'WINDOW_REQUIRED',
      'A date alone is not an appointment: add the start and end of the window, e.g. 10:00–12:00 (WO-4).',
    );
    return fail();
  }
  for (const [field, value] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (typeof value !== 'string' || !isHhMm(value)) {
      issues.add(
        p(field),
        'TIME_INVALID',
        `Enter the ${field} of the window as HH:mm (24-hour), e.g. 10:00.`,
      );
    }
  }
  if (!issues.empty) return fail();
  const window: AppointmentWindow = { date: date as string, start: start as string, end: end as string };
  const { startsAt, endsAt } = windowInstants(window, ctx.tz);
  const minutes = (endsAt.getTime() - startsAt.getTime()) / MINUTE_MS;
  if (window.end <= window.start || minutes <= 0) {
    issues.add(
      p('end'),
      'WINDOW_END_NOT_AFTER_START',
      'The window must end after it starts, on the same day.',
    );
  } else if (minutes > ctx.maxWindowHours * 60) {
    issues.add(
      p('end'),
      'WINDOW_TOO_LONG',
      `Give a window of at most ${ctx.maxWindowHours} h; this one is ${formatMinutes(minutes)}.`,
    );
  }
  const nowMinute = Math.floor(ctx.now.getTime() / MINUTE_MS) * MINUTE_MS;
  if (startsAt.getTime() < nowMinute) {
    issues.add(p('start'), 'WINDOW_IN_PAST', 'This window has already started; choose now or a later time.');
  }
  if (!issues.empty) return fail();
  return { ok: true, window, startsAt, endsAt };
}

const formatMinutes = (m: number): string =>
  m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;

/** Who asked for a new time (改约). */
export const rescheduleRequesters = ['customer', 'outlet', 'call_center'] as const;
export type RescheduleRequester = (typeof rescheduleRequesters)[number];

/** Why. `awaiting_parts` matters for WO-8.4 (a parts-wait reschedule must be agreed). */
export const rescheduleReasonCodes = [
  'customer_unavailable',
  'awaiting_parts',
  'engineer_unavailable',
  'outlet_capacity',
  'other',
] as const;
export type RescheduleReasonCode = (typeof rescheduleReasonCodes)[number];

export interface Reschedule {
  previous: AppointmentWindow | null;
  next: AppointmentWindow;
  requestedBy: RescheduleRequester;
  reasonCode: RescheduleReasonCode;
  /** Free text; required when the reason code is `other`. */
  reason: string | null;
  customerAccepted: boolean;
  /** WO-4: the outlet moved the time and the customer did not accept it (feeds WO-8.3 and NET-7). */
  brokenAppointment: boolean;
}

export type RescheduleValidation =
  { ok: true; reschedule: Reschedule } | { ok: false; code: string; issues: FieldIssue[] };

/**
 * WO-4: an unaccepted reschedule by the outlet counts as a broken appointment. Only the outlet's: the seed
 * (多次联系 3) blames the outlet for changing the time on its own (私自更改); the call center moving a time
 * on the customer's behalf is not the outlet's breach.
 */
export const isBrokenAppointment = (r: {
  requestedBy: RescheduleRequester;
  customerAccepted: boolean;
}): boolean => r.requestedBy === 'outlet' && !r.customerAccepted;

/**
 * WO-4 reschedule (改约): the new window (checked like any appointment), who asked, why, and whether the
 * customer accepted. Input fields: `previous` (optional window), `next`, `requestedBy`, `reasonCode`,
 * `reason`, `customerAccepted`.
 */
export function validateReschedule(
  input: unknown,
  ctx: AppointmentContext,
  basePath = '',
): RescheduleValidation {
  const issues = new IssueList();
  const fail = (): RescheduleValidation => ({
    ok: false,
    code: issues.issues[0]?.code ?? 'INVALID',
    issues: issues.issues,
  });
  const obj = issues.object(input, basePath, 'the reschedule');
  if (!obj) return fail();
  const fields = readRescheduleFields(obj, ctx, issues, basePath, 'next');
  const previous =
    obj.previous === undefined || obj.previous === null ? null : readStoredWindow(obj.previous);
  if (obj.previous !== undefined && obj.previous !== null && !previous) {
    issues.add(`${basePath}/previous`, 'INVALID', 'The previous window must be a date with start and end.');
  }
  if (fields && previous && sameWindow(previous, fields.window)) {
    issues.add(`${basePath}/next`, 'WINDOW_UNCHANGED', 'The new window is the same as the current one.');
  }
  if (!fields || !issues.empty) return fail();
  return {
    ok: true,
    reschedule: {
      previous,
      next: fields.window,
      requestedBy: fields.requestedBy,
      reasonCode: fields.reasonCode,
      reason: fields.reason,
      customerAccepted: fields.customerAccepted,
      brokenAppointment: isBrokenAppointment(fields),
    },
  };
}

/** The reschedule fields shared with the RESCHEDULED intermediate result (WO-5.2). */
export function readRescheduleFields(
  obj: Record<string, unknown>,
  ctx: AppointmentContext,
  issues: IssueList,
  basePath: string,
  windowField: string,
):
  | {
      window: AppointmentWindow;
      requestedBy: RescheduleRequester;
      reasonCode: RescheduleReasonCode;
      reason: string | null;
      customerAccepted: boolean;
    }
  | undefined {
  const p = (field: string) => `${basePath}/${field}`;
  const checked = validateAppointmentWindow(obj[windowField], ctx, p(windowField));
  if (!checked.ok) issues.issues.push(...checked.issues);
  const requestedBy = issues.choice(obj.requestedBy, rescheduleRequesters, p('requestedBy'), 'who asked');
  const reasonCode = issues.choice(obj.reasonCode, rescheduleReasonCodes, p('reasonCode'), 'the reason');
  const reason = issues.optionalText(obj.reason, p('reason'), 'the reason');
  if (reasonCode === 'other' && reason === null) {
    issues.add(p('reason'), 'REQUIRED', 'Describe the reason for the new time.');
  }
  const customerAccepted = issues.bool(obj.customerAccepted, p('customerAccepted'), 'the customer accepted');
  if (requestedBy === 'customer' && customerAccepted === false) {
    issues.add(
      p('customerAccepted'),
      'CUSTOMER_REQUEST_NOT_ACCEPTED',
      'The customer asked for this time, so they accept it; record a new request if they changed their mind.',
    );
  }
  if (!checked.ok || !requestedBy || !reasonCode || customerAccepted === undefined) return undefined;
  return { window: checked.window, requestedBy, reasonCode, reason, customerAccepted };
}

function readStoredWindow(value: unknown): AppointmentWindow | null {
  if (!isJsonObject(value)) return null;
  const { date, start, end } = value;
  if (typeof date !== 'string' || !isDate(date)) return null;
  if (typeof start !== 'string' || !isHhMm(start) || typeof end !== 'string' || !isHhMm(end)) return null;
  return { date, start, end };
}

export const sameWindow = (a: AppointmentWindow, b: AppointmentWindow): boolean =>
  a.date === b.date && a.start === b.start && a.end === b.end;

/**
 * A window as stored on the order: the first agreement (APPOINTED) or a reschedule. WO-8 reads these.
 * `recordedAt` is when it was agreed or proposed.
 */
export interface AppointmentRecord {
  window: AppointmentWindow;
  recordedAt: Date;
  origin: 'initial' | 'reschedule';
  /** Null for the initial appointment. */
  requestedBy: RescheduleRequester | null;
  reasonCode: RescheduleReasonCode | null;
  /** An initial appointment is agreed by definition (WO-5.1). */
  customerAccepted: boolean;
}

/** The window the customer holds at `at`: the latest accepted one recorded by then. */
export function agreedAppointmentAt(
  records: readonly AppointmentRecord[],
  at: Date,
): AppointmentRecord | undefined {
  let best: AppointmentRecord | undefined;
  for (const r of records) {
    if (!r.customerAccepted || r.recordedAt.getTime() > at.getTime()) continue;
    if (!best || r.recordedAt.getTime() >= best.recordedAt.getTime()) best = r;
  }
  return best;
}

/** WO-4 → WO-8.3 / NET-7: broken appointments among the records. */
export const brokenAppointments = (records: readonly AppointmentRecord[]): AppointmentRecord[] =>
  records.filter(
    (r) =>
      r.origin === 'reschedule' &&
      r.requestedBy !== null &&
      isBrokenAppointment({ ...r, requestedBy: r.requestedBy }),
  );
