import { Type } from 'typebox';
import {
  closed,
  codeMap,
  definePolicy,
  fen,
  intIn,
  numberIn,
  ratio,
  timeOfDay,
} from './policy-definition.ts';

const gradeShares = () => closed({ gradeI: ratio(), gradeII: ratio(), gradeIII: ratio() });

const acceptanceDeadline = () =>
  Type.Union([
    closed({ kind: Type.Literal('hours'), hours: intIn(1, 72) }),
    closed({ kind: Type.Literal('same_day') }),
    closed({ kind: Type.Literal('days'), days: intIn(1, 30) }),
  ]);

const acceptanceRule = () =>
  Type.Union([
    closed({
      kind: Type.Literal('by_quantity'),
      quantityUnit: Type.Enum(['sets', 'pieces', 'meters']),
      upTo: intIn(1, 100_000),
      atOrBelow: acceptanceDeadline(),
      above: acceptanceDeadline(),
    }),
    closed({ kind: Type.Literal('flat'), deadline: acceptanceDeadline() }),
  ]);

export const tradePolicies = [
  definePolicy({
    key: 'ret.settlement_share',
    rules: ['RET-8'],
    unit: 'table',
    schema: closed({
      good: closed({ regular: ratio(), custom: ratio(), discountPackage: ratio(), obsolete: ratio() }),
      defective: closed({
        regular: gradeShares(),
        custom: gradeShares(),
        discountPackage: gradeShares(),
        obsolete: gradeShares(),
      }),
    }),
    defaultValue: {
      good: { regular: 1, custom: 0.5, discountPackage: 0.5, obsolete: 0.5 },
      defective: {
        regular: { gradeI: 0.3, gradeII: 0.5, gradeIII: 0.7 },
        custom: { gradeI: 0.2, gradeII: 0.3, gradeIII: 0.4 },
        discountPackage: { gradeI: 0.2, gradeII: 0.3, gradeIII: 0.4 },
        obsolete: { gradeI: 0.2, gradeII: 0.3, gradeIII: 0.4 },
      },
    },
    label: { 'zh-CN': '退货结算比例', 'en-US': 'Return settlement shares' },
    description: {
      'zh-CN':
        '退货按最终结算价的比例结算：正品 100%；定制、套餐折扣、淘汰品（停止供货超过 1 年）50%；残次品按 I/II/III 级：常规品 30%/50%/70%，定制及套餐折扣品 20%/30%/40%，淘汰品 20%/30%/40%。批次质量退货由公司与经销商分担，不在此表。',
      'en-US':
        'Returns settle at a share of the final settlement price: good product 100%; custom, discount-package and obsolete goods (supply stopped over a year) 50%; defective goods by grade I/II/III: regular 30/50/70%, custom and discount-package 20/30/40%, obsolete 20/30/40%. Batch-quality returns are shared between company and dealer and are not in this table.',
    },
  }),
  definePolicy({
    key: 'ret.obsolete.after_months',
    rules: ['RET-8'],
    unit: 'months',
    schema: intIn(1, 120),
    defaultValue: 12,
    label: { 'zh-CN': '淘汰品认定（停止供货月数）', 'en-US': 'Obsolete after supply stopped' },
    description: {
      'zh-CN': '停止供货超过 12 个月（1 年）的产品按淘汰品结算退货。',
      'en-US': 'A product whose supply stopped more than this many months ago (1 year) settles as obsolete.',
    },
  }),
  definePolicy({
    key: 'stl.delivery_delay.fen_per_day',
    rules: ['STL-4'],
    unit: 'fen',
    schema: fen(10_000_000),
    defaultValue: 5_000,
    label: { 'zh-CN': '延迟交货补偿（每单每天）', 'en-US': 'Delivery delay compensation per day' },
    description: {
      'zh-CN': '因工厂或代工厂原因延迟交付门窗的，每单每延迟一天补偿 50 元；不可抗力除外。',
      'en-US':
        'Doors and windows delivered late through the fault of the factory or OEM earn 50 yuan per order per day late; not for force majeure.',
    },
  }),
  definePolicy({
    key: 'stl.delivery_delay.large_order',
    rules: ['STL-4'],
    unit: 'table',
    schema: closed({ windowAreaAboveM2: numberIn(1, 100_000), doorsAbove: intIn(1, 10_000) }),
    defaultValue: { windowAreaAboveM2: 150, doorsAbove: 5 },
    label: { 'zh-CN': '大单标准（可协商交期）', 'en-US': 'Large order (negotiated date)' },
    description: {
      'zh-CN': '窗超过 150 平方米或门超过 5 樘的大单，可协商交货日期代替标准交期补偿。',
      'en-US':
        'Orders with more than 150 m² of windows or more than 5 doors may have a negotiated delivery date instead of the standard compensation.',
    },
  }),
  definePolicy({
    key: 'ord.lead_time_days',
    rules: ['ORD-2'],
    unit: 'days',
    schema: codeMap(intIn(1, 180)),
    defaultValue: {
      plain_window: 7,
      coloured_window: 12,
      door: 15,
      home_product: 3,
      colour_pipe: 3,
      material: 3,
      fixture_tool: 3,
    },
    label: { 'zh-CN': '订单交货周期', 'en-US': 'Order lead times' },
    description: {
      'zh-CN': '普通防护窗 7 天，彩色窗 12 天，门 15 天，家居产品、彩管、材料、五金工具 3 天。',
      'en-US':
        'Plain protective windows 7 days, coloured windows 12 days, doors 15 days, home products, colour pipes, materials and fixtures/tools 3 days.',
    },
  }),
  definePolicy({
    key: 'ord.lead_time.cutoff',
    rules: ['ORD-2', 'POL-2'],
    unit: 'time_of_day',
    schema: timeOfDay(),
    defaultValue: '12:00',
    label: { 'zh-CN': '交货周期起算截止时间', 'en-US': 'Lead-time cut-off' },
    description: {
      'zh-CN': '12:00 前确认的订单当天起算，12:00 及以后确认的次日起算（业务时区）。',
      'en-US':
        'An order confirmed before 12:00 counts from that day; at or after 12:00, from the next day (business time zone).',
    },
  }),
  definePolicy({
    key: 'ord.acceptance.deadlines',
    rules: ['ORD-3'],
    unit: 'table',
    schema: codeMap(acceptanceRule()),
    defaultValue: {
      window_railing_sample: {
        kind: 'by_quantity',
        quantityUnit: 'sets',
        upTo: 10,
        atOrBelow: { kind: 'hours', hours: 4 },
        above: { kind: 'same_day' },
      },
      home_product: {
        kind: 'by_quantity',
        quantityUnit: 'pieces',
        upTo: 10,
        atOrBelow: { kind: 'hours', hours: 4 },
        above: { kind: 'same_day' },
      },
      colour_pipe: {
        kind: 'by_quantity',
        quantityUnit: 'meters',
        upTo: 90,
        atOrBelow: { kind: 'hours', hours: 4 },
        above: { kind: 'same_day' },
      },
      door: { kind: 'flat', deadline: { kind: 'days', days: 2 } },
      material: { kind: 'flat', deadline: { kind: 'days', days: 2 } },
      fixture_tool: { kind: 'flat', deadline: { kind: 'days', days: 2 } },
    },
    label: { 'zh-CN': '提货验收时限', 'en-US': 'Acceptance deadlines after pickup' },
    description: {
      'zh-CN':
        '提货后验收时限：窗及护栏样品 ≤ 10 套 4 小时，> 10 套当天；家居产品 ≤ 10 件 4 小时，> 10 件当天；彩管 ≤ 90 米 4 小时，> 90 米当天；门、材料、五金工具 2 天。逾期未反馈视为验收合格，之后的索赔不予受理。',
      'en-US':
        'Acceptance deadlines after pickup: windows and railing samples ≤ 10 sets 4 hours, more the same day; home products ≤ 10 pieces 4 hours, more the same day; colour pipes ≤ 90 m 4 hours, more the same day; doors, materials, fixtures and tools 2 days. No report by the deadline means accepted.',
    },
  }),
  definePolicy({
    key: 'ord.acceptance.cutoff',
    rules: ['ORD-3', 'POL-2'],
    unit: 'time_of_day',
    schema: timeOfDay(),
    defaultValue: '14:00',
    label: { 'zh-CN': '验收计时起算截止时间', 'en-US': 'Acceptance clock cut-off' },
    description: {
      'zh-CN': '14:00 及以后提货的，验收时限从次日开始计算（业务时区）。',
      'en-US': 'A pickup at or after 14:00 starts the acceptance clock the next day (business time zone).',
    },
  }),
  definePolicy({
    key: 'agr.renewal_notice_days',
    rules: ['AGR-1'],
    unit: 'days',
    schema: intIn(1, 180),
    defaultValue: 15,
    label: { 'zh-CN': '协议续签提醒', 'en-US': 'Agreement renewal notice' },
    description: {
      'zh-CN': '服务协议到期前 15 天提醒责任门店办理续签。',
      'en-US': 'This many days before a service agreement ends, the responsible store is told to renew it.',
    },
  }),
];
