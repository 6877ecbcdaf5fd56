import { and, eq, gte, inArray, lte, min, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { callbackAppeals, callbackAttempts, callbackTasks, callbackVerdicts } from './callbacks.tables.ts';
import type { ReportAppeal, ReportAttempt, ReportTask, ReportVerdict } from './domain/callback-reports.ts';

export interface ReportFilter {
  fromMonth: string;
  toMonth: string;
  outletId?: string | undefined;
  /** Region code prefixes of a regional scope, matched against the order's district (SEC-1). */
  regionPrefixes?: readonly string[] | undefined;
}

function tasksWhere(f: ReportFilter): SQL | undefined {
  const t = callbackTasks;
  return and(
    gte(t.month, f.fromMonth),
    lte(t.month, f.toMonth),
    f.outletId ? eq(t.outletId, f.outletId) : undefined,
    f.regionPrefixes
      ? f.regionPrefixes.length === 0
        ? sql`false`
        : or(...f.regionPrefixes.map((p) => sql`${t.regionCode} like ${`${p}%`}`))
      : undefined,
  );
}

/**
 * Read-only SQL over the callback desk's tables for the callback reports. The desk writes these rows; the
 * report reads the columns its rules need, and only the first call of each task.
 */
export const callbackReportsRepository = {
  async facts(db: Executor, f: ReportFilter) {
    const where = tasksWhere(f);
    const taskIds = db.select({ id: callbackTasks.id }).from(callbackTasks).where(where);
    const [tasks, attempts, verdicts, appeals] = await Promise.all([
      db
        .select({
          id: callbackTasks.id,
          outletId: callbackTasks.outletId,
          month: callbackTasks.month,
          status: callbackTasks.status,
          verdict: callbackTasks.verdict,
          completionEnteredAt: callbackTasks.completionEnteredAt,
          finalAt: callbackTasks.finalAt,
        })
        .from(callbackTasks)
        .where(where),
      db
        .select({ taskId: callbackAttempts.taskId, at: min(callbackAttempts.at) })
        .from(callbackAttempts)
        .where(inArray(callbackAttempts.taskId, taskIds))
        .groupBy(callbackAttempts.taskId),
      db
        .select({
          id: callbackVerdicts.id,
          taskId: callbackVerdicts.taskId,
          round: callbackVerdicts.round,
          verdict: callbackVerdicts.verdict,
        })
        .from(callbackVerdicts)
        .where(inArray(callbackVerdicts.taskId, taskIds)),
      db
        .select({ taskId: callbackAppeals.taskId, verdictId: callbackAppeals.verdictId })
        .from(callbackAppeals)
        .where(inArray(callbackAppeals.taskId, taskIds)),
    ]);
    return {
      tasks: tasks as ReportTask[],
      attempts: attempts.flatMap((a): ReportAttempt[] => (a.at ? [{ taskId: a.taskId, at: a.at }] : [])),
      verdicts: verdicts as ReportVerdict[],
      appeals: appeals as ReportAppeal[],
    };
  },
};
