import { describe, expect, it } from 'vitest';
import type { BoardOrderFacts } from '../monitoring.ts';
import { dispatcherBoard } from '../monitoring.ts';

const tz = 'Asia/Shanghai';
const order = (orderId: string, over: Partial<BoardOrderFacts> = {}): BoardOrderFacts => ({
  orderId,
  status: 'appointed',
  serviceMode: 'on_site',
  agreedWindow: null,
  specialTracking: false,
  customerId: `c-${orderId}`,
  openPartWaits: 0,
  hasEngineer: true,
  createdAt: new Date('2026-03-20T01:00:00Z'),
  dispatchedAt: new Date('2026-03-20T01:05:00Z'),
  acceptedAt: new Date('2026-03-20T02:00:00Z'),
  ...over,
});
const ids = (entries: { orderId: string }[]) => entries.map((e) => e.orderId);

const orders = [
  order('visit-24-late', { agreedWindow: { date: '2026-03-24', start: '14:00', end: '16:00' } }),
  order('visit-24-early', { agreedWindow: { date: '2026-03-24', start: '09:00', end: '11:00' } }),
  order('visit-25', { agreedWindow: { date: '2026-03-25', start: '09:00', end: '11:00' } }),
  order('carry-in', { serviceMode: 'carry_in', status: 'in_progress' }),
  order('special', { specialTracking: true, status: 'follow_up' }),
  order('parts-status', { status: 'awaiting_parts' }),
  order('parts-open', { status: 'in_progress', openPartWaits: 1 }),
  order('closed', {
    status: 'closed',
    serviceMode: 'carry_in',
    specialTracking: true,
    agreedWindow: { date: '2026-03-24', start: '09:00', end: '11:00' },
  }),
];

describe('dispatcher board (WO-15)', () => {
  it('WO-15 buckets carry-in orders, tomorrow’s visits, tracked special customers and orders awaiting parts', () => {
    const b = dispatcherBoard(orders, { now: new Date('2026-03-23T04:00:00Z'), tz });
    expect([b.today, b.tomorrow]).toEqual(['2026-03-23', '2026-03-24']);
    expect(ids(b.carryIn)).toEqual(['carry-in']);
    expect(ids(b.tomorrowVisits)).toEqual(['visit-24-early', 'visit-24-late']);
    expect(ids(b.specialCustomers)).toEqual(['special']);
    expect(ids(b.awaitingParts)).toEqual(['parts-open', 'parts-status']);
    expect(b.carryIn[0]).toEqual({
      orderId: 'carry-in',
      status: 'in_progress',
      customerId: 'c-carry-in',
      agreedWindow: null,
    });
  });

  it('WO-15 "tomorrow" is the next business date: it moves at Shanghai midnight (16:00 UTC)', () => {
    const at2359 = dispatcherBoard(orders, { now: new Date('2026-03-23T15:59:00Z'), tz });
    const at0000 = dispatcherBoard(orders, { now: new Date('2026-03-23T16:00:00Z'), tz });
    expect([at2359.tomorrow, ids(at2359.tomorrowVisits)]).toEqual([
      '2026-03-24',
      ['visit-24-early', 'visit-24-late'],
    ]);
    expect([at0000.tomorrow, ids(at0000.tomorrowVisits)]).toEqual(['2026-03-25', ['visit-25']]);
  });
});

describe('new work on the board (WO-9, WO-15)', () => {
  const now = new Date('2026-03-23T04:00:00Z');
  const at = (iso: string) => new Date(iso);
  const fresh = [
    order('sent-late', { status: 'dispatched', dispatchedAt: at('2026-03-23T03:30:00Z'), acceptedAt: null }),
    order('sent-early', { status: 'dispatched', dispatchedAt: at('2026-03-22T23:00:00Z'), acceptedAt: null }),
    // Sent but never stamped (data from before the stamp existed): waits since it was registered.
    order('sent-unstamped', {
      status: 'dispatched',
      createdAt: at('2026-03-23T01:00:00Z'),
      dispatchedAt: null,
      acceptedAt: null,
    }),
    order('accepted-recent', {
      status: 'accepted',
      hasEngineer: false,
      acceptedAt: at('2026-03-23T03:59:30Z'),
    }),
    order('accepted-old', { status: 'accepted', hasEngineer: false, acceptedAt: at('2026-03-21T04:00:00Z') }),
    order('appointed-nobody', {
      status: 'appointed',
      hasEngineer: false,
      acceptedAt: at('2026-03-22T04:00:00Z'),
    }),
    order('appointed-staffed', { status: 'appointed', hasEngineer: true }),
    order('assigned', { status: 'assigned', hasEngineer: true }),
    order('created', { status: 'created', dispatchedAt: null, acceptedAt: null }),
    order('cancelled', { status: 'cancelled', dispatchedAt: null, acceptedAt: null }),
  ];
  const waits = (entries: { orderId: string; waitingMinutes: number }[]) =>
    entries.map((e) => [e.orderId, e.waitingMinutes]);

  it('WO-9 "to accept" holds every order sent and not acknowledged, longest waiting first', () => {
    const b = dispatcherBoard(fresh, { now, tz });
    expect(waits(b.toAccept)).toEqual([
      ['sent-early', 300],
      ['sent-unstamped', 180],
      ['sent-late', 30],
    ]);
    expect(b.toAccept[0]).toEqual({
      orderId: 'sent-early',
      status: 'dispatched',
      customerId: 'c-sent-early',
      agreedWindow: null,
      waitingSince: at('2026-03-22T23:00:00Z'),
      waitingMinutes: 300,
    });
  });

  it('WO-15 "to assign" holds accepted orders and appointed ones nobody is named on, longest waiting first', () => {
    const b = dispatcherBoard(fresh, { now, tz });
    expect(waits(b.toAssign)).toEqual([
      ['accepted-old', 2 * 24 * 60],
      ['appointed-nobody', 24 * 60],
      ['accepted-recent', 0],
    ]);
    const everywhere = [b.carryIn, b.tomorrowVisits, b.specialCustomers, b.awaitingParts].flat();
    expect(everywhere).toEqual([]);
  });

  it('WO-15 the same wait ties by order id, and a clock behind the stamp never shows a negative wait', () => {
    const same = at('2026-03-23T03:00:00Z');
    const b = dispatcherBoard(
      [
        order('b', { status: 'dispatched', dispatchedAt: same }),
        order('a', { status: 'dispatched', dispatchedAt: same }),
        order('future', { status: 'dispatched', dispatchedAt: at('2026-03-23T05:00:00Z') }),
      ],
      { now, tz },
    );
    expect(waits(b.toAccept)).toEqual([
      ['a', 60],
      ['b', 60],
      ['future', 0],
    ]);
  });
});
