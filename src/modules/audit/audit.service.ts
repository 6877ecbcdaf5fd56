import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { requirePermission } from '../identity/index.ts';
import type { UserDirectory } from '../identity/index.ts';
import type { AuditFilter } from './audit.repository.ts';
import { auditRepository as repo } from './audit.repository.ts';

export function createAuditService(deps: PlatformDeps, users: UserDirectory) {
  const db = deps.database.db;
  return {
    async list(ctx: ServiceContext, q: AuditFilter & { page: number; pageSize: number }) {
      requirePermission(ctx, 'audit.read');
      const { rows, total } = await repo.list(db, q, q.page, q.pageSize);
      const names = await users.displayNames([
        ...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : []))),
      ]);
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at.toISOString(),
          actor: r.actorId ? { id: r.actorId, displayName: names.get(r.actorId) ?? r.actorId } : null,
          actorRole: r.actorRole,
          entity: r.entity,
          entityId: r.entityId,
          action: r.action,
          before: r.before,
          after: r.after,
          reason: r.reason,
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
