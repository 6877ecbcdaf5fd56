import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addCalendarDays } from '../../../platform/time.ts';
import type { WarrantyInput } from '../domain/warranty.ts';
import { addMonthsClamped, warrantyRank, warrantyStatus } from '../domain/warranty.ts';
import { normaliseSerial } from '../domain/serial-number.ts';
import { customerCode, maskAddressDetail } from '../domain/customer-rules.ts';
import { maskName } from '../../catalog/index.ts';

const base = (over: Partial<WarrantyInput> = {}): WarrantyInput => ({
  purchaseDate: '2025-11-01',
  terms: { warrantyMonths: 12, keyPartsWarrantyMonths: 36, keyParts: ['压缩机'] },
  defaultMonths: { months: 12, policyVersion: 1 },
  windows: { returnDays: 7, exchangeDays: 15, policyVersion: 3 },
  today: '2026-01-01',
  ...over,
});

const day = fc.integer({ min: 0, max: 30_000 }).map((n) => addCalendarDays('2000-01-01', n));
const windowsArb = fc
  .tuple(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 90 }))
  .map(([a, b]) => ({ returnDays: Math.min(a, b), exchangeDays: Math.max(a, b), policyVersion: 1 }));
const termsArb = fc.option(
  fc.record({
    warrantyMonths: fc.integer({ min: 0, max: 120 }),
    keyPartsWarrantyMonths: fc.integer({ min: 0, max: 240 }),
  }),
  { nil: null },
);

describe('MD-3 warranty status', () => {
  it('MD-3 counts periods from the day after purchase, to the same date months later, inclusive', () => {
    const cases: [string, string][] = [
      ['2026-11-01', 'in_warranty'],
      ['2026-11-02', 'key_parts_only'],
      ['2028-11-01', 'key_parts_only'],
      ['2028-11-02', 'out_of_warranty'],
      ['2025-11-01', 'in_warranty'],
    ];
    const mismatches: string[] = [];
    for (const [today, expected] of cases) {
      const r = warrantyStatus(base({ today }));
      if (r.status !== expected) mismatches.push(`${today}: expected ${expected}, got ${r.status}`);
    }
    expect(mismatches).toEqual([]);
    const r = warrantyStatus(base());
    expect(r).toMatchObject({
      wholeUnitUntil: '2026-11-01',
      keyPartsUntil: '2028-11-01',
      returnWindowUntil: '2025-11-08',
      exchangeWindowUntil: '2025-11-16',
      policyVersion: 3,
      policies: [{ key: 'md.sanbao.windows', version: 3 }],
    });
  });

  it('MD-3 explains the result in both languages with the dates and the policy version used', () => {
    const r = warrantyStatus(base({ today: '2025-11-10' }));
    expect(r.explanation['zh-CN']).toContain('2026-11-01');
    expect(r.explanation['zh-CN']).toContain('压缩机');
    expect(r.explanation['zh-CN']).toContain('退货期已过');
    expect(r.explanation['zh-CN']).toContain('第 3 版');
    expect(r.explanation['en-US']).toContain('exchange is possible until 2025-11-16');
    expect(r.explanation['en-US']).toContain('policy version 3');
  });

  it('MD-3 uses the default months policy when the model has no terms, and records that policy too', () => {
    const r = warrantyStatus(
      base({ terms: null, defaultMonths: { months: 24, policyVersion: 2 }, today: '2027-11-01' }),
    );
    expect(r.status).toBe('in_warranty');
    expect(r.wholeUnitUntil).toBe('2027-11-01');
    expect(r.keyPartsUntil).toBe('2027-11-01');
    expect(r.policies).toEqual([
      { key: 'md.sanbao.windows', version: 3 },
      { key: 'md.warranty.default_months', version: 2 },
    ]);
    expect(r.explanation['en-US']).toContain('default of 24 months');
  });

  it('MD-3 a month without the purchase day ends on its last day (民法典 §202)', () => {
    const cases: [string, number, string][] = [
      ['2024-01-31', 1, '2024-02-29'],
      ['2023-01-31', 1, '2023-02-28'],
      ['2024-02-29', 12, '2025-02-28'],
      ['2025-03-31', 6, '2025-09-30'],
      ['2025-12-15', 1, '2026-01-15'],
      ['2025-05-05', 0, '2025-05-05'],
    ];
    expect(cases.map(([d, m]) => addMonthsClamped(d, m))).toEqual(cases.map(([, , e]) => e));
  });

  it('MD-3 a key-part period shorter than the whole-unit one adds no cover of its own', () => {
    const r = warrantyStatus(
      base({ terms: { warrantyMonths: 24, keyPartsWarrantyMonths: 12 }, today: '2027-11-02' }),
    );
    expect(r.keyPartsUntil).toBe(r.wholeUnitUntil);
    expect(r.status).toBe('out_of_warranty');
  });

  it('MD-3 property: never in warranty (whole or key parts) after the key-parts end', () => {
    fc.assert(
      fc.property(
        day,
        termsArb,
        windowsArb,
        fc.integer({ min: 1, max: 5000 }),
        (purchase, terms, w, after) => {
          const probe = warrantyStatus(base({ purchaseDate: purchase, terms, windows: w, today: purchase }));
          const later = addCalendarDays(probe.keyPartsUntil, after);
          const r = warrantyStatus(base({ purchaseDate: purchase, terms, windows: w, today: later }));
          expect(r.status).toBe('out_of_warranty');
        },
      ),
    );
  });

  it('MD-3 property: the status never improves as time passes', () => {
    fc.assert(
      fc.property(
        day,
        termsArb,
        fc.integer({ min: 0, max: 8000 }),
        fc.integer({ min: 0, max: 8000 }),
        (purchase, terms, a, b) => {
          const [early, late] = [Math.min(a, b), Math.max(a, b)];
          const at = (n: number) =>
            warrantyStatus(base({ purchaseDate: purchase, terms, today: addCalendarDays(purchase, n) }))
              .status;
          expect(warrantyRank(at(early))).toBeLessThanOrEqual(warrantyRank(at(late)));
        },
      ),
    );
  });

  it('MD-3 property: periods are ordered (purchase ≤ whole unit ≤ key parts; return ≤ exchange)', () => {
    fc.assert(
      fc.property(day, termsArb, windowsArb, (purchase, terms, w) => {
        const r = warrantyStatus(base({ purchaseDate: purchase, terms, windows: w, today: purchase }));
        expect(purchase <= r.wholeUnitUntil).toBe(true);
        expect(r.wholeUnitUntil <= r.keyPartsUntil).toBe(true);
        expect(purchase <= r.returnWindowUntil).toBe(true);
        expect(r.returnWindowUntil <= r.exchangeWindowUntil).toBe(true);
        expect(r.status).toBe('in_warranty');
      }),
    );
  });

  it('MD-3 property: longer terms never end earlier', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        (purchase, m1, m2) => {
          const [short, long] = [Math.min(m1, m2), Math.max(m1, m2)];
          expect(addMonthsClamped(purchase, short) <= addMonthsClamped(purchase, long)).toBe(true);
        },
      ),
    );
  });
});

describe('MD-3 serial numbers', () => {
  it('MD-3 normalises serial numbers and refuses blanks and control characters inside', () => {
    const cases: [string, string | null][] = [
      ['  kfr-35gw/a1 ', 'KFR-35GW/A1'],
      ['ＳＮ１２３ａｂ', 'SN123AB'],
      ['ab12\n', 'AB12'],
      ['AB 12', null],
      ['AB\u000012', null],
      ['AB\u200b12', null],
      ['AB\t12', null],
      ['   ', null],
      ['X'.repeat(64), 'X'.repeat(64)],
      ['X'.repeat(65), null],
    ];
    const mismatches: string[] = [];
    for (const [input, expected] of cases) {
      const r = normaliseSerial(input);
      const got = r.ok ? r.serial : null;
      if (got !== expected) mismatches.push(`${JSON.stringify(input)}: expected ${expected}, got ${got}`);
      if (!r.ok && r.message.length < 10) mismatches.push(`${JSON.stringify(input)}: message too terse`);
    }
    expect(mismatches).toEqual([]);
  });

  it('MD-3 property: normalising is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), (s) => {
        const once = normaliseSerial(s);
        if (once.ok) expect(normaliseSerial(once.serial)).toEqual(once);
      }),
    );
  });
});

describe('MD-5 masks and customer numbers', () => {
  it('MD-5 masks names and street addresses, hiding every digit', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('李')).toBe('李*');
    expect(maskAddressDetail('天河路385号太古汇2座1201')).toBe('天河路*******');
    expect(maskAddressDetail('12 Main St')).toBe('** M****');
    expect(maskAddressDetail('12 Main St').includes('1')).toBe(false);
  });

  it('MD-1 customer numbers carry the business date and a 6-digit sequence', () => {
    expect(customerCode('2026-11-23', 123)).toBe('C20261123000123');
  });
});
