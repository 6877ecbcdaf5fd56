import type { Label } from './order-view.ts';

/**
 * Server-side names of the order codes, for sentences the server writes (timeline, exports). The console
 * has its own copy in its dictionaries; these must read the same.
 */
type Labels = Record<string, Label>;

const l = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });

export const orderTypeLabels: Labels = {
  install: l('安装', 'installation'),
  repair: l('维修', 'repair'),
  maintenance: l('保养', 'maintenance'),
  consultation: l('咨询', 'consultation'),
  return_exchange: l('退换货', 'return / exchange'),
  pickup_repair: l('接机维修', 'pick-up repair'),
};

export const channelLabels: Labels = {
  hotline: l('400热线', 'hotline'),
  web: l('网站', 'website'),
  app: l('App', 'app'),
  wechat: l('微信', 'WeChat'),
  qq: l('QQ', 'QQ'),
  email: l('邮件', 'e-mail'),
  dealer: l('经销商', 'dealer'),
  mall: l('商场', 'mall'),
  e_commerce: l('电商', 'e-commerce'),
  self_received: l('网点自接', 'taken by the outlet'),
};

export const serviceModeLabels: Labels = {
  on_site: l('上门服务', 'on site'),
  carry_in: l('用户送修', 'carry-in'),
  pickup_one_way: l('单程拉修', 'pick-up, one way'),
  pickup_two_way: l('双程拉修', 'pick-up, both ways'),
  pickup_one_way_loaner: l('单程拉修（备用机）', 'pick-up, one way, loaner'),
  pickup_two_way_loaner: l('双程拉修（备用机）', 'pick-up, both ways, loaner'),
};

export const resultCodeLabels: Labels = {
  APPOINTED: l('已预约', 'appointed'),
  RESCHEDULED: l('已改约', 'rescheduled'),
  UNREACHABLE: l('联系不上用户', 'customer unreachable'),
  AWAITING_PARTS: l('待件', 'awaiting parts'),
  TAKEN_FOR_REPAIR: l('拉回维修', 'taken for repair'),
  NORMAL_NOT_ACCEPTED: l('属正常现象，用户不认可', 'normal behaviour, customer disagrees'),
  RETURN_EXCHANGE: l('退换货', 'return / exchange'),
  OUT_OF_WARRANTY_DECLINED: l('保外，用户拒绝付费', 'out of warranty, customer declines to pay'),
  CUSTOMER_NO_TIME: l('用户暂无时间', 'customer has no time'),
};

export const contactReasonLabels: Labels = {
  ask_visit_time: l('询问上门时间', 'asks when someone will come'),
  engineer_late: l('催促：未按约上门或来电', 'chasing: nobody came or called'),
  time_change_disputed: l('不认可网点改约的时间', 'disputes a time the outlet set'),
  parts_progress: l('询问配件进度', 'asks about parts'),
  own_reschedule: l('用户自己改约', 'reschedules own appointment'),
  other: l('其他', 'other'),
};

export const tripCauseLabels: Labels = {
  'WO-8.1': l('约定时间内未上门或未来电', 'no visit or call in the agreed window'),
  'WO-8.2': l('未给出明确上门时间', 'no concrete visit time given'),
  'WO-8.3': l('改约未经用户认可', 'time changed without the customer agreeing'),
  'WO-8.4': l('待件未告知到件日期', 'waiting for parts without an arrival date'),
};

export const requesterLabels: Labels = {
  customer: l('用户', 'the customer'),
  outlet: l('网点', 'the outlet'),
  call_center: l('呼叫中心', 'the call center'),
};

export const rescheduleReasonLabels: Labels = {
  customer_unavailable: l('用户没空', 'customer unavailable'),
  awaiting_parts: l('等配件', 'waiting for parts'),
  engineer_unavailable: l('工程师没空', 'engineer unavailable'),
  outlet_capacity: l('网点忙不过来', 'outlet at capacity'),
  other: l('其他', 'other'),
};

export const shippedByLabels: Labels = {
  division: l('事业部发货', 'shipped by the division'),
  trading_company: l('工贸公司发货', 'shipped by the trading company'),
  outlet_stock: l('网点库存', 'from outlet stock'),
};

export const partTimeLabels: Labels = {
  shelfOffAt: l('下架', 'off the shelf'),
  stationArrivalAt: l('到站', 'at the station'),
  arrivedAtOutletAt: l('到网点', 'at the outlet'),
  fittedAt: l('已安装', 'fitted'),
};

/** The label in both languages, or the code itself when it is unknown (never an empty sentence). */
export const labelOf = (labels: Labels, code: unknown): Label => {
  const key = typeof code === 'string' ? code : '';
  return labels[key] ?? l(key || '—', key || '—');
};
