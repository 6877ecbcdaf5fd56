import { and, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { users } from './identity.tables.ts';

/** Read-only facts about users that other modules need (names for display, who gets alerts). */
export interface UserDirectory {
  displayNames(ids: readonly string[]): Promise<Map<string, string>>;
  idsForAlert(tx: Executor, outletId: string | null): Promise<string[]>;
}

export function createUserDirectory(db: Executor): UserDirectory {
  return {
    async displayNames(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, [...ids]));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async idsForAlert(tx, outletId) {
      const rows = await tx
        .select({ id: users.id })
        .from(users)
        .where(
          and(
            eq(users.active, true),
            outletId
              ? or(eq(users.role, 'admin'), and(eq(users.role, 'outlet'), eq(users.scopeOutletId, outletId)))
              : eq(users.role, 'admin'),
          ),
        );
      return rows.map((r) => r.id);
    },
  };
}
