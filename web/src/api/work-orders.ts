/** Shapes of the work-order API (intake, lifecycle, SLA, field work, dispatch board, engineer jobs). */
import type { Localized } from './types';

export const ORDER_STATUSES = [
  'created',
  'dispatched',
  'accepted',
  'assigned',
  'appointed',
  'in_progress',
  'awaiting_parts',
  'follow_up',
  'completed',
  'closed',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
export const OPEN_STATUSES: readonly string[] = ORDER_STATUSES.filter(
  (status) => status !== 'closed' && status !== 'cancelled',
);

export const ORDER_TYPES = [
  'install',
  'repair',
  'maintenance',
  'consultation',
  'return_exchange',
  'pickup_repair',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const CHANNELS = [
  'hotline',
  'web',
  'app',
  'wechat',
  'qq',
  'email',
  'dealer',
  'mall',
  'e_commerce',
  'self_received',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const SERVICE_MODES = [
  'on_site',
  'carry_in',
  'pickup_one_way',
  'pickup_two_way',
  'pickup_one_way_loaner',
  'pickup_two_way_loaner',
] as const;
export type ServiceMode = (typeof SERVICE_MODES)[number];

export const SLA_STATES = ['on_track', 'warning', 'breached', 'met', 'paused', 'none'] as const;
export const CLOSING_BASES = ['completed', 'customer_no_time', 'declined_on_site'] as const;
export type ClosingBasis = (typeof CLOSING_BASES)[number];
export const REDISPATCH_REASONS = [
  'wrong_address',
  'outside_coverage',
  'outlet_suspended',
  'outlet_capacity',
  'customer_request',
  'other',
] as const;
export const CONTACT_REASONS = [
  'ask_visit_time',
  'engineer_late',
  'time_change_disputed',
  'parts_progress',
  'own_reschedule',
  'other',
] as const;

export interface Reason {
  code: string;
  message: string;
  data?: Record<string, unknown>;
}

export interface RankedOutlet {
  outletId: string;
  code: string;
  name: string;
  distanceKm: number | null;
  grade: string | null;
  openOrders: number;
  reasons: Reason[];
  rank: number;
}

export interface Proposal {
  proposalId: string;
  ok: boolean;
  code: string | null;
  message: string | null;
  proposal: RankedOutlet | null;
  ranked: RankedOutlet[];
  rejected: { id: string; code: string; name: string; reasons: Reason[] }[];
}

export interface NamedRef {
  id: string;
  code: string;
  name: string;
}

export interface ActionAvailability {
  action: string;
  allowed: boolean;
  reason: { code: string; message: string } | null;
}

export interface SlaBlock {
  state: string;
  deadline: string | null;
  rule: string | null;
  policyVersion: number | null;
  assessedSeconds: number | null;
  evaluatedAt: string | null;
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
  categoryName: Localized | null;
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
    modelCode: string | null;
    modelName: string | null;
  } | null;
  outlet: NamedRef | null;
  proposedOutlet: NamedRef | null;
  dispatchOverrideReason: string | null;
  engineer: NamedRef | null;
  closingBasis: string | null;
  instants: Record<string, string | null>;
  sla: SlaBlock;
  actions: ActionAvailability[];
  createdAt: string;
}

export interface SlaExplanation {
  orderId: string;
  stored: SlaBlock;
  evaluation: {
    state: string;
    decision: { rule: string; policyKey: string; policyVersion: number; allowedHours: number } | null;
    noSlaReason: string | null;
    deadline: string | null;
    allowedMs: number | null;
    assessedMs: number | null;
    deductions: { reason?: string; ms?: number; from?: string; to?: string }[];
    deductedMs: number;
    openWaits: unknown[];
  } | null;
  text: Localized;
}

export interface TimelineEntry {
  id: string;
  at: string;
  type: string;
  actor: { id: string; displayName: string } | null;
  label: Localized;
  text: Localized;
}

export interface EngineerSuggestion {
  ok: boolean;
  code: string | null;
  message: string | null;
  suggestion: { engineerId: string; code: string; name: string; reasons: Reason[] } | null;
  ranked: { engineerId: string; code: string; name: string; reasons: Reason[] }[];
  rejected: { id: string; code: string; name: string; reasons: Reason[] }[];
}

export interface ContactAnswer {
  trip: boolean;
  cause?: string;
  finding?: string;
  promptApology: boolean;
  apologyScript: Localized;
}

export interface ContactRecord {
  id: string;
  at: string;
  channel: string;
  reason: string;
  customerUnhappy: boolean;
  note: string | null;
  trip: boolean;
  tripCause: string | null;
}

export interface AppointmentWindow {
  date: string;
  start: string;
  end: string;
}

export interface OrderCard {
  orderId: string;
  number: string;
  status: string;
  districtPath: string;
  categoryCode: string;
  categoryName: Localized;
  orderType: string;
  serviceMode: string;
  appointment: AppointmentWindow | null;
  slaState: string;
  slaDeadline: string | null;
  overdue: boolean;
  faultDescription?: string;
}

export const BOARD_BUCKETS = ['carryIn', 'tomorrowVisits', 'specialCustomers', 'awaitingParts'] as const;
export type BoardBucket = (typeof BOARD_BUCKETS)[number];

export interface DispatchBoard {
  today: string;
  tomorrow: string;
  outletId: string | null;
  truncated: boolean;
  buckets: Record<BoardBucket, { count: number; overdue: number; cards: OrderCard[] }>;
}

export interface EngineerJobs {
  day: 'today' | 'tomorrow';
  date: string;
  visits: OrderCard[];
  withoutWindow: OrderCard[];
  /** Open jobs booked on another day, earliest first. */
  otherDays: OrderCard[];
}

/* Field work on an order: appointments (WO-4), intermediate results (WO-5), parts (WO-7.6, WO-11), photos. */

export const RESCHEDULE_REQUESTERS = ['customer', 'outlet', 'call_center'] as const;
export type RescheduleRequester = (typeof RESCHEDULE_REQUESTERS)[number];
export const RESCHEDULE_REASON_CODES = [
  'customer_unavailable',
  'awaiting_parts',
  'engineer_unavailable',
  'outlet_capacity',
  'other',
] as const;
export type RescheduleReasonCode = (typeof RESCHEDULE_REASON_CODES)[number];

export const RESULT_CODES = [
  'APPOINTED',
  'RESCHEDULED',
  'UNREACHABLE',
  'AWAITING_PARTS',
  'TAKEN_FOR_REPAIR',
  'NORMAL_NOT_ACCEPTED',
  'RETURN_EXCHANGE',
  'OUT_OF_WARRANTY_DECLINED',
  'CUSTOMER_NO_TIME',
] as const;
export type ResultCode = (typeof RESULT_CODES)[number];
export const PHONE_OUTCOMES = ['no_answer', 'wrong_number'] as const;
export const ADDRESS_OUTCOMES = ['no_such_house_number', 'no_such_person'] as const;
export const NEGOTIATION_STATUSES = ['negotiating', 'agreed', 'deadlocked'] as const;
/** Who ships a part named in an AWAITING_PARTS result (WO-5.4). */
export const RESULT_PART_SHIPPERS = ['division', 'trading_company'] as const;
/** Who ships a requested part: only division parts pause the outlet's clock (WO-7.6). */
export const PART_SHIPPERS = ['division', 'trading_company', 'outlet_stock'] as const;
export type PartShipper = (typeof PART_SHIPPERS)[number];
export const PART_TIME_FIELDS = ['shelfOffAt', 'stationArrivalAt', 'arrivedAtOutletAt', 'fittedAt'] as const;
export type PartTimeField = (typeof PART_TIME_FIELDS)[number];
export const PART_STATUSES = ['requested', 'in_transit', 'at_outlet', 'fitted', 'cancelled'] as const;
export const ATTACHMENT_KINDS = ['photo', 'fault', 'nameplate', 'completion', 'invoice'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface AppointmentRecord {
  id: string;
  orderId: string;
  kind: 'initial' | 'reschedule';
  day: string;
  windowStart: string;
  windowEnd: string;
  startsAt: string;
  endsAt: string;
  agreedBy: 'customer' | 'family_member' | null;
  relation: string | null;
  requestedBy: RescheduleRequester | null;
  reasonCode: RescheduleReasonCode | null;
  reason: string | null;
  customerAccepted: boolean;
  broken: boolean;
  current: boolean;
  supersededAt: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface ResultRecord {
  id: string;
  orderId: string;
  code: ResultCode;
  data: Record<string, unknown>;
  recordedAt: string;
  recordedBy: string | null;
}

export interface PartRequest {
  id: string;
  orderId: string;
  partName: string;
  partCode: string | null;
  quantity: number;
  shippedBy: PartShipper;
  appliedAt: string;
  shelfOffAt: string | null;
  stationArrivalAt: string | null;
  arrivedAtOutletAt: string | null;
  fittedAt: string | null;
  promisedArrivalDate: string | null;
  cancelledAt: string | null;
  status: (typeof PART_STATUSES)[number];
  version: number;
  createdBy: string | null;
}

export interface OrderAttachment {
  id: string;
  orderId: string;
  kind: AttachmentKind;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: string;
}

/** What a field command answers about the order it changed. */
export interface FieldOrderSummary {
  id: string;
  number: string;
  status: string;
  version: number;
}

/** The board's new-work buckets, shown before WO-15's: sent and not acknowledged; nobody named yet. */
export const ACTION_BUCKETS = ['toAccept', 'toAssign'] as const;
export type ActionBucket = (typeof ACTION_BUCKETS)[number];

/** A card of a new-work bucket: what to send back with a bulk action, and how long it has waited. */
export interface WaitingCard extends OrderCard {
  outletId: string | null;
  version: number;
  waitingSince: string;
  waitingMinutes: number;
}

export interface BoardColumn<C extends OrderCard = OrderCard> {
  count: number;
  overdue: number;
  cards: C[];
}

export interface DispatchBoardWithActions extends Omit<DispatchBoard, 'buckets'> {
  buckets: Record<BoardBucket, BoardColumn> & Record<ActionBucket, BoardColumn<WaitingCard>>;
}

export interface BulkItemResult {
  orderId: string;
  ok: boolean;
  version?: number;
  error?: { code: string; detail: string; reason?: string };
}

export interface BulkResult {
  results: BulkItemResult[];
  succeeded: number;
  failed: number;
}

/** GET /api/dispatch/engineers: the outlet's engineers ranked by WO-13 for the selected orders. */
export interface EngineerPick {
  engineerId: string;
  code: string;
  name: string;
  eligible: boolean;
  rank: number | null;
  openAssigned: number;
  assignedToday: number;
  reasons: Reason[];
}

export interface EngineerPicker {
  outletId: string;
  categoryCodes: string[];
  ok: boolean;
  code: string | null;
  message: string | null;
  suggestedEngineerId: string | null;
  engineers: EngineerPick[];
}
