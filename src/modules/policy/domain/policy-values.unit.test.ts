import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { defaultPolicyValue, selectEffective, validatePolicyValue } from './policy-values.ts';
import type { PolicyVersionLike } from './policy-values.ts';

function errorsOf(key: string, value: unknown): { path: string; message: string }[] {
  const result = validatePolicyValue(key, value);
  if (result.ok) throw new Error(`expected ${key} to reject ${JSON.stringify(value)}`);
  return result.errors;
}

describe('POL-1 validatePolicyValue', () => {
  it('POL-1 accepts a changed but sensible value and returns it', () => {
    const value = {
      ...defaultPolicyValue('wo.sla.standard'),
      hoursByTier: { tier1: 36, tier2: 48, tier3: 60, tier4: 72 },
    };
    expect(validatePolicyValue('wo.sla.standard', value)).toEqual({ ok: true, value });
  });

  it('POL-1 rejects negative and fractional hours, with the path of each bad field', () => {
    const errors = errorsOf('wo.sla.standard', {
      categories: ['air_conditioner'],
      hoursByTier: { tier1: 48, tier2: 48.5, tier3: -72, tier4: 72 },
    });
    expect(errors).toEqual([
      { path: '/hoursByTier/tier2', message: 'must be a whole number, got 48.5' },
      { path: '/hoursByTier/tier3', message: 'must be at least 1, got -72' },
    ]);
    expect(errorsOf('cb.completion_entry.max_hours', -1)).toEqual([
      { path: '', message: 'must be at least 1, got -1' },
    ]);
  });

  it('POL-1 rejects shares above 1 and shares out of order', () => {
    expect(errorsOf('net.grade.cumulative_shares', { a: 0.1, b: 1.4, c: 0.95 })).toEqual([
      { path: '/b', message: 'must be at most 1, got 1.4' },
    ]);
    expect(errorsOf('net.grade.cumulative_shares', { a: 0.5, b: 0.4, c: 0.95 })).toEqual([
      { path: '/b', message: 'must be at least a (0.5), got 0.4' },
    ]);
    expect(errorsOf('kpi.satisfaction.product_quality_weight', 1.2)[0]?.message).toBe(
      'must be at most 1, got 1.2',
    );
  });

  it('POL-1 rejects wrong shapes: scalars for tables, lists for objects, missing and unknown fields', () => {
    expect(errorsOf('wo.sla.mall_return', 7)).toEqual([{ path: '', message: 'must be an object, got 7' }]);
    expect(errorsOf('wo.sla.mall_return', [7, 15])).toEqual([
      { path: '', message: 'must be an object, got a list' },
    ]);
    expect(errorsOf('wo.sla.mall_return', { daysByTier: { tier1: 7, tier2: 7, tier3: 15 } })).toEqual([
      { path: '/daysByTier/tier4', message: 'is required' },
    ]);
    expect(
      errorsOf('wo.sla.mall_return', { daysByTier: { tier1: 7, tier2: 7, tier3: 15, tier4: 15, tier5: 20 } }),
    ).toEqual([
      {
        path: '/daysByTier/tier5',
        message: 'is not a field of this setting; allowed fields: tier1, tier2, tier3, tier4',
      },
    ]);
    expect(errorsOf('wo.sla.jjwx_days', '5')).toEqual([
      { path: '', message: 'must be a whole number, got "5"' },
    ]);
    expect(errorsOf('wo.sla.jjwx_days', null)).toEqual([
      { path: '', message: 'must be a whole number, got null' },
    ]);
  });

  it('POL-1 reports every bad entry of a code map, including badly written codes', () => {
    expect(
      errorsOf('wo.sla.pickup', {
        defaultHours: 72,
        hoursByCategory: { Fridge: 120, television: 0, washer: 'x' },
      }),
    ).toEqual([
      {
        path: '/hoursByCategory/Fridge',
        message:
          'is not a valid code; use lower-case letters, digits and underscores, starting with a letter',
      },
      { path: '/hoursByCategory/television', message: 'must be at least 1, got 0' },
      { path: '/hoursByCategory/washer', message: 'must be a whole number, got "x"' },
    ]);
  });

  it('POL-1 explains a tagged union by the branch the value chose, not by every branch', () => {
    const deadlines = defaultPolicyValue('ord.acceptance.deadlines');
    expect(
      errorsOf('ord.acceptance.deadlines', {
        ...deadlines,
        door: { kind: 'flat', deadline: { kind: 'days', days: 0 } },
        material: { kind: 'weekly' },
        colour_pipe: { ...deadlines.colour_pipe, quantityUnit: 'kg' },
      }),
    ).toEqual([
      { path: '/colour_pipe/quantityUnit', message: 'must be one of "sets", "pieces", "meters", got "kg"' },
      { path: '/door/deadline/days', message: 'must be at least 1, got 0' },
      { path: '/material/kind', message: 'must be one of "by_quantity", "flat", got "weekly"' },
    ]);
  });

  it('POL-1 runs cross-field checks only on well-formed values', () => {
    expect(
      errorsOf('net.kpi.weights', {
        complaintRate: 0.5,
        authenticityRate: 0.2,
        timelinessRate: 0.25,
        repeatRepairRate: 0.1,
        partsCostPerUnit: 0.1,
        tripsPer100Orders: 0.1,
      }),
    ).toEqual([{ path: '', message: 'weights must add up to 1 (100%), they add up to 1.25' }]);
    expect(errorsOf('net.service_radius', { minKm: 10, maxKm: 30, defaultKm: 40 })).toEqual([
      { path: '/defaultKm', message: 'must lie between minKm (10 km) and maxKm (30 km)' },
    ]);
    expect(errorsOf('net.band.thresholds', { band1MinOrders: 1000, band2MinOrders: 3000 })).toEqual([
      { path: '/band1MinOrders', message: 'must be greater than band2MinOrders (3000)' },
    ]);
    expect(errorsOf('wo.backlog.age_thresholds_days', [3, 2])).toEqual([
      { path: '/1', message: 'must be greater than the previous threshold (3 days)' },
    ]);
    expect(errorsOf('cmp.overstep_fine_fen', { minFen: 50_000, maxFen: 20_000 })).toEqual([
      { path: '/maxFen', message: 'must be at least minFen (50000 fen)' },
    ]);
    expect(errorsOf('kpi.pay.base_coefficient_range', { min: 0.8, max: 0.5 })).toEqual([
      { path: '/max', message: 'must be at least min (0.8)' },
    ]);
    expect(errorsOf('md.sanbao.windows', { returnDays: 15, exchangeDays: 7 })).toEqual([
      { path: '/exchangeDays', message: 'must be at least returnDays (15)' },
    ]);
  });

  it('POL-1 CMP-7 rejects an authority chain that repeats a role or does not grow', () => {
    expect(
      errorsOf('cmp.compensation.authority_chain', [
        { role: 'regional', maxFen: 100_000 },
        { role: 'regional', maxFen: 50_000 },
      ]),
    ).toEqual([
      { path: '/1/role', message: 'role "regional" appears twice in the chain' },
      { path: '/1/maxFen', message: 'must be greater than the level below (regional: 100000 fen)' },
    ]);
  });

  it('POL-2 rejects an unknown business time zone and a malformed cut-off', () => {
    expect(errorsOf('pol.business_time_zone', 'Asia/Beijing')).toEqual([
      {
        path: '',
        message: '"Asia/Beijing" is not a known time zone; use an IANA name such as "Asia/Shanghai"',
      },
    ]);
    expect(validatePolicyValue('pol.business_time_zone', 'America/New_York').ok).toBe(true);
    expect(errorsOf('wo.parts.request_cutoff', '24:00')).toEqual([
      { path: '', message: 'must be a 24-hour time of day written HH:mm, e.g. "12:00", got "24:00"' },
    ]);
    expect(errorsOf('cmp.report.weekly_before_weekday', 'Sat')[0]?.message).toMatch(
      /^must be one of "monday"/,
    );
  });

  it('POL-1 rejects an unknown key', () => {
    expect(errorsOf('wo.sla.unknown', 1)).toEqual([
      { path: '', message: 'Unknown policy key "wo.sla.unknown"; pick one from the policy catalogue.' },
    ]);
  });
});

describe('POL-1 selectEffective', () => {
  const v = (version: number, iso: string): PolicyVersionLike => ({
    version,
    effectiveFrom: new Date(iso),
    value: version,
  });
  const versions = [v(1, '2025-01-01T00:00:00Z'), v(3, '2025-07-01T00:00:00Z'), v(2, '2025-03-01T00:00:00Z')];

  it('POL-1 picks the version in force, whatever the order of the input', () => {
    expect(selectEffective(versions, new Date('2025-05-01T00:00:00Z'))?.version).toBe(2);
    expect(selectEffective(versions, new Date('2030-01-01T00:00:00Z'))?.version).toBe(3);
  });

  it('POL-1 a version applies from the exact instant it becomes effective, not a millisecond earlier', () => {
    expect(selectEffective(versions, new Date('2025-07-01T00:00:00Z'))?.version).toBe(3);
    expect(selectEffective(versions, new Date('2025-06-30T23:59:59.999Z'))?.version).toBe(2);
  });

  it('POL-1 nothing is in force before the first version, and an empty history has nothing', () => {
    expect(selectEffective(versions, new Date('2024-12-31T23:59:59.999Z'))).toBeUndefined();
    expect(selectEffective([], new Date('2025-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('POL-1 two versions effective at the same instant: the higher version wins', () => {
    const tied = [v(5, '2025-03-01T00:00:00Z'), v(4, '2025-03-01T00:00:00Z'), ...versions];
    expect(selectEffective(tied, new Date('2025-04-01T00:00:00Z'))?.version).toBe(5);
  });

  it('POL-1 returns the caller’s own object, so its extra fields (id, note) survive', () => {
    const stored = [{ ...v(1, '2025-01-01T00:00:00Z'), id: 'pol_1', note: 'seed' }];
    expect(selectEffective(stored, new Date('2025-02-01T00:00:00Z'))?.id).toBe('pol_1');
  });

  it('POL-1 refuses an invalid instant or a version without a valid effective date', () => {
    expect(() => selectEffective(versions, new Date('nope'))).toThrow(/Invalid instant/);
    expect(() => selectEffective([v(7, 'nope')], new Date())).toThrow(
      /Policy version 7 has an invalid effectiveFrom/,
    );
  });

  it('POL-1 never picks a future version and always picks the latest started one (property)', () => {
    const base = Date.UTC(2025, 0, 1);
    const versionArb = fc.record({
      version: fc.integer({ min: 1, max: 20 }),
      effectiveFrom: fc.integer({ min: -1000, max: 1000 }).map((m) => new Date(base + m * 60_000)),
      value: fc.constant(null),
    });
    fc.assert(
      fc.property(
        fc.array(versionArb, { maxLength: 12 }),
        fc.integer({ min: -1200, max: 1200 }),
        fc.integer({ min: -1, max: 1 }),
        (history, minute, nudgeMs) => {
          const instant = new Date(base + minute * 60_000 + nudgeMs);
          const picked = selectEffective(history, instant);
          const started = history.filter((h) => h.effectiveFrom.getTime() <= instant.getTime());
          if (started.length === 0) {
            expect(picked).toBeUndefined();
            return;
          }
          expect(picked).toBeDefined();
          if (!picked) return;
          expect(picked.effectiveFrom.getTime()).toBeLessThanOrEqual(instant.getTime());
          for (const other of started) {
            const later = other.effectiveFrom.getTime() > picked.effectiveFrom.getTime();
            const tieHigher =
              other.effectiveFrom.getTime() === picked.effectiveFrom.getTime() &&
              other.version > picked.version;
            expect(later || tieHigher).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
