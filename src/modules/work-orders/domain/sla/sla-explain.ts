import { formatBusiness, formatDuration } from '../../../../platform/time.ts';
import type { SlaEvaluation } from './sla-engine.ts';
import type { SlaBasis } from './sla-rules.ts';

type Locale = 'zh-CN' | 'en-US';

const words: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    install: '安装',
    repair: '维修',
    maintenance: '保养',
    consultation: '咨询',
    return_exchange: '退换机',
    pickup_repair: '接机维修',
    on_site: '上门',
    carry_in: '送修',
    pickup_one_way: '单程拉送',
    pickup_two_way: '双程拉送',
    pickup_one_way_loaner: '单程拉送（周转机）',
    pickup_two_way_loaner: '双程拉送（周转机）',
    mall: '商场渠道',
    station_arrival: '过站时间',
    shelf_off: '下架时间',
    open: '尚未到货',
  },
  'en-US': {
    install: 'install',
    repair: 'repair',
    maintenance: 'maintenance',
    consultation: 'consultation',
    return_exchange: 'return/exchange',
    pickup_repair: 'pick-up repair',
    on_site: 'on-site',
    carry_in: 'carry-in',
    pickup_one_way: 'one-way pick-up',
    pickup_two_way: 'two-way pick-up',
    pickup_one_way_loaner: 'one-way pick-up with loaner',
    pickup_two_way_loaner: 'two-way pick-up with loaner',
    mall: 'shopping-mall channel',
    station_arrival: 'station arrival',
    shelf_off: 'shelf-off',
    open: 'not arrived yet',
  },
};

/** Short date-time for explanations: "11-02 10:00" in the business zone. */
const short = (d: Date, tz: string) => formatBusiness(d, tz).slice(5);

/**
 * The "why" behind an SLA figure (UI.md): the rule and policy version, what in the order chose it, when the
 * clock started, each parts deduction with its times, and the deadline. `categoryName` comes from the catalogue.
 */
export function explainSla(
  e: SlaEvaluation,
  basis: SlaBasis,
  categoryName: string,
  locale: Locale,
  tz: string,
): string {
  const w = words[locale];
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  if (!e.decision) {
    parts.push(
      e.noSlaReason === 'no_outlet_yet'
        ? zh
          ? '尚未派给网点：考核时限按网点所在区域的市场级别确定。'
          : 'Not dispatched yet: the SLA depends on the market tier of the outlet’s region.'
        : zh
          ? '该工单类型/品类不在考核标准时间表内，不计考核时限。'
          : 'No row of the SLA table covers this order type and category: no deadline applies.',
    );
    return parts.join(' ');
  }
  const d = e.decision;
  const facts = [w[basis.orderType], w[basis.serviceMode], categoryName];
  if (basis.channel === 'mall') facts.push(w.mall ?? 'mall');
  if (basis.outletTier && (d.rule === 'WO-7.1' || d.rule === 'WO-7.4')) {
    facts.push(zh ? `网点所在区域${basis.outletTier}级市场` : `outlet in a tier-${basis.outletTier} region`);
  }
  const hours = formatDuration(d.allowedHours * 3_600_000, locale);
  parts.push(
    zh
      ? `考核时限 ${hours}（${d.rule}，制度 ${d.policyKey} 第 ${d.policyVersion} 版）：${facts.join(' · ')}。`
      : `${hours} (${d.rule}, policy ${d.policyKey} v${d.policyVersion}): ${facts.join(', ')}.`,
  );
  parts.push(
    zh
      ? `起算：${e.startReason === 'requested' ? '用户要求时间' : '建单时间'} ${short(e.startAt, tz)}。`
      : `Clock starts at the ${e.startReason === 'requested' ? 'customer’s requested time' : 'creation'}, ${short(e.startAt, tz)}.`,
  );
  if (e.deductions.length > 0) {
    const items = e.deductions.map(
      (x) => `${x.parts.join('、')} ${short(x.from, tz)} → ${short(x.to, tz)}（${w[x.endSource]}）`,
    );
    parts.push(
      zh
        ? `扣除配件在途 ${formatDuration(e.deductedMs, locale)}：${items.join('；')}。`
        : `Minus ${formatDuration(e.deductedMs, locale)} parts in transit: ${items.join('; ').replace(/（/g, ' (').replace(/）/g, ')')}.`,
    );
  }
  if (e.uncreditedParts.length > 0) {
    const names = [...new Set(e.uncreditedParts)].join('、');
    parts.push(
      zh
        ? `未扣除：${names} 没有过站或下架时间（WO-7.6 只按这两个时间扣除）。`
        : `Not deducted: ${names} has no station arrival or shelf-off time (WO-7.6 deducts only from those).`,
    );
  }
  if (e.deadline) {
    parts.push(
      zh
        ? `截止 ${short(e.deadline, tz)}${e.openWaits.length > 0 ? '（配件到货前暂停计时）' : ''}。`
        : `Due ${short(e.deadline, tz)}${e.openWaits.length > 0 ? ' (paused until the part arrives)' : ''}.`,
    );
  }
  return parts.join(' ');
}
