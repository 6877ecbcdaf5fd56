import type { Label } from './order-view.ts';
import {
  channelLabels,
  contactReasonLabels,
  labelOf,
  orderTypeLabels,
  partTimeLabels,
  requesterLabels,
  rescheduleReasonLabels,
  resultCodeLabels,
  serviceModeLabels,
  shippedByLabels,
  tripCauseLabels,
} from './order-labels.ts';

/** Labels of every event type on an order's timeline; an unknown type shows its code rather than nothing. */
const eventLabels: Record<string, Label> = {
  created: { 'zh-CN': '登记工单', 'en-US': 'Order registered' },
  dispatched: { 'zh-CN': '派网点', 'en-US': 'Sent to outlet' },
  accepted: { 'zh-CN': '网点接单', 'en-US': 'Accepted by outlet' },
  assigned: { 'zh-CN': '派工程师', 'en-US': 'Engineer assigned' },
  redispatched: { 'zh-CN': '改派', 'en-US': 'Re-dispatched' },
  cancelled: { 'zh-CN': '取消', 'en-US': 'Cancelled' },
  visit_started: { 'zh-CN': '上门开始', 'en-US': 'Visit started' },
  unit_received: { 'zh-CN': '收到送修机器', 'en-US': 'Unit received' },
  completed: { 'zh-CN': '完工', 'en-US': 'Completed' },
  callback_recorded: { 'zh-CN': '回访', 'en-US': 'Callback' },
  closed: { 'zh-CN': '结单', 'en-US': 'Closed' },
  // Field work (appointments, results, parts, contacts, photos) writes these.
  appointed: { 'zh-CN': '预约上门', 'en-US': 'Appointment agreed' },
  rescheduled: { 'zh-CN': '改约', 'en-US': 'Rescheduled' },
  result_recorded: { 'zh-CN': '中间结果', 'en-US': 'Contact outcome' },
  part_requested: { 'zh-CN': '申请配件', 'en-US': 'Part requested' },
  part_updated: { 'zh-CN': '配件进度', 'en-US': 'Part updated' },
  part_cancelled: { 'zh-CN': '取消配件', 'en-US': 'Part cancelled' },
  contact_logged: { 'zh-CN': '用户来电', 'en-US': 'Customer contact' },
  attachment_added: { 'zh-CN': '上传照片', 'en-US': 'Photo added' },
};

const redispatchReasonLabels: Record<string, Label> = {
  wrong_address: { 'zh-CN': '地址错误', 'en-US': 'wrong address' },
  outside_coverage: { 'zh-CN': '不在服务范围', 'en-US': 'outside coverage' },
  outlet_suspended: { 'zh-CN': '网点暂停派工', 'en-US': 'outlet suspended' },
  outlet_capacity: { 'zh-CN': '网点忙不过来', 'en-US': 'outlet at capacity' },
  customer_request: { 'zh-CN': '用户要求', 'en-US': 'customer request' },
  other: { 'zh-CN': '其他', 'en-US': 'other' },
};

const closingBasisLabels: Record<string, Label> = {
  completed: { 'zh-CN': '正常完工（回访满意）', 'en-US': 'normal completion (satisfied callback)' },
  customer_no_time: { 'zh-CN': '用户无时间', 'en-US': 'customer has no time' },
  declined_on_site: { 'zh-CN': '用户现场拒绝维修', 'en-US': 'customer declined on site' },
};

/** Names of referenced records and the business-time formatting, supplied by the reader. */
type Names = { outlet(id: unknown): string; engineer(id: unknown): string; time(iso: unknown): string };

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** One sentence per timeline entry in both languages, from the event's own data. */
export function describeEvent(type: string, data: Record<string, unknown>, names: Names): Label {
  const both = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
  switch (type) {
    case 'created': {
      const [type, channel, mode] = [
        labelOf(orderTypeLabels, data.orderType),
        labelOf(channelLabels, data.channel),
        labelOf(serviceModeLabels, data.serviceMode),
      ];
      return both(
        `登记：${type['zh-CN']} / ${channel['zh-CN']} / ${mode['zh-CN']}`,
        `Registered: ${type['en-US']} / ${channel['en-US']} / ${mode['en-US']}`,
      );
    }
    case 'dispatched': {
      const to = names.outlet(data.outletId);
      if (data.selfReceived === true) return both(`网点自接：${to}`, `Self-received by ${to}`);
      if (data.override === true) {
        const proposed = data.proposedOutletId ? names.outlet(data.proposedOutletId) : '—';
        return both(
          `派给 ${to}（系统建议 ${proposed}，改选原因：${str(data.overrideReason)}）`,
          `Sent to ${to} (proposed ${proposed}; overridden because: ${str(data.overrideReason)})`,
        );
      }
      return both(`派给 ${to}（系统建议）`, `Sent to ${to} (as proposed)`);
    }
    case 'accepted':
      return both('网点已接单', 'The outlet accepted the order');
    case 'assigned': {
      const who = names.engineer(data.engineerId);
      const followed = data.followedSuggestion === true;
      return both(
        `派工程师 ${who}${followed ? '（系统建议）' : ''}`,
        `Assigned to ${who}${followed ? ' (as suggested)' : ''}`,
      );
    }
    case 'redispatched': {
      const reason = redispatchReasonLabels[str(data.reasonCode)];
      const note = str(data.note);
      return both(
        `改派：${names.outlet(data.fromOutletId)} → ${names.outlet(data.outletId)}，原因：${reason?.['zh-CN'] ?? str(data.reasonCode)}${note ? `（${note}）` : ''}`,
        `Re-dispatched from ${names.outlet(data.fromOutletId)} to ${names.outlet(data.outletId)}: ${reason?.['en-US'] ?? str(data.reasonCode)}${note ? ` (${note})` : ''}`,
      );
    }
    case 'cancelled':
      return both(`取消：${str(data.reason)}`, `Cancelled: ${str(data.reason)}`);
    case 'visit_started':
      return both('工程师到达现场', 'The engineer arrived on site');
    case 'unit_received':
      return both('网点收到送修机器', 'The outlet received the unit');
    case 'completed':
      return both(
        `完工${data.actualMeasurePickup === true ? '（实际为接机）' : ''}`,
        `Work completed${data.actualMeasurePickup === true ? ' (actually a pick-up)' : ''}`,
      );
    case 'callback_recorded': {
      const by = data.by === 'dispatcher' ? ['信息员', 'dispatcher'] : ['呼叫中心', 'call center'];
      if (data.reached !== true) return both(`${by[0]}回访：未联系上`, `Callback by ${by[1]}: not reached`);
      const ok = data.satisfied === true;
      const reopened = data.reopened === true;
      return both(
        `${by[0]}回访：${ok ? '满意' : '不满意'}${reopened ? '，工单退回继续处理' : ''}`,
        `Callback by ${by[1]}: ${ok ? 'satisfied' : 'not satisfied'}${reopened ? '; the order goes back to work' : ''}`,
      );
    }
    case 'closed': {
      const basis = closingBasisLabels[str(data.basis)];
      return both(
        `结单：${basis?.['zh-CN'] ?? str(data.basis)}`,
        `Closed: ${basis?.['en-US'] ?? str(data.basis)}`,
      );
    }
    default:
      return describeFieldEvent(type, data, names);
  }
}

const window = (data: Record<string, unknown>): string =>
  `${str(data.day)} ${str(data.windowStart)}–${str(data.windowEnd)}`;

/** Field work: appointments, outcomes, parts, contacts and photos. */
function describeFieldEvent(type: string, data: Record<string, unknown>, names: Names): Label {
  const both = (zh: string, en: string): Label => ({ 'zh-CN': zh, 'en-US': en });
  switch (type) {
    case 'appointed': {
      const by = labelOf(requesterLabels, data.agreedBy);
      return both(`预约 ${window(data)}（${by['zh-CN']}确认）`, `Visit agreed for ${window(data)}`);
    }
    case 'rescheduled': {
      const who = labelOf(requesterLabels, data.requestedBy);
      const why = labelOf(rescheduleReasonLabels, data.reasonCode);
      const ok = data.customerAccepted === true;
      return both(
        `改约至 ${window(data)}，${who['zh-CN']}提出，原因：${why['zh-CN']}${ok ? '，用户认可' : '，用户未认可'}`,
        `Moved to ${window(data)} at the request of ${who['en-US']} (${why['en-US']}); ${ok ? 'the customer agreed' : 'the customer did not agree'}`,
      );
    }
    case 'result_recorded': {
      const code = labelOf(resultCodeLabels, data.code);
      return both(`中间结果：${code['zh-CN']}`, `Outcome: ${code['en-US']}`);
    }
    case 'part_requested': {
      const how = labelOf(shippedByLabels, data.shippedBy);
      const qty = typeof data.quantity === 'number' ? data.quantity : 1;
      return both(
        `申请配件：${str(data.partName)} × ${qty}（${how['zh-CN']}）`,
        `Part requested: ${str(data.partName)} × ${qty} (${how['en-US']})`,
      );
    }
    case 'part_updated': {
      const moves = Object.keys(partTimeLabels).filter((f) => typeof data[f] === 'string');
      const zh = moves.map((f) => `${labelOf(partTimeLabels, f)['zh-CN']} ${names.time(data[f])}`);
      const en = moves.map((f) => `${labelOf(partTimeLabels, f)['en-US']} ${names.time(data[f])}`);
      if (typeof data.promisedArrivalDate === 'string') {
        zh.push(`预计到件 ${data.promisedArrivalDate}`);
        en.push(`expected ${data.promisedArrivalDate}`);
      }
      return both(
        `配件进度 ${str(data.partName)}：${zh.join('，') || '已更新'}`,
        `Part ${str(data.partName)}: ${en.join(', ') || 'updated'}`,
      );
    }
    case 'part_cancelled':
      return both(
        `取消配件 ${str(data.partName)}：${str(data.reason)}`,
        `Part ${str(data.partName)} cancelled: ${str(data.reason)}`,
      );
    case 'contact_logged': {
      const reason = labelOf(contactReasonLabels, data.reason);
      const channel = labelOf(channelLabels, data.channel);
      if (data.trip !== true) {
        return both(
          `用户来电（${channel['zh-CN']}）：${reason['zh-CN']}`,
          `Customer contact (${channel['en-US']}): ${reason['en-US']}`,
        );
      }
      const cause = labelOf(tripCauseLabels, data.cause);
      return both(
        `用户来电（${channel['zh-CN']}）：${reason['zh-CN']}。计一次重复来电：${str(data.cause)} ${cause['zh-CN']}`,
        `Customer contact (${channel['en-US']}): ${reason['en-US']}. Counted as a trip: ${str(data.cause)} ${cause['en-US']}`,
      );
    }
    case 'attachment_added': {
      const kb = typeof data.sizeBytes === 'number' ? Math.max(1, Math.round(data.sizeBytes / 1024)) : 0;
      return both(`上传照片（${kb} KB）`, `Photo added (${kb} KB)`);
    }
    default: {
      const label = eventLabels[type];
      return label ? { ...label } : both(type, type);
    }
  }
}

export const eventLabel = (type: string): Label => eventLabels[type] ?? { 'zh-CN': type, 'en-US': type };
