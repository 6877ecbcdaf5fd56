/** Shapes of the order-callback desk API under `/api/callbacks` (CB-1..CB-6). */
import type { Localized, Page } from './types';

export const TASK_STATUSES = ['open', 'judged', 'appealed', 'final', 'unreachable'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const QUEUE_VIEWS = ['due', 'overdue', 'appealed', 'mine', 'all'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export const CALLERS = ['call_center', 'outlet'] as const;
export type Caller = (typeof CALLERS)[number];

export type PlanReason = 'HIGH_VALUE' | 'SAMPLED' | 'NOT_SAMPLED';

export const VERDICTS = ['qualified', 'unqualified', 'untrue'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const UNQUALIFIED_REASONS = [
  'SAME_PHONE_DIFFERENT_NAME',
  'SAME_PHONE_DIFFERENT_ADDRESS',
  'NOT_WORKING_AFTER_SERVICE',
  'SERVICE_NOT_TIMELY',
  'CUSTOMER_DISSATISFIED',
  'OTHER_UNQUALIFIED',
] as const;
export const UNTRUE_REASONS = [
  'VISIT_NOT_MADE',
  'FALSE_SERVICE_MODE',
  'FEE_OVER_REPORTED',
  'WORK_NOT_DONE',
  'OTHER_UNTRUE',
] as const;
export type VerdictReason = (typeof UNQUALIFIED_REASONS)[number] | (typeof UNTRUE_REASONS)[number];

/** CB-6: the reasons each verdict may carry; a qualified verdict carries none. */
export const REASONS_BY_VERDICT: Record<Verdict, readonly VerdictReason[]> = {
  qualified: [],
  unqualified: UNQUALIFIED_REASONS,
  untrue: UNTRUE_REASONS,
};
/** An "other" reason means nothing without the agent's note. */
export const REASONS_NEEDING_NOTE: readonly VerdictReason[] = ['OTHER_UNQUALIFIED', 'OTHER_UNTRUE'];
export const SAME_PHONE_REASONS: readonly VerdictReason[] = [
  'SAME_PHONE_DIFFERENT_NAME',
  'SAME_PHONE_DIFFERENT_ADDRESS',
];

/** CB-5: how one call ended, in the order the agent meets them on the phone. */
export const ATTEMPT_OUTCOMES = ['no_answer', 'other_does_not_know', 'other_knows', 'reached'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];
/** Outcomes that give an account of the service, so the CB-4 questions are asked. */
export const ANSWERED_OUTCOMES: readonly AttemptOutcome[] = ['reached', 'other_knows'];

export const CALL_SLOTS = ['morning', 'afternoon', 'evening'] as const;
export type CallSlot = (typeof CALL_SLOTS)[number];

export type FinalBasis =
  'QUALIFIED' | 'APPEAL_DECIDED' | 'NO_APPEAL_ALLOWED' | 'APPEAL_WINDOW_CLOSED' | 'UNREACHABLE';
export type NextGuidance = 'FIRST_CALL' | 'TRY_ANOTHER_SLOT' | 'CALL_CUSTOMER_ANOTHER_DAY';
export type OutletGrade = 'A' | 'B' | 'C' | 'D';

export interface Person {
  id: string;
  displayName: string;
}

export interface Allowed {
  allowed: boolean;
  reason: { code: string; message: string } | null;
}

export interface QueueItem {
  id: string;
  version: number;
  status: TaskStatus;
  orderId: string;
  orderNumber: string;
  orderType: string;
  outletId: string;
  outletName: string;
  regionCode: string;
  caller: Caller;
  planReason: PlanReason;
  highValue: boolean;
  rounds: number;
  roundsAnswered: number;
  attemptCount: number;
  lastAttemptAt: string | null;
  completedAt: string;
  completionEnteredAt: string;
  lateEntry: boolean;
  dueAt: string;
  overdue: boolean;
  month: string;
  verdict: Verdict | null;
  verdictAt: string | null;
  appealWindowClosesAt: string | null;
  finalAt: string | null;
}

export type QueuePage = Page<QueueItem>;

export interface Question {
  id: AnswerId;
  path: string;
  kind: 'yes_no' | 'amount_fen' | 'score';
  rule: 'CB-4';
  label: Localized;
  askedWhen: { id: AnswerId; equals: boolean } | null;
  min: number | null;
  max: number | null;
}

export interface Answers {
  repairedOrInstalled: boolean;
  feeCharged: boolean;
  feeAmountFen: number | null;
  timely: boolean;
  worksNow: boolean;
  satisfaction: number;
  note: string | null;
}
export type AnswerId = Exclude<keyof Answers, 'note'>;

export interface AttemptView {
  id: string;
  verdictRound: number;
  at: string;
  slot: CallSlot;
  outcome: AttemptOutcome;
  agent: Person;
  answers: Answers | null;
  satisfied: boolean | null;
  note: string | null;
}

export interface NextAttempt {
  status: 'calling' | 'ready_for_verdict' | 'unreachable' | 'done';
  round: number | null;
  roundsAnswered: number;
  roundsRequired: number;
  guidance: NextGuidance | null;
  message: string;
  allowedSlots: CallSlot[];
  notBeforeDate: string | null;
  suggestedAt: string | null;
  attemptsLeft: number | null;
  slotNow: CallSlot;
}

export interface SettlementView {
  verdict: Verdict;
  kind: 'standard' | 'reduced' | 'deducted';
  feeShare: number;
  standardFeeFen: number;
  payableFen: number;
  deductionFen: number;
  netFen: number;
  policyVersions: Record<string, number>;
}

export interface VerdictView {
  id: string;
  round: number;
  kind: 'first' | 'appeal_callback';
  verdict: Verdict;
  reasons: VerdictReason[];
  note: string | null;
  evidenceOrderIds: string[];
  agent: Person;
  recordedAt: string;
  settlement: SettlementView;
  auditedAt: string | null;
}

export interface AppealFileView {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedAt: string;
  url: string;
}

export interface AppealView {
  id: string;
  verdictId: string;
  filedAt: string;
  filedBy: Person;
  statement: string;
  files: AppealFileView[];
}

export interface EvidenceItem {
  orderId: string;
  orderNumber: string;
  differentName: boolean;
  differentAddress: boolean;
}

export interface FinalisationView {
  final: boolean;
  basis: FinalBasis | null;
  finalAt: string | null;
  verdict: Verdict | null;
  pending: 'NO_VERDICT' | 'APPEAL_PENDING' | 'APPEAL_WINDOW_OPEN' | null;
  windowClosesAt: string | null;
}

export interface TaskDetail {
  id: string;
  version: number;
  status: TaskStatus;
  month: string;
  plan: {
    caller: Caller;
    reason: PlanReason;
    highValue: boolean;
    rounds: number;
    roundsAnswered: number;
    sampling: { grade: OutletGrade; rate: number; sampled: boolean };
    settlementValueFen: number;
    completedAt: string;
    completionEnteredAt: string;
    dueAt: string;
    overdue: boolean;
    lateEntry: { late: boolean; limitAt: string; lateByHours: number; message: string | null };
    policyVersions: Record<string, number>;
  };
  order: {
    id: string;
    number: string;
    orderType: string;
    status: string;
    categoryCode: string;
    categoryName: Localized;
    serviceMode: string;
    completedAt: string | null;
    closedAt: string | null;
    regionCode: string;
    outlet: { id: string; code: string; name: string };
    engineer: { id: string; name: string } | null;
  };
  customer: {
    id: string;
    nameMasked: string;
    phoneMasked: string | null;
    addressMasked: string | null;
    regionCode: string | null;
  };
  questions: Question[];
  attempts: AttemptView[];
  nextAttempt: NextAttempt;
  verdicts: VerdictView[];
  appeals: AppealView[];
  evidence: EvidenceItem[];
  finalisation: FinalisationView;
  allowed: {
    call: Allowed;
    judge: Allowed;
    appeal: Allowed;
    uploadAppealFile: Allowed;
    audit: Allowed;
    reveal: Allowed;
  };
}

export interface RevealResult {
  customerId: string;
  name: string;
  phones: { id: string; number: string }[];
  address: { id: string; regionCode: string; detail: string } | null;
}

export interface AttemptBody {
  version: number;
  outcome: AttemptOutcome;
  answers?: Partial<Record<keyof Answers, boolean | number | string | null>>;
  note?: string | null;
}

export interface VerdictBody {
  version: number;
  verdict: Verdict;
  reasons: VerdictReason[];
  note?: string | null;
  evidenceOrderIds?: string[];
}

export type AuditDocumentKind = 'completion_entry' | 'verdict';

export interface AuditDocument {
  kind: AuditDocumentKind;
  id: string;
  taskId: string;
  orderId: string;
  orderNumber: string;
  outletId: string;
  outletName: string;
  at: string;
  agent: Person | null;
  verdict: Verdict | null;
  lateEntry: boolean;
  auditedAt: string | null;
  auditedBy: Person | null;
}

export interface AuditList {
  date: string;
  deadline: string;
  documents: AuditDocument[];
  outstanding: number;
  auditedInTime: number;
  auditedLate: number;
  missed: boolean;
  byVerdict: Record<Verdict, number>;
}

export interface AuditResult {
  audited: { kind: AuditDocumentKind; id: string; auditedAt: string; already: boolean }[];
}

export interface MonthEnd {
  month: string;
  lastDate: string;
  endsAt: string;
  monthOver: boolean;
  total: number;
  clearedInMonth: number;
  clearedLate: number;
  clearedShare: number | null;
  open: {
    taskId: string;
    orderId: string;
    orderNumber: string;
    outletId: string;
    caller: Caller;
    dueAt: string;
    overdue: boolean;
    dueAfterMonthEnd: boolean;
  }[];
  byOutlet: { outletId: string; outletName: string; total: number; open: number; overdue: number }[];
}

export const callbackPath = (taskId: string, tail = '') =>
  `/api/callbacks/${encodeURIComponent(taskId)}${tail ? `/${tail}` : ''}`;

/** Appeal files the server takes (CB-3 evidence: photos and scanned documents). */
export const APPEAL_FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_APPEAL_FILE_MB = 8;
/** The server takes at most this many files per appeal. */
export const MAX_APPEAL_FILES = 10;
