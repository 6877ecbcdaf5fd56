import { Type } from 'typebox';
import type { PolicyIssue } from './policy-definition.ts';
import { closed, code, definePolicy, fen, intIn, issue } from './policy-definition.ts';

const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

export const complaintPolicies = [
  definePolicy({
    key: 'cmp.overstep_fine_fen',
    rules: ['CMP-1'],
    unit: 'fen',
    schema: closed({ minFen: fen(100_000_000), maxFen: fen(100_000_000) }),
    defaultValue: { minFen: 20_000, maxFen: 50_000 },
    refine: (f) =>
      f.maxFen < f.minFen ? [issue('/maxFen', `must be at least minFen (${f.minFen} fen)`)] : [],
    label: { 'zh-CN': '越权处理投诉罚款', 'en-US': 'Fine for overstepping complaint authority' },
    description: {
      'zh-CN': '首问部门只负责受理并转售后，越权处理投诉结果的，记录并罚款 200–500 元。',
      'en-US':
        'The department that first receives a complaint owns its intake and hands it to after-sales; deciding its outcome without authority is recorded with a fine of 200–500 yuan.',
    },
  }),
  definePolicy({
    key: 'cmp.compensation.authority_chain',
    rules: ['CMP-7', 'SEC-2'],
    unit: 'fen',
    schema: Type.Array(closed({ role: code(), maxFen: fen() }), { minItems: 1, maxItems: 10 }),
    defaultValue: [
      { role: 'complaints', maxFen: 20_000 },
      { role: 'regional', maxFen: 100_000 },
      { role: 'center', maxFen: 1_000_000 },
    ],
    refine: (chain) => {
      const out: PolicyIssue[] = [];
      const seen = new Set<string>();
      chain.forEach((level, i) => {
        if (seen.has(level.role))
          out.push(issue(`/${i}/role`, `role "${level.role}" appears twice in the chain`));
        seen.add(level.role);
        const below = chain[i - 1];
        if (below && level.maxFen <= below.maxFen) {
          out.push(
            issue(
              `/${i}/maxFen`,
              `must be greater than the level below (${below.role}: ${below.maxFen} fen)`,
            ),
          );
        }
      });
      return out;
    },
    label: { 'zh-CN': '投诉赔偿授权额度', 'en-US': 'Compensation authority by level' },
    description: {
      'zh-CN':
        '按审批层级从低到高排列，每级可批准的赔偿上限；超出须报上一级审批，不得跳级越权。原规定未给出具体数值，默认：客诉专员 200 元、驻外客服 1000 元、事业部客服中心 10000 元；超出最高一级的由营销总监在系统外审批。',
      'en-US':
        'Approval levels from lowest to highest with the most each may grant; more needs the next level up, never skipping one. Levels are user roles (complaints, regional, center). DOMAIN.md gives no figures; defaults: complaint specialist 200 yuan, regional manager 1,000, service center 10,000; above the top level the marketing director decides outside the system.',
    },
  }),
  definePolicy({
    key: 'cmp.time_limit.general_hours',
    rules: ['CMP-8'],
    unit: 'hours',
    schema: closed({ urban: intIn(1, 720), suburban: intIn(1, 720) }),
    defaultValue: { urban: 24, suburban: 72 },
    label: { 'zh-CN': '一般业务投诉处理时限', 'en-US': 'General complaint time limit' },
    description: {
      'zh-CN': '一般业务类投诉：市区 24 小时，郊区 72 小时内处理完毕。',
      'en-US':
        'General business complaints are resolved within 24 h in urban areas and 72 h in suburban areas.',
    },
  }),
  definePolicy({
    key: 'cmp.time_limit.parts_days',
    rules: ['CMP-8'],
    unit: 'days',
    schema: closed({ normal: intIn(1, 90), incident: intIn(1, 90) }),
    defaultValue: { normal: 7, incident: 5 },
    label: { 'zh-CN': '配件类投诉处理时限', 'en-US': 'Parts complaint time limit' },
    description: {
      'zh-CN': '配件问题（非常用配件）：正常单 7 天，事故单 5 天。',
      'en-US':
        'Parts problems (non-common parts): normal orders within 7 days, incident orders within 5 days.',
    },
  }),
  definePolicy({
    key: 'cmp.time_limit.return_exchange_days',
    rules: ['CMP-8'],
    unit: 'days',
    schema: closed({ normal: intIn(1, 90), incident: intIn(1, 90) }),
    defaultValue: { normal: 15, incident: 5 },
    label: { 'zh-CN': '退换机类投诉处理时限', 'en-US': 'Return/exchange complaint time limit' },
    description: {
      'zh-CN': '退换机问题：正常单 15 天，事故单 5 天。',
      'en-US': 'Return/exchange problems: normal orders within 15 days, incident orders within 5 days.',
    },
  }),
  definePolicy({
    key: 'cmp.progress_notice_hours',
    rules: ['CMP-8'],
    unit: 'hours',
    schema: intIn(1, 168),
    defaultValue: 24,
    label: { 'zh-CN': '投诉进度告知时限', 'en-US': 'Progress notice to the customer' },
    description: {
      'zh-CN': '无论处理到哪一步，都须在投诉后 24 小时内告知用户进度及下次联系时间。',
      'en-US':
        'Whatever the state, the customer hears progress within this many hours of the complaint and is told when the next contact will be.',
    },
  }),
  definePolicy({
    key: 'cmp.report.monthly_due_day',
    rules: ['CMP-12'],
    unit: 'day_of_month',
    schema: intIn(1, 28),
    defaultValue: 5,
    label: { 'zh-CN': '月度投诉报告提交日', 'en-US': 'Monthly complaint report due day' },
    description: {
      'zh-CN': '月度投诉分析报告须在次月 5 日前提交（最多设到 28 日，保证每个月都有这一天）。',
      'en-US':
        'The monthly complaint report is due by this day of the next month (at most 28, so that every month has it).',
    },
  }),
  definePolicy({
    key: 'cmp.report.weekly_before_weekday',
    rules: ['CMP-12'],
    unit: 'day_of_week',
    schema: Type.Enum(weekdays),
    defaultValue: 'saturday',
    label: { 'zh-CN': '周报发布截止', 'en-US': 'Weekly summary published before' },
    description: {
      'zh-CN': '每周投诉汇总须在周六之前发布（即最迟周五）。',
      'en-US':
        'The weekly complaint summary is published before this weekday (Saturday: by Friday at the latest).',
    },
  }),
];
