import { describe, expect, it } from 'vitest';
import { calendarDayProblems } from '../domain/calendar-rules.ts';
import { tierInForce, tierMonthProblems } from '../domain/dealer-tiers.ts';
import { maskName } from '../domain/masking.ts';
import { normaliseKeyParts, warrantyProblems } from '../domain/model-rules.ts';
import { buildCascader, regionPathOf } from '../domain/region-tree.ts';

describe('model warranty terms (MD-3)', () => {
  it('MD-3 accepts whole months 0–240 with a key-part warranty at least as long as the whole unit', () => {
    expect(warrantyProblems({ warrantyMonths: 12, keyPartsWarrantyMonths: 12, keyParts: [] })).toEqual([]);
    expect(
      warrantyProblems({ warrantyMonths: 12, keyPartsWarrantyMonths: 120, keyParts: ['压缩机'] }),
    ).toEqual([]);
    expect(warrantyProblems({ warrantyMonths: 0, keyPartsWarrantyMonths: 0, keyParts: [] })).toEqual([]);
  });

  it('MD-3 refuses months outside 0–240, a shorter key-part warranty, and a longer one naming no parts', () => {
    const paths = (w: number, k: number, parts: string[] = []) =>
      warrantyProblems({ warrantyMonths: w, keyPartsWarrantyMonths: k, keyParts: parts }).map((e) => e.path);
    expect(paths(241, 241)).toEqual(['/warrantyMonths', '/keyPartsWarrantyMonths']);
    expect(paths(-1, 12)).toEqual(['/warrantyMonths']);
    expect(paths(12, 6.5)).toEqual(['/keyPartsWarrantyMonths']);
    expect(paths(36, 12, ['电机'])).toEqual(['/keyPartsWarrantyMonths']);
    expect(paths(12, 36)).toEqual(['/keyParts']);
    expect(
      paths(
        12,
        36,
        Array.from({ length: 21 }, (_, i) => `part ${i}`),
      ),
    ).toEqual(['/keyParts']);
  });

  it('MD-3 key parts are trimmed, de-duplicated and kept in the order given', () => {
    expect(normaliseKeyParts([' 压缩机 ', '电机', '', '压缩机', '电脑板'])).toEqual([
      '压缩机',
      '电机',
      '电脑板',
    ]);
  });
});

describe('dealer tiers (CB-7)', () => {
  const history = [
    { month: '2026-09', tier: 'B' },
    { month: '2026-11', tier: 'A' },
    { month: '2026-10', tier: 'C' },
  ];

  it('CB-7 the tier in force is the decision of the latest month not after the current one', () => {
    expect(tierInForce(history, '2026-11')).toBe('A');
    expect(tierInForce(history, '2026-10')).toBe('C');
    expect(tierInForce(history, '2027-03')).toBe('A');
    expect(tierInForce(history, '2026-08')).toBeUndefined();
    expect(tierInForce([], '2026-11')).toBeUndefined();
  });

  it('CB-7 a month is decided from its first day on, never ahead of time', () => {
    expect(tierMonthProblems('2026-11', '2026-11')).toEqual([]);
    expect(tierMonthProblems('2025-01', '2026-11')).toEqual([]);
    expect(tierMonthProblems('2026-12', '2026-11')).toEqual([
      { path: '/month', message: expect.stringContaining('has not begun') },
    ]);
    expect(tierMonthProblems('2026-13', '2026-11').map((e) => e.path)).toEqual(['/month']);
    expect(tierMonthProblems('1999-12', '2026-11').map((e) => e.path)).toEqual(['/month']);
  });
});

describe('masking and paths (MD-5)', () => {
  it('MD-5 a contact name in lists keeps only its first character', () => {
    const cases: [string, string][] = [
      ['王伟', '王*'],
      ['王', '王*'],
      ['欧阳娜娜', '欧***'],
      ['𠮷野家', '𠮷**'],
      ['  李雷 ', '李*'],
      ['', ''],
    ];
    expect(cases.map(([name]) => maskName(name))).toEqual(cases.map(([, masked]) => masked));
  });

  it('MD regions: a path names province, city and district, and a municipality only once', () => {
    const names = new Map([
      ['440000', '广东省'],
      ['440100', '广州市'],
      ['440106', '天河区'],
      ['110000', '北京市'],
      ['110100', '北京市'],
      ['110108', '海淀区'],
    ]);
    const path = (code: string) => regionPathOf(code, (c) => names.get(c));
    expect([path('440106'), path('440100'), path('440000'), path('110108')]).toEqual([
      '广东省 / 广州市 / 天河区',
      '广东省 / 广州市',
      '广东省',
      '北京市 / 海淀区',
    ]);
  });

  it('MD regions: the cascader nests districts in cities in provinces, in code order, leaves without children', () => {
    const tree = buildCascader([
      { code: '440106', name: '天河区', level: 'district', parentCode: '440100' },
      { code: '440000', name: '广东省', level: 'province', parentCode: null },
      { code: '440104', name: '越秀区', level: 'district', parentCode: '440100' },
      { code: '440100', name: '广州市', level: 'city', parentCode: '440000' },
      { code: '110000', name: '北京市', level: 'province', parentCode: null },
    ]);
    expect(tree).toEqual([
      { value: '110000', label: '北京市' },
      {
        value: '440000',
        label: '广东省',
        children: [
          {
            value: '440100',
            label: '广州市',
            children: [
              { value: '440104', label: '越秀区' },
              { value: '440106', label: '天河区' },
            ],
          },
        ],
      },
    ]);
  });
});

describe('calendar entries (POL-2)', () => {
  it('POL-2 a make-up workday must fall on a weekend; days must exist and have a name', () => {
    const paths = (day: string, kind: 'holiday' | 'workday', name = '国庆节') =>
      calendarDayProblems({ day, kind, name }).map((e) => e.path);
    expect(paths('2026-02-14', 'workday')).toEqual([]);
    expect(paths('2026-10-01', 'holiday')).toEqual([]);
    expect(paths('2026-10-09', 'workday')).toEqual(['/kind']);
    expect(paths('2026-02-30', 'holiday')).toEqual(['/day']);
    expect(paths('1999-10-01', 'holiday')).toEqual(['/day']);
    expect(paths('2026-10-08', 'holiday', '  ')).toEqual(['/name']);
  });
});
