import { and, count, desc, eq, gt, ilike, isNull, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { apiTokens, sessions, users } from './identity.tables.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export interface UserFilter {
  q?: string | undefined;
  role?: string | undefined;
  /** Restricts to one outlet's staff (outlet managers). */
  outletId?: string | undefined;
  /** Restricts to one user (everyone may see themselves). */
  onlyId?: string | undefined;
}

function userWhere(f: UserFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    parts.push(or(ilike(users.username, like), ilike(users.displayName, like)));
  }
  if (f.role) parts.push(eq(users.role, f.role));
  if (f.outletId) parts.push(eq(users.scopeOutletId, f.outletId));
  if (f.onlyId) parts.push(eq(users.id, f.onlyId));
  return and(...parts);
}

export const identityRepository = {
  async findByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
    const rows = await db
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`)
      .limit(1);
    return rows[0];
  },

  async findById(db: Executor, id: string, forUpdate = false): Promise<UserRow | undefined> {
    const q = db.select().from(users).where(eq(users.id, id)).limit(1);
    const rows = forUpdate ? await q.for('update') : await q;
    return rows[0];
  },

  async findByPhoneIndex(db: Executor, phoneIdx: string): Promise<UserRow[]> {
    return db.select().from(users).where(eq(users.phoneIdx, phoneIdx)).limit(50);
  },

  async list(
    db: Executor,
    f: UserFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: UserRow[]; total: number }> {
    const where = userWhere(f);
    const [rows, totals] = await Promise.all([
      db
        .select()
        .from(users)
        .where(where)
        .orderBy(users.username)
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ n: count() }).from(users).where(where),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },

  async listActiveByRole(db: Executor, role: string): Promise<UserRow[]> {
    return db
      .select()
      .from(users)
      .where(and(eq(users.role, role), eq(users.active, true)));
  },

  async insert(db: Executor, row: NewUserRow): Promise<UserRow> {
    const rows = await db.insert(users).values(row).returning();
    return rows[0] as UserRow;
  },

  /** Optimistic concurrency: updates only when the stored version is the one the caller read. */
  async updateVersioned(
    db: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<NewUserRow>,
  ): Promise<UserRow | undefined> {
    const rows = await db
      .update(users)
      .set({ ...patch, version: sql`${users.version} + 1` })
      .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
      .returning();
    return rows[0];
  },

  /** Login bookkeeping is not a user edit: it does not bump the version users edit against. */
  async setLoginState(
    db: Executor,
    id: string,
    state: { failedLogins: number; lockedUntil: Date | null; lastLoginAt?: Date },
  ): Promise<void> {
    await db.update(users).set(state).where(eq(users.id, id));
  },

  async insertSession(db: Executor, row: typeof sessions.$inferInsert): Promise<void> {
    await db.insert(sessions).values(row);
  },

  async findSession(db: Executor, id: string, now: Date) {
    const rows = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
      .limit(1);
    return rows[0];
  },

  async touchSession(db: Executor, id: string, now: Date, expiresAt: Date): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id));
  },

  async deleteSession(db: Executor, id: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.id, id));
  },

  async deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },

  async insertToken(db: Executor, row: typeof apiTokens.$inferInsert): Promise<ApiTokenRow> {
    const rows = await db.insert(apiTokens).values(row).returning();
    return rows[0] as ApiTokenRow;
  },

  async findToken(db: Executor, tokenHash: string, now: Date) {
    const rows = await db
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(
        and(
          eq(apiTokens.tokenHash, tokenHash),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        ),
      )
      .limit(1);
    return rows[0];
  },

  async touchToken(db: Executor, id: string, now: Date): Promise<void> {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
  },

  async listTokens(db: Executor, userId: string): Promise<ApiTokenRow[]> {
    return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  },

  async revokeToken(db: Executor, id: string, userId: string, now: Date): Promise<ApiTokenRow | undefined> {
    const rows = await db
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning();
    return rows[0];
  },
};
