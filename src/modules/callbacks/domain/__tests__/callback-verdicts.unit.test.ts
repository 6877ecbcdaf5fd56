import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import { reasonsByVerdict, untrueReasons, unqualifiedReasons } from '../callback-codes.ts';
import type { OrderContactFacts, SamePhoneConflict } from '../callback-verdicts.ts';
import { findSamePhoneConflicts, settlementEffect, validateVerdict } from '../callback-verdicts.ts';

const settlementPolicy = {
  feeShare: defaultPolicyValue('stl.callback_result.fee_share'),
  untrueDeductionFen: defaultPolicyValue('stl.callback_result.untrue_deduction_fen'),
};

const contact = (
  orderId: string,
  phoneIndex: string | null,
  name: string,
  address: string,
): OrderContactFacts => ({
  orderId,
  phoneIndex,
  name,
  address,
});

describe('callback verdicts (CB-6)', () => {
  it('CB-6 three verdicts; unqualified and untrue carry the seed’s example reasons', () => {
    expect(Object.keys(reasonsByVerdict)).toEqual(['qualified', 'unqualified', 'untrue']);
    expect(reasonsByVerdict.qualified).toEqual([]);
    expect(unqualifiedReasons).toEqual(
      expect.arrayContaining(['SAME_PHONE_DIFFERENT_NAME', 'SAME_PHONE_DIFFERENT_ADDRESS']),
    );
    expect(untrueReasons).toEqual(
      expect.arrayContaining(['VISIT_NOT_MADE', 'FALSE_SERVICE_MODE', 'FEE_OVER_REPORTED']),
    );
  });

  it('CB-6 evidence: other orders with the same phone index under a different name or address', () => {
    const order = contact('wo_1', 'idx_a', '张三', '北京市朝阳区建国路88号');
    const others = [
      contact('wo_1', 'idx_a', '王五', '别处'),
      contact('wo_2', 'idx_a', ' 张三', '北京市朝阳区 建国路８８号'),
      contact('wo_3', 'idx_a', '李四', '北京市朝阳区建国路88号'),
      contact('wo_4', 'idx_a', '张三', '北京市海淀区中关村1号'),
      contact('wo_5', 'idx_b', '赵六', '上海市'),
      contact('wo_6', 'idx_a', '', ''),
      contact('wo_7', 'idx_a', '钱七', '天津市'),
      contact('wo_3', 'idx_a', '李四', '北京市朝阳区建国路88号'),
    ];
    expect(findSamePhoneConflicts(order, others)).toEqual([
      { orderId: 'wo_3', differentName: true, differentAddress: false },
      { orderId: 'wo_4', differentName: false, differentAddress: true },
      { orderId: 'wo_7', differentName: true, differentAddress: true },
    ]);
    expect(findSamePhoneConflicts({ ...order, phoneIndex: null }, others)).toEqual([]);
  });

  it('CB-6 the verdict form: reasons belong to their verdict, "other" needs a note, same-phone reasons need evidence', () => {
    const conflicts: SamePhoneConflict[] = [
      { orderId: 'wo_3', differentName: true, differentAddress: false },
    ];
    const codes = (input: unknown) => {
      const r = validateVerdict(input, conflicts, '/verdict');
      return r.ok ? 'ok' : r.issues.map((i) => `${i.path} ${i.code}`).join('; ');
    };
    const cases: [unknown, string][] = [
      [{ verdict: 'qualified' }, 'ok'],
      [{ verdict: 'untrue', reasons: ['VISIT_NOT_MADE', 'FEE_OVER_REPORTED'] }, 'ok'],
      [{ verdict: 'unqualified', reasons: ['SAME_PHONE_DIFFERENT_NAME'] }, 'ok'],
      [{}, '/verdict/verdict REQUIRED'],
      [{ verdict: 'fine' }, '/verdict/verdict INVALID'],
      [{ verdict: 'qualified', reasons: ['VISIT_NOT_MADE'] }, '/verdict/reasons REASONS_NOT_ALLOWED'],
      [{ verdict: 'untrue' }, '/verdict/reasons REASON_REQUIRED'],
      [
        { verdict: 'untrue', reasons: ['SAME_PHONE_DIFFERENT_NAME'] },
        '/verdict/reasons/0 REASON_NOT_FOR_VERDICT',
      ],
      [
        { verdict: 'untrue', reasons: ['VISIT_NOT_MADE', 'VISIT_NOT_MADE'] },
        '/verdict/reasons/1 DUPLICATE_REASON',
      ],
      [{ verdict: 'untrue', reasons: ['OTHER_UNTRUE'] }, '/verdict/note NOTE_REQUIRED'],
      [{ verdict: 'untrue', reasons: ['OTHER_UNTRUE'], note: 'Unit photo is of another model' }, 'ok'],
      [
        { verdict: 'unqualified', reasons: ['SAME_PHONE_DIFFERENT_ADDRESS'] },
        '/verdict/reasons/0 EVIDENCE_MISSING',
      ],
      [{ verdict: 'unqualified', reasons: 'SERVICE_NOT_TIMELY' }, '/verdict/reasons INVALID'],
      [{ verdict: 'qualified', note: 'x'.repeat(2001) }, '/verdict/note TOO_LONG'],
    ];
    expect(cases.map(([input]) => codes(input))).toEqual(cases.map(([, expected]) => expected));
    const r = validateVerdict({ verdict: 'unqualified', reasons: ['SAME_PHONE_DIFFERENT_NAME'] }, conflicts);
    expect(r.ok ? r.decision : r).toEqual({
      verdict: 'unqualified',
      reasons: ['SAME_PHONE_DIFFERENT_NAME'],
      note: null,
      evidenceOrderIds: ['wo_3'],
    });
  });

  it('CB-6 CB-1 qualified settles at the standard fee, unqualified reduced, untrue not paid and deducted (default policy)', () => {
    expect(
      (['qualified', 'unqualified', 'untrue'] as const).map((v) =>
        settlementEffect(v, 12_345, settlementPolicy),
      ),
    ).toEqual([
      {
        verdict: 'qualified',
        kind: 'standard',
        feeShare: 1,
        standardFeeFen: 12_345,
        payableFen: 12_345,
        deductionFen: 0,
        netFen: 12_345,
      },
      {
        verdict: 'unqualified',
        kind: 'reduced',
        feeShare: 0.5,
        standardFeeFen: 12_345,
        payableFen: 6_173,
        deductionFen: 0,
        netFen: 6_173,
      },
      {
        verdict: 'untrue',
        kind: 'deducted',
        feeShare: 0,
        standardFeeFen: 12_345,
        payableFen: 0,
        deductionFen: 10_000,
        netFen: -10_000,
      },
    ]);
  });

  it('CB-6 property: payable is whole fen within the fee, and never more for a worse verdict', () => {
    const share = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.tuple(share, share, share).map((s) => [...s].sort((a, b) => b - a) as [number, number, number]),
        fc.integer({ min: 0, max: 1_000_000 }),
        (fee, [q, u, t], deduction) => {
          const p = { feeShare: { qualified: q, unqualified: u, untrue: t }, untrueDeductionFen: deduction };
          const effects = (['qualified', 'unqualified', 'untrue'] as const).map((v) =>
            settlementEffect(v, fee, p),
          );
          for (const e of effects) {
            expect(Number.isSafeInteger(e.payableFen)).toBe(true);
            expect(e.payableFen).toBeGreaterThanOrEqual(0);
            expect(e.payableFen).toBeLessThanOrEqual(fee);
            expect(e.netFen).toBe(e.payableFen - e.deductionFen);
          }
          const [eq, eu, et] = effects as [(typeof effects)[0], (typeof effects)[0], (typeof effects)[0]];
          expect(eq.netFen).toBeGreaterThanOrEqual(eu.netFen);
          expect(eu.netFen).toBeGreaterThanOrEqual(et.netFen);
          expect([eq.deductionFen, eu.deductionFen, et.deductionFen]).toEqual([0, 0, deduction]);
        },
      ),
    );
  });
});
