import { Type } from 'typebox';
import type { Static, TSchema } from 'typebox';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import {
  attemptOutcomes,
  callbackCallers,
  callSlots,
  outletGrades,
  untrueReasons,
  unqualifiedReasons,
  verdicts,
} from './domain/callback-codes.ts';

/**
 * The order-callback desk's HTTP contract (CB-1..CB-6, WO-6.1): every request and response body under
 * `/api/callbacks`. The console is built against these shapes; they change only by adding fields.
 * Instants are ISO 8601 strings; money is integer fen; personal data is masked except in `RevealResult`.
 */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const Id = IdParams.properties.id;
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
/** An ISO 8601 instant, e.g. "2026-11-23T02:00:00.000Z". */
const Instant = Type.String({ maxLength: 40 });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const DateOnly = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Localized = Type.Object({ 'zh-CN': Type.String(), 'en-US': Type.String() });
/** WO-2 order type and WO-3 service mode codes, as the work-orders module names them. */
const OrderTypeCode = Type.String({
  description: 'install | repair | maintenance | consultation | return_exchange | pickup_repair',
});
const ServiceModeCode = Type.String({
  description:
    'on_site | carry_in | pickup_one_way | pickup_two_way | pickup_one_way_loaner | pickup_two_way_loaner',
});
const Person = Type.Object({ id: Type.String(), displayName: Type.String() });

export const TaskStatuses = ['open', 'judged', 'appealed', 'final', 'unreachable'] as const;
export const QueueViews = ['due', 'overdue', 'appealed', 'mine', 'all'] as const;

export const Caller = Type.Enum(callbackCallers);
export const TaskStatus = Type.Enum(TaskStatuses);
export const PlanReason = Type.Enum(['HIGH_VALUE', 'SAMPLED', 'NOT_SAMPLED'] as const);
export const VerdictCode = Type.Enum(verdicts);
export const ReasonCode = Type.Enum([...unqualifiedReasons, ...untrueReasons]);
export const AttemptOutcome = Type.Enum(attemptOutcomes);
export const CallSlot = Type.Enum(callSlots);
export const FinalBasis = Type.Enum([
  'QUALIFIED',
  'APPEAL_DECIDED',
  'NO_APPEAL_ALLOWED',
  'APPEAL_WINDOW_CLOSED',
  'UNREACHABLE',
] as const);

// ---------------------------------------------------------------------------------------------------------
// Requests

export const TaskParams = Type.Object({ id: Id }, { additionalProperties: false });
export const OrderParams = Type.Object({ orderId: Id }, { additionalProperties: false });
export const FileParams = Type.Object({ id: Id, fileId: Id }, { additionalProperties: false });

/**
 * GET /api/callbacks/queue. `view`: due = waiting for the first verdict (status open); overdue = open past its
 * due time; appealed = waiting for the second callback; mine = tasks I called or judged; all = everything in
 * my scope. Sorted by due time, oldest first.
 */
export const QueueQuery = Type.Object(
  {
    ...PageQuery,
    view: Type.Optional(Type.Enum(QueueViews)),
    caller: Type.Optional(Caller),
    outletId: Type.Optional(Id),
    status: Type.Optional(TaskStatus),
    month: Type.Optional(Month),
    /** Order number, or part of it. */
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 30, pattern: '^[A-Za-z0-9-]+$' })),
  },
  { additionalProperties: false },
);
export type QueueQuery = Static<typeof QueueQuery>;

/**
 * The CB-4 answers. Types are checked here; which answers are required (all but the note; the amount exactly
 * when a fee was charged) is checked by the rule, whose refusals carry a `code` per field.
 */
export const AnswersBody = Type.Object(
  {
    repairedOrInstalled: Type.Optional(Nullable(Type.Boolean())),
    feeCharged: Type.Optional(Nullable(Type.Boolean())),
    feeAmountFen: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER }))),
    timely: Type.Optional(Nullable(Type.Boolean())),
    worksNow: Type.Optional(Nullable(Type.Boolean())),
    satisfaction: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 5 }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);

/** POST /api/callbacks/:id/attempts — answers only when someone who knows answered (reached, other_knows). */
export const AttemptBody = Type.Object(
  {
    version: Version,
    outcome: AttemptOutcome,
    answers: Type.Optional(AnswersBody),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type AttemptBody = Static<typeof AttemptBody>;

/** POST /api/callbacks/:id/verdict. `evidenceOrderIds` defaults to the conflicts found for the order. */
export const VerdictBody = Type.Object(
  {
    version: Version,
    verdict: VerdictCode,
    reasons: Type.Array(ReasonCode, { maxItems: 11 }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    evidenceOrderIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type VerdictBody = Static<typeof VerdictBody>;

/** POST /api/callbacks/:id/appeal — an empty statement is refused with APPEAL_STATEMENT_REQUIRED. */
export const AppealBody = Type.Object(
  { version: Version, statement: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);
export type AppealBody = Static<typeof AppealBody>;

/**
 * POST /api/callbacks/:id/appeal/files: the file is the raw request body with its Content-Type (image/jpeg,
 * image/png, image/webp or application/pdf); `fileName` labels it.
 */
export const AppealFileQuery = Type.Object(
  { fileName: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

/** GET /api/callbacks/audit — the business date, default today. */
export const AuditQuery = Type.Object({ date: Type.Optional(DateOnly) }, { additionalProperties: false });

/** POST /api/callbacks/audit */
export const AuditBody = Type.Object(
  {
    documents: Type.Array(
      Type.Object(
        { kind: Type.Enum(['completion_entry', 'verdict'] as const), id: Id },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type AuditBody = Static<typeof AuditBody>;

/** GET /api/callbacks/month-end — default the current business month. */
export const MonthEndQuery = Type.Object({ month: Type.Optional(Month) }, { additionalProperties: false });

// ---------------------------------------------------------------------------------------------------------
// Responses

/** Whether the caller may take an action now, and why not (a rule or permission code and a sentence). */
export const Allowed = Type.Object({
  allowed: Type.Boolean(),
  reason: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
});

export const QueueItem = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  status: TaskStatus,
  orderId: Type.String(),
  orderNumber: Type.String(),
  orderType: OrderTypeCode,
  outletId: Type.String(),
  outletName: Type.String(),
  regionCode: Type.String(),
  caller: Caller,
  planReason: PlanReason,
  highValue: Type.Boolean(),
  rounds: Type.Integer(),
  roundsAnswered: Type.Integer(),
  attemptCount: Type.Integer(),
  lastAttemptAt: Nullable(Instant),
  completedAt: Instant,
  completionEnteredAt: Instant,
  lateEntry: Type.Boolean(),
  dueAt: Instant,
  /** Open past its due time (CB-3). */
  overdue: Type.Boolean(),
  month: Type.String(),
  verdict: Nullable(VerdictCode),
  verdictAt: Nullable(Instant),
  appealWindowClosesAt: Nullable(Instant),
  finalAt: Nullable(Instant),
});

export const QueuePage = Type.Object({
  items: Type.Array(QueueItem),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const Question = Type.Object({
  id: Type.String(),
  path: Type.String(),
  kind: Type.Enum(['yes_no', 'amount_fen', 'score'] as const),
  rule: Type.Literal('CB-4'),
  label: Localized,
  askedWhen: Nullable(Type.Object({ id: Type.String(), equals: Type.Boolean() })),
  min: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
});

export const Answers = Type.Object({
  repairedOrInstalled: Type.Boolean(),
  feeCharged: Type.Boolean(),
  feeAmountFen: Nullable(Type.Integer()),
  timely: Type.Boolean(),
  worksNow: Type.Boolean(),
  satisfaction: Type.Integer(),
  note: Nullable(Type.String()),
});

export const AttemptView = Type.Object({
  id: Type.String(),
  /** 1: the first callback; 2: the second callback on the appeal. */
  verdictRound: Type.Integer(),
  at: Instant,
  slot: CallSlot,
  outcome: AttemptOutcome,
  agent: Person,
  answers: Nullable(Answers),
  /** CB-4 / WO-6.1 by policy `cb.satisfaction.min_satisfied_score`; null when nobody who knows answered. */
  satisfied: Nullable(Type.Boolean()),
  note: Nullable(Type.String()),
});

/** CB-5 what to do next on the task (`taskCallProgress` over the current verdict round). */
export const NextAttempt = Type.Object({
  status: Type.Enum(['calling', 'ready_for_verdict', 'unreachable', 'done'] as const),
  /** The call round in progress (high-value orders need several answered calls). */
  round: Nullable(Type.Integer()),
  roundsAnswered: Type.Integer(),
  roundsRequired: Type.Integer(),
  guidance: Nullable(Type.Enum(['FIRST_CALL', 'TRY_ANOTHER_SLOT', 'CALL_CUSTOMER_ANOTHER_DAY'] as const)),
  message: Type.String(),
  allowedSlots: Type.Array(CallSlot),
  /** The next call may not be before this business date (another day after someone did not know). */
  notBeforeDate: Nullable(Type.String()),
  suggestedAt: Nullable(Instant),
  attemptsLeft: Nullable(Type.Integer()),
  /** The slot a call made now falls in. */
  slotNow: CallSlot,
});

export const SettlementView = Type.Object({
  verdict: VerdictCode,
  kind: Type.Enum(['standard', 'reduced', 'deducted'] as const),
  feeShare: Type.Number(),
  standardFeeFen: Type.Integer(),
  payableFen: Type.Integer(),
  deductionFen: Type.Integer(),
  netFen: Type.Integer(),
  /** POL-1: versions of the policies used, e.g. { "stl.callback_result.fee_share": 1 }. */
  policyVersions: Type.Record(Type.String(), Type.Integer()),
});

export const VerdictView = Type.Object({
  id: Type.String(),
  round: Type.Integer(),
  kind: Type.Enum(['first', 'appeal_callback'] as const),
  verdict: VerdictCode,
  reasons: Type.Array(ReasonCode),
  note: Nullable(Type.String()),
  evidenceOrderIds: Type.Array(Type.String()),
  agent: Person,
  recordedAt: Instant,
  settlement: SettlementView,
  auditedAt: Nullable(Instant),
});

export const AppealFileView = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer(),
  uploadedAt: Instant,
  /** Relative URL that streams the file. */
  url: Type.String(),
});

export const AppealView = Type.Object({
  id: Type.String(),
  verdictId: Type.String(),
  filedAt: Instant,
  filedBy: Person,
  statement: Type.String(),
  files: Type.Array(AppealFileView),
});

/** CB-6 evidence: another order with the same phone (blind index) under a different name or address. */
export const EvidenceItem = Type.Object({
  orderId: Type.String(),
  orderNumber: Type.String(),
  differentName: Type.Boolean(),
  differentAddress: Type.Boolean(),
});

export const FinalisationView = Type.Object({
  final: Type.Boolean(),
  basis: Nullable(FinalBasis),
  finalAt: Nullable(Instant),
  verdict: Nullable(VerdictCode),
  /** Why not final yet. */
  pending: Nullable(Type.Enum(['NO_VERDICT', 'APPEAL_PENDING', 'APPEAL_WINDOW_OPEN'] as const)),
  /** CB-3: when the open appeal window closes (the verdict becomes final unless appealed). */
  windowClosesAt: Nullable(Instant),
});

export const TaskDetail = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  status: TaskStatus,
  month: Type.String(),
  plan: Type.Object({
    caller: Caller,
    reason: PlanReason,
    highValue: Type.Boolean(),
    rounds: Type.Integer(),
    roundsAnswered: Type.Integer(),
    sampling: Type.Object({
      grade: Type.Enum(outletGrades),
      rate: Type.Number(),
      sampled: Type.Boolean(),
    }),
    settlementValueFen: Type.Integer(),
    completedAt: Instant,
    completionEnteredAt: Instant,
    dueAt: Instant,
    overdue: Type.Boolean(),
    lateEntry: Type.Object({
      late: Type.Boolean(),
      limitAt: Instant,
      lateByHours: Type.Integer(),
      message: Nullable(Type.String()),
    }),
    policyVersions: Type.Record(Type.String(), Type.Integer()),
  }),
  order: Type.Object({
    id: Type.String(),
    number: Type.String(),
    orderType: OrderTypeCode,
    status: Type.String(),
    categoryCode: Type.String(),
    categoryName: Localized,
    serviceMode: ServiceModeCode,
    completedAt: Nullable(Instant),
    closedAt: Nullable(Instant),
    regionCode: Type.String(),
    outlet: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
    engineer: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  }),
  customer: Type.Object({
    id: Type.String(),
    nameMasked: Type.String(),
    phoneMasked: Nullable(Type.String()),
    addressMasked: Nullable(Type.String()),
    regionCode: Nullable(Type.String()),
  }),
  questions: Type.Array(Question),
  attempts: Type.Array(AttemptView),
  nextAttempt: NextAttempt,
  verdicts: Type.Array(VerdictView),
  appeals: Type.Array(AppealView),
  evidence: Type.Array(EvidenceItem),
  finalisation: FinalisationView,
  allowed: Type.Object({
    call: Allowed,
    judge: Allowed,
    appeal: Allowed,
    uploadAppealFile: Allowed,
    audit: Allowed,
    reveal: Allowed,
  }),
});
export type TaskDetail = Static<typeof TaskDetail>;

/** POST /api/callbacks/:id/reveal (customer.reveal, audited). */
export const RevealResult = Type.Object({
  customerId: Type.String(),
  name: Type.String(),
  phones: Type.Array(Type.Object({ id: Type.String(), number: Type.String() })),
  /** The order's address. */
  address: Nullable(Type.Object({ id: Type.String(), regionCode: Type.String(), detail: Type.String() })),
});

/** 201 from POST …/attempts. `orderCallback`: the WO-6.1 callback recorded on the order, if any. */
export const AttemptResult = Type.Object({
  attempt: AttemptView,
  orderCallback: Nullable(
    Type.Object({ id: Type.String(), by: Type.String(), reached: Type.Boolean(), satisfied: Type.Boolean() }),
  ),
  task: TaskDetail,
});

/** 201 from POST …/verdict. */
export const VerdictResult = Type.Object({ verdict: VerdictView, task: TaskDetail });

/** 201 from POST …/appeal. */
export const AppealResult = Type.Object({ appeal: AppealView, task: TaskDetail });

/** 201 from POST …/appeal/files. */
export const AppealFileResult = Type.Object({ file: AppealFileView });

/** 200 from POST /api/callbacks/finalise-due. */
export const FinaliseDueResult = Type.Object({
  finalised: Type.Integer(),
  taskIds: Type.Array(Type.String()),
});

export const AuditDocumentView = Type.Object({
  kind: Type.Enum(['completion_entry', 'verdict'] as const),
  /** The task id for a completion entry, the verdict id for a verdict. */
  id: Type.String(),
  taskId: Type.String(),
  orderId: Type.String(),
  orderNumber: Type.String(),
  outletId: Type.String(),
  outletName: Type.String(),
  at: Instant,
  agent: Nullable(Person),
  verdict: Nullable(VerdictCode),
  lateEntry: Type.Boolean(),
  auditedAt: Nullable(Instant),
  auditedBy: Nullable(Person),
});

/** GET /api/callbacks/audit: CB-3 the supervisors' same-day audit of a business date. */
export const AuditList = Type.Object({
  date: Type.String(),
  /** End of the day: audits after it are late. */
  deadline: Instant,
  documents: Type.Array(AuditDocumentView),
  outstanding: Type.Integer(),
  auditedInTime: Type.Integer(),
  auditedLate: Type.Integer(),
  missed: Type.Boolean(),
  byVerdict: Type.Object({ qualified: Type.Integer(), unqualified: Type.Integer(), untrue: Type.Integer() }),
});

/** 200 from POST /api/callbacks/audit. */
export const AuditResult = Type.Object({
  audited: Type.Array(
    Type.Object({
      kind: Type.Enum(['completion_entry', 'verdict'] as const),
      id: Type.String(),
      auditedAt: Instant,
      /** True when it had been audited before (kept as it was). */
      already: Type.Boolean(),
    }),
  ),
});

/** GET /api/callbacks/month-end: CB-2 月清月毕 for a business month. */
export const MonthEnd = Type.Object({
  month: Type.String(),
  lastDate: Type.String(),
  endsAt: Instant,
  monthOver: Type.Boolean(),
  total: Type.Integer(),
  clearedInMonth: Type.Integer(),
  clearedLate: Type.Integer(),
  clearedShare: Nullable(Type.Number()),
  open: Type.Array(
    Type.Object({
      taskId: Type.String(),
      orderId: Type.String(),
      orderNumber: Type.String(),
      outletId: Type.String(),
      caller: Caller,
      dueAt: Instant,
      overdue: Type.Boolean(),
      dueAfterMonthEnd: Type.Boolean(),
    }),
  ),
  byOutlet: Type.Array(
    Type.Object({
      outletId: Type.String(),
      outletName: Type.String(),
      total: Type.Integer(),
      open: Type.Integer(),
      overdue: Type.Integer(),
    }),
  ),
});

/**
 * Refusals: 422 CALLBACK_RULE_REFUSED or 409 CALLBACK_STATE_CONFLICT, with `rule` (CB-3, CB-5, CB-6) and
 * `reason` (APPEAL_WINDOW_CLOSED, APPEAL_ALREADY_MADE, APPEAL_NOT_ALLOWED, APPEAL_STATEMENT_REQUIRED,
 * SAME_SLOT_AS_UNANSWERED, CUSTOMER_AGAIN_ANOTHER_DAY, SECOND_AGENT_REQUIRED, …) at the problem's top level;
 * 409 VERSION_CONFLICT for a stale `version`; 400 VALIDATION_FAILED with `errors[].path` and `errors[].code`.
 */
export const RefusalReasons = [
  'APPEAL_WINDOW_CLOSED',
  'APPEAL_ALREADY_MADE',
  'APPEAL_NOT_ALLOWED',
  'APPEAL_STATEMENT_REQUIRED',
  'SECOND_AGENT_REQUIRED',
  'VERDICT_ALREADY_RECORDED',
  'VERDICT_BEFORE_APPEAL',
  'CALLS_NOT_DONE',
  'TASK_FINAL',
  'NOT_THE_CALLER',
  'ANSWERS_NOT_EXPECTED',
  'ROUND_ALREADY_ANSWERED',
  'ATTEMPTS_EXHAUSTED',
  'ATTEMPT_IN_FUTURE',
  'ATTEMPT_BEFORE_PREVIOUS',
  'SAME_SLOT_AS_UNANSWERED',
  'CUSTOMER_AGAIN_ANOTHER_DAY',
  'NO_APPEAL_PENDING',
] as const;

// CONTRACT READY
