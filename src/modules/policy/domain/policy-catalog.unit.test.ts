import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { policyCatalog } from './policy-catalog.ts';
import type { PolicyKey } from './policy-catalog.ts';
import { defaultPolicyValue, findDefinition, validatePolicyValue } from './policy-values.ts';

/** The rule IDs of DOMAIN.md (read at authoring time; the spec lives outside the repository). */
const range = (prefix: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
const domainRuleIds = new Set([
  ...range('MD', 5),
  ...range('NET', 10),
  ...range('WO', 15),
  ...range('WO-5', 9).map((id) => id.replace('WO-5-', 'WO-5.')),
  ...range('WO-6', 4).map((id) => id.replace('WO-6-', 'WO-6.')),
  ...range('WO-7', 6).map((id) => id.replace('WO-7-', 'WO-7.')),
  ...range('WO-8', 4).map((id) => id.replace('WO-8-', 'WO-8.')),
  ...range('CB', 8),
  ...range('CMP', 12),
  ...range('RET', 8),
  ...range('QI', 3),
  ...range('PRT', 13),
  ...range('STL', 4),
  ...range('ORD', 4),
  ...range('AGR', 3),
  ...range('KPI', 4),
  ...range('KB', 2),
  ...range('POL', 2),
  ...range('SEC', 4),
]);

/** Changing this list is a deliberate act: a key is a contract with stored versions and with rule code. */
const expectedKeys: readonly PolicyKey[] = [
  'pol.business_time_zone',
  'md.warranty.default_months',
  'md.sanbao.windows',
  'kpi.pay.base_coefficient_range',
  'kpi.pay.kpi_value_range',
  'kpi.scheme.unreasonable_flag',
  'kpi.satisfaction.product_quality_weight',
  'kb.training.new_staff_working_days',
  'security.login_lockout',
  'net.service_radius',
  'net.coverage.min_outlets_per_district',
  'net.band.thresholds',
  'net.grade.cumulative_shares',
  'net.grade.band_matrix',
  'net.kpi.weights',
  'net.kpi.repeat_repair_window_days',
  'net.suspension.audit_finding_days',
  'wo.sla.standard',
  'wo.sla.all_tiers',
  'wo.sla.pickup',
  'wo.sla.mall_return',
  'wo.sla.jjwx_days',
  'wo.sla.warning_share',
  'wo.appointment.max_window_hours',
  'wo.no_time.horizon_days',
  'wo.trip.deduction_fen',
  'wo.backlog.age_thresholds_days',
  'wo.backlog.resolve_within_days',
  'wo.parts.request_cutoff',
  'cb.completion_entry.max_hours',
  'cb.callback.due_days',
  'cb.appeal.window_days',
  'cb.appeal.max_count',
  'cb.unreachable.max_attempts',
  'cb.sampling.rate_by_grade',
  'cb.high_value.threshold_fen',
  'cb.high_value.callback_count',
  'cb.dealer.tiers',
  'cb.attempt.slot_starts',
  'cb.satisfaction.min_satisfied_score',
  'cb.home_service.schedule',
  'stl.callback_result.fee_share',
  'stl.callback_result.untrue_deduction_fen',
  'stl.fee_table',
  'cmp.overstep_fine_fen',
  'cmp.compensation.authority_chain',
  'cmp.time_limit.general_hours',
  'cmp.time_limit.parts_days',
  'cmp.time_limit.return_exchange_days',
  'cmp.progress_notice_hours',
  'cmp.report.monthly_due_day',
  'cmp.report.weekly_before_weekday',
  'ret.settlement_share',
  'ret.obsolete.after_months',
  'stl.delivery_delay.fen_per_day',
  'stl.delivery_delay.large_order',
  'ord.lead_time_days',
  'ord.lead_time.cutoff',
  'ord.acceptance.deadlines',
  'ord.acceptance.cutoff',
  'agr.renewal_notice_days',
  'prt.abc.cut_points',
  'prt.ageing.target',
  'prt.deposit.alarm_threshold_fen',
  'prt.old_part.return_days',
  'prt.out_of_warranty_ratio.score_points',
  'prt.pricing.unit_parts_multiple',
];

/** Operational settings that are not DOMAIN.md rules and so cite none. */
const ruleFree = new Set(['security.login_lockout']);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** JSON pointers of every numeric leaf of a value. */
function numericLeaves(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => numericLeaves(v, `${path}/${i}`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => numericLeaves(v, `${path}/${k}`));
  }
  return [];
}

function withLeaf(value: unknown, path: string, leaf: unknown): unknown {
  const copy = structuredClone(value) as Json;
  const segments = path.split('/').slice(1);
  const last = segments.pop();
  if (last === undefined) return leaf;
  let node: unknown = copy;
  for (const s of segments) node = (node as Record<string, unknown>)[s];
  (node as Record<string, unknown>)[last] = leaf;
  return copy;
}

/** Every object/number/string node of a JSON schema, with its location. */
function schemaNodes(node: unknown, path = '#'): { path: string; node: Record<string, unknown> }[] {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const children = Object.entries(record).flatMap(([k, v]) =>
    Array.isArray(v)
      ? v.flatMap((item, i) => schemaNodes(item, `${path}/${k}/${i}`))
      : typeof v === 'object' && v !== null
        ? schemaNodes(v, `${path}/${k}`)
        : [],
  );
  return 'type' in record || 'anyOf' in record || 'enum' in record
    ? [{ path, node: record }, ...children]
    : children;
}

describe('POL-1 policy catalogue', () => {
  it('POL-1 holds exactly the expected keys, each once', () => {
    const keys = policyCatalog.map((d) => d.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...expectedKeys].sort());
  });

  it('POL-1 keys are dotted lower-case', () => {
    for (const { key } of policyCatalog) expect(key).toMatch(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/);
  });

  it('POL-1 every rule a policy cites exists in DOMAIN.md, and only operational settings cite none', () => {
    for (const d of policyCatalog) {
      for (const rule of d.rules) expect(domainRuleIds, `${d.key} cites ${rule}`).toContain(rule);
      expect(d.rules.length > 0 || ruleFree.has(d.key), `${d.key} cites no rule`).toBe(true);
      expect(new Set(d.rules).size).toBe(d.rules.length);
    }
  });

  it('POL-1 every default validates against its own schema and cross-field checks', () => {
    for (const d of policyCatalog) {
      const result = validatePolicyValue(d.key, d.defaultValue);
      expect(result, d.key).toEqual({ ok: true, value: d.defaultValue });
    }
  });

  it('POL-1 every policy has a short zh-CN and en-US label and a description', () => {
    for (const d of policyCatalog) {
      for (const text of [d.label['zh-CN'], d.description['zh-CN']])
        expect(text, d.key).toMatch(/[\u4e00-\u9fff]/);
      for (const text of [d.label['en-US'], d.description['en-US']])
        expect(text, d.key).toMatch(/^[A-Z0-9"]/);
      expect(d.label['zh-CN'].length, d.key).toBeLessThanOrEqual(20);
      expect(d.label['en-US'].length, d.key).toBeLessThanOrEqual(50);
    }
  });

  it('POL-1 money is integer fen: keys ending in _fen have unit fen and whole-number values', () => {
    for (const d of policyCatalog) {
      if (d.key.endsWith('_fen')) expect(d.unit, d.key).toBe('fen');
      if (d.unit === 'fen') {
        for (const leaf of numericLeaves(d.defaultValue)) {
          expect(
            validatePolicyValue(d.key, withLeaf(d.defaultValue, leaf, 100.5)).ok,
            `${d.key}${leaf}`,
          ).toBe(false);
        }
      }
    }
  });

  it('POL-1 schemas are strict: closed objects, bounded numbers, constrained strings', () => {
    for (const d of policyCatalog) {
      for (const { path, node } of schemaNodes(d.schema)) {
        const where = `${d.key} ${path}`;
        if (node.type === 'object') expect(node.additionalProperties, where).toBe(false);
        if (node.type === 'number' || node.type === 'integer') {
          expect(node.minimum ?? node.exclusiveMinimum, where).toBeDefined();
          expect(node.maximum ?? node.exclusiveMaximum, where).toBeDefined();
        }
        if (node.type === 'string') {
          expect(node.pattern !== undefined || node.maxLength !== undefined || 'const' in node, where).toBe(
            true,
          );
        }
        if (node.type === 'array') expect(node.maxItems ?? node.uniqueItems, where).toBeDefined();
      }
    }
  });

  it('POL-1 no numeric setting accepts a negative number, NaN-like strings or a missing value', () => {
    for (const d of policyCatalog) {
      for (const leaf of numericLeaves(d.defaultValue)) {
        for (const bad of [-1, '3', null]) {
          const result = validatePolicyValue(d.key, withLeaf(d.defaultValue, leaf, bad));
          expect(result.ok, `${d.key}${leaf} = ${String(bad)}`).toBe(false);
          if (!result.ok)
            expect(
              result.errors.map((e) => e.path),
              `${d.key}${leaf}`,
            ).toContain(leaf);
        }
      }
    }
  });

  it('POL-1 validation never throws and always explains itself, whatever JSON it is given', () => {
    const keys = policyCatalog.map((d) => d.key);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const result = validatePolicyValue(key, value);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const e of result.errors) {
            expect(e.path === '' || e.path.startsWith('/')).toBe(true);
            expect(e.message.length).toBeGreaterThan(5);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('POL-1 defaultPolicyValue returns a fresh copy, so callers cannot edit the catalogue', () => {
    const value = defaultPolicyValue('wo.sla.standard');
    value.hoursByTier.tier1 = 1;
    expect(defaultPolicyValue('wo.sla.standard').hoursByTier.tier1).toBe(48);
    expect(findDefinition('wo.sla.standard')?.unit).toBe('table');
    expect(Object.isFrozen(findDefinition('wo.sla.standard')?.defaultValue)).toBe(true);
    expect(findDefinition('no.such.key')).toBeUndefined();
    expect(() => defaultPolicyValue('no.such.key' as PolicyKey)).toThrow(/Unknown policy key "no.such.key"/);
  });
});

// One test per rule whose numbers live in the catalogue, so DOMAIN.md and the defaults cannot drift apart.
describe('POL-1 defaults equal the numbers in DOMAIN.md', () => {
  it('POL-2 the business time zone defaults to Asia/Shanghai', () => {
    expect(defaultPolicyValue('pol.business_time_zone')).toBe('Asia/Shanghai');
  });

  it('MD-3 warranty defaults to 12 months; 三包 allows return within 7 days and exchange within 15', () => {
    expect(defaultPolicyValue('md.warranty.default_months')).toBe(12);
    expect(defaultPolicyValue('md.sanbao.windows')).toEqual({ returnDays: 7, exchangeDays: 15 });
  });

  it('NET-2 the on-site service radius is 10–30 km, and each district keeps a backup outlet', () => {
    const radius = defaultPolicyValue('net.service_radius');
    expect([radius.minKm, radius.maxKm]).toEqual([10, 30]);
    expect(radius.defaultKm).toBeGreaterThanOrEqual(10);
    expect(radius.defaultKm).toBeLessThanOrEqual(30);
    expect(defaultPolicyValue('net.coverage.min_outlets_per_district')).toBe(2);
  });

  it('NET-5 band 1 is ≥ 3000 orders, band 2 1000–2999, band 3 below 1000', () => {
    expect(defaultPolicyValue('net.band.thresholds')).toEqual({ band1MinOrders: 3000, band2MinOrders: 1000 });
  });

  it('NET-6 grades are forced at cumulative shares 10% / 40% / 95%, and the band × grade matrix is complete', () => {
    expect(defaultPolicyValue('net.grade.cumulative_shares')).toEqual({ a: 0.1, b: 0.4, c: 0.95 });
    const matrix = defaultPolicyValue('net.grade.band_matrix');
    for (const band of [matrix.band1, matrix.band2, matrix.band3]) {
      const grades = [band.a, band.b, band.c, band.d];
      for (let i = 1; i < grades.length; i++) {
        expect(grades[i]?.multiplier).toBeLessThanOrEqual(grades[i - 1]?.multiplier ?? 0);
        expect(grades[i]?.stars).toBeLessThanOrEqual(grades[i - 1]?.stars ?? 0);
      }
    }
  });

  it('NET-7 KPI weights add up to 1 and repeat repairs look back 30 days', () => {
    const weights = defaultPolicyValue('net.kpi.weights');
    expect(Object.values(weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(defaultPolicyValue('net.kpi.repeat_repair_window_days')).toBe(30);
  });

  it('NET-10 an audit finding suspends dispatch for 3 days', () => {
    expect(defaultPolicyValue('net.suspension.audit_finding_days')).toBe(3);
  });

  it('WO-5.9 WO-6.2 "customer has no time" means none within 7 days', () => {
    expect(defaultPolicyValue('wo.no_time.horizon_days')).toBe(7);
  });

  it('WO-7.1 standard SLA is 48 h in tiers 1–2 and 72 h in tiers 3–4 for AC, washer, dishwasher, water heater', () => {
    expect(defaultPolicyValue('wo.sla.standard')).toEqual({
      categories: ['air_conditioner', 'washing_machine', 'dishwasher', 'water_heater'],
      hoursByTier: { tier1: 48, tier2: 48, tier3: 72, tier4: 72 },
    });
  });

  it('WO-7.2 televisions and refrigerators have 96 h in every tier', () => {
    expect(defaultPolicyValue('wo.sla.all_tiers')).toEqual({
      hoursByCategory: { television: 96, refrigerator: 96 },
    });
  });

  it('WO-7.3 pick-up repairs have 72 h, refrigerators 120 h, televisions 96 h', () => {
    expect(defaultPolicyValue('wo.sla.pickup')).toEqual({
      defaultHours: 72,
      hoursByCategory: { refrigerator: 120, television: 96 },
    });
  });

  it('WO-7.4 shopping-mall returns have 7 days in tiers 1–2 and 15 days in tiers 3–4', () => {
    expect(defaultPolicyValue('wo.sla.mall_return')).toEqual({
      daysByTier: { tier1: 7, tier2: 7, tier3: 15, tier4: 15 },
    });
  });

  it('WO-7.5 pick-up repair (JJWX) orders have 5 days', () => {
    expect(defaultPolicyValue('wo.sla.jjwx_days')).toBe(5);
  });

  it('WO-8 a trip deducts a whole number of fen (default 50 yuan)', () => {
    expect(defaultPolicyValue('wo.trip.deduction_fen')).toBe(5_000);
  });

  it('WO-10 backlog lists orders older than 2 and 3 days, each resolved within 3 days', () => {
    expect(defaultPolicyValue('wo.backlog.age_thresholds_days')).toEqual([2, 3]);
    expect(defaultPolicyValue('wo.backlog.resolve_within_days')).toBe(3);
  });

  it('WO-11 parts for a visit today are requested before 17:00', () => {
    expect(defaultPolicyValue('wo.parts.request_cutoff')).toBe('17:00');
  });

  it('CB-2 lower grades are sampled more, and high-value orders are called back more than once', () => {
    const rates = defaultPolicyValue('cb.sampling.rate_by_grade');
    expect(rates.a).toBeLessThan(rates.b);
    expect(rates.b).toBeLessThan(rates.c);
    expect(rates.c).toBeLessThan(rates.d);
    expect(defaultPolicyValue('cb.high_value.threshold_fen')).toBe(20_000);
    expect(defaultPolicyValue('cb.high_value.callback_count')).toBeGreaterThan(1);
  });

  it('CB-3 completion within 72 h, callback within 3 days, one appeal within 3 days', () => {
    expect(defaultPolicyValue('cb.completion_entry.max_hours')).toBe(72);
    expect(defaultPolicyValue('cb.callback.due_days')).toBe(3);
    expect(defaultPolicyValue('cb.appeal.window_days')).toBe(3);
    expect(defaultPolicyValue('cb.appeal.max_count')).toBe(1);
  });

  it('CB-5 an unanswered callback is retried in morning, afternoon and evening slots (3 attempts)', () => {
    expect(defaultPolicyValue('cb.unreachable.max_attempts')).toBe(3);
  });

  it('CB-6 qualified settles at the standard fee, unqualified and untrue lower', () => {
    const share = defaultPolicyValue('stl.callback_result.fee_share');
    expect(share.qualified).toBe(1);
    expect(share.unqualified).toBeLessThan(1);
    expect(share.untrue).toBeLessThan(1);
    expect(Number.isInteger(defaultPolicyValue('stl.callback_result.untrue_deduction_fen'))).toBe(true);
  });

  it('CB-7 gold dealers every 2 weeks at 100% and ≥ 93%; medium monthly at 98% and ≥ 90%', () => {
    expect(defaultPolicyValue('cb.dealer.tiers')).toEqual({
      gold: { interval: { every: 2, unit: 'weeks' }, targetCallbackRate: 1, minSatisfaction: 0.93 },
      medium: { interval: { every: 1, unit: 'months' }, targetCallbackRate: 0.98, minSatisfaction: 0.9 },
    });
  });

  it('CMP-1 overstepping complaint authority is fined 200–500 yuan', () => {
    expect(defaultPolicyValue('cmp.overstep_fine_fen')).toEqual({ minFen: 20_000, maxFen: 50_000 });
  });

  it('CMP-7 each approval level may grant more than the one below it', () => {
    const chain = defaultPolicyValue('cmp.compensation.authority_chain');
    for (let i = 1; i < chain.length; i++) {
      expect(chain[i]?.maxFen).toBeGreaterThan(chain[i - 1]?.maxFen ?? Infinity);
    }
  });

  it('CMP-8 time limits: 24 h urban / 72 h suburban, parts 7 / 5 days, returns 15 / 5 days, progress in 24 h', () => {
    expect(defaultPolicyValue('cmp.time_limit.general_hours')).toEqual({ urban: 24, suburban: 72 });
    expect(defaultPolicyValue('cmp.time_limit.parts_days')).toEqual({ normal: 7, incident: 5 });
    expect(defaultPolicyValue('cmp.time_limit.return_exchange_days')).toEqual({ normal: 15, incident: 5 });
    expect(defaultPolicyValue('cmp.progress_notice_hours')).toBe(24);
  });

  it('CMP-12 the monthly report is due by the 5th and weekly summaries before Saturday', () => {
    expect(defaultPolicyValue('cmp.report.monthly_due_day')).toBe(5);
    expect(defaultPolicyValue('cmp.report.weekly_before_weekday')).toBe('saturday');
  });

  it('RET-8 returns settle at 100% / 50% and defective grades I–III at 30/50/70% or 20/30/40%', () => {
    expect(defaultPolicyValue('ret.settlement_share')).toEqual({
      good: { regular: 1, custom: 0.5, discountPackage: 0.5, obsolete: 0.5 },
      defective: {
        regular: { gradeI: 0.3, gradeII: 0.5, gradeIII: 0.7 },
        custom: { gradeI: 0.2, gradeII: 0.3, gradeIII: 0.4 },
        discountPackage: { gradeI: 0.2, gradeII: 0.3, gradeIII: 0.4 },
        obsolete: { gradeI: 0.2, gradeII: 0.3, gradeIII: 0.4 },
      },
    });
    expect(defaultPolicyValue('ret.obsolete.after_months')).toBe(12);
  });

  it('PRT-1 ABC classes cut at 70% and 90% of cumulative volume', () => {
    expect(defaultPolicyValue('prt.abc.cut_points')).toEqual({ a: 0.7, b: 0.9 });
  });

  it('PRT-3 the parts of one unit add up to twice its price', () => {
    expect(defaultPolicyValue('prt.pricing.unit_parts_multiple')).toBe(2);
  });

  it('PRT-6 80% of stock value is younger than 3 months', () => {
    expect(defaultPolicyValue('prt.ageing.target')).toEqual({ maxAgeMonths: 3, minShareOfValue: 0.8 });
  });

  it('PRT-10 the parts deposit alarms below 5,000 yuan', () => {
    expect(defaultPolicyValue('prt.deposit.alarm_threshold_fen')).toBe(500_000);
  });

  it('PRT-11 old parts are returned within 3 days of closing', () => {
    expect(defaultPolicyValue('prt.old_part.return_days')).toBe(3);
  });

  it('PRT-12 the out-of-warranty parts ratio is worth ±10 points', () => {
    expect(defaultPolicyValue('prt.out_of_warranty_ratio.score_points')).toBe(10);
  });

  it('STL-4 delay compensation is 50 yuan per day; large orders are > 150 m² of windows or > 5 doors', () => {
    expect(defaultPolicyValue('stl.delivery_delay.fen_per_day')).toBe(5_000);
    expect(defaultPolicyValue('stl.delivery_delay.large_order')).toEqual({
      windowAreaAboveM2: 150,
      doorsAbove: 5,
    });
  });

  it('ORD-2 lead times are 7 / 12 / 15 / 3 days, counted from the next day after 12:00', () => {
    expect(defaultPolicyValue('ord.lead_time_days')).toEqual({
      plain_window: 7,
      coloured_window: 12,
      door: 15,
      home_product: 3,
      colour_pipe: 3,
      material: 3,
      fixture_tool: 3,
    });
    expect(defaultPolicyValue('ord.lead_time.cutoff')).toBe('12:00');
  });

  it('ORD-3 acceptance within 4 h for small quantities, the same day for large, 2 days for doors; 14:00 cut-off', () => {
    const rules = defaultPolicyValue('ord.acceptance.deadlines');
    const small = { kind: 'hours', hours: 4 };
    const large = { kind: 'same_day' };
    expect(rules.window_railing_sample).toEqual({
      kind: 'by_quantity',
      quantityUnit: 'sets',
      upTo: 10,
      atOrBelow: small,
      above: large,
    });
    expect(rules.home_product).toMatchObject({
      quantityUnit: 'pieces',
      upTo: 10,
      atOrBelow: small,
      above: large,
    });
    expect(rules.colour_pipe).toMatchObject({
      quantityUnit: 'meters',
      upTo: 90,
      atOrBelow: small,
      above: large,
    });
    for (const flat of [rules.door, rules.material, rules.fixture_tool]) {
      expect(flat).toEqual({ kind: 'flat', deadline: { kind: 'days', days: 2 } });
    }
    expect(defaultPolicyValue('ord.acceptance.cutoff')).toBe('14:00');
  });

  it('AGR-1 the store is told to renew 15 days before an agreement ends', () => {
    expect(defaultPolicyValue('agr.renewal_notice_days')).toBe(15);
  });

  it('KPI-1 the base coefficient lies in 0.5–0.8 and the KPI value in 0.5–5', () => {
    expect(defaultPolicyValue('kpi.pay.base_coefficient_range')).toEqual({ min: 0.5, max: 0.8 });
    expect(defaultPolicyValue('kpi.pay.kpi_value_range')).toEqual({ min: 0.5, max: 5 });
  });

  it('KPI-2 a scheme is unreasonable when 80% score below 1', () => {
    expect(defaultPolicyValue('kpi.scheme.unreasonable_flag')).toEqual({
      minShareOfEmployees: 0.8,
      kpiValueBelow: 1,
    });
  });

  it('KPI-4 product quality weighs w = 0.8 in customer satisfaction', () => {
    expect(defaultPolicyValue('kpi.satisfaction.product_quality_weight')).toBe(0.8);
  });

  it('KB-2 new staff train for 7 working days', () => {
    expect(defaultPolicyValue('kb.training.new_staff_working_days')).toBe(7);
  });

  it('login lockout defaults to 5 failures and 15 minutes (operational setting)', () => {
    expect(defaultPolicyValue('security.login_lockout')).toMatchObject({ maxFailures: 5, lockMinutes: 15 });
  });
});
