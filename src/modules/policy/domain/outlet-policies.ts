import type { PolicyIssue } from './policy-definition.ts';
import { closed, definePolicy, intIn, issue, nonDecreasing, numberIn, ratio } from './policy-definition.ts';

const bandGrade = () => closed({ stars: intIn(1, 5), multiplier: numberIn(0, 3) });
const gradeRow = () => closed({ a: bandGrade(), b: bandGrade(), c: bandGrade(), d: bandGrade() });

const kpiWeightKeys = [
  'complaintRate',
  'authenticityRate',
  'timelinessRate',
  'repeatRepairRate',
  'partsCostPerUnit',
  'tripsPer100Orders',
] as const;

export const outletPolicies = [
  definePolicy({
    key: 'net.service_radius',
    rules: ['NET-2', 'WO-13'],
    unit: 'km',
    schema: closed({ minKm: intIn(1, 200), maxKm: intIn(1, 200), defaultKm: intIn(1, 200) }),
    defaultValue: { minKm: 10, maxKm: 30, defaultKm: 20 },
    refine: (r) => {
      const out: PolicyIssue[] = [];
      if (r.maxKm < r.minKm) out.push(issue('/maxKm', `must be at least minKm (${r.minKm} km)`));
      if (r.defaultKm < r.minKm || r.defaultKm > r.maxKm) {
        out.push(issue('/defaultKm', `must lie between minKm (${r.minKm} km) and maxKm (${r.maxKm} km)`));
      }
      return out;
    },
    label: { 'zh-CN': '上门服务半径', 'en-US': 'On-site service radius' },
    description: {
      'zh-CN': '网点上门服务半径为 10–30 公里；网点未单独申报时按默认半径 20 公里派工。',
      'en-US':
        'An outlet declares an on-site service radius between 10 and 30 km; dispatch uses the default (20 km) when the outlet has not declared one.',
    },
  }),
  definePolicy({
    key: 'net.coverage.min_outlets_per_district',
    rules: ['NET-2', 'NET-9'],
    unit: 'count',
    schema: intIn(1, 10),
    defaultValue: 2,
    label: { 'zh-CN': '每个区县最少覆盖网点数', 'en-US': 'Outlets per covered district' },
    description: {
      'zh-CN': '保持适度冗余：每个已覆盖的区县至少有 2 个网点（一个主网点加一个备用网点），低于此数时提示。',
      'en-US':
        'Moderate redundancy: every covered district should have at least this many outlets (a main one plus a backup); fewer raises a warning.',
    },
  }),
  definePolicy({
    key: 'net.band.thresholds',
    rules: ['NET-5'],
    unit: 'count',
    schema: closed({ band1MinOrders: intIn(1, 10_000_000), band2MinOrders: intIn(1, 10_000_000) }),
    defaultValue: { band1MinOrders: 3000, band2MinOrders: 1000 },
    refine: (t) =>
      t.band1MinOrders <= t.band2MinOrders
        ? [issue('/band1MinOrders', `must be greater than band2MinOrders (${t.band2MinOrders})`)]
        : [],
    label: { 'zh-CN': '网点档位划分（上年维修量）', 'en-US': 'Outlet volume bands' },
    description: {
      'zh-CN':
        '按上一年维修量每年划定一次档位：一档 ≥ 3000 单，二档 1000–2999 单，三档 < 1000 单；年内不调整。',
      'en-US':
        "Fixed once a year from last year's repair volume: band 1 ≥ 3000 orders, band 2 1000–2999, band 3 below 1000. A band does not change within the year.",
    },
  }),
  definePolicy({
    key: 'net.grade.cumulative_shares',
    rules: ['NET-6'],
    unit: 'ratio',
    schema: closed({ a: ratio(), b: ratio(), c: ratio() }),
    defaultValue: { a: 0.1, b: 0.4, c: 0.95 },
    refine: (s) => nonDecreasing(s, ['a', 'b', 'c']),
    label: { 'zh-CN': '网点等级强制分布（累计比例）', 'en-US': 'Grade distribution (cumulative)' },
    description: {
      'zh-CN':
        '同一档位内按得分排名强制分布：前 10% 为甲，至 40% 为乙，至 95% 为丙，其余为丁（即甲 10%、乙 30%、丙 55%、丁 5%）。',
      'en-US':
        'Within a band, outlets ranked by score get A up to round(10%·n), B up to round(40%·n), C up to round(95%·n), D after that (A 10%, B 30%, C 55%, D 5%).',
    },
  }),
  definePolicy({
    key: 'net.grade.band_matrix',
    rules: ['NET-6', 'STL-1'],
    unit: 'table',
    schema: closed({ band1: gradeRow(), band2: gradeRow(), band3: gradeRow() }),
    defaultValue: {
      band1: {
        a: { stars: 5, multiplier: 1.2 },
        b: { stars: 4, multiplier: 1.1 },
        c: { stars: 3, multiplier: 1 },
        d: { stars: 1, multiplier: 0.8 },
      },
      band2: {
        a: { stars: 4, multiplier: 1.15 },
        b: { stars: 3, multiplier: 1.05 },
        c: { stars: 2, multiplier: 0.95 },
        d: { stars: 1, multiplier: 0.8 },
      },
      band3: {
        a: { stars: 3, multiplier: 1.1 },
        b: { stars: 2, multiplier: 1 },
        c: { stars: 2, multiplier: 0.9 },
        d: { stars: 1, multiplier: 0.8 },
      },
    },
    label: { 'zh-CN': '档位×等级：星级与结算系数', 'en-US': 'Band × grade: stars and fee multiplier' },
    description: {
      'zh-CN':
        '档位和等级共同决定网点星级（1–5 星）及服务费结算系数，档次不同结算费用不同。原始星级表缺失，默认值为暂定方案，请按实际政策调整。',
      'en-US':
        "Band and grade together set the outlet's star level (1–5) and the multiplier on its service fees. The source table is garbled; the defaults are a provisional scheme to be set by the service center.",
    },
  }),
  definePolicy({
    key: 'net.kpi.weights',
    rules: ['NET-7'],
    unit: 'ratio',
    schema: closed({
      complaintRate: ratio(),
      authenticityRate: ratio(),
      timelinessRate: ratio(),
      repeatRepairRate: ratio(),
      partsCostPerUnit: ratio(),
      tripsPer100Orders: ratio(),
    }),
    defaultValue: {
      complaintRate: 0.25,
      authenticityRate: 0.2,
      timelinessRate: 0.25,
      repeatRepairRate: 0.1,
      partsCostPerUnit: 0.1,
      tripsPer100Orders: 0.1,
    },
    refine: (w) => {
      const sum = kpiWeightKeys.reduce((total, k) => total + w[k], 0);
      return Math.abs(sum - 1) > 1e-6
        ? [issue('', `weights must add up to 1 (100%), they add up to ${Number(sum.toFixed(6))}`)]
        : [];
    },
    label: { 'zh-CN': '网点月度评分指标权重', 'en-US': 'Outlet monthly score weights' },
    description: {
      'zh-CN':
        '月度评分为各项指标归一化后的加权和，权重合计必须为 100%。默认：投诉率 25%、单据属实率 20%、维修及时率 25%、多次维修率 10%、单台配件成本 10%、跳闸率 10%。超保配件比例另按 ±10 分计。',
      'en-US':
        'The monthly score is the weighted sum of normalised KPIs; weights must add up to 100%. Defaults: complaint rate 25%, authenticity 20%, timeliness 25%, repeat repair 10%, parts cost per unit 10%, trips 10%. The out-of-warranty parts ratio adds ±10 points separately.',
    },
  }),
  definePolicy({
    key: 'net.kpi.repeat_repair_window_days',
    rules: ['NET-7'],
    unit: 'days',
    schema: intIn(1, 365),
    defaultValue: 30,
    label: { 'zh-CN': '多次维修统计期', 'en-US': 'Repeat-repair window' },
    description: {
      'zh-CN': '同一台机器在该网点维修后 30 天内再次报修，计为多次维修。',
      'en-US':
        'A repair on a unit the same outlet repaired within this many previous days counts as a repeat repair.',
    },
  }),
  definePolicy({
    key: 'net.suspension.audit_finding_days',
    rules: ['NET-10'],
    unit: 'days',
    schema: intIn(1, 90),
    defaultValue: 3,
    label: { 'zh-CN': '暗访不规范暂停派工天数', 'en-US': 'Dispatch suspension after audit finding' },
    description: {
      'zh-CN': '暗访或稽核发现服务不规范的网点，暂停派工 3 天。',
      'en-US':
        'An outlet found non-compliant by a mystery shop or audit gets no dispatches for this many days.',
    },
  }),
];
