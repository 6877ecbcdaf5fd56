import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bandChangeProblem,
  bandFor,
  coverageGaps,
  emptyQualification,
  parentProblems,
  qualificationCheck,
  qualificationOf,
  radiusProblem,
} from '../domain/outlet-rules.ts';
import type { CoverageRow } from '../domain/outlet-rules.ts';
import { normaliseIdNumber, skillProblems } from '../domain/engineer-rules.ts';

const tier1 = { id: 'out_p', type: 'after_sales_tier1', status: 'active' };

describe('NET-1 outlet types and parents', () => {
  it('NET-1 a tier-2 outlet needs an active tier-1 parent; other types have none', () => {
    const cases: { name: string; input: Parameters<typeof parentProblems>[0]; paths: string[] }[] = [
      {
        name: 'tier-2 without parent',
        input: { type: 'after_sales_tier2', parentId: null, parent: undefined, childCount: 0 },
        paths: ['/parentId'],
      },
      {
        name: 'tier-2 under tier-1',
        input: { type: 'after_sales_tier2', parentId: 'out_p', parent: tier1, childCount: 0 },
        paths: [],
      },
      {
        name: 'tier-2 under tier-2',
        input: {
          type: 'after_sales_tier2',
          parentId: 'out_p',
          parent: { ...tier1, type: 'after_sales_tier2' },
          childCount: 0,
        },
        paths: ['/parentId'],
      },
      {
        name: 'tier-2 under direct-signed',
        input: {
          type: 'after_sales_tier2',
          parentId: 'out_p',
          parent: { ...tier1, type: 'direct_signed' },
          childCount: 0,
        },
        paths: ['/parentId'],
      },
      {
        name: 'tier-2 under a withdrawn tier-1',
        input: {
          type: 'after_sales_tier2',
          parentId: 'out_p',
          parent: { ...tier1, status: 'withdrawn' },
          childCount: 0,
        },
        paths: ['/parentId'],
      },
      {
        name: 'tier-2 with a missing parent',
        input: { type: 'after_sales_tier2', parentId: 'out_x', parent: undefined, childCount: 0 },
        paths: ['/parentId'],
      },
      {
        name: 'own parent',
        input: { id: 'out_p', type: 'after_sales_tier2', parentId: 'out_p', parent: tier1, childCount: 0 },
        paths: ['/parentId'],
      },
      {
        name: 'tier-1 with a parent',
        input: { type: 'after_sales_tier1', parentId: 'out_p', parent: tier1, childCount: 0 },
        paths: ['/parentId'],
      },
      {
        name: 'pre-sales alone',
        input: { type: 'pre_sales', parentId: null, parent: undefined, childCount: 0 },
        paths: [],
      },
      {
        name: 'tier-1 with children turning direct-signed',
        input: {
          type: 'direct_signed',
          parentId: null,
          parent: undefined,
          childCount: 2,
          previousType: 'after_sales_tier1',
        },
        paths: ['/type'],
      },
      {
        name: 'tier-1 with children staying tier-1',
        input: {
          type: 'after_sales_tier1',
          parentId: null,
          parent: undefined,
          childCount: 2,
          previousType: 'after_sales_tier1',
        },
        paths: [],
      },
    ];
    const mismatches = cases
      .map((c) => ({ c, got: parentProblems(c.input).map((e) => e.path) }))
      .filter(({ c, got }) => JSON.stringify(got) !== JSON.stringify(c.paths))
      .map(({ c, got }) => `${c.name}: expected ${JSON.stringify(c.paths)}, got ${JSON.stringify(got)}`);
    expect(mismatches).toEqual([]);
  });
});

describe('NET-2 service radius and coverage redundancy', () => {
  const policy = { minKm: 10, maxKm: 30, defaultKm: 20 };

  it('NET-2 the radius lies within the policy bounds (10–30 km)', () => {
    const got = [9, 10, 20, 30, 31, 0, 15.5].map((km) => radiusProblem(km, policy) === undefined);
    expect(got).toEqual([false, true, true, true, false, false, false]);
    expect(radiusProblem(31, policy)).toContain('between 10 and 30');
    expect(radiusProblem(40, { minKm: 5, maxKm: 50, defaultKm: 20 })).toBeUndefined();
  });

  it('NET-2 districts with fewer active outlets than the minimum are gaps; inactive outlets do not count', () => {
    const rows: CoverageRow[] = [
      { outletId: 'o1', outletName: 'A', outletStatus: 'active', regionCode: '440106', role: 'primary' },
      { outletId: 'o2', outletName: 'B', outletStatus: 'active', regionCode: '440106', role: 'backup' },
      { outletId: 'o1', outletName: 'A', outletStatus: 'active', regionCode: '440104', role: 'primary' },
      { outletId: 'o3', outletName: 'C', outletStatus: 'suspended', regionCode: '440104', role: 'backup' },
      { outletId: 'o3', outletName: 'C', outletStatus: 'suspended', regionCode: '440111', role: 'primary' },
    ];
    const gaps = coverageGaps(rows, 2);
    expect(gaps.map((g) => [g.regionCode, g.activeCount])).toEqual([
      ['440104', 1],
      ['440111', 0],
    ]);
    expect(gaps[0]?.outlets.map((o) => `${o.id}:${o.role}:${o.status}`)).toEqual([
      'o1:primary:active',
      'o3:backup:suspended',
    ]);
    expect(coverageGaps(rows, 1).map((g) => g.regionCode)).toEqual(['440111']);
    expect(coverageGaps(rows, 3).map((g) => g.regionCode)).toEqual(['440104', '440106', '440111']);
  });
});

describe('NET-3 qualification', () => {
  const full = {
    licenceNumber: '91440101MA5XXXX',
    licensedForRepair: true,
    hasPartsStore: true,
    technicianCount: 3,
    acceptsManagement: true,
    hasServiceSystem: true,
  };

  it('NET-3 names every missing qualification', () => {
    expect(qualificationCheck(full, 1)).toEqual({ ok: true, missing: [] });
    expect(qualificationCheck(emptyQualification, 1)).toEqual({
      ok: false,
      missing: ['licence', 'parts_store', 'technicians', 'accepts_management', 'service_system'],
    });
    expect(qualificationCheck({ ...full, licenceNumber: null }, 1).missing).toEqual(['licence']);
    expect(qualificationCheck({ ...full, licensedForRepair: false }, 1).missing).toEqual(['licence']);
    expect(qualificationCheck({ ...full, technicianCount: 3 }, 4).missing).toEqual(['technicians']);
  });

  it('NET-3 reads stored facts leniently: anything missing or mistyped is not declared', () => {
    expect(qualificationOf(null)).toEqual(emptyQualification);
    expect(qualificationOf({ licensedForRepair: 'yes', technicianCount: 2.5, licenceNumber: '  ' })).toEqual(
      emptyQualification,
    );
    expect(qualificationOf(full)).toEqual(full);
  });
});

describe('NET-5 volume bands', () => {
  const t = { band1MinOrders: 3000, band2MinOrders: 1000 };

  it('NET-5 band thresholds: 3000 → 1, 2999 → 2, 1000 → 2, 999 → 3', () => {
    const cases: [number, number][] = [
      [3000, 1],
      [2999, 2],
      [1000, 2],
      [999, 3],
      [0, 3],
      [100_000, 1],
    ];
    expect(cases.map(([n]) => bandFor(n, t))).toEqual(cases.map(([, b]) => b));
  });

  it('NET-5 property: more orders never give a worse band', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), (a, b) => {
        const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
        expect(bandFor(hi, t)).toBeLessThanOrEqual(bandFor(lo, t));
      }),
    );
  });

  it('NET-5 a band is fixed once a year: no second change within the year, no going back', () => {
    expect(bandChangeProblem({ band: null, bandYear: null }, 2026, 2026)).toBeUndefined();
    expect(bandChangeProblem({ band: 2, bandYear: 2025 }, 2026, 2026)).toBeUndefined();
    expect(bandChangeProblem({ band: 2, bandYear: 2026 }, 2027, 2026)).toBeUndefined();
    expect(bandChangeProblem({ band: 2, bandYear: 2026 }, 2026, 2026)?.code).toBe('CONFLICT');
    expect(bandChangeProblem({ band: 2, bandYear: 2027 }, 2026, 2026)?.code).toBe('CONFLICT');
    expect(bandChangeProblem({ band: null, bandYear: null }, 2028, 2026)?.code).toBe('VALIDATION_FAILED');
  });
});

describe('MD-5 engineers', () => {
  it('MD-5 ID numbers are checked (GB 11643 check character) before they are stored encrypted', () => {
    expect(normaliseIdNumber('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X' });
    expect(normaliseIdNumber('110105194912310021').ok).toBe(false);
    expect(normaliseIdNumber('1101051949123100').ok).toBe(false);
  });

  it('WO-13 engineer skills: one level 1–3 per known category', () => {
    const known = (c: string) => c === 'air_conditioner' || c === 'television';
    expect(skillProblems([{ categoryCode: 'air_conditioner', level: 2 }], known)).toEqual([]);
    expect(
      skillProblems(
        [
          { categoryCode: 'air_conditioner', level: 2 },
          { categoryCode: 'air_conditioner', level: 1 },
          { categoryCode: 'spaceship', level: 4 },
        ],
        known,
      ).map((e) => e.path),
    ).toEqual(['/skills/1/categoryCode', '/skills/2/categoryCode', '/skills/2/level']);
  });
});
