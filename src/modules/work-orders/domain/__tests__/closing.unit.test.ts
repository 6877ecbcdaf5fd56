import { describe, expect, it } from 'vitest';
import { atBusinessTime } from '../../../../platform/time.ts';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import type { ClosingFacts } from '../closing.ts';
import { canClose } from '../closing.ts';
import type { CustomerNoTimeResult, NormalNotAcceptedResult } from '../intermediate-results.ts';

const tz = 'Asia/Shanghai';
const sh = (date: string, time: string) => atBusinessTime(date, time, tz);
const ctx = {
  now: sh('2026-03-24', '18:00'),
  tz,
  noTimeHorizonDays: defaultPolicyValue('wo.no_time.horizon_days'),
};

const completed = sh('2026-03-24', '11:00');
const facts = (over: Partial<ClosingFacts> = {}): ClosingFacts => ({
  basis: 'completed',
  completedAt: completed,
  unfinishedWork: [],
  callbacks: [{ by: 'dispatcher', at: sh('2026-03-24', '16:00'), reached: true, satisfied: true }],
  latestResult: null,
  openDisputes: 0,
  onSiteDecline: null,
  ...over,
});
const codes = (f: ClosingFacts, c = ctx) => {
  const r = canClose(f, c);
  return r.ok ? ['ok', r.rule] : r.refusals.map((x) => `${x.rule} ${x.code}`);
};

const noTime = (statedOn: string, through: string): CustomerNoTimeResult => ({
  code: 'CUSTOMER_NO_TIME',
  recordedAt: sh(statedOn, '10:00'),
  note: null,
  statedBy: { kind: 'customer' },
  noTimeThrough: through,
});
const notAccepted = (negotiation: NormalNotAcceptedResult['negotiation']): NormalNotAcceptedResult => ({
  code: 'NORMAL_NOT_ACCEPTED',
  recordedAt: sh('2026-03-24', '09:00'),
  note: null,
  measurements: [{ name: 'outlet air', value: 12, unit: '°C' }],
  withinNormalRange: true,
  customerPosition: 'Not cool enough',
  notAcceptedBy: { kind: 'customer' },
  negotiation,
  nextVisitDate: '2026-03-25',
});

describe('closing (WO-6)', () => {
  it('WO-6.1 a normal completion closes after a callback by the dispatcher or call center finds the customer satisfied', () => {
    expect(codes(facts())).toEqual(['ok', 'WO-6.1']);
    expect(
      codes(
        facts({
          callbacks: [{ by: 'call_center', at: sh('2026-03-24', '12:00'), reached: true, satisfied: true }],
        }),
      ),
    ).toEqual(['ok', 'WO-6.1']);
  });

  it('WO-6.1 no callback, an unanswered one, one before completion or by someone else is not enough', () => {
    const cases: ClosingFacts['callbacks'][] = [
      [],
      [{ by: 'dispatcher', at: sh('2026-03-24', '16:00'), reached: false, satisfied: null }],
      [{ by: 'dispatcher', at: sh('2026-03-24', '10:59'), reached: true, satisfied: true }],
      [{ by: 'other', at: sh('2026-03-24', '16:00'), reached: true, satisfied: true }],
    ];
    expect(cases.map((callbacks) => codes(facts({ callbacks })))).toEqual(
      cases.map(() => ['WO-6.1 CALLBACK_REQUIRED']),
    );
    const r = canClose(facts({ callbacks: cases[1] ?? [] }), ctx);
    expect(r.ok ? null : [r.code, r.message, r.details]).toEqual([
      'CALLBACK_REQUIRED',
      'Call the customer back and confirm they are satisfied before closing.',
      { unansweredAttempts: 1, completedAt: completed },
    ]);
  });

  it('WO-6.1 the latest reached callback decides: an unhappy one after a happy one blocks', () => {
    const callbacks = [
      { by: 'dispatcher' as const, at: sh('2026-03-24', '12:00'), reached: true, satisfied: true },
      { by: 'call_center' as const, at: sh('2026-03-24', '15:00'), reached: true, satisfied: false },
      { by: 'dispatcher' as const, at: sh('2026-03-24', '17:00'), reached: false, satisfied: null },
    ];
    expect(codes(facts({ callbacks }))).toEqual(['WO-6.1 CUSTOMER_NOT_SATISFIED']);
  });

  it('WO-6.2 CUSTOMER_NO_TIME closes only when the customer has no time within 7 days', () => {
    const base = { basis: 'customer_no_time' as const, completedAt: null, callbacks: [] };
    expect(codes(facts({ ...base, latestResult: noTime('2026-03-24', '2026-03-31') }))).toEqual([
      'ok',
      'WO-6.2',
    ]);
    expect(codes(facts({ ...base, latestResult: noTime('2026-03-24', '2026-03-30') }))).toEqual([
      'WO-6.2 NO_TIME_NOT_BEYOND_HORIZON',
    ]);
    expect(codes(facts({ ...base, latestResult: null }))).toEqual(['WO-6.2 NO_TIME_RESULT_REQUIRED']);
    // A later outcome (the customer agreed a visit) supersedes the no-time statement.
    expect(codes(facts({ ...base, latestResult: notAccepted('agreed') }))).toEqual([
      'WO-6.2 NO_TIME_RESULT_REQUIRED',
    ]);
  });

  it('WO-6.2 a no-time statement whose period has ended no longer closes (business dates, Shanghai midnight)', () => {
    const base = {
      basis: 'customer_no_time' as const,
      completedAt: null,
      latestResult: noTime('2026-03-17', '2026-03-24'),
    };
    expect(codes(facts(base), { ...ctx, now: new Date('2026-03-24T15:59:00Z') })).toEqual(['ok', 'WO-6.2']);
    expect(codes(facts(base), { ...ctx, now: new Date('2026-03-24T16:00:00Z') })).toEqual([
      'WO-6.2 NO_TIME_STATEMENT_EXPIRED',
    ]);
  });

  it('WO-6.3 unfinished work or an unsatisfied customer never closes (one ticket to the end)', () => {
    expect(codes(facts({ completedAt: null, callbacks: [] }))).toEqual(['WO-6.3 WORK_UNFINISHED']);
    expect(codes(facts({ unfinishedWork: ['second unit not installed'] }))).toEqual([
      'WO-6.3 WORK_UNFINISHED',
    ]);
    expect(codes(facts({ openDisputes: 1 }))).toEqual(['WO-6.3 CUSTOMER_NOT_SATISFIED']);
    const r = canClose(facts({ basis: 'declined_on_site', latestResult: notAccepted('negotiating') }), ctx);
    expect(r.ok ? null : [r.code, r.rule, r.refusals.length]).toEqual([
      'CUSTOMER_NOT_SATISFIED',
      'WO-6.3',
      2,
    ]);
    // A dispute resolved by completing the work afterwards does not block.
    expect(codes(facts({ latestResult: notAccepted('deadlocked') }))).toEqual(['ok', 'WO-6.1']);
    expect(
      codes(facts({ basis: 'customer_no_time', completedAt: null, latestResult: notAccepted('deadlocked') })),
    ).toEqual(['WO-6.3 CUSTOMER_NOT_SATISFIED', 'WO-6.2 NO_TIME_RESULT_REQUIRED']);
  });

  it('WO-6.4 a clear decline on site closes normally with the address confirmed and the reason noted', () => {
    const decline = {
      at: sh('2026-03-24', '10:30'),
      visitStartedAt: sh('2026-03-24', '10:00'),
      clearlyDeclined: true,
      addressConfirmed: true,
      reason: 'Will buy a new unit instead',
    };
    const base = { basis: 'declined_on_site' as const, completedAt: null, callbacks: [] };
    expect(codes(facts({ ...base, onSiteDecline: decline }))).toEqual(['ok', 'WO-6.4']);
    expect(
      codes(
        facts({
          ...base,
          onSiteDecline: {
            ...decline,
            visitStartedAt: null,
            clearlyDeclined: false,
            addressConfirmed: false,
            reason: ' ',
          },
        }),
      ),
    ).toEqual([
      'WO-6.4 DECLINE_NOT_ON_SITE',
      'WO-6.4 DECLINE_NOT_CLEAR',
      'WO-6.4 ADDRESS_NOT_CONFIRMED',
      'WO-6.4 DECLINE_REASON_REQUIRED',
    ]);
    // Declined on the phone before the engineer arrived is not on site.
    expect(codes(facts({ ...base, onSiteDecline: { ...decline, at: sh('2026-03-24', '09:00') } }))).toEqual([
      'WO-6.4 DECLINE_NOT_ON_SITE',
    ]);
    expect(codes(facts({ ...base, onSiteDecline: null }))).toEqual(['WO-6.4 DECLINE_NOT_RECORDED']);
  });
});
