import { describe, expect, it } from 'vitest';
import { atBusinessTime } from '../../../../platform/time.ts';
import type { LoggedContact, RedispatchFact, SentOrder } from '../monitoring.ts';
import { endOfDayReconciliation, startOfDayList } from '../monitoring.ts';

const tz = 'Asia/Shanghai';
const sh = (date: string, time: string) => atBusinessTime(date, time, tz);

const contact = (orderId: string, at: Date): LoggedContact => ({
  orderId,
  contactAt: at,
  reason: 'engineer_late',
  trip: true,
  cause: 'WO-8.1',
  orderCreatedAt: new Date('2025-06-01T16:30:00Z'),
});
const redispatch = (orderId: string, over: Partial<RedispatchFact> = {}): RedispatchFact => ({
  orderId,
  status: 'dispatched',
  redispatchedAt: sh('2026-03-24', '07:00'),
  reasonCode: 'wrong_address',
  customerContactedAt: null,
  ...over,
});

describe('dispatcher monitoring (WO-9)', () => {
  it('WO-9 start of day lists every repeat contact since the last shift ended, oldest first, with the registration date', () => {
    const list = startOfDayList(
      {
        lastShiftEndedAt: sh('2026-03-23', '18:00'),
        contacts: [
          contact('late-night', sh('2026-03-24', '07:00')),
          contact('before-shift-end', sh('2026-03-23', '17:59')),
          contact('at-shift-end', sh('2026-03-23', '18:00')),
          contact('future', sh('2026-03-24', '09:00')),
        ],
        redispatches: [],
      },
      { now: sh('2026-03-24', '08:30'), tz },
    );
    expect(list.sinceSource).toBe('last_shift');
    expect(list.repeatContacts.map((c) => [c.orderId, c.orderRegisteredOn])).toEqual([
      ['at-shift-end', '2025-06-02'],
      ['late-night', '2025-06-02'],
    ]);
  });

  it('WO-9 without a shift record, "since" is the start of the previous business day (Shanghai midnight)', () => {
    const input = { lastShiftEndedAt: null, contacts: [], redispatches: [] };
    const at2359 = startOfDayList(input, { now: new Date('2026-03-23T15:59:00Z'), tz });
    const at0000 = startOfDayList(input, { now: new Date('2026-03-23T16:00:00Z'), tz });
    expect([at2359.since, at2359.sinceSource]).toEqual([
      new Date('2026-03-21T16:00:00Z'),
      'previous_business_day',
    ]);
    expect(at0000.since).toEqual(new Date('2026-03-22T16:00:00Z'));
  });

  it('WO-9 orders re-dispatched for a wrong address and not yet contacted are to be called at once', () => {
    const list = startOfDayList(
      {
        lastShiftEndedAt: null,
        contacts: [],
        redispatches: [
          redispatch('wrong-address'),
          redispatch('older', { redispatchedAt: sh('2026-03-23', '20:00') }),
          redispatch('called-since', { customerContactedAt: sh('2026-03-24', '07:30') }),
          redispatch('called-before-move', { customerContactedAt: sh('2026-03-23', '12:00') }),
          redispatch('capacity', { reasonCode: 'outlet_capacity' }),
          redispatch('cancelled', { status: 'cancelled' }),
        ],
      },
      { now: sh('2026-03-24', '08:00'), tz },
    );
    expect(list.contactNow.map((r) => [r.orderId, r.waitingMinutes])).toEqual([
      ['older', 720],
      ['wrong-address', 60],
      ['called-before-move', 60],
    ]);
  });

  it('WO-9 end-of-day reconciliation lists orders sent but not acknowledged', () => {
    const sent: SentOrder[] = [
      {
        orderId: 'ack',
        outletId: 'o1',
        sentAt: sh('2026-03-24', '09:00'),
        acknowledgedAt: sh('2026-03-24', '09:05'),
      },
      { orderId: 'open', outletId: 'o1', sentAt: sh('2026-03-24', '16:00'), acknowledgedAt: null },
      { orderId: 'yesterday', outletId: 'o1', sentAt: sh('2026-03-23', '17:00'), acknowledgedAt: null },
      {
        orderId: 'ack-later',
        outletId: 'o1',
        sentAt: sh('2026-03-24', '17:00'),
        acknowledgedAt: sh('2026-03-24', '19:00'),
      },
    ];
    const r = endOfDayReconciliation(sent, { now: sh('2026-03-24', '18:00'), tz });
    expect([r.date, r.complete]).toEqual(['2026-03-24', false]);
    expect(r.unacknowledged.map((s) => [s.orderId, s.sentOn, s.waitingMinutes])).toEqual([
      ['yesterday', '2026-03-23', 1500],
      ['open', '2026-03-24', 120],
      ['ack-later', '2026-03-24', 60],
    ]);
    expect(endOfDayReconciliation(sent.slice(0, 1), { now: sh('2026-03-24', '18:00'), tz }).complete).toBe(
      true,
    );
  });
});
