import { describe, expect, it } from 'vitest';
import { atBusinessTime } from '../../../../platform/time.ts';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import type { IntermediateResultCode } from '../intermediate-results.ts';
import {
  intermediateResultCodes,
  sanbaoPosition,
  validateIntermediateResult,
} from '../intermediate-results.ts';

const tz = 'Asia/Shanghai';
const now = atBusinessTime('2026-03-23', '15:00', tz);
const ctx = {
  now,
  tz,
  noTimeHorizonDays: defaultPolicyValue('wo.no_time.horizon_days'),
  maxWindowHours: 3, // will be policy wo.appointment.max_window_hours
  sanbaoWindows: defaultPolicyValue('md.sanbao.windows'),
};
const customer = { kind: 'customer' };
const mother = { kind: 'family_member', relation: 'mother' };
const mobile = { phoneId: 'ph-1', kind: 'mobile' };
const window = { date: '2026-03-24', start: '10:00', end: '12:00' };

const valid: Record<IntermediateResultCode, Record<string, unknown>> = {
  APPOINTED: { code: 'APPOINTED', window, agreedWith: mother, contactPhone: mobile },
  RESCHEDULED: {
    code: 'RESCHEDULED',
    window,
    requestedBy: 'customer',
    reasonCode: 'customer_unavailable',
    reason: 'No time on Monday',
    customerAccepted: true,
  },
  UNREACHABLE: {
    code: 'UNREACHABLE',
    phones: [
      { phoneId: 'ph-1', kind: 'mobile', outcome: 'no_answer' },
      { phoneId: 'ph-2', kind: 'landline', outcome: 'wrong_number' },
    ],
  },
  AWAITING_PARTS: {
    code: 'AWAITING_PARTS',
    parts: [{ name: 'Compressor', shippedBy: 'division' }],
    expectedArrivalDate: '2026-03-26',
    customerInformed: true,
    informed: customer,
    contactPhone: mobile,
    nextVisit: { date: '2026-03-27', start: '09:00', end: '11:00' },
  },
  TAKEN_FOR_REPAIR: {
    code: 'TAKEN_FOR_REPAIR',
    takenOn: '2026-03-23',
    returnDate: '2026-03-28',
    agreedWith: mother,
  },
  NORMAL_NOT_ACCEPTED: {
    code: 'NORMAL_NOT_ACCEPTED',
    measurements: [
      { name: 'outlet air', value: 12, unit: '°C' },
      { name: 'return air', value: 26, unit: '°C' },
    ],
    withinNormalRange: true,
    customerPosition: 'Finds the room not cool enough',
    notAcceptedBy: customer,
    negotiation: 'negotiating',
    nextVisitDate: '2026-03-25',
  },
  RETURN_EXCHANGE: {
    code: 'RETURN_EXCHANGE',
    kind: 'exchange',
    faultFound: 'Drum bearing noise',
    purchaseDate: '2026-03-16',
    reportedForApproval: true,
    customerMustChooseModel: true,
    informed: customer,
    nextDate: '2026-03-26',
  },
  OUT_OF_WARRANTY_DECLINED: {
    code: 'OUT_OF_WARRANTY_DECLINED',
    purchaseYear: 2019,
    part: 'Main board',
    feeQuotedFen: 45_000,
    customerDeclines: true,
    informed: customer,
    nextDate: '2026-03-25',
  },
  CUSTOMER_NO_TIME: { code: 'CUSTOMER_NO_TIME', statedBy: customer, noTimeThrough: '2026-03-30' },
};

const issuesOf = (input: unknown) => {
  const r = validateIntermediateResult(input, ctx);
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`);
};
const without = (code: IntermediateResultCode, ...fields: string[]) =>
  Object.fromEntries(Object.entries(valid[code]).filter(([k]) => !fields.includes(k)));

describe('intermediate results (WO-5)', () => {
  it('WO-5 every code has a valid example and the nine codes are exactly those of DOMAIN', () => {
    expect(intermediateResultCodes).toHaveLength(9);
    const failing = intermediateResultCodes.filter((c) => !validateIntermediateResult(valid[c], ctx).ok);
    expect(failing).toEqual([]);
  });

  it('WO-5 an unknown code or a non-object is refused with a path', () => {
    expect(issuesOf({ code: 'LOST' })).toEqual(['/code INVALID']);
    expect(issuesOf(null)).toEqual([' REQUIRED']);
    expect(issuesOf({ ...valid.APPOINTED, note: 42 })).toEqual(['/note INVALID']);
  });

  it('WO-5.1 APPOINTED needs the window, who agreed (family member with relation) and the phone used', () => {
    const r = validateIntermediateResult({ ...valid.APPOINTED, note: ' Call before coming ' }, ctx);
    expect(r.ok && r.value).toEqual({
      code: 'APPOINTED',
      window,
      agreedWith: { kind: 'family_member', relation: 'mother' },
      contactPhone: { phoneId: 'ph-1', kind: 'mobile' },
      recordedAt: now,
      note: 'Call before coming',
    });
    expect(issuesOf({ code: 'APPOINTED' })).toEqual([
      '/window WINDOW_REQUIRED',
      '/agreedWith REQUIRED',
      '/contactPhone REQUIRED',
    ]);
    expect(
      issuesOf({ ...valid.APPOINTED, window: { date: '2026-03-24' }, agreedWith: { kind: 'family_member' } }),
    ).toEqual(['/window WINDOW_REQUIRED', '/agreedWith/relation REQUIRED']);
    const r2 = validateIntermediateResult({ ...valid.APPOINTED, agreedWith: { kind: 'neighbour' } }, ctx);
    expect(r2.ok ? null : r2.issues[0]?.message).toBe('Choose who from: customer, family_member.');
  });

  it('WO-5.2 RESCHEDULED needs the new window, who asked, the reason and whether accepted', () => {
    const r = validateIntermediateResult(
      { ...valid.RESCHEDULED, requestedBy: 'outlet', reasonCode: 'outlet_capacity', customerAccepted: false },
      ctx,
    );
    expect(r.ok && r.value.code === 'RESCHEDULED' && r.value.brokenAppointment).toBe(true);
    expect(issuesOf({ code: 'RESCHEDULED', window })).toEqual([
      '/requestedBy REQUIRED',
      '/reasonCode REQUIRED',
      '/customerAccepted REQUIRED',
    ]);
    expect(
      issuesOf({ ...valid.RESCHEDULED, window: { date: '2026-03-24', start: '08:00', end: '18:00' } }),
    ).toEqual(['/window/end WINDOW_TOO_LONG']);
  });

  it('WO-5.3 UNREACHABLE lists each number with its own outcome, or the address problem', () => {
    const r = validateIntermediateResult(valid.UNREACHABLE, ctx);
    expect(r.ok && r.value.code === 'UNREACHABLE' && r.value.phones.map((p) => p.outcome)).toEqual([
      'no_answer',
      'wrong_number',
    ]);
    expect(issuesOf({ code: 'UNREACHABLE', address: { outcome: 'no_such_house_number' } })).toEqual([]);
    expect(issuesOf({ code: 'UNREACHABLE' })).toEqual(['/phones REQUIRED']);
    expect(
      issuesOf({
        code: 'UNREACHABLE',
        phones: [
          { phoneId: 'ph-1', kind: 'mobile', outcome: 'no_answer' },
          { phoneId: 'ph-1', kind: 'mobile', outcome: 'wrong_number' },
          { phoneId: 'ph-3', kind: 'fax' },
        ],
        address: { outcome: 'moved' },
      }),
    ).toEqual([
      '/phones/1/phoneId DUPLICATE',
      '/phones/2/kind INVALID',
      '/phones/2/outcome REQUIRED',
      '/address/outcome INVALID',
    ]);
  });

  it('WO-5.4 AWAITING_PARTS: parts and shipper, expected arrival, customer informed, next visit window', () => {
    expect(
      issuesOf({
        ...valid.AWAITING_PARTS,
        parts: [{ name: 'Fan motor', shippedBy: 'outlet' }],
        expectedArrivalDate: '2026-03-20',
        customerInformed: false,
        nextVisit: { date: '2026-03-27' },
      }),
    ).toEqual([
      '/parts/0/shippedBy INVALID',
      '/expectedArrivalDate DATE_IN_PAST',
      '/customerInformed MUST_BE_TRUE',
      '/nextVisit WINDOW_REQUIRED',
    ]);
    expect(
      issuesOf({ ...valid.AWAITING_PARTS, nextVisit: { date: '2026-03-25', start: '09:00', end: '11:00' } }),
    ).toEqual(['/nextVisit/date BEFORE_PART_ARRIVAL']);
    expect(issuesOf(without('AWAITING_PARTS', 'parts', 'informed', 'contactPhone'))).toEqual([
      '/parts REQUIRED',
      '/informed REQUIRED',
      '/contactPhone REQUIRED',
    ]);
  });

  it('WO-5.5 TAKEN_FOR_REPAIR: taken to the workshop on a day, agreed return date, who agreed', () => {
    expect(issuesOf({ ...valid.TAKEN_FOR_REPAIR, takenOn: '2026-03-24', returnDate: '2026-03-22' })).toEqual([
      '/takenOn DATE_IN_FUTURE',
      '/returnDate DATE_IN_PAST',
    ]);
    expect(issuesOf(without('TAKEN_FOR_REPAIR', 'agreedWith', 'returnDate'))).toEqual([
      '/returnDate REQUIRED',
      '/agreedWith REQUIRED',
    ]);
  });

  it('WO-5.6 NORMAL_NOT_ACCEPTED: readings within range, position, who, negotiation, next visit date', () => {
    expect(
      issuesOf({
        ...valid.NORMAL_NOT_ACCEPTED,
        measurements: [{ name: 'outlet air', value: 'cold', unit: '°C' }],
        withinNormalRange: false,
        negotiation: 'pending',
      }),
    ).toEqual(['/measurements/0/value INVALID', '/withinNormalRange MUST_BE_TRUE', '/negotiation INVALID']);
    expect(
      issuesOf(without('NORMAL_NOT_ACCEPTED', 'measurements', 'customerPosition', 'nextVisitDate')),
    ).toEqual(['/measurements REQUIRED', '/customerPosition REQUIRED', '/nextVisitDate REQUIRED']);
  });

  it('WO-5.7 RETURN_EXCHANGE: fault, purchase date with its 三包 position, reported, model choice, next date', () => {
    const positions = ['2026-03-16', '2026-03-15', '2026-03-08', '2026-03-07'].map((purchaseDate) => {
      const r = validateIntermediateResult({ ...valid.RETURN_EXCHANGE, purchaseDate }, ctx);
      return r.ok && r.value.code === 'RETURN_EXCHANGE' ? r.value.sanbao : null;
    });
    // Purchase day not counted: 7 days after 03-16 is 03-23 (today), 15 days after 03-08 is 03-23.
    expect(positions).toEqual([
      'within_return_window',
      'within_exchange_window',
      'within_exchange_window',
      'outside_sanbao',
    ]);
    expect(
      issuesOf({ ...valid.RETURN_EXCHANGE, purchaseDate: '2026-03-24', reportedForApproval: false }),
    ).toEqual(['/purchaseDate DATE_IN_FUTURE', '/reportedForApproval MUST_BE_TRUE']);
    expect(issuesOf(without('RETURN_EXCHANGE', 'kind', 'faultFound', 'customerMustChooseModel'))).toEqual([
      '/kind REQUIRED',
      '/faultFound REQUIRED',
      '/customerMustChooseModel REQUIRED',
    ]);
    expect(sanbaoPosition('2026-03-16', '2026-03-24', { returnDays: 7, exchangeDays: 15 })).toBe(
      'within_exchange_window',
    );
  });

  it('WO-5.8 OUT_OF_WARRANTY_DECLINED: purchase year, part, fee quoted, declined, next date', () => {
    expect(
      issuesOf({
        ...valid.OUT_OF_WARRANTY_DECLINED,
        purchaseYear: 2027,
        feeQuotedFen: 12.5,
        customerDeclines: false,
      }),
    ).toEqual(['/purchaseYear INVALID', '/feeQuotedFen INVALID', '/customerDeclines MUST_BE_TRUE']);
    expect(issuesOf(without('OUT_OF_WARRANTY_DECLINED', 'part', 'nextDate', 'informed'))).toEqual([
      '/part REQUIRED',
      '/informed REQUIRED',
      '/nextDate REQUIRED',
    ]);
  });

  it('WO-5.9 CUSTOMER_NO_TIME only when the customer has no time for the whole horizon (7 days)', () => {
    // Stated on 03-23: no time on 03-24 … 03-30 means through 03-30.
    expect(issuesOf(valid.CUSTOMER_NO_TIME)).toEqual([]);
    const short = validateIntermediateResult({ ...valid.CUSTOMER_NO_TIME, noTimeThrough: '2026-03-29' }, ctx);
    expect(short.ok ? null : short.issues).toEqual([
      {
        path: '/noTimeThrough',
        code: 'NO_TIME_WITHIN_HORIZON',
        message:
          'Record CUSTOMER_NO_TIME only when the customer has no time for the next 7 days (through 2026-03-30); otherwise agree a window (WO-5.9).',
      },
    ]);
    const tenDays = validateIntermediateResult(
      { ...valid.CUSTOMER_NO_TIME, noTimeThrough: '2026-03-30' },
      { ...ctx, noTimeHorizonDays: 10 },
    );
    expect(tenDays.ok).toBe(false);
    expect(issuesOf({ code: 'CUSTOMER_NO_TIME' })).toEqual(['/statedBy REQUIRED', '/noTimeThrough REQUIRED']);
  });

  it('WO-5.9 "today" is the business date: 23:59 and 00:00 in Shanghai differ by a day', () => {
    const late = { ...ctx, now: new Date('2026-03-23T15:59:00Z') }; // 23:59 on 03-23
    const midnight = { ...ctx, now: new Date('2026-03-23T16:00:00Z') }; // 00:00 on 03-24
    expect(validateIntermediateResult(valid.CUSTOMER_NO_TIME, late).ok).toBe(true);
    expect(validateIntermediateResult(valid.CUSTOMER_NO_TIME, midnight).ok).toBe(false);
  });
});
