import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { SixFirstsFacts } from '../monitoring.ts';
import { median, orderSixFirsts, outletSixFirsts, percentile } from '../monitoring.ts';

const t0 = new Date('2026-03-24T00:00:00Z');
const MIN = 60_000;
const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);

const facts = (over: Partial<SixFirstsFacts> = {}): SixFirstsFacts => ({
  orderId: 'w1',
  outletId: 'o1',
  createdAt: at(0),
  customerRequestedAt: at(60),
  dispatchedAt: at(5),
  acceptedAt: at(20),
  firstContactAt: at(50),
  firstVisitAt: at(180),
  firstPartRequestAt: at(240),
  backlogEnteredAt: null,
  backlogClearedAt: null,
  completedAt: at(300),
  closedAt: at(420),
  ...over,
});

describe('six firsts (WO-14)', () => {
  it('WO-14 each step’s latency runs from the event that makes it possible', () => {
    const r = orderSixFirsts(facts(), at(500));
    expect(r.steps.map((s) => [s.step, s.state, s.latencyMs === null ? null : s.latencyMs / MIN])).toEqual([
      ['accept', 'done', 15],
      ['contact', 'done', 30],
      ['visit', 'done', 120], // from the customer's requested time, not creation
      ['request_parts', 'done', 60],
      ['clear_backlog', 'not_applicable', null],
      ['close', 'done', 120],
    ]);
  });

  it('WO-14 open steps report how long they have waited; an early visit counts as 0', () => {
    const r = orderSixFirsts(
      facts({
        firstContactAt: null,
        firstVisitAt: at(30),
        firstPartRequestAt: null,
        completedAt: null,
        closedAt: null,
      }),
      at(100),
    );
    expect(
      r.steps.map((s) => [s.step, s.state, s.latencyMs, s.elapsedMs === null ? null : s.elapsedMs / MIN]),
    ).toEqual([
      ['accept', 'done', 15 * MIN, null],
      ['contact', 'pending', null, 80],
      ['visit', 'done', 0, null],
      ['request_parts', 'not_applicable', null, null],
      ['clear_backlog', 'not_applicable', null, null],
      ['close', 'not_applicable', null, null],
    ]);
  });

  it('WO-14 per outlet: median and p90 of completed latencies, pending counted apart', () => {
    const orders = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((m, i) =>
      orderSixFirsts(facts({ orderId: `w${i}`, acceptedAt: at(5 + m) }), at(1000)),
    );
    orders.push(
      orderSixFirsts(
        facts({ orderId: 'pending', acceptedAt: null, firstContactAt: null, closedAt: null }),
        at(1000),
      ),
    );
    orders.push(orderSixFirsts(facts({ orderId: 'x', outletId: 'o2' }), at(1000)));
    const stats = outletSixFirsts(orders);
    expect(stats.map((s) => s.outletId)).toEqual(['o1', 'o2']);
    const accept = stats[0]?.steps.find((s) => s.step === 'accept');
    expect(accept).toEqual({ step: 'accept', count: 10, pending: 1, medianMs: 55 * MIN, p90Ms: 90 * MIN });
    expect(stats[1]?.steps.find((s) => s.step === 'accept')).toEqual({
      step: 'accept',
      count: 1,
      pending: 0,
      medianMs: 15 * MIN,
      p90Ms: 15 * MIN,
    });
  });

  it('WO-14 (property) the median and p90 are within the data, ordered, and p90 is an observation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 * 86_400_000 }), { minLength: 1, maxLength: 200 }),
        (values) => {
          const sorted = [...values].sort((a, b) => a - b);
          const m = median(sorted) ?? -1;
          const p90 = percentile(sorted, 90) ?? -1;
          const min = sorted[0] ?? 0;
          const max = sorted.at(-1) ?? 0;
          expect(m).toBeGreaterThanOrEqual(min);
          expect(p90).toBeLessThanOrEqual(max);
          expect(m).toBeLessThanOrEqual(p90);
          expect(sorted).toContain(p90);
          expect(sorted.filter((v) => v <= p90).length / sorted.length).toBeGreaterThanOrEqual(0.9);
        },
      ),
    );
    expect(median([])).toBeNull();
    expect(() => percentile([1], 0)).toThrow(/percentile/);
  });
});
