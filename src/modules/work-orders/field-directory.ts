import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { usersTable } from '../identity/index.ts';

/**
 * Read-only facts field work needs from other modules. The outlets and customers modules export no query
 * for these yet (engineer of a login, customer tags, a customer's phone ids), so they are read here by
 * table name; they move behind those modules' index.ts once it offers them.
 */

export interface LinkedEngineer {
  id: string;
  outletId: string;
  code: string;
  active: boolean;
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export const fieldDirectory = {
  /** The engineer record linked to a login (engineers.user_id); an active one wins over an inactive one. */
  async engineerOfUser(db: Executor, userId: string): Promise<LinkedEngineer | undefined> {
    const rows = rowsOf(
      await db.execute(
        sql`select id, outlet_id, code, active from engineers where user_id = ${userId}
            order by active desc, created_at desc limit 1`,
      ),
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      id: String(r.id),
      outletId: String(r.outlet_id),
      code: String(r.code),
      active: r.active === true,
    };
  },

  async engineerCodes(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = rowsOf(await db.execute(sql`select id, code from engineers where id in (${list(ids)})`));
    return new Map(rows.map((r) => [String(r.id), String(r.code)]));
  },

  /** WO-15: a customer with any tag (VIP, repeated complaints, media risk…) is tracked as special. */
  async taggedCustomers(db: Executor, customerIds: readonly string[]): Promise<Set<string>> {
    if (customerIds.length === 0) return new Set();
    const rows = rowsOf(
      await db.execute(
        sql`select id from customers where id in (${list(customerIds)}) and cardinality(tags) > 0`,
      ),
    );
    return new Set(rows.map((r) => String(r.id)));
  },

  /** Ids of the customer's phones: results name the number used by id, never by its digits (MD-5). */
  async phoneIdsOf(db: Executor, customerId: string): Promise<Set<string>> {
    const rows = rowsOf(
      await db.execute(sql`select id from customer_phones where customer_id = ${customerId}`),
    );
    return new Set(rows.map((r) => String(r.id)));
  },

  /**
   * WO-10 owners per outlet: its dispatcher (信息员) and its manager (网点负责人, role `outlet`). The product
   * supervisor (产品主管) has no role of its own; the manager stands in for it.
   */
  async outletPeople(
    db: Executor,
    outletIds: readonly string[],
  ): Promise<Map<string, { dispatcherId: string | null; managerId: string | null }>> {
    const out = new Map<string, { dispatcherId: string | null; managerId: string | null }>();
    if (outletIds.length === 0) return out;
    const rows = await db
      .select({ id: usersTable.id, role: usersTable.role, outletId: usersTable.scopeOutletId })
      .from(usersTable)
      .where(
        and(
          eq(usersTable.active, true),
          inArray(usersTable.role, ['dispatcher', 'outlet']),
          inArray(usersTable.scopeOutletId, [...outletIds]),
        ),
      )
      .orderBy(usersTable.createdAt, usersTable.id);
    for (const id of outletIds) out.set(id, { dispatcherId: null, managerId: null });
    for (const r of rows) {
      const entry = r.outletId ? out.get(r.outletId) : undefined;
      if (!entry) continue;
      if (r.role === 'dispatcher' && entry.dispatcherId === null) entry.dispatcherId = r.id;
      if (r.role === 'outlet' && entry.managerId === null) entry.managerId = r.id;
    }
    return out;
  },

  /**
   * WO-9: when the user's previous shift ended, read as their previous login (the audit trail keeps every
   * login). A session's own login is the latest one, so the one before it counts; a token has no login.
   */
  async previousLogin(db: Executor, userId: string, now: Date, viaSession: boolean): Promise<Date | null> {
    const rows = await db
      .select({ at: auditLog.at })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entity, 'user'),
          eq(auditLog.entityId, userId),
          eq(auditLog.action, 'login'),
          lte(auditLog.at, now),
        ),
      )
      .orderBy(desc(auditLog.at))
      .limit(2);
    return rows[viaSession ? 1 : 0]?.at ?? null;
  },
};
