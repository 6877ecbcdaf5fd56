import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, atBusinessTime, businessDate } from '../../../../platform/time.ts';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import type { ClearanceTask, CompletedOrderFacts } from '../callback-tasks.ts';
import {
  checkCompletionEntry,
  monthEndClearance,
  planCallbackTask,
  samplingDraw,
} from '../callback-tasks.ts';

const tz = 'Asia/Shanghai';
const sh = (date: string, time: string) => atBusinessTime(date, time, tz);
const policy = {
  samplingRateByGrade: defaultPolicyValue('cb.sampling.rate_by_grade'),
  highValueThresholdFen: defaultPolicyValue('cb.high_value.threshold_fen'),
  highValueCallbackCount: defaultPolicyValue('cb.high_value.callback_count'),
  dueDays: defaultPolicyValue('cb.callback.due_days'),
  completionEntryMaxHours: defaultPolicyValue('cb.completion_entry.max_hours'),
};
const ctx = { tz, samplingSalt: 'salt-1' };

const order = (over: Partial<CompletedOrderFacts> = {}): CompletedOrderFacts => ({
  orderId: 'wo_0001',
  orderType: 'repair',
  outletId: 'out_1',
  outletGrade: 'B',
  completedAt: sh('2026-03-24', '10:00'),
  completionEnteredAt: sh('2026-03-24', '11:00'),
  settlementValueFen: 5_000,
  ...over,
});
const plan = (o: CompletedOrderFacts, p = policy) => {
  const r = planCallbackTask(o, p, ctx);
  if (!r.needed) throw new Error(r.message);
  return r.plan;
};

describe('callback tasks (CB-2, CB-3)', () => {
  it('CB-2 every completed order gets a task: HQ calls the sampled ones, the outlet the rest', () => {
    const all = { a: 1, b: 1, c: 1, d: 1 };
    const none = { a: 0, b: 0, c: 0, d: 0 };
    expect(
      [all, none].map((samplingRateByGrade) => {
        const p = plan(order(), { ...policy, samplingRateByGrade });
        return [p.caller, p.reason, p.rounds];
      }),
    ).toEqual([
      ['call_center', 'SAMPLED', 1],
      ['outlet', 'NOT_SAMPLED', 1],
    ]);
  });

  it('CB-2 sampling is by outlet grade and reproducible from the order id; an ungraded outlet is sampled as D', () => {
    const rates = { a: 0, b: 0, c: 0, d: 1 };
    const byGrade = (['A', 'B', 'C', 'D', null] as const).map(
      (outletGrade) => plan(order({ outletGrade }), { ...policy, samplingRateByGrade: rates }).sampling,
    );
    expect(byGrade.map((s) => [s.grade, s.rate, s.sampled])).toEqual([
      ['A', 0, false],
      ['B', 0, false],
      ['C', 0, false],
      ['D', 1, true],
      ['D', 1, true],
    ]);
    const p = plan(order());
    expect(p.sampling.draw).toBe(samplingDraw('wo_0001', 'salt-1'));
    expect(p.sampling.sampled).toBe(p.sampling.draw < policy.samplingRateByGrade.b);
    expect(plan(order()).sampling.draw).toBe(p.sampling.draw);
    expect(samplingDraw('wo_0001', 'salt-2')).not.toBe(p.sampling.draw);
  });

  it('CB-2 the sampled share of many orders matches the grade rate (±2 points), and a higher rate keeps every order a lower one took', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `wo_2026${String(i).padStart(6, '0')}`);
    const draws = ids.map((id) => samplingDraw(id, 'secret'));
    for (const rate of [0.2, 0.3, 0.5]) {
      const share = draws.filter((d) => d < rate).length / draws.length;
      expect(Math.abs(share - rate), `rate ${rate}`).toBeLessThan(0.02);
    }
    fc.assert(
      fc.property(fc.string(), fc.string(), (id, salt) => {
        const draw = samplingDraw(id, salt);
        expect(draw >= 0 && draw < 1).toBe(true);
        expect(samplingDraw(id, salt)).toBe(draw);
      }),
    );
  });

  it('CB-3 the due time is always the entry time the policy’s dates later (property, also across DST)', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2020-01-01T00:00:00Z'),
          max: new Date('2030-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('Asia/Shanghai', 'America/New_York'),
        (entered, dueDays, zone) => {
          const r = planCallbackTask(
            order({ completionEnteredAt: entered }),
            { ...policy, dueDays },
            { tz: zone, samplingSalt: '' },
          );
          if (!r.needed) throw new Error('expected a task');
          expect(businessDate(r.plan.dueAt, zone)).toBe(
            addCalendarDays(businessDate(entered, zone), dueDays),
          );
          const elapsedHours = (r.plan.dueAt.getTime() - entered.getTime()) / 3_600_000;
          if (zone === 'Asia/Shanghai') expect(elapsedHours).toBe(dueDays * 24);
          else expect(Math.abs(elapsedHours - dueDays * 24)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('CB-2 high-value orders (≥ threshold) are always HQ callbacks, called back the policy number of times', () => {
    const rates = { a: 0, b: 0, c: 0, d: 0 };
    const at = (fen: number) => {
      const p = plan(order({ settlementValueFen: fen }), { ...policy, samplingRateByGrade: rates });
      return [p.highValue, p.caller, p.reason, p.rounds];
    };
    expect([at(19_999), at(20_000), at(1_000_000)]).toEqual([
      [false, 'outlet', 'NOT_SAMPLED', 1],
      [true, 'call_center', 'HIGH_VALUE', 2],
      [true, 'call_center', 'HIGH_VALUE', 2],
    ]);
  });

  it('CB-3 the callback is due 3 days (same wall time) after the completion entry; the task belongs to the entry month', () => {
    const entered = new Date(sh('2026-03-24', '11:00').getTime() + 30_500);
    const p = plan(order({ completionEnteredAt: entered }));
    expect(p.dueAt).toEqual(new Date(sh('2026-03-27', '11:00').getTime() + 30_500));
    expect(plan(order({ completionEnteredAt: sh('2026-03-31', '23:30') })).month).toBe('2026-03');
    expect(plan(order({ completionEnteredAt: sh('2026-04-01', '00:30') })).month).toBe('2026-04');
  });

  it('CB-3 a completion entered more than 72 h after the work is flagged late', () => {
    const done = sh('2026-03-20', '09:00');
    const onTime = checkCompletionEntry(done, sh('2026-03-23', '09:00'), 72);
    const late = checkCompletionEntry(done, new Date(sh('2026-03-23', '09:00').getTime() + 1_000), 72);
    expect([onTime.late, onTime.code, onTime.lateByMs, onTime.limitAt]).toEqual([
      false,
      null,
      0,
      sh('2026-03-23', '09:00'),
    ]);
    expect([late.late, late.code, late.lateByMs, late.message]).toEqual([
      true,
      'COMPLETION_ENTERED_LATE',
      1_000,
      'The completion was entered 1 h after the 72 h limit; enter completions as soon as the work is done.',
    ]);
    expect(
      plan(order({ completedAt: done, completionEnteredAt: sh('2026-03-24', '11:00') })).lateEntry.late,
    ).toBe(true);
  });

  it('CB-2 an order no outlet served needs no callback task', () => {
    expect(planCallbackTask(order({ outletId: null, orderType: 'consultation' }), policy, ctx)).toEqual({
      needed: false,
      code: 'NO_OUTLET_SERVICE',
      message: 'No outlet served this order, so there is no service to verify or settle.',
    });
  });
});

describe('month-end clearance 月清月毕 (CB-2)', () => {
  const task = (
    taskId: string,
    entered: Date,
    dueAt: Date,
    finishedAt: Date | null,
    outletId = 'out_1',
  ): ClearanceTask => ({
    taskId,
    orderId: `wo_${taskId}`,
    outletId,
    caller: 'call_center',
    completionEnteredAt: entered,
    dueAt,
    finishedAt,
  });
  const tasks = [
    task('t1', sh('2026-03-10', '10:00'), sh('2026-03-13', '10:00'), sh('2026-03-12', '10:00')),
    task('t2', sh('2026-03-30', '10:00'), sh('2026-04-02', '10:00'), sh('2026-04-01', '09:00')),
    task('t3', sh('2026-03-29', '09:00'), sh('2026-04-01', '09:00'), null, 'out_2'),
    task('t4', sh('2026-03-31', '20:00'), sh('2026-04-03', '20:00'), null),
    task('t5', sh('2026-03-05', '09:00'), sh('2026-03-08', '09:00'), null),
    task('t6', sh('2026-04-01', '00:00'), sh('2026-04-04', '00:00'), null),
  ];

  it('CB-2 lists the month’s tasks still open, overdue first, and counts what was cleared within the month', () => {
    const r = monthEndClearance(tasks, '2026-03', { now: sh('2026-04-02', '10:00'), tz });
    expect(r.open.map((t) => [t.taskId, t.overdue, t.dueAfterMonthEnd])).toEqual([
      ['t5', true, false],
      ['t3', true, true],
      ['t4', false, true],
    ]);
    expect([r.total, r.clearedInMonth, r.clearedLate, r.clearedShare, r.monthOver, r.lastDate]).toEqual([
      5,
      1,
      1,
      0.2,
      true,
      '2026-03-31',
    ]);
    expect(r.endsAt).toEqual(sh('2026-04-01', '00:00'));
    expect(r.byOutlet).toEqual([
      { outletId: 'out_1', total: 4, open: 2, overdue: 1 },
      { outletId: 'out_2', total: 1, open: 1, overdue: 1 },
    ]);
  });

  it('CB-2 during the month a task finished later than now still counts as open', () => {
    const r = monthEndClearance(tasks, '2026-03', { now: sh('2026-03-11', '12:00'), tz });
    expect(r.monthOver).toBe(false);
    expect(r.open.map((t) => t.taskId)).toContain('t1');
    expect(monthEndClearance([], '2026-02', { now: sh('2026-03-11', '12:00'), tz }).clearedShare).toBeNull();
  });
});
