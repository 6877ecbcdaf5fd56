import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { notifications } from './notifications.tables.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export const notificationsRepository = {
  async insertMany(db: Executor, rows: (typeof notifications.$inferInsert)[]): Promise<void> {
    // The unique (event, recipient) index makes a redelivered event a no-op.
    if (rows.length > 0) await db.insert(notifications).values(rows).onConflictDoNothing();
  },

  async listFor(db: Executor, recipientId: string, unreadOnly: boolean, page: number, pageSize: number) {
    const where = and(
      eq(notifications.recipientId, recipientId),
      unreadOnly ? isNull(notifications.readAt) : undefined,
    );
    const [rows, totals, unread] = await Promise.all([
      db
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ n: count() }).from(notifications).where(where),
      db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt))),
    ]);
    return { rows, total: totals[0]?.n ?? 0, unread: unread[0]?.n ?? 0 };
  },

  async markRead(db: Executor, id: string, recipientId: string, now: Date): Promise<boolean> {
    const rows = await db
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.id, id), eq(notifications.recipientId, recipientId)))
      .returning({ id: notifications.id });
    return rows.length > 0;
  },
};
