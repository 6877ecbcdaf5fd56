import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ReportFacts, ReportTask } from '../domain/callback-reports.ts';
import { callbackReport, monthRange, percentile } from '../domain/callback-reports.ts';

const at = (iso: string) => new Date(iso);
const task = (id: string, over: Partial<ReportTask> = {}): ReportTask => ({
  id,
  outletId: 'out_a',
  month: '2026-10',
  status: 'open',
  verdict: null,
  completionEnteredAt: at('2026-10-05T02:00:00Z'),
  finalAt: null,
  ...over,
});
const none: ReportFacts = { tasks: [], attempts: [], verdicts: [], appeals: [] };

describe('callback reports', () => {
  it('CB-2 callback rate: tasks with a verdict or given up as unreachable, of all tasks of the month', () => {
    const facts: ReportFacts = {
      ...none,
      tasks: [
        task('t1', { status: 'judged', verdict: 'qualified' }),
        task('t2', { status: 'unreachable' }),
        task('t3'),
        task('t4', { status: 'open' }),
        // Another month and another outlet.
        task('t5', { month: '2026-11', status: 'judged', verdict: 'untrue' }),
        task('t6', { outletId: 'out_b', status: 'judged', verdict: 'qualified' }),
      ],
      verdicts: [{ id: 'v3', taskId: 't3', round: 1, verdict: 'qualified' }],
    };
    const r = callbackReport(facts, { from: '2026-10', to: '2026-11' });
    expect(r.totals).toMatchObject({ tasks: 6, handled: 5, callbackRate: 5 / 6 });
    expect(r.months.map((m) => [m.month, m.tasks, m.handled, m.callbackRate])).toEqual([
      ['2026-10', 5, 4, 0.8],
      ['2026-11', 1, 1, 1],
    ]);
    expect(r.outlets.map((o) => [o.outletId, o.tasks, o.handled])).toEqual([
      ['out_a', 5, 4],
      ['out_b', 1, 1],
    ]);
    expect(r.outletMonths.map((c) => [c.outletId, c.month, c.tasks])).toEqual([
      ['out_a', '2026-10', 4],
      ['out_a', '2026-11', 1],
      ['out_b', '2026-10', 1],
    ]);
  });

  it('CB-2 every month of the range is in the series, empty months with null rates', () => {
    const r = callbackReport({ ...none, tasks: [task('t1')] }, { from: '2026-09', to: '2026-12' });
    expect(r.months.map((m) => [m.month, m.tasks, m.callbackRate])).toEqual([
      ['2026-09', 0, null],
      ['2026-10', 1, 0],
      ['2026-11', 0, null],
      ['2026-12', 0, null],
    ]);
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('CB-3 first-callback latency runs from the completion entry to the first call attempt (p50, p90, mean)', () => {
    const entered = at('2026-10-05T00:00:00Z');
    const tasks = [1, 2, 3, 4, 10].map((h, i) => task(`t${i}`, { completionEnteredAt: entered }));
    const attempts = [1, 2, 3, 4, 10].flatMap((h, i) => [
      { taskId: `t${i}`, at: new Date(entered.getTime() + h * 3_600_000) },
      // A later retry does not change the first call.
      { taskId: `t${i}`, at: new Date(entered.getTime() + (h + 30) * 3_600_000) },
    ]);
    // Never called: not measured. Called before the entry was saved: 0 h, not negative.
    tasks.push(task('never'), task('early', { completionEnteredAt: entered }));
    attempts.push({ taskId: 'early', at: new Date(entered.getTime() - 3_600_000) });
    const r = callbackReport({ ...none, tasks, attempts }, { from: '2026-10', to: '2026-10' });
    expect(r.totals.latency).toEqual({ measured: 6, p50Hours: 2, p90Hours: 10, meanHours: 3.33 });
    expect([percentile([], 0.5), percentile([5], 0.9), percentile([1, 2], 0.5)]).toEqual([null, 5, 1]);
  });

  it('CB-6 verdict mix counts final verdicts only', () => {
    const final = at('2026-10-12T00:00:00Z');
    const facts: ReportFacts = {
      ...none,
      tasks: [
        task('q1', { verdict: 'qualified', status: 'final', finalAt: final }),
        task('q2', { verdict: 'qualified', status: 'final', finalAt: final }),
        task('u1', { verdict: 'unqualified', status: 'final', finalAt: final }),
        task('x1', { verdict: 'untrue', status: 'final', finalAt: final }),
        // Judged, appeal window still open: not final yet.
        task('open', { verdict: 'untrue', status: 'judged' }),
      ],
    };
    expect(callbackReport(facts, { from: '2026-10', to: '2026-10' }).totals.verdicts).toEqual({
      final: 4,
      qualified: 2,
      unqualified: 1,
      untrue: 1,
      qualifiedShare: 0.5,
      unqualifiedShare: 0.25,
      untrueShare: 0.25,
    });
  });

  it('CB-3 appeal rate over non-qualified first verdicts; reversal rate over decided appeals', () => {
    const facts: ReportFacts = {
      ...none,
      tasks: ['a', 'b', 'c', 'd', 'e'].map((id) => task(id)),
      verdicts: [
        { id: 'a1', taskId: 'a', round: 1, verdict: 'qualified' },
        // b: unqualified, appealed, second callback says qualified → reversed.
        { id: 'b1', taskId: 'b', round: 1, verdict: 'unqualified' },
        { id: 'b2', taskId: 'b', round: 2, verdict: 'qualified' },
        // c: untrue, appealed, second callback confirms → decided, not reversed.
        { id: 'c1', taskId: 'c', round: 1, verdict: 'untrue' },
        { id: 'c2', taskId: 'c', round: 2, verdict: 'untrue' },
        // d: untrue, appealed, not called back yet → undecided.
        { id: 'd1', taskId: 'd', round: 1, verdict: 'untrue' },
        // e: unqualified, not appealed.
        { id: 'e1', taskId: 'e', round: 1, verdict: 'unqualified' },
      ],
      appeals: [
        { taskId: 'b', verdictId: 'b1' },
        { taskId: 'c', verdictId: 'c1' },
        { taskId: 'd', verdictId: 'd1' },
      ],
    };
    expect(callbackReport(facts, { from: '2026-10', to: '2026-10' }).totals.appeals).toEqual({
      nonQualifiedFirstVerdicts: 4,
      appealed: 3,
      appealRate: 0.75,
      decided: 2,
      reversed: 1,
      reversalRate: 0.5,
    });
  });

  it('CB-2 CB-3 CB-6 property: rates stay in [0, 1], counts add up, months and outlets sum to the totals', () => {
    const verdict = fc.constantFrom('qualified', 'unqualified', 'untrue');
    const taskArb = fc.record({
      outlet: fc.constantFrom('out_a', 'out_b', 'out_c'),
      month: fc.constantFrom('2026-09', '2026-10', '2026-11', '2026-12'),
      status: fc.constantFrom('open', 'judged', 'appealed', 'final', 'unreachable'),
      rounds: fc.array(verdict, { maxLength: 3 }),
      appealRounds: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
      final: fc.boolean(),
      attempts: fc.array(fc.integer({ min: -5, max: 500 }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(taskArb, { maxLength: 40 }), (drafts) => {
        const entered = at('2026-10-01T00:00:00Z');
        const facts: ReportFacts = { tasks: [], attempts: [], verdicts: [], appeals: [] };
        drafts.forEach((d, i) => {
          const id = `t${i}`;
          const last = d.rounds.at(-1) ?? null;
          (facts.tasks as ReportTask[]).push(
            task(id, {
              outletId: d.outlet,
              month: d.month,
              status: d.status,
              verdict: last,
              completionEnteredAt: entered,
              finalAt: d.final && last !== null ? entered : null,
            }),
          );
          d.rounds.forEach((v, r) =>
            (facts.verdicts as ReportFacts['verdicts'][number][]).push({
              id: `${id}v${r + 1}`,
              taskId: id,
              round: r + 1,
              verdict: v,
            }),
          );
          for (const r of new Set(d.appealRounds))
            if (r <= d.rounds.length)
              (facts.appeals as ReportFacts['appeals'][number][]).push({
                taskId: id,
                verdictId: `${id}v${r}`,
              });
          for (const h of d.attempts)
            (facts.attempts as ReportFacts['attempts'][number][]).push({
              taskId: id,
              at: new Date(entered.getTime() + h * 3_600_000),
            });
        });
        const r = callbackReport(facts, { from: '2026-09', to: '2026-12' });
        const groups = [r.totals, ...r.months, ...r.outlets, ...r.outletMonths];
        for (const g of groups) {
          const rates = [
            g.callbackRate,
            g.verdicts.qualifiedShare,
            g.verdicts.unqualifiedShare,
            g.verdicts.untrueShare,
            g.appeals.appealRate,
            g.appeals.reversalRate,
          ];
          for (const x of rates) if (x !== null) expect(x >= 0 && x <= 1).toBe(true);
          expect(g.handled).toBeLessThanOrEqual(g.tasks);
          expect(g.verdicts.qualified + g.verdicts.unqualified + g.verdicts.untrue).toBe(g.verdicts.final);
          if (g.verdicts.final > 0) {
            const shares =
              (g.verdicts.qualifiedShare ?? 0) +
              (g.verdicts.unqualifiedShare ?? 0) +
              (g.verdicts.untrueShare ?? 0);
            expect(Math.abs(shares - 1)).toBeLessThan(1e-9);
          }
          expect(g.appeals.appealed).toBeLessThanOrEqual(g.appeals.nonQualifiedFirstVerdicts);
          expect(g.appeals.reversed).toBeLessThanOrEqual(g.appeals.decided);
          expect(g.latency.measured).toBeLessThanOrEqual(g.tasks);
          const { p50Hours, p90Hours, meanHours } = g.latency;
          if (g.latency.measured === 0) expect([p50Hours, p90Hours, meanHours]).toEqual([null, null, null]);
          else expect((p50Hours as number) <= (p90Hours as number) && (meanHours as number) >= 0).toBe(true);
        }
        const sum = (rows: { tasks: number; handled: number }[]) => [
          rows.reduce((s, x) => s + x.tasks, 0),
          rows.reduce((s, x) => s + x.handled, 0),
        ];
        expect(sum(r.months)).toEqual([r.totals.tasks, r.totals.handled]);
        expect(sum(r.outlets)).toEqual([r.totals.tasks, r.totals.handled]);
        expect(sum(r.outletMonths)).toEqual([r.totals.tasks, r.totals.handled]);
        expect(r.totals.tasks).toBe(drafts.length);
      }),
      { numRuns: 300 },
    );
  });
});
