import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.ts';
import type { Executor } from '../../platform/db/database.ts';
import { regionPrefixes } from '../identity/index.ts';
import { engineers, outlets } from '../outlets/outlets.tables.ts';
import { orderEvents, workOrders } from '../work-orders/work-orders.tables.ts';
import {
  callbackAppealFiles,
  callbackAppeals,
  callbackAttempts,
  callbackTasks,
  callbackVerdicts,
} from './callbacks.tables.ts';

export type TaskRow = typeof callbackTasks.$inferSelect;
export type NewTaskRow = typeof callbackTasks.$inferInsert;
export type AttemptRow = typeof callbackAttempts.$inferSelect;
export type VerdictRow = typeof callbackVerdicts.$inferSelect;
export type AppealRow = typeof callbackAppeals.$inferSelect;
export type AppealFileRow = typeof callbackAppealFiles.$inferSelect;

export interface QueueFilter {
  scope: SQL | undefined;
  view: 'due' | 'overdue' | 'appealed' | 'mine' | 'all';
  now: Date;
  userId: string;
  caller?: string | undefined;
  outletId?: string | undefined;
  status?: string | undefined;
  month?: string | undefined;
  q?: string | undefined;
}

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/** SEC-1 for callback tasks, as for their orders: an outlet its own; regional managers the orders' districts. */
export function taskScopeWhere(actor: Actor): SQL | undefined {
  const scope = actor.scope;
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'outlet') return eq(callbackTasks.outletId, scope.outletId);
  const prefixes = regionPrefixes(scope.regionCodes);
  if (prefixes.length === 0) return sql`false`;
  return or(...prefixes.map((p) => sql`${callbackTasks.regionCode} like ${`${p}%`}`));
}

function viewWhere(f: QueueFilter): SQL | undefined {
  switch (f.view) {
    case 'due':
      return eq(callbackTasks.status, 'open');
    case 'overdue':
      return and(eq(callbackTasks.status, 'open'), lt(callbackTasks.dueAt, f.now));
    case 'appealed':
      return eq(callbackTasks.status, 'appealed');
    case 'mine':
      return or(
        sql`exists (select 1 from ${callbackAttempts} where ${callbackAttempts.taskId} = ${callbackTasks.id} and ${callbackAttempts.agentId} = ${f.userId})`,
        sql`exists (select 1 from ${callbackVerdicts} where ${callbackVerdicts.taskId} = ${callbackTasks.id} and ${callbackVerdicts.agentId} = ${f.userId})`,
      );
    case 'all':
      return undefined;
  }
}

export const deskRepository = {
  async insertTask(db: Executor, row: NewTaskRow): Promise<TaskRow | undefined> {
    // One task per order: a redelivered or repeated completion finds the first one.
    const rows = await db.insert(callbackTasks).values(row).onConflictDoNothing().returning();
    return rows[0];
  },

  async findTask(db: Executor, id: string, forUpdate = false): Promise<TaskRow | undefined> {
    const q = db.select().from(callbackTasks).where(eq(callbackTasks.id, id)).limit(1);
    return (forUpdate ? await q.for('update') : await q)[0];
  },

  async taskOfOrder(db: Executor, orderId: string): Promise<TaskRow | undefined> {
    const rows = await db.select().from(callbackTasks).where(eq(callbackTasks.orderId, orderId)).limit(1);
    return rows[0];
  },

  async updateTask(
    db: Executor,
    id: string,
    version: number,
    patch: Partial<NewTaskRow>,
  ): Promise<TaskRow | undefined> {
    const rows = await db
      .update(callbackTasks)
      .set({ ...patch, version: version + 1 })
      .where(and(eq(callbackTasks.id, id), eq(callbackTasks.version, version)))
      .returning();
    return rows[0];
  },

  /** Sets the final result once: a task already final is left alone and nothing is returned. */
  async finaliseTask(db: Executor, id: string, patch: Partial<NewTaskRow>): Promise<TaskRow | undefined> {
    const rows = await db
      .update(callbackTasks)
      .set({ ...patch, version: sql`${callbackTasks.version} + 1` })
      .where(and(eq(callbackTasks.id, id), isNull(callbackTasks.finalAt)))
      .returning();
    return rows[0];
  },

  async attemptsOf(db: Executor, taskIds: readonly string[]): Promise<AttemptRow[]> {
    if (taskIds.length === 0) return [];
    return db
      .select()
      .from(callbackAttempts)
      .where(inArray(callbackAttempts.taskId, [...taskIds]))
      .orderBy(asc(callbackAttempts.at), asc(callbackAttempts.id));
  },

  async verdictsOf(db: Executor, taskId: string): Promise<VerdictRow[]> {
    return db
      .select()
      .from(callbackVerdicts)
      .where(eq(callbackVerdicts.taskId, taskId))
      .orderBy(asc(callbackVerdicts.round));
  },

  async appealsOf(db: Executor, taskId: string): Promise<AppealRow[]> {
    return db
      .select()
      .from(callbackAppeals)
      .where(eq(callbackAppeals.taskId, taskId))
      .orderBy(asc(callbackAppeals.filedAt), asc(callbackAppeals.id));
  },

  async filesOf(db: Executor, appealIds: readonly string[]): Promise<AppealFileRow[]> {
    if (appealIds.length === 0) return [];
    return db
      .select()
      .from(callbackAppealFiles)
      .where(inArray(callbackAppealFiles.appealId, [...appealIds]))
      .orderBy(asc(callbackAppealFiles.uploadedAt), asc(callbackAppealFiles.id));
  },

  async insertAttempt(db: Executor, row: typeof callbackAttempts.$inferInsert): Promise<AttemptRow> {
    return (await db.insert(callbackAttempts).values(row).returning())[0] as AttemptRow;
  },

  async insertVerdict(db: Executor, row: typeof callbackVerdicts.$inferInsert): Promise<VerdictRow> {
    return (await db.insert(callbackVerdicts).values(row).returning())[0] as VerdictRow;
  },

  async insertAppeal(db: Executor, row: typeof callbackAppeals.$inferInsert): Promise<AppealRow> {
    return (await db.insert(callbackAppeals).values(row).returning())[0] as AppealRow;
  },

  async insertFile(db: Executor, row: typeof callbackAppealFiles.$inferInsert): Promise<AppealFileRow> {
    return (await db.insert(callbackAppealFiles).values(row).returning())[0] as AppealFileRow;
  },

  async findFile(db: Executor, fileId: string): Promise<AppealFileRow | undefined> {
    const rows = await db
      .select()
      .from(callbackAppealFiles)
      .where(eq(callbackAppealFiles.id, fileId))
      .limit(1);
    return rows[0];
  },

  async queue(db: Executor, f: QueueFilter, page: number, pageSize: number) {
    const where = and(
      f.scope,
      viewWhere(f),
      f.caller ? eq(callbackTasks.caller, f.caller) : undefined,
      f.outletId ? eq(callbackTasks.outletId, f.outletId) : undefined,
      f.status ? eq(callbackTasks.status, f.status) : undefined,
      f.month ? eq(callbackTasks.month, f.month) : undefined,
      f.q ? sql`${callbackTasks.orderNumber} ilike ${`%${likeEscape(f.q)}%`}` : undefined,
    );
    const [rows, totals] = await Promise.all([
      db
        .select({ task: callbackTasks, outletName: outlets.name })
        .from(callbackTasks)
        .leftJoin(outlets, eq(outlets.id, callbackTasks.outletId))
        .where(where)
        .orderBy(asc(callbackTasks.dueAt), asc(callbackTasks.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(callbackTasks)
        .where(where),
    ]);
    return { rows, total: Number(totals[0]?.n ?? 0) };
  },

  /** Tasks whose appeal window has closed unappealed and which are not final yet (CB-3). */
  async dueForFinalisation(db: Executor, now: Date): Promise<string[]> {
    const rows = await db
      .select({ id: callbackTasks.id })
      .from(callbackTasks)
      .where(
        and(
          isNull(callbackTasks.finalAt),
          eq(callbackTasks.status, 'judged'),
          lte(callbackTasks.appealWindowClosesAt, now),
        ),
      )
      .orderBy(asc(callbackTasks.appealWindowClosesAt), asc(callbackTasks.id))
      .limit(500);
    return rows.map((r) => r.id);
  },

  /** Completion entries of a business day (one per task), for the supervisors' same-day audit. */
  async entriesBetween(db: Executor, from: Date, to: Date, scope: SQL | undefined) {
    return db
      .select({ task: callbackTasks, outletName: outlets.name })
      .from(callbackTasks)
      .leftJoin(outlets, eq(outlets.id, callbackTasks.outletId))
      .where(
        and(scope, gte(callbackTasks.completionEnteredAt, from), lt(callbackTasks.completionEnteredAt, to)),
      );
  },

  async verdictsBetween(db: Executor, from: Date, to: Date, scope: SQL | undefined) {
    return db
      .select({ verdict: callbackVerdicts, task: callbackTasks, outletName: outlets.name })
      .from(callbackVerdicts)
      .innerJoin(callbackTasks, eq(callbackTasks.id, callbackVerdicts.taskId))
      .leftJoin(outlets, eq(outlets.id, callbackTasks.outletId))
      .where(and(scope, gte(callbackVerdicts.recordedAt, from), lt(callbackVerdicts.recordedAt, to)));
  },

  async findVerdict(db: Executor, id: string) {
    const rows = await db
      .select({ verdict: callbackVerdicts, task: callbackTasks })
      .from(callbackVerdicts)
      .innerJoin(callbackTasks, eq(callbackTasks.id, callbackVerdicts.taskId))
      .where(eq(callbackVerdicts.id, id))
      .limit(1);
    return rows[0];
  },

  async markEntryAudited(db: Executor, taskId: string, at: Date, by: string): Promise<boolean> {
    const rows = await db
      .update(callbackTasks)
      .set({ entryAuditedAt: at, entryAuditedBy: by })
      .where(and(eq(callbackTasks.id, taskId), isNull(callbackTasks.entryAuditedAt)))
      .returning({ id: callbackTasks.id });
    return rows.length > 0;
  },

  async markVerdictAudited(db: Executor, verdictId: string, at: Date, by: string): Promise<boolean> {
    const rows = await db
      .update(callbackVerdicts)
      .set({ auditedAt: at, auditedBy: by })
      .where(and(eq(callbackVerdicts.id, verdictId), isNull(callbackVerdicts.auditedAt)))
      .returning({ id: callbackVerdicts.id });
    return rows.length > 0;
  },

  /** 月清月毕: the month's tasks with when each was finished (first verdict, or given up). */
  async clearanceTasks(db: Executor, month: string, scope: SQL | undefined) {
    return db
      .select({
        task: callbackTasks,
        outletName: outlets.name,
        firstVerdictAt: sql<
          string | Date | null
        >`(select min(${callbackVerdicts.recordedAt}) from ${callbackVerdicts} where ${callbackVerdicts.taskId} = ${callbackTasks.id})`,
      })
      .from(callbackTasks)
      .leftJoin(outlets, eq(outlets.id, callbackTasks.outletId))
      .where(and(scope, eq(callbackTasks.month, month)));
  },

  // Reads of the order side (work orders, outlets), joined here as the work-orders module's own reads do.

  async order(db: Executor, id: string) {
    const rows = await db.select().from(workOrders).where(eq(workOrders.id, id)).limit(1);
    return rows[0];
  },

  /** WO-14: the last visit started up to `until` (on site, that is when the work was done). */
  async lastVisitStart(db: Executor, orderId: string, until: Date): Promise<Date | null> {
    const rows = await db
      .select({ at: orderEvents.at })
      .from(orderEvents)
      .where(
        and(
          eq(orderEvents.orderId, orderId),
          eq(orderEvents.type, 'visit_started'),
          lte(orderEvents.at, until),
        ),
      )
      .orderBy(desc(orderEvents.at))
      .limit(1);
    return rows[0]?.at ?? null;
  },

  async outlet(db: Executor, id: string) {
    const rows = await db
      .select({
        id: outlets.id,
        code: outlets.code,
        name: outlets.name,
        band: outlets.band,
        grade: outlets.grade,
      })
      .from(outlets)
      .where(eq(outlets.id, id))
      .limit(1);
    return rows[0];
  },

  async engineer(db: Executor, id: string) {
    const rows = await db
      .select({ id: engineers.id, nameEnc: engineers.nameEnc })
      .from(engineers)
      .where(eq(engineers.id, id))
      .limit(1);
    return rows[0];
  },

  /** Orders of these customers other than `orderId`: the candidates of the same-phone evidence (CB-6). */
  async ordersOfCustomers(db: Executor, customerIds: readonly string[], orderId: string) {
    if (customerIds.length === 0) return [];
    return db
      .select({
        id: workOrders.id,
        number: workOrders.number,
        customerId: workOrders.customerId,
        addressId: workOrders.addressId,
      })
      .from(workOrders)
      .where(and(inArray(workOrders.customerId, [...customerIds]), ne(workOrders.id, orderId)))
      .orderBy(asc(workOrders.createdAt), asc(workOrders.id))
      .limit(200);
  },

  async orderNumbers(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: workOrders.id, number: workOrders.number })
      .from(workOrders)
      .where(inArray(workOrders.id, [...ids]));
    return new Map(rows.map((r) => [r.id, r.number]));
  },
};
