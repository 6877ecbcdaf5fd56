import { describe, expect, it } from 'vitest';
import { atBusinessTime } from '../../../../platform/time.ts';
import type { AppointmentRecord } from '../appointments.ts';
import type { ContactReason, RepeatContactFacts } from '../repeat-contacts.ts';
import { assessRepeatContact } from '../repeat-contacts.ts';

const tz = 'Asia/Shanghai';
const sh = (date: string, time: string) => atBusinessTime(date, time, tz);

const initial: AppointmentRecord = {
  window: { date: '2026-03-24', start: '09:00', end: '11:00' },
  recordedAt: sh('2026-03-23', '15:00'),
  origin: 'initial',
  requestedBy: null,
  reasonCode: null,
  customerAccepted: true,
};
const reschedule = (over: Partial<AppointmentRecord>): AppointmentRecord => ({
  window: { date: '2026-03-25', start: '14:00', end: '16:00' },
  recordedAt: sh('2026-03-24', '08:00'),
  origin: 'reschedule',
  requestedBy: 'customer',
  reasonCode: 'customer_unavailable',
  customerAccepted: true,
  ...over,
});
const facts = (over: Partial<RepeatContactFacts> = {}): RepeatContactFacts => ({
  status: 'appointed',
  currentOutletSince: sh('2026-03-23', '09:00'),
  appointments: [initial],
  engineerArrivals: [],
  engineerCalls: [],
  partWaits: [],
  ...over,
});
const assess = (
  f: RepeatContactFacts,
  at: Date,
  reason: ContactReason = 'engineer_late',
  customerUnhappy = false,
) => assessRepeatContact(f, { at, reason, customerUnhappy }, { tz });
const verdict = (f: RepeatContactFacts, at: Date, reason?: ContactReason, unhappy?: boolean) => {
  const r = assess(f, at, reason, unhappy);
  return r.trip ? `${r.cause} ${r.finding}` : 'no trip';
};

describe('repeat contacts and trips (WO-8)', () => {
  it('WO-8.1 agreed 9–11, nothing by 9:00 ⇒ trip; a contact at 8:59 ⇒ not yet', () => {
    expect(verdict(facts(), sh('2026-03-24', '08:59'))).toBe('no trip');
    expect(verdict(facts(), sh('2026-03-24', '09:00'))).toBe('WO-8.1 NOT_ARRIVED_OR_CALLED_BY_WINDOW_START');
    const r = assess(facts(), sh('2026-03-24', '09:00'));
    expect(r.evidence.checks).toEqual([
      {
        rule: 'WO-8.1',
        met: true,
        finding: 'NOT_ARRIVED_OR_CALLED_BY_WINDOW_START',
        detail: {
          windowDate: '2026-03-24',
          windowStart: '09:00',
          windowEnd: '11:00',
          startsAt: new Date('2026-03-24T01:00:00Z'),
          agreedAt: initial.recordedAt,
          origin: 'initial',
        },
      },
      {
        rule: 'WO-8.2',
        met: false,
        finding: 'WINDOW_GIVEN',
        detail: { lastVisitAt: null, agreedAt: initial.recordedAt },
      },
    ]);
    expect(r.promptApology).toBe(true);
  });

  it('WO-8.1 a call back or an arrival by the start of the window keeps the appointment', () => {
    const cases: [Partial<RepeatContactFacts>, string, string][] = [
      [{ engineerCalls: [sh('2026-03-24', '08:45')] }, '09:30', 'no trip'],
      [{ engineerCalls: [sh('2026-03-24', '09:00')] }, '09:30', 'no trip'],
      [
        { engineerCalls: [sh('2026-03-24', '09:05')] },
        '09:30',
        'WO-8.1 NOT_ARRIVED_OR_CALLED_BY_WINDOW_START',
      ],
      [{ status: 'in_progress', engineerArrivals: [sh('2026-03-24', '09:20')] }, '09:40', 'no trip'],
      // Called on time, then never came: the window passes without a visit.
      [{ engineerCalls: [sh('2026-03-24', '08:45')] }, '11:00', 'WO-8.1 NOT_ARRIVED_IN_WINDOW'],
      // A call made before the window was agreed does not count.
      [
        { engineerCalls: [sh('2026-03-23', '14:00')] },
        '09:30',
        'WO-8.1 NOT_ARRIVED_OR_CALLED_BY_WINDOW_START',
      ],
    ];
    const got = cases.map(([over, time]) => verdict(facts(over), sh('2026-03-24', time)));
    expect(got).toEqual(cases.map((c) => c[2]));
  });

  it('WO-8.1 a contact about something else is logged but never a trip', () => {
    const r = assess(facts(), sh('2026-03-24', '09:30'), 'other');
    expect([r.trip, r.evidence.skipped, r.evidence.checks, r.promptApology]).toEqual([
      false,
      'REASON_NOT_ABOUT_SERVICE_TIME',
      [],
      false,
    ]);
    expect(verdict(facts(), sh('2026-03-24', '09:30'), 'own_reschedule')).toBe('no trip');
  });

  it('WO-8.2 a customer never given a concrete window who asks when ⇒ trip', () => {
    const waiting = facts({ status: 'accepted', appointments: [] });
    expect(verdict(waiting, sh('2026-03-23', '16:00'), 'ask_visit_time')).toBe('WO-8.2 NO_CONCRETE_WINDOW');
    expect(verdict(facts(), sh('2026-03-24', '08:00'), 'ask_visit_time')).toBe('no trip');
    // After a visit, the next visit needs its own window.
    const afterVisit = facts({ status: 'follow_up', engineerArrivals: [sh('2026-03-24', '09:10')] });
    expect(verdict(afterVisit, sh('2026-03-25', '10:00'), 'ask_visit_time')).toBe(
      'WO-8.2 NO_CONCRETE_WINDOW',
    );
    // Still with the call center: not the outlet's trip.
    const r = assess(
      facts({ status: 'created', appointments: [] }),
      sh('2026-03-23', '16:00'),
      'ask_visit_time',
    );
    expect([r.trip, r.evidence.skipped]).toEqual([false, 'ORDER_NOT_WITH_OUTLET']);
    expect(assess(facts({ status: 'closed' }), sh('2026-03-24', '10:00')).evidence.skipped).toBe(
      'ORDER_NOT_OPEN',
    );
  });

  it('WO-8.2 windows agreed by the previous outlet do not count after a re-dispatch', () => {
    const moved = facts({ status: 'dispatched', currentOutletSince: sh('2026-03-23', '20:00') });
    expect(verdict(moved, sh('2026-03-24', '08:00'), 'ask_visit_time')).toBe('WO-8.2 NO_CONCRETE_WINDOW');
  });

  it('WO-8.3 an accepted reschedule not kept ⇒ trip, judged at the start of the new window', () => {
    const f = facts({ appointments: [initial, reschedule({})] });
    expect(verdict(f, sh('2026-03-24', '09:30'))).toBe('no trip');
    expect(verdict(f, sh('2026-03-25', '13:59'))).toBe('no trip');
    expect(verdict(f, sh('2026-03-25', '14:00'))).toBe('WO-8.3 NOT_ARRIVED_OR_CALLED_BY_WINDOW_START');
    const called = facts({
      appointments: [initial, reschedule({})],
      engineerCalls: [sh('2026-03-25', '13:30')],
    });
    expect(verdict(called, sh('2026-03-25', '16:00'))).toBe('WO-8.3 NOT_ARRIVED_IN_WINDOW');
  });

  it('WO-8.3 the outlet changed the time and the customer did not accept ⇒ trip', () => {
    const f = facts({
      appointments: [
        initial,
        reschedule({ requestedBy: 'outlet', reasonCode: 'outlet_capacity', customerAccepted: false }),
      ],
    });
    expect(verdict(f, sh('2026-03-24', '08:30'), 'time_change_disputed')).toBe(
      'WO-8.3 TIME_CHANGED_WITHOUT_ACCEPTANCE',
    );
    // A call-center change the customer refused is not the outlet's; the original window still holds.
    const byCallCenter = facts({
      appointments: [
        initial,
        reschedule({ requestedBy: 'call_center', reasonCode: 'other', customerAccepted: false }),
      ],
    });
    expect(verdict(byCallCenter, sh('2026-03-24', '08:30'), 'time_change_disputed')).toBe('no trip');
    expect(verdict(byCallCenter, sh('2026-03-24', '09:00'))).toBe(
      'WO-8.1 NOT_ARRIVED_OR_CALLED_BY_WINDOW_START',
    );
    // Agreeing a new window afterwards settles the dispute.
    const settled = facts({
      appointments: [
        initial,
        reschedule({ requestedBy: 'outlet', reasonCode: 'outlet_capacity', customerAccepted: false }),
        reschedule({
          recordedAt: sh('2026-03-24', '08:40'),
          requestedBy: 'outlet',
          reasonCode: 'outlet_capacity',
        }),
      ],
    });
    expect(verdict(settled, sh('2026-03-24', '09:30'), 'time_change_disputed')).toBe('no trip');
  });

  it('WO-8.4 waiting for parts without an arrival date, and the customer unhappy ⇒ trip', () => {
    const wait = {
      part: 'Compressor',
      requestedAt: sh('2026-03-24', '10:00'),
      arrivedAt: null,
      promisedArrivalDate: null,
      promisedAt: null,
    };
    const f = facts({
      status: 'awaiting_parts',
      engineerArrivals: [sh('2026-03-24', '09:10')],
      partWaits: [wait],
    });
    const at = sh('2026-03-25', '10:00');
    expect(verdict(f, at, 'parts_progress', true)).toBe('WO-8.4 PARTS_WAIT_WITHOUT_ARRIVAL_DATE');
    expect(verdict(f, at, 'parts_progress', false)).toBe('no trip');
    expect(assess(f, at, 'parts_progress', false).evidence.checks.map((c) => c.finding)).toEqual([
      'VISITED',
      'CUSTOMER_NOT_UNHAPPY',
    ]);
    const dated = facts({
      ...f,
      partWaits: [{ ...wait, promisedArrivalDate: '2026-03-27', promisedAt: sh('2026-03-24', '11:00') }],
    });
    expect(verdict(dated, at, 'parts_progress', true)).toBe('no trip');
    // A date promised only after the call does not count for it.
    expect(verdict(dated, sh('2026-03-24', '10:30'), 'parts_progress', true)).toBe(
      'WO-8.4 PARTS_WAIT_WITHOUT_ARRIVAL_DATE',
    );
    // Once the part arrived, the wait is over.
    expect(
      verdict(
        facts({ ...f, partWaits: [{ ...wait, arrivedAt: sh('2026-03-25', '09:00') }] }),
        at,
        'parts_progress',
        true,
      ),
    ).toBe('WO-8.2 NO_CONCRETE_WINDOW');
  });

  it('WO-8.4 a parts-wait reschedule the customer did not agree, and the customer unhappy ⇒ trip (not 8.3)', () => {
    const f = facts({
      appointments: [
        initial,
        reschedule({ requestedBy: 'outlet', reasonCode: 'awaiting_parts', customerAccepted: false }),
      ],
    });
    const at = sh('2026-03-24', '08:30');
    expect(verdict(f, at, 'time_change_disputed', true)).toBe('WO-8.4 PARTS_RESCHEDULE_NOT_AGREED');
    expect(verdict(f, at, 'time_change_disputed', false)).toBe('no trip');
  });
});
