import { Type } from 'typebox';
import { DEFAULT_BUSINESS_TZ, isValidTimeZone } from '../../../platform/time.ts';
import type { PolicyIssue } from './policy-definition.ts';
import { closed, definePolicy, intIn, issue, numberIn, ratio } from './policy-definition.ts';

const minMax = (min: number, max: number, path = '') => {
  const out: PolicyIssue[] = [];
  if (max < min) out.push(issue(`${path}/max`, `must be at least min (${min})`));
  return out;
};

/** Business time zone, master data, people's KPIs, knowledge and security settings. */
export const generalPolicies = [
  definePolicy({
    key: 'pol.business_time_zone',
    rules: ['POL-2'],
    unit: 'timezone',
    schema: Type.String({
      minLength: 1,
      maxLength: 64,
      description: 'an IANA time zone name such as "Asia/Shanghai"',
    }),
    defaultValue: DEFAULT_BUSINESS_TZ,
    refine: (tz) =>
      isValidTimeZone(tz)
        ? []
        : [issue('', `"${tz}" is not a known time zone; use an IANA name such as "Asia/Shanghai"`)],
    label: { 'zh-CN': '业务时区', 'en-US': 'Business time zone' },
    description: {
      'zh-CN': '12:00、14:00、17:00 等截止时间和“天”都按此时区计算。默认 Asia/Shanghai（北京时间）。',
      'en-US':
        'Cut-off times (12:00, 14:00, 17:00) and "days" are evaluated in this IANA time zone. Default Asia/Shanghai.',
    },
  }),
  definePolicy({
    key: 'md.warranty.default_months',
    rules: ['MD-3'],
    unit: 'months',
    schema: intIn(0, 120),
    defaultValue: 12,
    label: { 'zh-CN': '默认整机保修期', 'en-US': 'Default warranty period' },
    description: {
      'zh-CN': '型号未单独设置保修条款时，整机保修期按购买日起 12 个月计算（三包整机有效期一般为 1 年）。',
      'en-US':
        "Whole-unit warranty counted from the purchase date when the model has no warranty terms of its own. Default 12 months, the usual whole-unit period under China's 三包 rules.",
    },
  }),
  definePolicy({
    key: 'md.sanbao.windows',
    rules: ['MD-3', 'WO-5.7'],
    unit: 'days',
    schema: closed({ returnDays: intIn(0, 90), exchangeDays: intIn(0, 90) }),
    defaultValue: { returnDays: 7, exchangeDays: 15 },
    refine: (w) =>
      w.exchangeDays < w.returnDays
        ? [issue('/exchangeDays', `must be at least returnDays (${w.returnDays})`)]
        : [],
    label: { 'zh-CN': '三包退换货期限', 'en-US': 'Statutory return/exchange windows (三包)' },
    description: {
      'zh-CN':
        '按三包规定：购买后 7 日内出现性能故障，用户可选择退货、换货或修理；15 日内出现性能故障，可选择换货或修理。自购买（开具发票）之日起算。',
      'en-US':
        "Under China's 三包 rules: a performance fault within 7 days of purchase entitles the customer to a return, exchange or repair; within 15 days, to an exchange or repair. Counted from the purchase (invoice) date.",
    },
  }),
  definePolicy({
    key: 'kpi.pay.base_coefficient_range',
    rules: ['KPI-1'],
    unit: 'ratio',
    schema: closed({ min: ratio(), max: ratio() }),
    defaultValue: { min: 0.5, max: 0.8 },
    refine: (r) => minMax(r.min, r.max),
    label: { 'zh-CN': '基本工资系数范围', 'en-US': 'Base pay coefficient range' },
    description: {
      'zh-CN':
        '基本工资 = 上年月平均工资 × 基本工资系数（0.5–0.8）；标准绩效工资 = 上年月平均工资 ×（1 − 系数）。',
      'en-US':
        "Base pay = last year's average monthly pay × base coefficient (0.5–0.8); standard performance pay = that average × (1 − coefficient).",
    },
  }),
  definePolicy({
    key: 'kpi.pay.kpi_value_range',
    rules: ['KPI-1'],
    unit: 'multiplier',
    schema: closed({ min: numberIn(0, 10), max: numberIn(0, 10) }),
    defaultValue: { min: 0.5, max: 5 },
    refine: (r) => minMax(r.min, r.max),
    label: { 'zh-CN': 'KPI 值范围', 'en-US': 'KPI value range' },
    description: {
      'zh-CN': '实际工资 = 基本工资 + 标准绩效工资 × KPI 值；KPI 值取 0.5–5。',
      'en-US': 'Actual pay = base pay + standard performance pay × KPI value; the KPI value lies in 0.5–5.',
    },
  }),
  definePolicy({
    key: 'kpi.scheme.unreasonable_flag',
    rules: ['KPI-2'],
    unit: 'table',
    schema: closed({ minShareOfEmployees: ratio(), kpiValueBelow: numberIn(0, 10) }),
    defaultValue: { minShareOfEmployees: 0.8, kpiValueBelow: 1 },
    label: { 'zh-CN': '考核方案不合理判定', 'en-US': 'Unreasonable KPI scheme flag' },
    description: {
      'zh-CN': '若 80% 及以上员工的 KPI 值低于 1，则提示该考核方案不合理。',
      'en-US':
        'When 80% or more of employees score a KPI value below 1, the scheme is flagged as unreasonable.',
    },
  }),
  definePolicy({
    key: 'kpi.satisfaction.product_quality_weight',
    rules: ['KPI-4'],
    unit: 'ratio',
    schema: ratio(),
    defaultValue: 0.8,
    label: { 'zh-CN': '产品质量满意度权重', 'en-US': 'Product-quality satisfaction weight' },
    description: {
      'zh-CN': '用户满意度 = 产品质量满意度 × w + 服务满意度 ×（1 − w），默认 w = 0.8。',
      'en-US':
        'Customer satisfaction = product-quality satisfaction × w + service satisfaction × (1 − w); default w = 0.8.',
    },
  }),
  definePolicy({
    key: 'kb.training.new_staff_working_days',
    rules: ['KB-2'],
    unit: 'working_days',
    schema: intIn(1, 90),
    defaultValue: 7,
    label: { 'zh-CN': '新员工培训期', 'en-US': 'New staff training period' },
    description: {
      'zh-CN': '新员工培训 7 个工作日，并指定带教老师。',
      'en-US': 'New staff train for this many working days with an assigned mentor.',
    },
  }),
  definePolicy({
    key: 'security.login_lockout',
    rules: [],
    unit: 'table',
    schema: closed({
      maxFailures: intIn(1, 100),
      lockMinutes: intIn(1, 1440),
      slowdownAfter: intIn(1, 100),
      slowdownStepMs: intIn(0, 5000),
    }),
    defaultValue: { maxFailures: 5, lockMinutes: 15, slowdownAfter: 3, slowdownStepMs: 500 },
    refine: (p) =>
      p.slowdownAfter > p.maxFailures
        ? [issue('/slowdownAfter', `must not exceed maxFailures (${p.maxFailures})`)]
        : [],
    label: { 'zh-CN': '登录失败锁定', 'en-US': 'Login lockout' },
    description: {
      'zh-CN':
        '连续登录失败 5 次锁定账号 15 分钟；从第 3 次失败起每次响应延迟递增 0.5 秒。不属于业务规则，是系统安全设置。',
      'en-US':
        'After 5 failed logins in a row the account locks for 15 minutes; from the 3rd failure on each answer is delayed by a further 0.5 s. An operational security setting, not a DOMAIN.md rule.',
    },
  }),
];
