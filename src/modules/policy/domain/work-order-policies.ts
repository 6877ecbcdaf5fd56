import { Type } from 'typebox';
import type { PolicyIssue } from './policy-definition.ts';
import {
  byTier,
  closed,
  code,
  codeMap,
  definePolicy,
  fen,
  intIn,
  issue,
  timeOfDay,
} from './policy-definition.ts';

/** SLA durations up to 30 days; anything longer is a typo, not a service standard. */
const slaHours = () => intIn(1, 720);
const slaDays = () => intIn(1, 60);

export const workOrderPolicies = [
  definePolicy({
    key: 'wo.sla.standard',
    rules: ['WO-7.1'],
    unit: 'table',
    schema: closed({
      categories: Type.Array(code(), { minItems: 1, uniqueItems: true }),
      hoursByTier: byTier(slaHours()),
    }),
    defaultValue: {
      categories: ['air_conditioner', 'washing_machine', 'dishwasher', 'water_heater'],
      hoursByTier: { tier1: 48, tier2: 48, tier3: 72, tier4: 72 },
    },
    label: { 'zh-CN': '安装/维修考核时间（按市场级别）', 'en-US': 'Install/repair SLA by market tier' },
    description: {
      'zh-CN':
        '空调、洗衣机、洗碗机、热水器的安装和维修：一、二级市场 48 小时，三、四级市场 72 小时。按网点所在区域的市场级别计算，不按用户所在地。',
      'en-US':
        "Install and repair of air conditioners, washing machines, dishwashers and water heaters: 48 h in market tiers 1–2, 72 h in tiers 3–4. The tier is the outlet's region's, not the customer's.",
    },
  }),
  definePolicy({
    key: 'wo.sla.all_tiers',
    rules: ['WO-7.2'],
    unit: 'table',
    schema: closed({ hoursByCategory: codeMap(slaHours()) }),
    defaultValue: { hoursByCategory: { television: 96, refrigerator: 96 } },
    label: { 'zh-CN': '彩电/冰箱考核时间', 'en-US': 'Television/refrigerator SLA' },
    description: {
      'zh-CN': '彩电、冰箱的安装和维修在所有市场级别均为 96 小时。',
      'en-US': 'Install and repair of televisions and refrigerators: 96 h in every market tier.',
    },
  }),
  definePolicy({
    key: 'wo.sla.pickup',
    rules: ['WO-7.3'],
    unit: 'table',
    schema: closed({ defaultHours: slaHours(), hoursByCategory: codeMap(slaHours()) }),
    defaultValue: { defaultHours: 72, hoursByCategory: { refrigerator: 120, television: 96 } },
    label: { 'zh-CN': '拉送修考核时间', 'en-US': 'Pick-up repair SLA' },
    description: {
      'zh-CN': '服务方式为单程/双程拉送（含提供周转机）的维修：72 小时；冰箱 120 小时，彩电 96 小时。',
      'en-US':
        'Repairs with a pick-up service mode (one-way or two-way, with or without a loaner): 72 h; refrigerators 120 h, televisions 96 h.',
    },
  }),
  definePolicy({
    key: 'wo.sla.mall_return',
    rules: ['WO-7.4'],
    unit: 'table',
    schema: closed({ daysByTier: byTier(slaDays()) }),
    defaultValue: { daysByTier: { tier1: 7, tier2: 7, tier3: 15, tier4: 15 } },
    label: { 'zh-CN': '商场退换机考核时间', 'en-US': 'Shopping-mall return SLA' },
    description: {
      'zh-CN': '来源渠道为商场的退换机工单：一、二级市场 7 天，三、四级市场 15 天。',
      'en-US':
        'Return orders whose source channel is a shopping mall: 7 days in market tiers 1–2, 15 days in tiers 3–4.',
    },
  }),
  definePolicy({
    key: 'wo.sla.jjwx_days',
    rules: ['WO-7.5'],
    unit: 'days',
    schema: slaDays(),
    defaultValue: 5,
    label: { 'zh-CN': '接机维修考核时间', 'en-US': 'Pick-up (JJWX) repair SLA' },
    description: {
      'zh-CN': '接机维修（JJWX）工单，或实际服务措施为接机的工单：5 天。',
      'en-US': 'Pick-up repair (JJWX) orders, or orders whose actual service measure was pick-up: 5 days.',
    },
  }),
  definePolicy({
    key: 'wo.sla.warning_share',
    rules: ['WO-7'],
    unit: 'ratio',
    schema: Type.Number({ minimum: 0.1, maximum: 0.99 }),
    defaultValue: 0.75,
    label: { 'zh-CN': '考核时间预警比例', 'en-US': 'SLA warning share' },
    description: {
      'zh-CN': '已用考核时间达到该比例时，工单显示黄色预警。原规定未给出数值，默认 75%。',
      'en-US':
        'An order turns amber when this share of its SLA time is used. DOMAIN.md gives no figure; the default is 75%.',
    },
  }),
  definePolicy({
    key: 'wo.appointment.max_window_hours',
    rules: ['WO-4'],
    unit: 'hours',
    schema: intIn(1, 8),
    defaultValue: 3,
    label: { 'zh-CN': '预约时段最长时长', 'en-US': 'Longest appointment window' },
    description: {
      'zh-CN':
        '预约必须是具体日期上的具体时段（如 24 日 10:00–12:00），时段不得超过该时长；“24 日上午”这类约定不被接受。默认 3 小时。',
      'en-US':
        'An appointment is a concrete window on a date (e.g. the 24th, 10:00–12:00) no longer than this; "the morning of the 24th" is refused. Default 3 h.',
    },
  }),
  definePolicy({
    key: 'wo.no_time.horizon_days',
    rules: ['WO-5.9', 'WO-6.2'],
    unit: 'days',
    schema: intIn(1, 60),
    defaultValue: 7,
    label: { 'zh-CN': '用户无时间判定天数', 'en-US': '"Customer has no time" horizon' },
    description: {
      'zh-CN': '用户表示未来若干天内都没有时间，才可记录为“用户无时间”并结单。默认 7 天。',
      'en-US':
        'An order may be recorded and closed as "customer has no time" only when the customer has no time within this many days. Default 7.',
    },
  }),
  definePolicy({
    key: 'wo.trip.deduction_fen',
    rules: ['WO-8', 'STL-3'],
    unit: 'fen',
    schema: fen(10_000_000),
    defaultValue: 5_000,
    label: { 'zh-CN': '跳闸扣款（每次）', 'en-US': 'Deduction per trip' },
    description: {
      'zh-CN':
        '每次因网点原因造成用户再次来电（跳闸），从网点月度结算中扣除的金额。原规定未给出具体数值，默认 50 元。',
      'en-US':
        "Amount deducted from the outlet's monthly statement for each repeat contact it caused (trip). DOMAIN.md gives no figure; the default is 50 yuan.",
    },
  }),
  definePolicy({
    key: 'wo.backlog.age_thresholds_days',
    rules: ['WO-10'],
    unit: 'days',
    schema: Type.Array(intIn(1, 60), { minItems: 1, maxItems: 5, uniqueItems: true }),
    defaultValue: [2, 3],
    refine: (thresholds) => {
      const out: PolicyIssue[] = [];
      for (let i = 1; i < thresholds.length; i++) {
        const prev = thresholds[i - 1] ?? 0;
        const current = thresholds[i] ?? 0;
        if (current <= prev)
          out.push(issue(`/${i}`, `must be greater than the previous threshold (${prev} days)`));
      }
      return out;
    },
    label: { 'zh-CN': '遗留工单统计天数', 'en-US': 'Backlog age thresholds' },
    description: {
      'zh-CN':
        '每日按网点列出超过这些天数仍未结的工单（默认超过 2 天、超过 3 天两档），供早会使用。按从小到大填写。',
      'en-US':
        "Each day, every outlet's open orders older than each of these ages (default 2 and 3 days) are listed for the morning meeting. Ascending order.",
    },
  }),
  definePolicy({
    key: 'wo.backlog.resolve_within_days',
    rules: ['WO-10'],
    unit: 'days',
    schema: intIn(1, 30),
    defaultValue: 3,
    label: { 'zh-CN': '遗留问题解决时限', 'en-US': 'Backlog resolution limit' },
    description: {
      'zh-CN': '每个遗留问题必须在 3 天内解决；信息员解决不了的当天上报产品主管，再上报经理。',
      'en-US':
        'Every backlog item must be resolved within this many days; what the dispatcher cannot solve goes to the product supervisor the same day, then the manager.',
    },
  }),
  definePolicy({
    key: 'wo.parts.request_cutoff',
    rules: ['WO-11'],
    unit: 'time_of_day',
    schema: timeOfDay(),
    defaultValue: '17:00',
    label: { 'zh-CN': '当日申请配件截止时间', 'en-US': 'Same-day parts request cut-off' },
    description: {
      'zh-CN': '当天上门所需配件须在当天 17:00 前申请（业务时区）；已到网点的配件当天装好。',
      'en-US':
        'Parts for a visit made today must be requested before this time today (business time zone); a part that has arrived must be fitted the same day.',
    },
  }),
];
