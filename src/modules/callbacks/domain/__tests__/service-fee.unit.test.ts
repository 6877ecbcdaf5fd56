import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import type { BandMatrix, FeeFacts, FeeTable } from '../service-fee.ts';
import { standardServiceFee } from '../service-fee.ts';

const table = defaultPolicyValue('stl.fee_table') as unknown as FeeTable;
const matrix = defaultPolicyValue('net.grade.band_matrix') as unknown as BandMatrix;
const facts = (over: Partial<FeeFacts> = {}): FeeFacts => ({
  categoryCode: 'air_conditioner',
  orderType: 'repair',
  serviceMode: 'on_site',
  band: null,
  grade: null,
  ...over,
});

describe('STL-1 standard service fee', () => {
  it('STL-1 the fee is category × order type, plus the service mode, times the band × grade multiplier', () => {
    const cases: [Partial<FeeFacts>, { feeFen: number; multiplier: number; categoryListed: boolean }][] = [
      [{}, { feeFen: 8_000, multiplier: 1, categoryListed: true }],
      [{ orderType: 'install' }, { feeFen: 12_000, multiplier: 1, categoryListed: true }],
      [{ serviceMode: 'pickup_two_way' }, { feeFen: 12_000, multiplier: 1, categoryListed: true }],
      [
        { band: 1, grade: 'A' },
        { feeFen: 9_600, multiplier: 1.2, categoryListed: true },
      ],
      [
        { band: 2, grade: 'C' },
        { feeFen: 7_600, multiplier: 0.95, categoryListed: true },
      ],
      [
        { band: 3, grade: 'D', serviceMode: 'pickup_one_way_loaner' },
        { feeFen: 8_800, multiplier: 0.8, categoryListed: true },
      ],
      [
        { categoryCode: 'material', orderType: 'install' },
        { feeFen: 10_000, multiplier: 1, categoryListed: false },
      ],
      [{ orderType: 'consultation' }, { feeFen: 0, multiplier: 1, categoryListed: true }],
    ];
    const wrong = cases
      .map(([over, expected]) => ({ over, expected, got: standardServiceFee(facts(over), table, matrix) }))
      .filter(({ expected, got }) =>
        Object.entries(expected).some(([k, v]) => got[k as keyof typeof got] !== v),
      )
      .map(({ over, got }) => `${JSON.stringify(over)} → ${JSON.stringify(got)}`);
    expect(wrong).toEqual([]);
  });

  it('STL-1 an outlet banded but not graded (or graded but not banded) settles at the table fee', () => {
    expect(standardServiceFee(facts({ band: 1 }), table, matrix)).toMatchObject({
      multiplier: 1,
      multiplierSource: 'not_graded',
    });
    expect(standardServiceFee(facts({ grade: 'A' }), table, matrix).multiplierSource).toBe('not_graded');
  });

  it('STL-1 the fee is whole fen, never negative, and grows with the multiplier', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(1, 2, 3),
        fc.constantFrom('A', 'B', 'C', 'D') as fc.Arbitrary<'A' | 'B' | 'C' | 'D'>,
        (base, extra, band, grade) => {
          const t: FeeTable = {
            ...table,
            byCategory: { air_conditioner: { ...table.otherCategories, repair: base } },
            serviceModeExtra: { ...table.serviceModeExtra, pickup_two_way: extra },
          };
          const fee = standardServiceFee(facts({ serviceMode: 'pickup_two_way', band, grade }), t, matrix);
          expect(Number.isSafeInteger(fee.feeFen)).toBe(true);
          expect(fee.feeFen).toBeGreaterThanOrEqual(0);
          expect(Math.abs(fee.feeFen - (base + extra) * fee.multiplier)).toBeLessThanOrEqual(0.5);
        },
      ),
    );
  });

  it('STL-1 a table without an amount for the order is a configuration error, not a zero fee', () => {
    const broken = { ...table, otherCategories: { ...table.otherCategories, repair: -1 } } as FeeTable;
    expect(() => standardServiceFee(facts({ categoryCode: 'material' }), broken, matrix)).toThrow(
      /fee table/,
    );
  });
});
