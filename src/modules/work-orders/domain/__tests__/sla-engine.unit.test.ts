import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import type { PartWait, SlaFacts } from '../sla/sla-engine.ts';
import { deadlineAfter, evaluateSla } from '../sla/sla-engine.ts';
import { mergeIntervals, totalMs } from '../sla/intervals.ts';
import type { SlaPolicies } from '../sla/sla-rules.ts';
import { selectSlaRule } from '../sla/sla-rules.ts';

const H = 3_600_000;
const policies: SlaPolicies = {
  standard: { value: defaultPolicyValue('wo.sla.standard'), version: 1 },
  allTiers: { value: defaultPolicyValue('wo.sla.all_tiers'), version: 1 },
  pickup: { value: defaultPolicyValue('wo.sla.pickup'), version: 1 },
  mallReturn: { value: defaultPolicyValue('wo.sla.mall_return'), version: 1 },
  jjwxDays: { value: defaultPolicyValue('wo.sla.jjwx_days'), version: 1 },
  warningShare: { value: defaultPolicyValue('wo.sla.warning_share'), version: 1 },
};
const t0 = new Date('2026-11-02T01:00:00Z');
const at = (hours: number) => new Date(t0.getTime() + hours * H);

const facts = (over: Partial<SlaFacts> = {}): SlaFacts => ({
  orderType: 'repair',
  categoryCode: 'air_conditioner',
  serviceMode: 'on_site',
  channel: 'hotline',
  outletTier: 1,
  actualMeasurePickup: false,
  createdAt: t0,
  customerRequestedAt: null,
  closedAt: null,
  partWaits: [],
  ...over,
});

const allowedHours = (over: Partial<SlaFacts>) => {
  const r = selectSlaRule(facts(over), policies);
  return r.applies ? [r.decision.rule, r.decision.allowedHours] : [null, r.reason];
};

const wait = (
  partName: string,
  from: number,
  to: number | null,
  field: 'station' | 'shelf' = 'station',
): PartWait => ({
  partName,
  shippedBy: 'division',
  appliedAt: at(from),
  stationArrivalAt: to !== null && field === 'station' ? at(to) : null,
  shelfOffAt: to !== null && field === 'shelf' ? at(to) : null,
});

describe('SLA table (WO-7)', () => {
  it('WO-7.1 install and repair of AC, washer, dishwasher, water heater: 48 h in tiers 1–2, 72 h in tiers 3–4', () => {
    for (const categoryCode of ['air_conditioner', 'washing_machine', 'dishwasher', 'water_heater']) {
      for (const orderType of ['install', 'repair'] as const) {
        expect(allowedHours({ categoryCode, orderType, outletTier: 1 })).toEqual(['WO-7.1', 48]);
        expect(allowedHours({ categoryCode, orderType, outletTier: 2 })).toEqual(['WO-7.1', 48]);
        expect(allowedHours({ categoryCode, orderType, outletTier: 3 })).toEqual(['WO-7.1', 72]);
        expect(allowedHours({ categoryCode, orderType, outletTier: 4 })).toEqual(['WO-7.1', 72]);
      }
    }
  });

  it('WO-7.1 the tier is the outlet’s region’s: no outlet yet means no deadline yet', () => {
    expect(allowedHours({ outletTier: null })).toEqual([null, 'no_outlet_yet']);
  });

  it('WO-7.1 a change of outlet re-evaluates the tier and moves the deadline', () => {
    const tier1 = evaluateSla(facts({ outletTier: 1 }), policies, at(1));
    const tier3 = evaluateSla(facts({ outletTier: 3 }), policies, at(1));
    expect(tier1.deadline).toEqual(at(48));
    expect(tier3.deadline).toEqual(at(72));
  });

  it('WO-7.2 televisions and refrigerators: 96 h in every tier', () => {
    for (const categoryCode of ['television', 'refrigerator']) {
      for (const outletTier of [1, 2, 3, 4] as const) {
        expect(allowedHours({ categoryCode, outletTier, orderType: 'install' })).toEqual(['WO-7.2', 96]);
      }
    }
  });

  it('WO-7.3 repairs in a pick-up mode: 72 h, refrigerator 120 h, television 96 h', () => {
    for (const serviceMode of [
      'pickup_one_way',
      'pickup_two_way',
      'pickup_one_way_loaner',
      'pickup_two_way_loaner',
    ] as const) {
      expect(allowedHours({ serviceMode, categoryCode: 'washing_machine' })).toEqual(['WO-7.3', 72]);
      expect(allowedHours({ serviceMode, categoryCode: 'refrigerator' })).toEqual(['WO-7.3', 120]);
      expect(allowedHours({ serviceMode, categoryCode: 'television' })).toEqual(['WO-7.3', 96]);
    }
    expect(allowedHours({ serviceMode: 'carry_in', categoryCode: 'washing_machine' })).toEqual([
      'WO-7.1',
      48,
    ]);
  });

  it('WO-7.4 returns from a shopping mall: 7 days in tiers 1–2, 15 days in tiers 3–4', () => {
    const base = { orderType: 'return_exchange' as const, channel: 'mall' as const };
    expect(allowedHours({ ...base, outletTier: 2 })).toEqual(['WO-7.4', 7 * 24]);
    expect(allowedHours({ ...base, outletTier: 3 })).toEqual(['WO-7.4', 15 * 24]);
    expect(allowedHours({ orderType: 'return_exchange', channel: 'hotline' })).toEqual([null, 'no_sla_row']);
  });

  it('WO-7.5 pick-up repair (JJWX) orders, or a pick-up actually performed: 5 days', () => {
    expect(allowedHours({ orderType: 'pickup_repair', categoryCode: 'refrigerator' })).toEqual([
      'WO-7.5',
      120,
    ]);
    expect(allowedHours({ actualMeasurePickup: true, categoryCode: 'air_conditioner' })).toEqual([
      'WO-7.5',
      120,
    ]);
  });

  it('WO-7 orders no row covers (consultation, maintenance, doors and windows) carry no SLA', () => {
    expect(allowedHours({ orderType: 'consultation' })).toEqual([null, 'no_sla_row']);
    expect(allowedHours({ orderType: 'maintenance' })).toEqual([null, 'no_sla_row']);
    expect(allowedHours({ categoryCode: 'door', orderType: 'install' })).toEqual([null, 'no_sla_row']);
    expect(evaluateSla(facts({ orderType: 'consultation' }), policies, at(1)).state).toBe('none');
  });

  it('WO-7 the clock starts at the later of creation and the customer’s requested time', () => {
    const later = evaluateSla(facts({ customerRequestedAt: at(30) }), policies, at(31));
    expect(later.startReason).toBe('requested');
    expect(later.deadline).toEqual(at(30 + 48));
    const earlier = evaluateSla(facts({ customerRequestedAt: at(-5) }), policies, at(1));
    expect(earlier.startReason).toBe('created');
    expect(earlier.deadline).toEqual(at(48));
  });

  it('WO-7 states: on track, warning at the policy share, breached after the deadline, met or breached when closed', () => {
    expect(evaluateSla(facts(), policies, at(10)).state).toBe('on_track');
    expect(evaluateSla(facts(), policies, at(36)).state).toBe('warning');
    expect(evaluateSla(facts(), policies, at(49)).state).toBe('breached');
    expect(evaluateSla(facts({ closedAt: at(47) }), policies, at(100)).state).toBe('met');
    expect(evaluateSla(facts({ closedAt: at(50) }), policies, at(100)).state).toBe('breached');
  });

  it('WO-7.6 deducts parts transit time, from application to station arrival', () => {
    const e = evaluateSla(
      facts({ closedAt: at(70), partWaits: [wait('压缩机', 10, 36)] }),
      policies,
      at(100),
    );
    expect(e.deductedMs).toBe(26 * H);
    expect(e.assessedMs).toBe(44 * H);
    expect(e.state).toBe('met');
    expect(e.deadline).toEqual(at(48 + 26));
    expect(e.deductions).toEqual([
      { from: at(10), to: at(36), ms: 26 * H, parts: ['压缩机'], endSource: 'station_arrival' },
    ]);
  });

  it('WO-7.6 uses the division shelf-off time when the station arrival is unknown', () => {
    const e = evaluateSla(
      facts({ closedAt: at(60), partWaits: [wait('电脑板', 5, 20, 'shelf')] }),
      policies,
      at(100),
    );
    expect(e.deductedMs).toBe(15 * H);
    expect(e.deductions[0]?.endSource).toBe('shelf_off');
  });

  it('WO-7.6 overlapping waits for several parts count once', () => {
    const e = evaluateSla(
      facts({
        closedAt: at(80),
        partWaits: [wait('压缩机', 10, 30), wait('电容', 20, 40), wait('电机', 50, 55)],
      }),
      policies,
      at(100),
    );
    expect(e.deductedMs).toBe((30 + 5) * H);
    expect(e.deductions.map((d) => d.parts)).toEqual([['压缩机', '电容'], ['电机']]);
  });

  it('WO-7.6 outlet-stock parts do not pause the clock; an open division wait pauses it (grey, with the part named)', () => {
    const own: PartWait = { ...wait('滤网', 2, 10), shippedBy: 'outlet_stock' };
    expect(evaluateSla(facts({ partWaits: [own] }), policies, at(20)).deductedMs).toBe(0);
    const open = evaluateSla(facts({ partWaits: [wait('压缩机', 10, null)] }), policies, at(40));
    expect(open.state).toBe('paused');
    expect(open.openWaits).toEqual(['压缩机']);
    expect(open.assessedMs).toBe(10 * H);
  });

  it('WO-7.6 a part that reached the outlet with neither station nor shelf-off time ends the pause, uncredited', () => {
    const arrived: PartWait = { ...wait('压缩机', 10, null), arrivedAtOutletAt: at(30) };
    const e = evaluateSla(facts({ partWaits: [arrived] }), policies, at(40));
    expect(e.state).not.toBe('paused');
    expect(e.openWaits).toEqual([]);
    expect(e.deductedMs).toBe(0);
    expect(e.uncreditedParts).toEqual(['压缩机']);
    expect(e.assessedMs).toBe(40 * H);
    const fitted: PartWait = { ...wait('电容', 10, null), fittedAt: at(32) };
    expect(evaluateSla(facts({ partWaits: [fitted] }), policies, at(40)).openWaits).toEqual([]);
    const credited: PartWait = { ...wait('电机', 10, 20), arrivedAtOutletAt: at(30) };
    expect(evaluateSla(facts({ partWaits: [credited] }), policies, at(40)).deductedMs).toBe(10 * H);
  });

  it('WO-7.6 a wait before the clock starts is not deducted twice', () => {
    const e = evaluateSla(
      facts({ customerRequestedAt: at(20), closedAt: at(60), partWaits: [wait('门封', 10, 30)] }),
      policies,
      at(100),
    );
    expect(e.deductedMs).toBe(10 * H);
  });
});

describe('SLA interval arithmetic (property tests)', () => {
  const interval = fc
    .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 200 }))
    .map(([from, len]) => ({ from: at(from), to: at(from + len) }));

  it('WO-7.6 merging is idempotent, order-independent and never exceeds the sum of the parts', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), (xs) => {
        const merged = mergeIntervals(xs);
        expect(mergeIntervals(merged)).toEqual(merged);
        expect(mergeIntervals([...xs].reverse())).toEqual(merged);
        expect(totalMs(merged)).toBeLessThanOrEqual(totalMs(xs));
        for (let i = 1; i < merged.length; i++)
          expect(merged[i]!.from.getTime()).toBeGreaterThan(merged[i - 1]!.to.getTime());
      }),
    );
  });

  it('WO-7.6 a deadline is start + allowed + the pauses before it; adding a wait never moves it earlier', () => {
    fc.assert(
      fc.property(
        fc.array(interval, { maxLength: 8 }),
        interval,
        fc.integer({ min: 1, max: 200 }),
        (xs, extra, hours) => {
          const d = deadlineAfter(t0, hours * H, xs);
          const paused = totalMs(
            mergeIntervals(
              xs.map((x) => ({ from: x.from, to: new Date(Math.min(x.to.getTime(), d.getTime())) })),
            ),
          );
          expect(d.getTime()).toBe(t0.getTime() + hours * H + paused);
          expect(deadlineAfter(t0, hours * H, [...xs, extra]).getTime()).toBeGreaterThanOrEqual(d.getTime());
        },
      ),
    );
  });

  it('WO-7 assessed time never goes negative and is monotone in the closing time', () => {
    fc.assert(
      fc.property(
        fc.array(interval, { maxLength: 5 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 100 }),
        (xs, close, more) => {
          const waits = xs.map((x, i) => ({
            partName: `p${i}`,
            shippedBy: 'division' as const,
            appliedAt: x.from,
            stationArrivalAt: x.to,
            shelfOffAt: null,
          }));
          const a = evaluateSla(facts({ partWaits: waits, closedAt: at(close) }), policies, at(1000));
          const b = evaluateSla(facts({ partWaits: waits, closedAt: at(close + more) }), policies, at(1000));
          expect(a.assessedMs).toBeGreaterThanOrEqual(0);
          expect(b.assessedMs).toBeGreaterThanOrEqual(a.assessedMs);
        },
      ),
    );
  });
});

describe('SLA explanation', () => {
  it('WO-7.6 names the rule, policy version, the facts, the clock start, each parts deduction and the deadline', async () => {
    const { explainSla } = await import('../sla/sla-explain.ts');
    const f = facts({
      serviceMode: 'pickup_two_way',
      categoryCode: 'refrigerator',
      outletTier: 3,
      customerRequestedAt: at(1),
      partWaits: [wait('压缩机', 10, 36)],
      closedAt: at(100),
    });
    const e = evaluateSla(f, policies, at(200));
    const zh = explainSla(e, f, '冰箱', 'zh-CN', 'Asia/Shanghai');
    expect(zh).toContain('考核时限 5 天（WO-7.3，制度 wo.sla.pickup 第 1 版）：维修 · 双程拉送 · 冰箱');
    expect(zh).toContain('起算：用户要求时间 11-02 10:00');
    expect(zh).toContain('扣除配件在途 1 天 2 小时：压缩机 11-02 19:00 → 11-03 21:00（过站时间）');
    const en = explainSla(e, f, 'Refrigerator', 'en-US', 'Asia/Shanghai');
    expect(en).toContain('(WO-7.3, policy wo.sla.pickup v1): repair, two-way pick-up, Refrigerator.');
    expect(en).toContain('Minus 1 d 2 h parts in transit');
  });
});
