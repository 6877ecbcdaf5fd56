import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { customerAddresses, customerPhones, customers, units } from '../customers/customers.tables.ts';
import { engineerSkills, engineers, outlets } from '../outlets/outlets.tables.ts';
import { intermediateResults, orderCallbacks, partRequests, workOrders } from './work-orders.tables.ts';

export interface OrderListFilter {
  scope: SQL | undefined;
  status?: string | undefined;
  outletId?: string | undefined;
  customerId?: string | undefined;
  number?: string | undefined;
  slaState?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export type OutletBrief = {
  id: string;
  code: string;
  name: string;
  status: string;
  regionCode: string;
  dispatchSuspendedUntil: string | null;
};
export type EngineerBrief = {
  id: string;
  code: string;
  outletId: string;
  nameEnc: string;
  active: boolean;
  userId: string | null;
};

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (m) => `\\${m}`);

export function orderListWhere(f: OrderListFilter): SQL | undefined {
  return and(
    f.scope,
    f.status ? eq(workOrders.status, f.status) : undefined,
    f.outletId ? eq(workOrders.outletId, f.outletId) : undefined,
    f.customerId ? eq(workOrders.customerId, f.customerId) : undefined,
    f.number ? sql`${workOrders.number} like ${`%${likeEscape(f.number.toUpperCase())}%`}` : undefined,
    f.slaState ? eq(workOrders.slaState, f.slaState) : undefined,
    f.from ? gte(workOrders.createdAt, f.from) : undefined,
    f.to ? lt(workOrders.createdAt, f.to) : undefined,
  );
}

/** Reads the order screens need from customers and outlets (their tables, read only) and from the order's rows. */
export const ordersReadRepository = {
  async outlets(db: Executor, ids: readonly string[]): Promise<Map<string, OutletBrief>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({
        id: outlets.id,
        code: outlets.code,
        name: outlets.name,
        status: outlets.status,
        regionCode: outlets.regionCode,
        dispatchSuspendedUntil: outlets.dispatchSuspendedUntil,
      })
      .from(outlets)
      .where(inArray(outlets.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r]));
  },

  async engineer(db: Executor, id: string): Promise<(EngineerBrief & { categories: string[] }) | undefined> {
    const row = (await ordersReadRepository.engineers(db, [id])).get(id);
    if (!row) return undefined;
    const skills = await db
      .select({ categoryCode: engineerSkills.categoryCode })
      .from(engineerSkills)
      .where(eq(engineerSkills.engineerId, id));
    return { ...row, categories: skills.map((s) => s.categoryCode) };
  },

  async engineers(db: Executor, ids: readonly string[]): Promise<Map<string, EngineerBrief>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({
        id: engineers.id,
        code: engineers.code,
        outletId: engineers.outletId,
        nameEnc: engineers.nameEnc,
        active: engineers.active,
        userId: engineers.userId,
      })
      .from(engineers)
      .where(inArray(engineers.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r]));
  },

  async engineerIdOfUser(db: Executor, userId: string): Promise<string | undefined> {
    const rows = await db
      .select({ id: engineers.id })
      .from(engineers)
      .where(eq(engineers.userId, userId))
      .limit(1);
    return rows[0]?.id;
  },

  async customers(db: Executor, ids: readonly string[]) {
    if (ids.length === 0)
      return new Map<string, { id: string; code: string; nameEnc: string; tags: string[] }>();
    const rows = await db
      .select({ id: customers.id, code: customers.code, nameEnc: customers.nameEnc, tags: customers.tags })
      .from(customers)
      .where(inArray(customers.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r]));
  },

  async primaryPhone(db: Executor, customerId: string): Promise<string | undefined> {
    const rows = await db
      .select({ phoneEnc: customerPhones.phoneEnc })
      .from(customerPhones)
      .where(eq(customerPhones.customerId, customerId))
      .orderBy(desc(customerPhones.isPrimary), asc(customerPhones.createdAt))
      .limit(1);
    return rows[0]?.phoneEnc;
  },

  async address(db: Executor, id: string) {
    const rows = await db
      .select({
        id: customerAddresses.id,
        regionCode: customerAddresses.regionCode,
        detailEnc: customerAddresses.detailEnc,
      })
      .from(customerAddresses)
      .where(eq(customerAddresses.id, id))
      .limit(1);
    return rows[0];
  },

  async unit(db: Executor, id: string) {
    const rows = await db
      .select({ id: units.id, serialNumber: units.serialNumber, modelId: units.modelId })
      .from(units)
      .where(eq(units.id, id))
      .limit(1);
    return rows[0];
  },

  async insertCallback(db: Executor, row: typeof orderCallbacks.$inferInsert) {
    return (await db.insert(orderCallbacks).values(row).returning())[0] as typeof orderCallbacks.$inferSelect;
  },

  /** Parts requested on the order and not yet fitted (nor cancelled): work still open (WO-6.3). */
  async unfittedParts(db: Executor, orderId: string): Promise<string[]> {
    const rows = await db
      .select({ partName: partRequests.partName })
      .from(partRequests)
      .where(
        and(
          eq(partRequests.orderId, orderId),
          isNull(partRequests.cancelledAt),
          isNull(partRequests.fittedAt),
        ),
      )
      .orderBy(asc(partRequests.appliedAt));
    return rows.map((r) => r.partName);
  },

  async latestResult(db: Executor, orderId: string) {
    const rows = await db
      .select()
      .from(intermediateResults)
      .where(eq(intermediateResults.orderId, orderId))
      .orderBy(desc(intermediateResults.recordedAt), desc(intermediateResults.id))
      .limit(1);
    return rows[0];
  },
};
