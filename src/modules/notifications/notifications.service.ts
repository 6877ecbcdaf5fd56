import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { EventHandler } from '../../platform/outbox/event-bus.ts';
import { requirePermission } from '../identity/index.ts';
import type { UserDirectory } from '../identity/index.ts';
import { notificationsRepository as repo } from './notifications.repository.ts';

export function createNotificationsService(deps: PlatformDeps) {
  const db = deps.database.db;
  return {
    async listMine(ctx: ServiceContext, q: { page: number; pageSize: number; unread?: boolean }) {
      const actor = requirePermission(ctx, 'notification.read');
      const { rows, total, unread } = await repo.listFor(
        db,
        actor.userId,
        q.unread ?? false,
        q.page,
        q.pageSize,
      );
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          payload: r.payload,
          createdAt: r.createdAt.toISOString(),
          readAt: r.readAt?.toISOString() ?? null,
        })),
        total,
        unread,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async markRead(ctx: ServiceContext, id: string): Promise<void> {
      const actor = requirePermission(ctx, 'notification.read');
      await inTransaction(deps, async (tx) => {
        if (!(await repo.markRead(tx, id, actor.userId, ctx.now))) throw notFound('Notification', id);
        await writeAudit(tx, ctx, { entity: 'notification', entityId: id, action: 'mark_read' });
      });
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;

/** A locked account may be an attack: administrators and the user's outlet manager hear of it. */
export function userLockedHandler(users: UserDirectory): EventHandler {
  return {
    name: 'notifications.user-locked',
    topics: ['user.locked'],
    async handle(event, tx) {
      const p = event.payload as {
        userId: string;
        username: string;
        outletId: string | null;
        lockedUntil: string;
      };
      const recipients = await users.idsForAlert(tx, p.outletId);
      await repo.insertMany(
        tx,
        recipients
          .filter((id) => id !== p.userId)
          .map((recipientId) => ({
            id: newId('ntf'),
            recipientId,
            kind: 'user.locked',
            payload: { userId: p.userId, username: p.username, lockedUntil: p.lockedUntil },
            eventId: event.id,
            createdAt: new Date(event.occurredAt),
          })),
      );
    },
  };
}
