import { describe, expect, it } from 'vitest';
import { atBusinessTime } from '../../../../platform/time.ts';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import type { DealerCallbackFact, DealerMonthFacts } from '../dealer-callbacks.ts';
import {
  dealerCallbackReport,
  dealerCallbackSchedule,
  monthlyTierAssignment,
  tierRunStart,
} from '../dealer-callbacks.ts';

const tz = 'Asia/Shanghai';
const sh = (date: string, time: string) => atBusinessTime(date, time, tz);
const policy = defaultPolicyValue('cb.dealer.tiers');
const periods = (tier: 'A' | 'B' | 'C', anchorDate: string, month: string) => {
  const s = dealerCallbackSchedule({ tier, anchorDate }, month, policy);
  return s.calledBack ? s.periods.map((p) => `${p.startDate}..${p.dueDate}`) : s.code;
};

describe('dealer callbacks (CB-7)', () => {
  it('CB-7 gold dealers are called back every two weeks from the start of their gold run', () => {
    expect([
      periods('A', '2026-03-01', '2026-03'),
      periods('A', '2026-03-01', '2026-04'),
      periods('A', '2026-03-01', '2026-02'),
      periods('A', '2025-01-01', '2026-03'),
    ]).toEqual([
      ['2026-03-01..2026-03-14', '2026-03-15..2026-03-28'],
      ['2026-03-29..2026-04-11', '2026-04-12..2026-04-25'],
      [],
      // 2025-01-01 + 30 × 14 days = 2026-02-25.
      ['2026-02-25..2026-03-10', '2026-03-11..2026-03-24'],
    ]);
  });

  it('CB-7 medium dealers monthly, blacklisted dealers never', () => {
    expect([
      periods('B', '2026-01-01', '2026-03'),
      periods('B', '2026-03-01', '2026-03'),
      periods('B', '2026-04-01', '2026-03'),
      periods('C', '2026-01-01', '2026-03'),
    ]).toEqual([['2026-03-01..2026-03-31'], ['2026-03-01..2026-03-31'], [], 'BLACKLIST_NOT_CALLED_BACK']);
    const everyTwo = {
      ...policy,
      medium: { ...policy.medium, interval: { every: 2, unit: 'months' as const } },
    };
    const two = (month: string) => {
      const s = dealerCallbackSchedule({ tier: 'B', anchorDate: '2026-01-01' }, month, everyTwo);
      return s.periods.map((p) => `${p.startDate}..${p.dueDate}`);
    };
    expect([two('2026-01'), two('2026-02'), two('2026-03'), two('2026-04')]).toEqual([
      [],
      ['2026-01-01..2026-02-28'],
      [],
      ['2026-03-01..2026-04-30'],
    ]);
  });

  it('CB-7 the run of the tier in force gives the anchor', () => {
    const history = [
      { month: '2026-01', tier: 'B' as const },
      { month: '2026-02', tier: 'A' as const },
      { month: '2026-03', tier: 'A' as const },
      { month: '2026-06', tier: 'C' as const },
    ];
    expect([
      tierRunStart(history, '2026-04'),
      tierRunStart(history, '2026-01'),
      tierRunStart(history, '2026-06'),
      tierRunStart(history, '2025-12'),
    ]).toEqual(['2026-02-01', '2026-01-01', '2026-06-01', undefined]);
  });

  it('CB-7 callback rate and satisfaction per tier against 100% / ≥ 93% (A) and 98% / ≥ 90% (B)', () => {
    const dealers: DealerMonthFacts[] = [
      { dealerId: 'g1', tier: 'A', anchorDate: '2026-03-01' },
      { dealerId: 'g2', tier: 'A', anchorDate: '2026-03-01' },
      ...Array.from({ length: 50 }, (_, i) => ({
        dealerId: `m${i}`,
        tier: 'B' as const,
        anchorDate: '2026-01-01',
      })),
      { dealerId: 'c1', tier: 'C', anchorDate: '2026-01-01' },
    ];
    const cb = (
      dealerId: string,
      date: string,
      satisfied: boolean | null,
      answered = true,
    ): DealerCallbackFact => ({
      dealerId,
      at: sh(date, '10:00'),
      answered,
      satisfied,
    });
    const callbacks = [
      cb('g1', '2026-03-05', true),
      cb('g1', '2026-03-20', true),
      cb('g2', '2026-03-06', false),
      cb('g2', '2026-03-27', null, false),
      // 49 of 50 medium dealers reached; 45 of them satisfied.
      ...Array.from({ length: 49 }, (_, i) => cb(`m${i}`, '2026-03-10', i < 45)),
      cb('c1', '2026-03-12', null),
    ];
    const r = dealerCallbackReport('2026-03', dealers, callbacks, policy, {
      now: sh('2026-04-02', '09:00'),
      tz,
    });
    const [gold, medium] = r.tiers;
    expect([
      gold.periodsDue,
      gold.periodsCovered,
      gold.callbackRate,
      gold.meetsCallbackTarget,
      gold.satisfaction,
      gold.meetsSatisfactionTarget,
      gold.missed,
    ]).toEqual([
      4,
      3,
      0.75,
      false,
      2 / 3,
      false,
      [{ dealerId: 'g2', startDate: '2026-03-15', dueDate: '2026-03-28' }],
    ]);
    expect([
      medium.periodsDue,
      medium.periodsCovered,
      medium.callbackRate,
      medium.targetCallbackRate,
      medium.meetsCallbackTarget,
      medium.satisfaction,
      medium.minSatisfaction,
      medium.meetsSatisfactionTarget,
    ]).toEqual([50, 49, 0.98, 0.98, true, 45 / 49, 0.9, true]);
    expect([r.asOf, r.blacklist]).toEqual(['2026-03-31', { tier: 'C', dealers: 1, callbacksMade: 1 }]);

    const midMonth = dealerCallbackReport('2026-03', dealers, callbacks, policy, {
      now: sh('2026-03-20', '09:00'),
      tz,
    });
    expect([
      midMonth.asOf,
      midMonth.tiers[0].periodsDue,
      midMonth.tiers[0].callbackRate,
      midMonth.tiers[1].callbackRate,
    ]).toEqual(['2026-03-20', 2, 1, null]);
  });

  it('CB-7 the monthly assignment names gold and blacklist dealers with reasons; everyone else is medium', () => {
    const dealers = [
      { dealerId: 'd1', tierInForce: 'B' as const },
      { dealerId: 'd2', tierInForce: 'A' as const },
      { dealerId: 'd3', tierInForce: null },
      { dealerId: 'd4', tierInForce: 'C' as const },
    ];
    const r = monthlyTierAssignment(
      {
        month: '2026-03',
        agreedWith: '营销中心总监 王',
        gold: [{ dealerId: 'd1', reason: 'Top sales, no open complaints' }],
        blacklist: [{ dealerId: 'd4', reason: 'Unpaid returns' }],
      },
      dealers,
      { currentMonth: '2026-03' },
    );
    expect(r.ok ? r.decisions.map((d) => [d.dealerId, d.tier, d.reasonCode, d.changed]) : r.issues).toEqual([
      ['d1', 'A', 'NAMED_GOLD', true],
      ['d2', 'B', 'NOT_NAMED_MEDIUM', true],
      ['d3', 'B', 'NOT_NAMED_MEDIUM', true],
      ['d4', 'C', 'NAMED_BLACKLIST', false],
    ]);
    expect(r.ok ? r.decisions[1]?.reason : null).toBe('Neither gold nor blacklist for 2026-03: medium.');

    const bad = monthlyTierAssignment(
      {
        month: '2026-04',
        gold: [
          { dealerId: 'd1', reason: 'ok' },
          { dealerId: 'd1', reason: 'again' },
          { dealerId: 'dx', reason: 'unknown' },
          { dealerId: 'd2', reason: ' ' },
        ],
        blacklist: [{ dealerId: 'd2', reason: 'both' }],
      },
      dealers,
      { currentMonth: '2026-03' },
    );
    expect(bad.ok ? [] : bad.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      '/month MONTH_NOT_BEGUN',
      '/agreedWith REQUIRED',
      '/gold/1/dealerId DUPLICATE_DEALER',
      '/gold/2/dealerId UNKNOWN_DEALER',
      '/gold/3/reason REASON_REQUIRED',
      '/blacklist/0/dealerId IN_BOTH_LISTS',
    ]);
  });
});
