import { addCalendarDays, businessDate } from '../../../platform/time.ts';
import type { AppointmentWindow } from './appointments.ts';
import { isBrokenAppointment, readRescheduleFields, validateAppointmentWindow } from './appointments.ts';
import type { FieldIssue, JsonObject } from './field-checks.ts';
import { IssueList, assertValidDate, assertWholeDays, isJsonObject } from './field-checks.ts';
import type {
  AwaitingPartsResult,
  ContactPerson,
  ContactPhone,
  IntermediateResult,
  IntermediateResultCode,
  NormalNotAcceptedResult,
  SanbaoPosition,
  UnreachableResult,
} from './intermediate-result-types.ts';
import {
  addressOutcomes,
  intermediateResultCodes,
  negotiationStatuses,
  partShippers,
  phoneOutcomes,
} from './intermediate-result-types.ts';

export * from './intermediate-result-types.ts';

/** What WO-5 validation reads besides the input: the clock, the business zone and three policy values. */
export interface IntermediateResultContext {
  now: Date;
  tz: string;
  /** Policy `wo.no_time.horizon_days` (7). */
  noTimeHorizonDays: number;
  /** Policy `wo.appointment.max_window_hours` (3). */
  maxWindowHours: number;
  /** Policy `md.sanbao.windows` ({ returnDays: 7, exchangeDays: 15 }). */
  sanbaoWindows: { returnDays: number; exchangeDays: number };
}

export type IntermediateResultValidation =
  | { ok: true; value: IntermediateResult }
  | { ok: false; code: 'INVALID_INTERMEDIATE_RESULT'; issues: FieldIssue[] };

/** The 三包 position of `purchaseDate` on `day`. */
export function sanbaoPosition(
  purchaseDate: string,
  day: string,
  windows: { returnDays: number; exchangeDays: number },
): SanbaoPosition {
  if (day <= addCalendarDays(purchaseDate, windows.returnDays)) return 'within_return_window';
  if (day <= addCalendarDays(purchaseDate, windows.exchangeDays)) return 'within_exchange_window';
  return 'outside_sanbao';
}

interface Reader {
  obj: JsonObject;
  issues: IssueList;
  ctx: IntermediateResultContext;
  today: string;
}

function person(r: Reader, field: string, what: string): ContactPerson | undefined {
  const value = r.issues.object(r.obj[field], `/${field}`, what);
  if (!value) return undefined;
  const kind = r.issues.choice(value.kind, ['customer', 'family_member'] as const, `/${field}/kind`, 'who');
  if (kind === 'customer') return { kind };
  if (kind !== 'family_member') return undefined;
  const relation = r.issues.text(value.relation, `/${field}/relation`, "the family member's relation");
  return relation ? { kind, relation } : undefined;
}

function phone(r: Reader, value: unknown, path: string): ContactPhone | undefined {
  const obj = r.issues.object(value, path, 'the phone used');
  if (!obj) return undefined;
  const phoneId = r.issues.text(obj.phoneId, `${path}/phoneId`, 'which of the customer’s numbers');
  const kind = r.issues.choice(
    obj.kind,
    ['mobile', 'landline'] as const,
    `${path}/kind`,
    'mobile or landline',
  );
  return phoneId && kind ? { phoneId, kind } : undefined;
}

function dateFrom(
  r: Reader,
  field: string,
  what: string,
  notBefore: string,
  rule: string,
): string | undefined {
  const value = r.issues.date(r.obj[field], `/${field}`, what);
  if (value && value < notBefore) {
    return r.issues.add(`/${field}`, 'DATE_IN_PAST', `${rule}: ${what} cannot be before ${notBefore}.`);
  }
  return value;
}

function dateUntilToday(r: Reader, field: string, what: string): string | undefined {
  const value = r.issues.date(r.obj[field], `/${field}`, what);
  if (value && value > r.today) {
    const subject = what.charAt(0).toUpperCase() + what.slice(1);
    return r.issues.add(`/${field}`, 'DATE_IN_FUTURE', `${subject} cannot be after today (${r.today}).`);
  }
  return value;
}

function windowField(r: Reader, field: string): AppointmentWindow | undefined {
  const checked = validateAppointmentWindow(r.obj[field], r.ctx, `/${field}`);
  if (!checked.ok) {
    r.issues.issues.push(...checked.issues);
    return undefined;
  }
  return checked.window;
}

type WithoutBase<T> = T extends unknown ? Omit<T, 'recordedAt' | 'note'> : never;
type Parsed = WithoutBase<IntermediateResult> | undefined;

const parsers: Record<IntermediateResultCode, (r: Reader) => Parsed> = {
  APPOINTED: (r) => {
    const window = windowField(r, 'window');
    const agreedWith = person(r, 'agreedWith', 'who agreed the time');
    const contactPhone = phone(r, r.obj.contactPhone, '/contactPhone');
    return window && agreedWith && contactPhone
      ? { code: 'APPOINTED', window, agreedWith, contactPhone }
      : undefined;
  },
  RESCHEDULED: (r) => {
    const f = readRescheduleFields(r.obj, r.ctx, r.issues, '', 'window');
    return f ? { code: 'RESCHEDULED', ...f, brokenAppointment: isBrokenAppointment(f) } : undefined;
  },
  UNREACHABLE: (r) => {
    const phonesIn = r.obj.phones ?? [];
    const addressIn = r.obj.address ?? null;
    if (!Array.isArray(phonesIn)) {
      return r.issues.add('/phones', 'INVALID', 'List each number tried with its outcome.');
    }
    if (phonesIn.length === 0 && addressIn === null) {
      return r.issues.add(
        '/phones',
        'REQUIRED',
        'Record each number tried (no answer / wrong number) or the address problem.',
      );
    }
    const seen = new Set<string>();
    const phones: UnreachableResult['phones'] = [];
    phonesIn.forEach((entry: unknown, i) => {
      const path = `/phones/${i}`;
      const base = phone(r, entry, path);
      const outcome = isJsonObject(entry)
        ? r.issues.choice(entry.outcome, phoneOutcomes, `${path}/outcome`, 'what happened on this number')
        : undefined;
      if (base && seen.has(base.phoneId)) {
        r.issues.add(`${path}/phoneId`, 'DUPLICATE', 'Each number is listed once, with its own outcome.');
      } else if (base && outcome) {
        phones.push({ ...base, outcome });
      }
      if (base) seen.add(base.phoneId);
    });
    let address: UnreachableResult['address'] = null;
    if (addressIn !== null) {
      const a = r.issues.object(addressIn, '/address', 'the address problem');
      const outcome = a
        ? r.issues.choice(a.outcome, addressOutcomes, '/address/outcome', 'the address problem')
        : undefined;
      if (outcome) address = { outcome };
    }
    return r.issues.empty ? { code: 'UNREACHABLE', phones, address } : undefined;
  },
  AWAITING_PARTS: (r) => {
    const list = r.issues.list(r.obj.parts, '/parts', 'awaited part');
    const parts: AwaitingPartsResult['parts'] = [];
    list?.forEach((entry: unknown, i) => {
      const obj = r.issues.object(entry, `/parts/${i}`, 'the part');
      if (!obj) return;
      const name = r.issues.text(obj.name, `/parts/${i}/name`, 'the part');
      const shippedBy = r.issues.choice(obj.shippedBy, partShippers, `/parts/${i}/shippedBy`, 'who ships it');
      if (name && shippedBy) parts.push({ name, shippedBy });
    });
    const expectedArrivalDate = dateFrom(r, 'expectedArrivalDate', 'the expected arrival', r.today, 'WO-5.4');
    const customerInformed = r.issues.affirmed(
      r.obj.customerInformed,
      '/customerInformed',
      'Tell the customer the expected arrival date before recording AWAITING_PARTS (WO-8.4).',
    );
    const informed = person(r, 'informed', 'who was told');
    const contactPhone = phone(r, r.obj.contactPhone, '/contactPhone');
    const nextVisit = windowField(r, 'nextVisit');
    if (nextVisit && expectedArrivalDate && nextVisit.date < expectedArrivalDate) {
      r.issues.add(
        '/nextVisit/date',
        'BEFORE_PART_ARRIVAL',
        'Plan the next visit on or after the part’s expected arrival.',
      );
    }
    if (
      !r.issues.empty ||
      !expectedArrivalDate ||
      !customerInformed ||
      !informed ||
      !contactPhone ||
      !nextVisit
    ) {
      return undefined;
    }
    return {
      code: 'AWAITING_PARTS',
      parts,
      expectedArrivalDate,
      customerInformed,
      informed,
      contactPhone,
      nextVisit,
    };
  },
  TAKEN_FOR_REPAIR: (r) => {
    const takenOn = dateUntilToday(r, 'takenOn', 'the day the unit was taken to the workshop');
    const returnDate = dateFrom(r, 'returnDate', 'the agreed return date', r.today, 'WO-5.5');
    const agreedWith = person(r, 'agreedWith', 'who agreed the return date');
    if (!r.issues.empty || !takenOn || !returnDate || !agreedWith) return undefined;
    return { code: 'TAKEN_FOR_REPAIR', takenOn, returnDate, agreedWith };
  },
  NORMAL_NOT_ACCEPTED: (r) => {
    const list = r.issues.list(r.obj.measurements, '/measurements', 'measurement (e.g. outlet air °C)');
    const measurements: NormalNotAcceptedResult['measurements'] = [];
    list?.forEach((entry: unknown, i) => {
      const path = `/measurements/${i}`;
      const obj = r.issues.object(entry, path, 'the measurement');
      if (!obj) return;
      const name = r.issues.text(obj.name, `${path}/name`, 'what was measured');
      const value = r.issues.finiteNumber(obj.value, `${path}/value`, 'the reading');
      const unit = r.issues.text(obj.unit, `${path}/unit`, 'the unit (e.g. °C)');
      if (name && value !== undefined && unit) measurements.push({ name, value, unit });
    });
    const withinNormalRange = r.issues.affirmed(
      r.obj.withinNormalRange,
      '/withinNormalRange',
      'Use NORMAL_NOT_ACCEPTED only when the readings are within the normal range; otherwise it is a fault.',
    );
    const customerPosition = r.issues.text(
      r.obj.customerPosition,
      '/customerPosition',
      "the customer's position",
    );
    const notAcceptedBy = person(r, 'notAcceptedBy', 'who does not accept');
    const negotiation = r.issues.choice(
      r.obj.negotiation,
      negotiationStatuses,
      '/negotiation',
      'the negotiation status',
    );
    const nextVisitDate = dateFrom(r, 'nextVisitDate', 'the next visit date', r.today, 'WO-5.6');
    if (
      !r.issues.empty ||
      !withinNormalRange ||
      !customerPosition ||
      !notAcceptedBy ||
      !negotiation ||
      !nextVisitDate
    ) {
      return undefined;
    }
    return {
      code: 'NORMAL_NOT_ACCEPTED',
      measurements,
      withinNormalRange,
      customerPosition,
      notAcceptedBy,
      negotiation,
      nextVisitDate,
    };
  },
  RETURN_EXCHANGE: (r) => {
    const kind = r.issues.choice(r.obj.kind, ['return', 'exchange'] as const, '/kind', 'return or exchange');
    const faultFound = r.issues.text(r.obj.faultFound, '/faultFound', 'the fault found');
    const purchaseDate = dateUntilToday(r, 'purchaseDate', 'the purchase date');
    const reportedForApproval = r.issues.affirmed(
      r.obj.reportedForApproval,
      '/reportedForApproval',
      'File the return/exchange application for approval first (WO-12: at once).',
    );
    const customerMustChooseModel = r.issues.bool(
      r.obj.customerMustChooseModel,
      '/customerMustChooseModel',
      'the customer must choose a model',
    );
    const informed = person(r, 'informed', 'who was told');
    const nextDate = dateFrom(r, 'nextDate', 'the next date', r.today, 'WO-5.7');
    if (
      !r.issues.empty ||
      !kind ||
      !faultFound ||
      !purchaseDate ||
      !reportedForApproval ||
      customerMustChooseModel === undefined ||
      !informed ||
      !nextDate
    ) {
      return undefined;
    }
    return {
      code: 'RETURN_EXCHANGE',
      kind,
      faultFound,
      purchaseDate,
      sanbao: sanbaoPosition(purchaseDate, r.today, r.ctx.sanbaoWindows),
      reportedForApproval,
      customerMustChooseModel,
      informed,
      nextDate,
    };
  },
  OUT_OF_WARRANTY_DECLINED: (r) => {
    const year = Number(r.today.slice(0, 4));
    const purchaseYear = r.issues.integer(
      r.obj.purchaseYear,
      '/purchaseYear',
      'the purchase year',
      1900,
      year,
    );
    const part = r.issues.text(r.obj.part, '/part', 'the part needed');
    // The cap (¥1,000,000) only catches a fee typed in the wrong unit; it is not a business limit.
    const feeQuotedFen = r.issues.integer(
      r.obj.feeQuotedFen,
      '/feeQuotedFen',
      'the fee quoted in fen',
      1,
      100_000_000,
    );
    const customerDeclines = r.issues.affirmed(
      r.obj.customerDeclines,
      '/customerDeclines',
      'Use OUT_OF_WARRANTY_DECLINED only when the customer declines the paid repair.',
    );
    const informed = person(r, 'informed', 'who was told the fee');
    const nextDate = dateFrom(r, 'nextDate', 'the next date', r.today, 'WO-5.8');
    if (
      !r.issues.empty ||
      !purchaseYear ||
      !part ||
      !feeQuotedFen ||
      !customerDeclines ||
      !informed ||
      !nextDate
    ) {
      return undefined;
    }
    return {
      code: 'OUT_OF_WARRANTY_DECLINED',
      purchaseYear,
      part,
      feeQuotedFen,
      customerDeclines,
      informed,
      nextDate,
    };
  },
  CUSTOMER_NO_TIME: (r) => {
    const statedBy = person(r, 'statedBy', 'who said the customer has no time');
    const noTimeThrough = r.issues.date(r.obj.noTimeThrough, '/noTimeThrough', 'the last day without time');
    const horizonEnd = addCalendarDays(r.today, r.ctx.noTimeHorizonDays);
    if (noTimeThrough && noTimeThrough < horizonEnd) {
      r.issues.add(
        '/noTimeThrough',
        'NO_TIME_WITHIN_HORIZON',
        `Record CUSTOMER_NO_TIME only when the customer has no time for the next ${r.ctx.noTimeHorizonDays} days ` +
          `(through ${horizonEnd}); otherwise agree a window (WO-5.9).`,
      );
    }
    if (!r.issues.empty || !statedBy || !noTimeThrough) return undefined;
    return { code: 'CUSTOMER_NO_TIME', statedBy, noTimeThrough };
  },
};

/** WO-5: checks one contact outcome from untrusted input against its code's required fields. */
export function validateIntermediateResult(
  input: unknown,
  ctx: IntermediateResultContext,
): IntermediateResultValidation {
  assertValidDate(ctx.now, 'now');
  assertWholeDays(ctx.noTimeHorizonDays, 'noTimeHorizonDays');
  const issues = new IssueList();
  const fail = (): IntermediateResultValidation => ({
    ok: false,
    code: 'INVALID_INTERMEDIATE_RESULT',
    issues: issues.issues,
  });
  const obj = issues.object(input, '', 'the contact outcome');
  if (!obj) return fail();
  const code = issues.choice(obj.code, intermediateResultCodes, '/code', 'the outcome code');
  const note = issues.optionalText(obj.note, '/note', 'the note');
  if (!code) return fail();
  const parsed = parsers[code]({ obj, issues, ctx, today: businessDate(ctx.now, ctx.tz) });
  if (!parsed || !issues.empty) return fail();
  return { ok: true, value: { ...parsed, recordedAt: ctx.now, note } as IntermediateResult };
}
