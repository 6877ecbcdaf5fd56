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
