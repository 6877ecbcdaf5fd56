import { Type } from 'typebox';
import type { PolicyIssue } from './policy-definition.ts';
import {
  closed,
  definePolicy,
  fen,
  intIn,
  issue,
  nonDecreasing,
  ratio,
  timeOfDay,
} from './policy-definition.ts';

const homeServiceParty = () =>
  closed({
    afterDays: Type.Array(intIn(1, 365), { minItems: 1, maxItems: 10, uniqueItems: true }),
    thenEveryDays: intIn(0, 365),
  });

/** Issues for day offsets that must rise strictly (a schedule listed out of order is a typo, not a plan). */
const ascendingDays = (days: readonly number[], path: string): PolicyIssue[] => {
  const out: PolicyIssue[] = [];
  for (let i = 1; i < days.length; i++) {
    const prev = days[i - 1] ?? 0;
    if ((days[i] ?? 0) <= prev)
      out.push(issue(`${path}/${i}`, `must be greater than the previous day (${prev})`));
  }
  return out;
};

const dealerTier = () =>
  closed({
    interval: closed({
      every: intIn(1, 12),
      unit: Type.Enum(['weeks', 'months']),
    }),
    targetCallbackRate: ratio(),
    minSatisfaction: ratio(),
  });

export const callbackPolicies = [
  definePolicy({
    key: 'cb.completion_entry.max_hours',
    rules: ['CB-3'],
    unit: 'hours',
    schema: intIn(1, 720),
    defaultValue: 72,
    label: { 'zh-CN': '完工录入时限', 'en-US': 'Completion entry limit' },
    description: {
      'zh-CN': '网点应在完工后立即录入完工信息，最迟不超过 72 小时。',
      'en-US': 'The outlet enters the completion at once, at the latest this many hours after the work.',
    },
  }),
  definePolicy({
    key: 'cb.callback.due_days',
    rules: ['CB-3'],
    unit: 'days',
    schema: intIn(1, 30),
    defaultValue: 3,
    label: { 'zh-CN': '回访时限', 'en-US': 'Callback due within' },
    description: {
      'zh-CN': '呼叫中心在网点录入完工后 3 天内完成回访并判定结果。',
      'en-US': 'The call center calls back and judges within this many days of the completion entry.',
    },
  }),
  definePolicy({
    key: 'cb.appeal.window_days',
    rules: ['CB-3'],
    unit: 'days',
    schema: intIn(1, 30),
    defaultValue: 3,
    label: { 'zh-CN': '回访结果申诉期限', 'en-US': 'Callback appeal window' },
    description: {
      'zh-CN': '网点看到回访结果后，可在 3 天内于系统中申诉，呼叫中心进行二次回访。',
      'en-US':
        'After seeing the callback result the outlet may appeal in the system within this many days; the call center then calls back a second time.',
    },
  }),
  definePolicy({
    key: 'cb.appeal.max_count',
    rules: ['CB-3'],
    unit: 'count',
    schema: intIn(0, 5),
    defaultValue: 1,
    label: { 'zh-CN': '每单申诉次数上限', 'en-US': 'Appeals per order' },
    description: {
      'zh-CN': '每个回访结果网点只能申诉 1 次，二次回访结果即为最终结果。',
      'en-US': 'An outlet may appeal a callback result this many times (once); the second callback is final.',
    },
  }),
  definePolicy({
    key: 'cb.unreachable.max_attempts',
    rules: ['CB-5'],
    unit: 'count',
    schema: intIn(1, 10),
    defaultValue: 3,
    label: { 'zh-CN': '无人接听重拨次数', 'en-US': 'Attempts when unanswered' },
    description: {
      'zh-CN':
        '电话无人接听时，在上午、下午、晚上不同时段重拨，共拨打几次后放弃。原规定未给出具体数值，默认 3 次（每个时段 1 次）。',
      'en-US':
        'When nobody answers, call again in different time slots (morning, afternoon, evening) up to this many attempts in all before giving up. DOMAIN.md gives no figure; the default is 3, one per slot.',
    },
  }),
  definePolicy({
    key: 'cb.attempt.slot_starts',
    rules: ['CB-5'],
    unit: 'time_of_day',
    schema: closed({ morning: timeOfDay(), afternoon: timeOfDay(), evening: timeOfDay() }),
    defaultValue: { morning: '08:00', afternoon: '12:00', evening: '18:00' },
    refine: (starts) => {
      const out: PolicyIssue[] = [];
      if (starts.afternoon <= starts.morning) {
        out.push(issue('/afternoon', `must be later than the morning start (${starts.morning})`));
      }
      if (starts.evening <= starts.afternoon) {
        out.push(issue('/evening', `must be later than the afternoon start (${starts.afternoon})`));
      }
      return out;
    },
    label: { 'zh-CN': '回访时段划分', 'en-US': 'Callback time slots' },
    description: {
      'zh-CN':
        '无人接听时需换时段重拨：上午、下午、晚上各自的开始时间（业务时区）。早于上午开始时间的呼叫算作上午。原规定未给出具体时间，默认 08:00、12:00、18:00。',
      'en-US':
        'Unanswered callbacks are retried in another slot; these are the starts of morning, afternoon and evening in the business time zone. A call before the morning start counts as morning. The sources give no times; defaults 08:00, 12:00, 18:00.',
    },
  }),
  definePolicy({
    key: 'cb.satisfaction.min_satisfied_score',
    rules: ['CB-4', 'WO-6.1'],
    unit: 'points',
    schema: intIn(1, 5),
    defaultValue: 4,
    label: { 'zh-CN': '满意的最低评分', 'en-US': 'Lowest score counted as satisfied' },
    description: {
      'zh-CN':
        '回访满意度按 1–5 分记录；达到此分数即视为用户满意（工单可按正常完工封单）。原规定未给出具体数值，默认 4 分。',
      'en-US':
        'Callback satisfaction is scored 1–5; a score at least this high counts as a satisfied customer (so a normal completion may close). The sources give no figure; the default is 4.',
    },
  }),
  definePolicy({
    key: 'cb.sampling.rate_by_grade',
    rules: ['CB-2'],
    unit: 'ratio',
    schema: closed({ a: ratio(), b: ratio(), c: ratio(), d: ratio() }),
    defaultValue: { a: 0.2, b: 0.3, c: 0.5, d: 1 },
    refine: (rates) => nonDecreasing(rates, ['a', 'b', 'c', 'd']),
    label: { 'zh-CN': '总部回访抽样比例（按网点等级）', 'en-US': 'HQ callback sampling by outlet grade' },
    description: {
      'zh-CN':
        '在网点回访之外，总部按网点等级抽取已完工工单进行回访：等级越低，抽样越多。原规定未给出具体数值，默认甲 20%、乙 30%、丙 50%、丁 100%。',
      'en-US':
        "Share of completed orders the HQ call center calls back on top of the outlet's own callbacks, by outlet grade; lower grades are sampled more. DOMAIN.md gives no figures; defaults A 20%, B 30%, C 50%, D 100%.",
    },
  }),
  definePolicy({
    key: 'cb.high_value.threshold_fen',
    rules: ['CB-2', 'STL-2'],
    unit: 'fen',
    schema: fen(100_000_000),
    defaultValue: 20_000,
    label: { 'zh-CN': '高额结算工单金额', 'en-US': 'High-value order threshold' },
    description: {
      'zh-CN': '结算金额达到此值的工单为高额工单，需多次回访后才能结算。原规定未给出具体数值，默认 200 元。',
      'en-US':
        'Orders whose settlement fee is at least this amount are high-value and need repeated callbacks before they settle. DOMAIN.md gives no figure; the default is 200 yuan.',
    },
  }),
  definePolicy({
    key: 'cb.high_value.callback_count',
    rules: ['CB-2', 'STL-2'],
    unit: 'count',
    schema: intIn(2, 5),
    defaultValue: 2,
    label: { 'zh-CN': '高额工单回访次数', 'en-US': 'Callbacks per high-value order' },
    description: {
      'zh-CN': '高额工单结算前需要的回访次数（含首次），至少 2 次。默认 2 次。',
      'en-US':
        'Callbacks (including the first) a high-value order needs before it settles; at least 2. Default 2.',
    },
  }),
  definePolicy({
    key: 'cb.dealer.tiers',
    rules: ['CB-7'],
    unit: 'table',
    schema: closed({ gold: dealerTier(), medium: dealerTier() }),
    defaultValue: {
      gold: { interval: { every: 2, unit: 'weeks' }, targetCallbackRate: 1, minSatisfaction: 0.93 },
      medium: { interval: { every: 1, unit: 'months' }, targetCallbackRate: 0.98, minSatisfaction: 0.9 },
    },
    label: { 'zh-CN': '经销商回访分类标准', 'en-US': 'Dealer callback classes' },
    description: {
      'zh-CN':
        'A 类金牌经销商每 2 周回访一次，回访率 100%，满意度不低于 93%；B 类中等经销商每月回访，回访率 98%，满意度不低于 90%；C 类黑名单经销商不回访，但其投诉照常处理。',
      'en-US':
        'A (gold) dealers are called back every 2 weeks, target callback rate 100%, satisfaction at least 93%; B (medium) monthly, 98%, at least 90%; C (blacklist) dealers are never called back, though their complaints are still handled.',
    },
  }),
  definePolicy({
    key: 'cb.home_service.schedule',
    rules: ['CB-8'],
    unit: 'table',
    schema: closed({ customer: homeServiceParty(), worker: homeServiceParty() }),
    defaultValue: {
      customer: { afterDays: [7, 30], thenEveryDays: 30 },
      worker: { afterDays: [7, 30], thenEveryDays: 30 },
    },
    refine: (schedule) => [
      ...ascendingDays(schedule.customer.afterDays, '/customer/afterDays'),
      ...ascendingDays(schedule.worker.afterDays, '/worker/afterDays'),
    ],
    label: { 'zh-CN': '家政用户与服务员回访时间', 'en-US': 'Home-service callback schedule' },
    description: {
      'zh-CN':
        '家政服务员到岗后第几天回访用户、回访服务员（从小到大），之后每隔多少天定期回访（0 为不再回访），至服务结束为止。原规定只要求“定时回访”，未给出天数，默认第 7、30 天，之后每 30 天。',
      'en-US':
        'Days after the worker starts with a customer on which the customer and the worker are called back (ascending), then every this many days while the placement lasts (0: no further callbacks). The source only says "on schedule"; defaults days 7 and 30, then every 30 days.',
    },
  }),
  definePolicy({
    key: 'stl.callback_result.fee_share',
    rules: ['CB-6', 'STL-2'],
    unit: 'ratio',
    schema: closed({ qualified: ratio(), unqualified: ratio(), untrue: ratio() }),
    defaultValue: { qualified: 1, unqualified: 0.5, untrue: 0 },
    refine: (share) => {
      const out: PolicyIssue[] = [];
      if (share.unqualified > share.qualified) {
        out.push(issue('/unqualified', `must not exceed the qualified share (${share.qualified})`));
      }
      if (share.untrue > share.unqualified) {
        out.push(issue('/untrue', `must not exceed the unqualified share (${share.unqualified})`));
      }
      return out;
    },
    label: { 'zh-CN': '回访结果结算比例', 'en-US': 'Fee share by callback result' },
    description: {
      'zh-CN':
        '按最终回访结果结算的服务费比例：合格按标准费用 100%；不合格、不属实按降低标准结算。原规定未给出具体数值，默认不合格 50%、不属实 0%。',
      'en-US':
        'Share of the standard service fee paid by final callback result: qualified 100%; unqualified and untrue settle lower. DOMAIN.md gives no figures; defaults unqualified 50%, untrue 0%.',
    },
  }),
  definePolicy({
    key: 'stl.callback_result.untrue_deduction_fen',
    rules: ['CB-6', 'STL-2'],
    unit: 'fen',
    schema: fen(10_000_000),
    defaultValue: 10_000,
    label: { 'zh-CN': '不属实工单扣款', 'en-US': 'Deduction per untrue order' },
    description: {
      'zh-CN':
        '回访判定为不属实（虚假上门、虚报服务方式或费用）的工单，除不结算外另扣网点的金额。原规定未给出具体数值，默认 100 元。',
      'en-US':
        'Amount deducted from the outlet for each order judged untrue (visit never made, false service mode, over-reported fees), on top of not paying it. DOMAIN.md gives no figure; the default is 100 yuan.',
    },
  }),
];
