import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 回访任务 (CB-2/CB-3): one per completed order, planned from `order.completed`. It carries the plan (who
 * calls, how many answered rounds, due time, month to clear it in) and the case's state; calls, verdicts and
 * appeals hang off it. `status`: open → judged (first verdict) → appealed → judged … → final, or unreachable.
 */
export const callbackTasks = pgTable(
  'callback_tasks',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    orderNumber: text('order_number').notNull(),
    orderType: text('order_type').notNull(),
    outletId: text('outlet_id').notNull(),
    /** The order's district, for regional scopes. */
    regionCode: text('region_code').notNull(),
    customerId: text('customer_id').notNull(),
    /** call_center | outlet (CB-2: HQ samples by outlet grade; the outlet calls the rest). */
    caller: text('caller').notNull(),
    /** HIGH_VALUE | SAMPLED | NOT_SAMPLED */
    planReason: text('plan_reason').notNull(),
    rounds: integer('rounds').notNull(),
    highValue: boolean('high_value').notNull(),
    samplingGrade: text('sampling_grade').notNull(),
    samplingRate: doublePrecision('sampling_rate').notNull(),
    samplingDraw: doublePrecision('sampling_draw').notNull(),
    completedAt: ts('completed_at').notNull(),
    completionEnteredAt: ts('completion_entered_at').notNull(),
    /** CB-3: the completion was entered after the 72 h limit. */
    lateEntry: boolean('late_entry').notNull(),
    settlementValueFen: bigint('settlement_value_fen', { mode: 'number' }).notNull(),
    /** POL-1: versions of the policies the plan used (sampling, high value, due days, fee table, …). */
    planPolicyVersions: jsonb('plan_policy_versions')
      .notNull()
      .default(sql`'{}'::jsonb`),
    dueAt: ts('due_at').notNull(),
    /** 月清月毕: the business month (YYYY-MM) the task must be cleared in. */
    month: text('month').notNull(),
    status: text('status').notNull(),
    /** The latest verdict (first callback or the appeal's second callback). */
    verdict: text('verdict'),
    verdictAt: ts('verdict_at'),
    /** When the verdict becomes final unless appealed (CB-3 window); null when none is open. */
    appealWindowClosesAt: ts('appeal_window_closes_at'),
    finalAt: ts('final_at'),
    finalBasis: text('final_basis'),
    /** Supervisor's same-day audit of the completion entry (客服主管当日单据当日审核). */
    entryAuditedAt: ts('entry_audited_at'),
    entryAuditedBy: text('entry_audited_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('callback_tasks_order_uq').on(t.orderId),
    index('callback_tasks_open_due_idx')
      .on(t.dueAt)
      .where(sql`status in ('open', 'appealed')`),
    index('callback_tasks_outlet_month_idx').on(t.outletId, t.month),
    index('callback_tasks_month_idx').on(t.month, t.status),
    index('callback_tasks_window_idx')
      .on(t.appealWindowClosesAt)
      .where(sql`final_at is null and appeal_window_closes_at is not null`),
    index('callback_tasks_entered_idx').on(t.completionEnteredAt),
  ],
);

/** One call of a task (CB-5): slot, outcome, and the CB-4 answers when someone who knows answered. */
export const callbackAttempts = pgTable(
  'callback_attempts',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => callbackTasks.id),
    /** 1 for the first callback; the verdict round it belongs to (2 = the appeal's second callback). */
    verdictRound: integer('verdict_round').notNull(),
    at: ts('at').notNull(),
    slot: text('slot').notNull(),
    outcome: text('outcome').notNull(),
    agentId: text('agent_id').notNull(),
    answers: jsonb('answers'),
    satisfied: boolean('satisfied'),
    note: text('note'),
  },
  (t) => [
    index('callback_attempts_task_idx').on(t.taskId, t.at),
    index('callback_attempts_agent_idx').on(t.agentId, t.taskId),
  ],
);

/** A verdict (CB-6): the first callback's, then one per appeal's second callback. */
export const callbackVerdicts = pgTable(
  'callback_verdicts',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => callbackTasks.id),
    round: integer('round').notNull(),
    /** first | appeal_callback */
    kind: text('kind').notNull(),
    verdict: text('verdict').notNull(),
    reasons: jsonb('reasons').notNull(),
    note: text('note'),
    /** Order ids cited as same-phone evidence (no personal data). */
    evidenceOrderIds: jsonb('evidence_order_ids').notNull(),
    agentId: text('agent_id').notNull(),
    recordedAt: ts('recorded_at').notNull(),
    /** What settlement pays on under this verdict (CB-1/CB-6), with the policy versions used. */
    settlement: jsonb('settlement').notNull(),
    auditedAt: ts('audited_at'),
    auditedBy: text('audited_by'),
  },
  (t) => [
    uniqueIndex('callback_verdicts_round_uq').on(t.taskId, t.round),
    index('callback_verdicts_recorded_idx').on(t.recordedAt),
  ],
);

/** The outlet's appeal (复议) of a verdict: one, within the window, with a statement and files (CB-3). */
export const callbackAppeals = pgTable(
  'callback_appeals',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => callbackTasks.id),
    verdictId: text('verdict_id')
      .notNull()
      .references(() => callbackVerdicts.id),
    filedAt: ts('filed_at').notNull(),
    filedBy: text('filed_by').notNull(),
    statement: text('statement').notNull(),
  },
  (t) => [
    uniqueIndex('callback_appeals_verdict_uq').on(t.verdictId),
    index('callback_appeals_task_idx').on(t.taskId),
  ],
);

/** Files attached to an appeal (stored under the files directory, type and size checked). */
export const callbackAppealFiles = pgTable(
  'callback_appeal_files',
  {
    id: text('id').primaryKey(),
    appealId: text('appeal_id')
      .notNull()
      .references(() => callbackAppeals.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [index('callback_appeal_files_appeal_idx').on(t.appealId)],
);

/** CB-7: a callback to a dealer (A every two weeks, B monthly, C never). */
export const dealerCallbacks = pgTable(
  'dealer_callbacks',
  {
    id: text('id').primaryKey(),
    dealerId: text('dealer_id').notNull(),
    /** The dealer's tier in force when called. */
    tier: text('tier').notNull(),
    at: ts('at').notNull(),
    agentId: text('agent_id').notNull(),
    answered: boolean('answered').notNull(),
    satisfied: boolean('satisfied'),
    note: text('note'),
  },
  (t) => [
    index('dealer_callbacks_dealer_idx').on(t.dealerId, t.at),
    index('dealer_callbacks_at_idx').on(t.at),
  ],
);

/** CB-8: a home-service worker placed with a customer (到岗日期 … end). The worker is an engineer record. */
export const homePlacements = pgTable(
  'home_placements',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    workerId: text('worker_id').notNull(),
    outletId: text('outlet_id').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('home_placements_customer_idx').on(t.customerId),
    index('home_placements_outlet_idx').on(t.outletId, t.startDate),
  ],
);

/** CB-8: a scheduled callback of the customer or the worker of a placement, made or outstanding. */
export const homeCallbacks = pgTable(
  'home_callbacks',
  {
    id: text('id').primaryKey(),
    placementId: text('placement_id')
      .notNull()
      .references(() => homePlacements.id),
    party: text('party').notNull(),
    sequence: integer('sequence').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    at: ts('at').notNull(),
    channel: text('channel').notNull(),
    agentId: text('agent_id').notNull(),
    satisfied: boolean('satisfied'),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('home_callbacks_slot_uq').on(t.placementId, t.party, t.sequence),
    index('home_callbacks_due_idx').on(t.dueDate),
  ],
);

/** CB-8: the month's statistics and written summary, archived once the month is over (资料归档). */
export const homeServiceArchives = pgTable('home_service_archives', {
  month: text('month').primaryKey(),
  statistics: jsonb('statistics').notNull(),
  summary: text('summary').notNull(),
  archivedBy: text('archived_by').notNull(),
  archivedAt: ts('archived_at').notNull(),
});
