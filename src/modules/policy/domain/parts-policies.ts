import { closed, definePolicy, fen, intIn, issue, numberIn, ratio } from './policy-definition.ts';

export const partsPolicies = [
  definePolicy({
    key: 'prt.abc.cut_points',
    rules: ['PRT-1'],
    unit: 'ratio',
    schema: closed({ a: ratio(), b: ratio() }),
    defaultValue: { a: 0.7, b: 0.9 },
    refine: (p) => {
      if (p.a <= 0) return [issue('/a', 'must be greater than 0')];
      if (p.b <= p.a) return [issue('/b', `must be greater than a (${p.a})`)];
      return [];
    },
    label: { 'zh-CN': '配件 ABC 分类累计比例', 'en-US': 'Parts ABC cut points' },
    description: {
      'zh-CN': '按更换量排序，累计占维修量前 70% 的配件为 A 类，70%–90% 为 B 类，其余 10% 为 C/D 类。',
      'en-US':
        'Parts ranked by replacement volume: those covering the first 70% of cumulative repair volume are class A, up to 90% class B, the last 10% class C/D.',
    },
  }),
  definePolicy({
    key: 'prt.ageing.target',
    rules: ['PRT-6'],
    unit: 'table',
    schema: closed({ maxAgeMonths: intIn(1, 60), minShareOfValue: ratio() }),
    defaultValue: { maxAgeMonths: 3, minShareOfValue: 0.8 },
    label: { 'zh-CN': '库龄控制目标', 'en-US': 'Stock ageing target' },
    description: {
      'zh-CN': '库存金额中至少 80% 的库龄应在 3 个月以内。',
      'en-US': 'At least 80% of stock value should be younger than 3 months.',
    },
  }),
  definePolicy({
    key: 'prt.deposit.alarm_threshold_fen',
    rules: ['PRT-10'],
    unit: 'fen',
    schema: fen(1_000_000_000),
    defaultValue: 500_000,
    label: { 'zh-CN': '备件款报警线', 'en-US': 'Parts deposit alarm threshold' },
    description: {
      'zh-CN': '网点备件款余额低于 5000 元时报警，补足前不再补发常用配件。',
      'en-US':
        "When an outlet's parts deposit falls below this amount (5,000 yuan) it is warned, and common parts are not replenished until it tops up.",
    },
  }),
  definePolicy({
    key: 'prt.old_part.return_days',
    rules: ['PRT-11'],
    unit: 'days',
    schema: intIn(1, 60),
    defaultValue: 3,
    label: { 'zh-CN': '旧件返还时限', 'en-US': 'Old-part return limit' },
    description: {
      'zh-CN': '保内更换下的旧件须在结单后 3 天内凭旧件返还单返回，收到后旧件价值返还网点账户。',
      'en-US':
        "An in-warranty part replaced on an order is returned within this many days of closing, with a printed return slip; its value flows back to the outlet's account when received.",
    },
  }),
  definePolicy({
    key: 'prt.out_of_warranty_ratio.score_points',
    rules: ['PRT-12', 'NET-7'],
    unit: 'points',
    schema: intIn(0, 100),
    defaultValue: 10,
    label: { 'zh-CN': '超保配件比例分值', 'en-US': 'Out-of-warranty parts ratio points' },
    description: {
      'zh-CN': '超保配件比例（超保使用配件金额 / 申领并使用的配件总额）在网点评分中按 ±10 分计。',
      'en-US':
        "The out-of-warranty parts ratio (out-of-warranty used parts value / all requested-and-used parts value) is worth ± this many points of the outlet's score.",
    },
  }),
  definePolicy({
    key: 'prt.pricing.unit_parts_multiple',
    rules: ['PRT-3'],
    unit: 'multiplier',
    schema: numberIn(1, 10),
    defaultValue: 2,
    label: { 'zh-CN': '整机配件价格倍数（双倍原则）', 'en-US': 'Parts-to-unit price multiple' },
    description: {
      'zh-CN': '一台整机全部配件的经销商结算价之和等于整机经销商结算价的 2 倍（双倍原则）。',
      'en-US':
        "The dealer settlement prices of all parts of one complete unit add up to this multiple of the unit's dealer settlement price (the doubling principle).",
    },
  }),
];
