import { and, count, desc, eq, gte, lt } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import type { Executor } from '../../platform/db/database.ts';

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export type AuditRow = typeof auditLog.$inferSelect;

export const auditRepository = {
  async list(db: Executor, f: AuditFilter, page: number, pageSize: number) {
    const parts: (SQL | undefined)[] = [
      f.entity ? eq(auditLog.entity, f.entity) : undefined,
      f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
      f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
      f.action ? eq(auditLog.action, f.action) : undefined,
      f.from ? gte(auditLog.at, f.from) : undefined,
      f.to ? lt(auditLog.at, f.to) : undefined,
    ];
    const where = and(...parts);
    const [rows, totals] = await Promise.all([
      db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ n: count() }).from(auditLog).where(where),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },
};
