import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { atBusinessTime } from '../../../../platform/time.ts';
import type { AppointmentRecord } from '../appointments.ts';
import {
  agreedAppointmentAt,
  brokenAppointments,
  validateAppointmentWindow,
  validateReschedule,
} from '../appointments.ts';

const tz = 'Asia/Shanghai';
/** Will be policy `wo.appointment.max_window_hours`. */
const maxWindowHours = 3;
const sh = (date: string, time: string) => atBusinessTime(date, time, tz);
const ctx = { now: sh('2026-03-23', '15:00'), tz, maxWindowHours };

const codeOf = (input: unknown, c = ctx) => {
  const r = validateAppointmentWindow(input, c);
  return r.ok ? 'ok' : r.code;
};

describe('appointment windows (WO-4)', () => {
  it('WO-4 a concrete window on a date is an appointment, read in business time', () => {
    const r = validateAppointmentWindow({ date: '2026-03-24', start: '10:00', end: '12:00' }, ctx);
    expect(r).toEqual({
      ok: true,
      window: { date: '2026-03-24', start: '10:00', end: '12:00' },
      startsAt: new Date('2026-03-24T02:00:00Z'),
      endsAt: new Date('2026-03-24T04:00:00Z'),
    });
  });

  it('WO-4 a date alone is rejected', () => {
    const r = validateAppointmentWindow({ date: '2026-03-24' }, ctx);
    expect(r.ok ? null : r.issues).toEqual([
      {
        path: '',
        code: 'WINDOW_REQUIRED',
        message:
          'A date alone is not an appointment: add the start and end of the window, e.g. 10:00–12:00 (WO-4).',
      },
    ]);
    expect(codeOf({ date: '2026-03-24', start: null, end: '' })).toBe('WINDOW_REQUIRED');
  });

  it('WO-4 half-day words ("the morning of the 24th", 上午) are rejected', () => {
    const cases: [unknown, string][] = [
      [{ date: '2026-03-24', period: 'morning' }, 'HALF_DAY_NOT_A_WINDOW'],
      [{ date: '2026-03-24 上午' }, 'HALF_DAY_NOT_A_WINDOW'],
      [{ date: '2026-03-24', start: '上午', end: '下午' }, 'HALF_DAY_NOT_A_WINDOW'],
      [{ date: '2026-03-24', start: 'am', end: 'pm' }, 'HALF_DAY_NOT_A_WINDOW'],
      [{ date: '2026-03-24', text: 'afternoon' }, 'HALF_DAY_NOT_A_WINDOW'],
      [{ date: '2026-03-24', start: 'all day' }, 'HALF_DAY_NOT_A_WINDOW'],
      // A 12-hour clock is a malformed time, not a half day.
      [{ date: '2026-03-24', start: '10:00 am', end: '12:00' }, 'TIME_INVALID'],
    ];
    const mismatches = cases
      .map(([input, want]) => [JSON.stringify(input), want, codeOf(input)])
      .filter(([, want, got]) => want !== got);
    expect(mismatches).toEqual([]);
  });

  it('WO-4 windows longer than the policy maximum are rejected; exactly the maximum is fine', () => {
    expect(codeOf({ date: '2026-03-24', start: '09:00', end: '12:00' })).toBe('ok');
    const long = validateAppointmentWindow({ date: '2026-03-24', start: '09:00', end: '12:01' }, ctx);
    expect(long.ok ? null : long.issues).toEqual([
      {
        path: '/end',
        code: 'WINDOW_TOO_LONG',
        message: 'Give a window of at most 3 h; this one is 3 h 01 min.',
      },
    ]);
    expect(codeOf({ date: '2026-03-24', start: '08:00', end: '18:00' })).toBe('WINDOW_TOO_LONG');
    expect(codeOf({ date: '2026-03-24', start: '08:00', end: '12:00' }, { ...ctx, maxWindowHours: 4 })).toBe(
      'ok',
    );
  });

  it('WO-4 the end must be after the start', () => {
    expect(codeOf({ date: '2026-03-24', start: '12:00', end: '12:00' })).toBe('WINDOW_END_NOT_AFTER_START');
    expect(codeOf({ date: '2026-03-24', start: '23:00', end: '01:00' })).toBe('WINDOW_END_NOT_AFTER_START');
  });

  it('WO-4 windows in the past are rejected; one starting this minute is accepted', () => {
    const now = new Date(sh('2026-03-24', '10:00').getTime() + 30_000);
    const at = { ...ctx, now };
    expect(codeOf({ date: '2026-03-24', start: '10:00', end: '11:00' }, at)).toBe('ok');
    expect(codeOf({ date: '2026-03-24', start: '09:59', end: '11:00' }, at)).toBe('WINDOW_IN_PAST');
    expect(codeOf({ date: '2026-03-23', start: '10:00', end: '11:00' }, at)).toBe('WINDOW_IN_PAST');
  });

  it('WO-4 dates and times are strict', () => {
    const r = validateAppointmentWindow({ date: '2026-02-30', start: '9:00', end: '25:00' }, ctx, '/window');
    expect(r.ok ? null : r.issues.map((i) => [i.path, i.code])).toEqual([
      ['/window/date', 'DATE_INVALID'],
      ['/window/start', 'TIME_INVALID'],
      ['/window/end', 'TIME_INVALID'],
    ]);
    expect(codeOf('2026-03-24 10:00-12:00')).toBe('WINDOW_REQUIRED');
  });

  it('WO-4 (property) a future window is accepted exactly when 0 < length ≤ the maximum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 23 * 60 }),
        fc.integer({ min: -60, max: 6 * 60 }),
        fc.integer({ min: 1, max: 6 }),
        (startMin, length, maxHours) => {
          const endMin = startMin + length;
          fc.pre(endMin >= 0 && endMin < 24 * 60);
          const hhmm = (m: number) =>
            `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
          const r = validateAppointmentWindow(
            { date: '2026-04-01', start: hhmm(startMin), end: hhmm(endMin) },
            { ...ctx, maxWindowHours: maxHours },
          );
          expect(r.ok).toBe(length > 0 && length <= maxHours * 60);
        },
      ),
    );
  });

  it('WO-4 a policy maximum that is not positive is a programmer error', () => {
    expect(() => validateAppointmentWindow({}, { ...ctx, maxWindowHours: 0 })).toThrow(/maxWindowHours/);
  });
});

describe('reschedules (WO-4 改约)', () => {
  const base = {
    previous: { date: '2026-03-24', start: '10:00', end: '12:00' },
    next: { date: '2026-03-25', start: '14:00', end: '16:00' },
    reasonCode: 'engineer_unavailable',
    reason: null,
  };

  it('WO-4 records who asked, why and whether the customer accepted', () => {
    const r = validateReschedule(
      { ...base, requestedBy: 'customer', reasonCode: 'customer_unavailable', customerAccepted: true },
      ctx,
    );
    expect(r).toEqual({
      ok: true,
      reschedule: {
        previous: base.previous,
        next: base.next,
        requestedBy: 'customer',
        reasonCode: 'customer_unavailable',
        reason: null,
        customerAccepted: true,
        brokenAppointment: false,
      },
    });
  });

  it('WO-4 an outlet reschedule the customer did not accept is a broken appointment', () => {
    const cases = [
      ['outlet', false, true],
      ['outlet', true, false],
      ['call_center', false, false],
      ['call_center', true, false],
    ] as const;
    const got = cases.map(([requestedBy, customerAccepted]) => {
      const r = validateReschedule({ ...base, requestedBy, customerAccepted }, ctx);
      return r.ok ? r.reschedule.brokenAppointment : r.code;
    });
    expect(got).toEqual(cases.map((c) => c[2]));
  });

  it('WO-4 a reschedule needs a reason, a real change, and a concrete new window', () => {
    const r = validateReschedule(
      {
        previous: base.previous,
        next: { date: '2026-03-24', period: 'afternoon' },
        requestedBy: 'customer',
        reasonCode: 'other',
        reason: ' ',
        customerAccepted: false,
      },
      ctx,
    );
    expect(r.ok ? null : r.issues.map((i) => [i.path, i.code])).toEqual([
      ['/next', 'HALF_DAY_NOT_A_WINDOW'],
      ['/reason', 'REQUIRED'],
      ['/customerAccepted', 'CUSTOMER_REQUEST_NOT_ACCEPTED'],
    ]);
    const same = validateReschedule(
      { ...base, next: base.previous, requestedBy: 'outlet', customerAccepted: true },
      ctx,
    );
    expect(same.ok ? null : same.code).toBe('WINDOW_UNCHANGED');
    const missing = validateReschedule({ next: base.next }, ctx);
    expect(missing.ok ? null : missing.issues.map((i) => i.path)).toEqual([
      '/requestedBy',
      '/reasonCode',
      '/customerAccepted',
    ]);
  });

  it('WO-4 the agreed window is the latest accepted one; broken ones are counted', () => {
    const rec = (hour: number, over: Partial<AppointmentRecord>): AppointmentRecord => ({
      window: { date: '2026-03-25', start: `${hour}:00`, end: `${hour + 2}:00` },
      recordedAt: sh('2026-03-23', `${hour}:00`),
      origin: 'reschedule',
      requestedBy: 'outlet',
      reasonCode: 'outlet_capacity',
      customerAccepted: true,
      ...over,
    });
    const records = [
      rec(10, { origin: 'initial', requestedBy: null, reasonCode: null }),
      rec(12, { requestedBy: 'customer' }),
      rec(14, { customerAccepted: false }),
    ];
    expect(agreedAppointmentAt(records, sh('2026-03-23', '15:00'))?.window.start).toBe('12:00');
    expect(agreedAppointmentAt(records, sh('2026-03-23', '11:00'))?.window.start).toBe('10:00');
    expect(agreedAppointmentAt(records, sh('2026-03-23', '09:00'))).toBeUndefined();
    expect(brokenAppointments(records).map((r) => r.window.start)).toEqual(['14:00']);
  });
});
