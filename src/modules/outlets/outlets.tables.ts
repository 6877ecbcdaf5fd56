import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Authorised service outlets (网点). This release holds identity and status, enough for scoping users and
 * records to one outlet (SEC-1); coverage, band and grade arrive with the master-data release.
 */
export const outlets = pgTable(
  'outlets',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('outlets_code_uq').on(t.code), index('outlets_region_idx').on(t.regionCode)],
);
