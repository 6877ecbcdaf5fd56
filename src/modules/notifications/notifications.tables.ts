import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** In-app notifications; one per (event, recipient) so a redelivered event cannot notify twice. */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    recipientId: text('recipient_id').notNull(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    eventId: text('event_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('notifications_event_recipient_uq').on(t.eventId, t.recipientId),
    index('notifications_recipient_idx').on(t.recipientId, t.createdAt),
  ],
);
