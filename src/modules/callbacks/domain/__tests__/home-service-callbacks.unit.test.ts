import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, atBusinessTime } from '../../../../platform/time.ts';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import type { HomeCallbackRecord, Placement } from '../home-service-callbacks.ts';
import {
  homeServiceCallbacksDue,
  homeServiceMonthlyStatistics,
  monthlyArchiveProblems,
} from '../home-service-callbacks.ts';

const tz = 'Asia/Shanghai';
const sh = (date: string, time: string) => atBusinessTime(date, time, tz);
const policy = defaultPolicyValue('cb.home_service.schedule');
const placement = (over: Partial<Placement> = {}): Placement => ({
  placementId: 'pl_1',
  customerId: 'cus_1',
  workerId: 'wkr_1',
  startDate: '2026-03-01',
  endDate: null,
  ...over,
});
const due = (p: Placement[], from: string, to: string, pol = policy) =>
  homeServiceCallbacksDue(p, { from, to }, pol).map(
    (c) => `${c.dueDate} ${c.party} ${c.partyId} #${c.sequence}`,
  );

describe('home-service callbacks (CB-8)', () => {
  it('CB-8 the customer and the placed worker are both called back on schedule after the worker starts', () => {
    expect(policy).toEqual({
      customer: { afterDays: [7, 30], thenEveryDays: 30 },
      worker: { afterDays: [7, 30], thenEveryDays: 30 },
    });
    expect(due([placement()], '2026-03-01', '2026-05-31')).toEqual([
      '2026-03-08 customer cus_1 #1',
      '2026-03-08 worker wkr_1 #1',
      '2026-03-31 customer cus_1 #2',
      '2026-03-31 worker wkr_1 #2',
      '2026-04-30 customer cus_1 #3',
      '2026-04-30 worker wkr_1 #3',
      '2026-05-30 customer cus_1 #4',
      '2026-05-30 worker wkr_1 #4',
    ]);
  });

  it('CB-8 no callbacks after the placement ends; each party may have its own schedule', () => {
    expect(due([placement({ endDate: '2026-03-20' })], '2026-03-01', '2026-12-31')).toEqual([
      '2026-03-08 customer cus_1 #1',
      '2026-03-08 worker wkr_1 #1',
    ]);
    const own = {
      customer: { afterDays: [3], thenEveryDays: 0 },
      worker: { afterDays: [1, 10], thenEveryDays: 0 },
    };
    expect(due([placement()], '2026-03-01', '2026-12-31', own)).toEqual([
      '2026-03-02 worker wkr_1 #1',
      '2026-03-04 customer cus_1 #1',
      '2026-03-11 worker wkr_1 #2',
    ]);
  });

  it('CB-8 property: a range gives exactly the scheduled days inside it, numbered from the start, however long the placement', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 90 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 120 }),
        (days, every, fromOffset, length) => {
          const afterDays = [...days].sort((a, b) => a - b);
          const party = { afterDays, thenEveryDays: every };
          const from = addCalendarDays('2020-01-01', fromOffset);
          const to = addCalendarDays(from, length);
          const got = homeServiceCallbacksDue(
            [placement({ startDate: '2020-01-01' })],
            { from, to },
            { customer: party, worker: party },
          )
            .filter((c) => c.party === 'customer')
            .map((c) => [c.sequence, c.dueDate]);
          const expected: [number, string][] = [];
          const last = afterDays.at(-1) as number;
          for (let n = 0; n < afterDays.length || every > 0; n++) {
            const offset =
              n < afterDays.length ? (afterDays[n] as number) : last + (n - afterDays.length + 1) * every;
            const date = addCalendarDays('2020-01-01', offset);
            if (date > to) break;
            if (date >= from) expected.push([n + 1, date]);
          }
          expect(got).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('CB-8 monthly statistics per party: due, done on time or late, outstanding, satisfaction, channels', () => {
    const rec = (
      party: HomeCallbackRecord['party'],
      dueDate: string,
      doneAt: Date | null,
      channel: HomeCallbackRecord['channel'],
      satisfied: boolean | null,
    ): HomeCallbackRecord => ({
      placementId: 'pl_1',
      party,
      dueDate,
      doneAt,
      channel,
      satisfied,
    });
    const records = [
      rec('customer', '2026-03-08', sh('2026-03-08', '10:00'), 'phone', true),
      rec('customer', '2026-03-31', sh('2026-04-01', '10:00'), 'wechat', false),
      rec('customer', '2026-03-20', null, null, null),
      rec('worker', '2026-03-08', sh('2026-03-07', '10:00'), 'visit', true),
      rec('worker', '2026-04-08', sh('2026-04-08', '10:00'), 'phone', true),
    ];
    const s = homeServiceMonthlyStatistics('2026-03', records, { now: sh('2026-04-02', '09:00'), tz });
    expect([
      s.monthOver,
      s.customer.due,
      s.customer.done,
      s.customer.doneOnTime,
      s.customer.doneLate,
      s.customer.outstanding,
    ]).toEqual([true, 3, 2, 1, 1, 1]);
    expect([s.customer.satisfaction, s.customer.byChannel.phone, s.customer.byChannel.wechat]).toEqual([
      0.5, 1, 1,
    ]);
    expect([s.worker.due, s.worker.doneOnTime, s.worker.satisfaction, s.worker.byChannel.visit]).toEqual([
      1, 1, 1, 1,
    ]);
  });

  it('CB-8 the month is archived with its statistics and a written summary, once it is over', () => {
    const codes = (month: string, summary: string, now: Date) =>
      monthlyArchiveProblems({ month, summary }, { now, tz }).map((i) => `${i.path} ${i.code}`);
    expect([
      codes(
        '2026-03',
        'Two customers asked for a new worker; retrain on cooking.',
        sh('2026-04-01', '00:00'),
      ),
      codes('2026-03', ' ', sh('2026-03-31', '23:59')),
    ]).toEqual([[], ['/month MONTH_NOT_OVER', '/summary SUMMARY_REQUIRED']]);
  });
});
