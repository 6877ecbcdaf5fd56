import type { ExportColumn, ExportLocale } from '../../platform/files/xlsx-export.ts';
import { formatBusiness } from '../../platform/time.ts';
import type { OrderStatus } from './domain/lifecycle.ts';
import type { WorkOrderRow } from './work-orders.repository.ts';

export type Label = { 'zh-CN': string; 'en-US': string };

export interface NamedRef {
  id: string;
  code: string;
  name: string;
}

export interface ActionAvailability {
  action: string;
  allowed: boolean;
  /** Why not, when not: the refusal code of the rule or state machine, and what to do. */
  reason: { code: string; message: string } | null;
}

export interface OrderSlaBlock {
  state: string;
  deadline: string | null;
  rule: string | null;
  policyVersion: number | null;
  assessedSeconds: number | null;
  evaluatedAt: string | null;
  /** The state at the time of reading: a stored `on_track` may have run out since the last change. */
  stateNow: string;
}

export interface OrderListItem {
  id: string;
  number: string;
  status: string;
  orderType: string;
  channel: string;
  serviceMode: string;
  categoryCode: string;
  regionCode: string;
  customerId: string;
  customerNameMasked: string | null;
  outletId: string | null;
  outletName: string | null;
  engineerId: string | null;
  slaState: string;
  slaDeadline: string | null;
  createdAt: string;
  version: number;
}

export interface OrderDetail {
  id: string;
  number: string;
  status: string;
  version: number;
  orderType: string;
  channel: string;
  serviceMode: string;
  categoryCode: string;
  categoryName: Label | null;
  faultDescription: string;
  customerRequestedAt: string | null;
  regionCode: string;
  regionPath: string;
  customer: {
    id: string;
    code: string;
    nameMasked: string;
    phoneMasked: string | null;
    tags: string[];
    address: { id: string; regionCode: string; regionPath: string; detailMasked: string } | null;
  } | null;
  unit: {
    id: string;
    serialNumber: string;
    modelId: string;
    modelCode: string | null;
    modelName: string | null;
  } | null;
  outlet: NamedRef | null;
  proposedOutlet: NamedRef | null;
  dispatchOverrideReason: string | null;
  engineer: NamedRef | null;
  closingBasis: string | null;
  actualMeasurePickup: boolean;
  instants: Record<
    | 'createdAt'
    | 'dispatchedAt'
    | 'acceptedAt'
    | 'assignedAt'
    | 'firstContactAt'
    | 'firstVisitAt'
    | 'firstPartRequestAt'
    | 'completedAt'
    | 'closedAt'
    | 'cancelledAt',
    string | null
  >;
  sla: OrderSlaBlock;
  actions: ActionAvailability[];
  createdAt: string;
  updatedAt: string;
}

export interface TimelineEntry {
  id: string;
  at: string;
  type: string;
  actor: { id: string; displayName: string } | null;
  label: Label;
  text: Label;
  data: Record<string, unknown>;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const orderStatusLabels: Record<OrderStatus, Label> = {
  created: { 'zh-CN': '已登记', 'en-US': 'Registered' },
  dispatched: { 'zh-CN': '已派网点', 'en-US': 'Sent to outlet' },
  accepted: { 'zh-CN': '网点已接单', 'en-US': 'Accepted' },
  assigned: { 'zh-CN': '已派工程师', 'en-US': 'Engineer assigned' },
  appointed: { 'zh-CN': '已预约', 'en-US': 'Appointed' },
  in_progress: { 'zh-CN': '服务中', 'en-US': 'In progress' },
  awaiting_parts: { 'zh-CN': '待件', 'en-US': 'Awaiting parts' },
  follow_up: { 'zh-CN': '待再次上门', 'en-US': 'Follow-up' },
  completed: { 'zh-CN': '已完工', 'en-US': 'Completed' },
  closed: { 'zh-CN': '已结单', 'en-US': 'Closed' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
};

const slaStateLabels: Record<string, Label> = {
  on_track: { 'zh-CN': '正常', 'en-US': 'On track' },
  warning: { 'zh-CN': '预警', 'en-US': 'Warning' },
  breached: { 'zh-CN': '超时', 'en-US': 'Breached' },
  met: { 'zh-CN': '按时完成', 'en-US': 'Met' },
  paused: { 'zh-CN': '暂停（待件）', 'en-US': 'Paused (parts)' },
  none: { 'zh-CN': '不考核', 'en-US': 'No SLA' },
};

/** MD-5: the street part of an address keeps its first third (digits starred), as the customers module shows it. */
export function maskAddressDetail(detail: string): string {
  const chars = [...detail.trim()];
  const keep = Math.min(6, Math.ceil(chars.length / 3));
  return `${chars
    .slice(0, keep)
    .join('')
    .replace(/[0-9０-９]/g, '*')}****`;
}

export function orderInstants(o: WorkOrderRow): OrderDetail['instants'] {
  return {
    createdAt: iso(o.createdAt),
    dispatchedAt: iso(o.dispatchedAt),
    acceptedAt: iso(o.acceptedAt),
    assignedAt: iso(o.assignedAt),
    firstContactAt: iso(o.firstContactAt),
    firstVisitAt: iso(o.firstVisitAt),
    firstPartRequestAt: iso(o.firstPartRequestAt),
    completedAt: iso(o.completedAt),
    closedAt: iso(o.closedAt),
    cancelledAt: iso(o.cancelledAt),
  };
}

export function slaBlock(o: WorkOrderRow, stateNow: string): OrderSlaBlock {
  return {
    state: o.slaState,
    deadline: iso(o.slaDeadline),
    rule: o.slaRule,
    policyVersion: o.slaPolicyVersion,
    assessedSeconds: o.slaAssessedSeconds,
    evaluatedAt: iso(o.slaEvaluatedAt),
    stateNow,
  };
}

export function toListItem(
  o: WorkOrderRow,
  extra: { customerNameMasked: string | null; outletName: string | null },
): OrderListItem {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    orderType: o.orderType,
    channel: o.channel,
    serviceMode: o.serviceMode,
    categoryCode: o.categoryCode,
    regionCode: o.regionCode,
    customerId: o.customerId,
    customerNameMasked: extra.customerNameMasked,
    outletId: o.outletId,
    outletName: extra.outletName,
    engineerId: o.engineerId,
    slaState: o.slaState,
    slaDeadline: iso(o.slaDeadline),
    createdAt: o.createdAt.toISOString(),
    version: o.version,
  };
}

/** What the audit trail keeps about a new order: codes and ids, never the fault text (it may name people). */
export function auditableOrder(o: WorkOrderRow): Record<string, unknown> {
  return {
    number: o.number,
    status: o.status,
    customerId: o.customerId,
    unitId: o.unitId,
    regionCode: o.regionCode,
    categoryCode: o.categoryCode,
    orderType: o.orderType,
    channel: o.channel,
    serviceMode: o.serviceMode,
    outletId: o.outletId,
    proposedOutletId: o.proposedOutletId,
    dispatchOverrideReason: o.dispatchOverrideReason,
    customerRequestedAt: o.customerRequestedAt,
  };
}

export function orderExportColumns(locale: ExportLocale, tz: string): ExportColumn<OrderListItem>[] {
  const label = (labels: Record<string, Label>, v: string) => labels[v]?.[locale] ?? v;
  const at = (v: string | null) => (v ? formatBusiness(new Date(v), tz) : null);
  return [
    { header: { 'zh-CN': '工单号', 'en-US': 'Order no.' }, value: (o) => o.number, width: 20 },
    {
      header: { 'zh-CN': '状态', 'en-US': 'Status' },
      value: (o) => label(orderStatusLabels, o.status),
      width: 14,
    },
    { header: { 'zh-CN': '类型', 'en-US': 'Type' }, value: (o) => o.orderType, width: 16 },
    { header: { 'zh-CN': '来源', 'en-US': 'Channel' }, value: (o) => o.channel, width: 14 },
    { header: { 'zh-CN': '服务方式', 'en-US': 'Service mode' }, value: (o) => o.serviceMode, width: 20 },
    { header: { 'zh-CN': '品类', 'en-US': 'Category' }, value: (o) => o.categoryCode, width: 16 },
    { header: { 'zh-CN': '区县', 'en-US': 'District' }, value: (o) => o.regionCode },
    { header: { 'zh-CN': '用户', 'en-US': 'Customer' }, value: (o) => o.customerNameMasked },
    { header: { 'zh-CN': '网点', 'en-US': 'Outlet' }, value: (o) => o.outletName, width: 28 },
    {
      header: { 'zh-CN': '考核状态', 'en-US': 'SLA' },
      value: (o) => label(slaStateLabels, o.slaState),
    },
    { header: { 'zh-CN': '考核截止', 'en-US': 'SLA deadline' }, value: (o) => at(o.slaDeadline), width: 18 },
    { header: { 'zh-CN': '登记时间', 'en-US': 'Created' }, value: (o) => at(o.createdAt), width: 18 },
  ];
}
