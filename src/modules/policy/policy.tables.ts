import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** POL-1: versions are only ever added; a result stores the version it used. */
export const policyVersions = pgTable(
  'policy_versions',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    value: jsonb('value').notNull(),
    effectiveFrom: timestamp('effective_from', { withTimezone: true, mode: 'date' }).notNull(),
    note: text('note').notNull(),
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('policy_versions_key_version_uq').on(t.key, t.version),
    index('policy_versions_key_effective_idx').on(t.key, t.effectiveFrom),
  ],
);
