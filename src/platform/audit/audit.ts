import type { ServiceContext } from '../auth/actor.ts';
import type { Executor } from '../db/database.ts';
import { newId } from '../ids.ts';
import { auditLog } from './audit.tables.ts';

export interface AuditEntry {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  scopeOutletId?: string | null;
  scopeRegionCode?: string | null;
}

/** Personal data never goes into audit rows in clear: callers pass redacted before/after. */
export async function writeAudit(tx: Executor, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    id: newId('aud', ctx.now),
    at: ctx.now,
    actorId: ctx.actor?.userId ?? null,
    actorRole: ctx.actor?.role ?? null,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
    requestId: ctx.requestId ?? null,
    scopeOutletId: entry.scopeOutletId ?? null,
    scopeRegionCode: entry.scopeRegionCode ?? null,
  });
}
