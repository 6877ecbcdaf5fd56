import { describe, expect, it } from 'vitest';
import { atBusinessTime } from '../../../../platform/time.ts';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import type { BacklogOrderFacts } from '../monitoring.ts';
import { backlogReport } from '../monitoring.ts';

const tz = 'Asia/Shanghai';
const sh = (date: string, time: string) => atBusinessTime(date, time, tz);
const policy = {
  ageThresholdsDays: defaultPolicyValue('wo.backlog.age_thresholds_days'),
  resolveWithinDays: defaultPolicyValue('wo.backlog.resolve_within_days'),
};
const DAY = 86_400_000;

const order = (
  orderId: string,
  createdAt: Date,
  over: Partial<BacklogOrderFacts> = {},
): BacklogOrderFacts => ({
  orderId,
  outletId: 'o1',
  status: 'assigned',
  createdAt,
  customerRequestedAt: null,
  categoryCode: 'air_conditioner',
  people: { dispatcherId: 'disp', engineerId: 'eng', productSupervisorId: 'sup', managerId: 'mgr' },
  escalatedTo: null,
  ...over,
});

describe('backlog (WO-10)', () => {
  const now = sh('2026-03-24', '08:00');
  const orders = [
    order('exactly-2d', sh('2026-03-22', '08:00')),
    order('just-over-2d', sh('2026-03-22', '07:59')),
    order('over-3d', sh('2026-03-21', '07:00')),
    order('week-old', sh('2026-03-19', '10:00')),
    order('overdue', sh('2026-03-19', '07:00')),
    order('asked-for-later', sh('2026-03-18', '10:00'), { customerRequestedAt: sh('2026-03-23', '09:00') }),
    order('closed', sh('2026-03-10', '10:00'), { status: 'closed' }),
    order('call-center', sh('2026-03-10', '10:00'), { status: 'created', outletId: null }),
    order('other-outlet', sh('2026-03-20', '10:00'), { outletId: 'o2', escalatedTo: 'manager' }),
  ];

  it('WO-10 lists open orders older than 2 and 3 days (elapsed from the clock start), with the owner and escalation', () => {
    const r = backlogReport(orders, policy, { now, tz });
    expect(r.date).toBe('2026-03-24');
    expect(r.items.map((i) => [i.orderId, i.overDays, i.escalation, i.responsibleId, i.overdue])).toEqual([
      ['overdue', 3, 'manager', 'mgr', true],
      ['week-old', 3, 'manager', 'mgr', false],
      ['other-outlet', 3, 'manager', 'mgr', false],
      ['over-3d', 3, 'product_supervisor', 'sup', false],
      ['just-over-2d', 2, 'dispatcher', 'disp', false],
    ]);
    const weekOld = r.items.find((i) => i.orderId === 'week-old');
    expect([weekOld?.backlogSince, weekOld?.resolveBy, weekOld?.engineerId]).toEqual([
      sh('2026-03-21', '10:00'),
      sh('2026-03-24', '10:00'),
      'eng',
    ]);
  });

  it('WO-10 per outlet, an order over 3 days also counts as over 2 days; overdue ones are counted', () => {
    const r = backlogReport(orders, policy, { now, tz });
    expect(r.byOutlet.map((o) => [o.outletId, o.counts, o.overdue])).toEqual([
      [
        'o1',
        [
          { overDays: 2, count: 4 },
          { overDays: 3, count: 3 },
        ],
        1,
      ],
      [
        'o2',
        [
          { overDays: 2, count: 1 },
          { overDays: 3, count: 1 },
        ],
        0,
      ],
    ]);
  });

  it('WO-10 the same-day ladder runs on business dates: dispatcher until Shanghai midnight, then the product supervisor', () => {
    const enteredAt = sh('2026-03-23', '23:00');
    const o = [order('late', new Date(enteredAt.getTime() - 2 * DAY))];
    const at2359 = backlogReport(o, policy, { now: new Date('2026-03-23T15:59:00Z'), tz });
    const at0000 = backlogReport(o, policy, { now: new Date('2026-03-23T16:00:00Z'), tz });
    expect(at2359.items[0]?.escalation).toBe('dispatcher');
    expect(at0000.items[0]?.escalation).toBe('product_supervisor');
  });

  it('WO-10 a recorded escalation is never lowered; missing people are reported as null', () => {
    const o = order('escalated', sh('2026-03-22', '07:00'), {
      escalatedTo: 'product_supervisor',
      people: { dispatcherId: 'disp', engineerId: null, productSupervisorId: null, managerId: 'mgr' },
    });
    const r = backlogReport([o], policy, { now, tz });
    expect(r.items.map((i) => [i.escalation, i.responsibleId, i.engineerId])).toEqual([
      ['product_supervisor', null, null],
    ]);
  });

  it('WO-10 thresholds and limits come from policy; malformed ones are programmer errors', () => {
    const r = backlogReport(orders, { ageThresholdsDays: [5], resolveWithinDays: 1 }, { now, tz });
    // 'week-old' is 4 d 22 h old: not over 5 days.
    expect(r.items.map((i) => [i.orderId, i.overdue])).toEqual([['overdue', false]]);
    expect(() => backlogReport([], { ageThresholdsDays: [3, 2], resolveWithinDays: 3 }, { now, tz })).toThrow(
      /ascending/,
    );
    expect(() => backlogReport([], { ageThresholdsDays: [], resolveWithinDays: 3 }, { now, tz })).toThrow(
      /empty/,
    );
  });
});
