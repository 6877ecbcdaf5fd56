import { and, arrayContains, asc, count, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Column, SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { customerAddresses, customerPhones, customers, units } from './customers.tables.ts';

export type CustomerRow = typeof customers.$inferSelect;
export type NewCustomerRow = typeof customers.$inferInsert;
export type PhoneRow = typeof customerPhones.$inferSelect;
export type AddressRow = typeof customerAddresses.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type NewUnitRow = typeof units.$inferInsert;

export interface CustomerOrderFactsRow {
  id: string;
  code: string;
  nameEnc: string;
  tags: string[];
  mergedIntoId: string | null;
  addressRegions: string[];
  address: {
    id: string;
    regionCode: string;
    detailEnc: string;
    lat: number | null;
    lng: number | null;
  } | null;
  unit: { id: string; serialNumber: string; modelId: string } | null;
  phoneEnc: string | null;
}

/**
 * Where a caller may see customers (SEC-1), as the set of address region codes that put a customer in view:
 * everything, codes under some prefixes (regional managers), or an explicit list of districts (outlet staff).
 */
export type CustomerReach =
  | { kind: 'all' }
  | { kind: 'prefixes'; prefixes: readonly string[] }
  | { kind: 'districts'; codes: readonly string[] };

const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function addressMatch(reach: Exclude<CustomerReach, { kind: 'all' }>): SQL {
  if (reach.kind === 'prefixes') {
    return reach.prefixes.length === 0
      ? sql`false`
      : (or(...reach.prefixes.map((p) => sql`${customerAddresses.regionCode} like ${`${p}%`}`)) as SQL);
  }
  return reach.codes.length === 0 ? sql`false` : inArray(customerAddresses.regionCode, [...reach.codes]);
}

/** A customer is in reach when one of their addresses is. */
export function customerInReach(reach: CustomerReach, customerIdColumn: Column): SQL | undefined {
  if (reach.kind === 'all') return undefined;
  return sql`exists (select 1 from ${customerAddresses} where ${customerAddresses.customerId} = ${customerIdColumn} and ${addressMatch(reach)})`;
}

export interface CustomerFilter {
  reach: CustomerReach;
  phoneIdx?: string | undefined;
  q?: string | undefined;
  regionPrefix?: string | undefined;
  tag?: string | undefined;
}

function customerWhere(f: CustomerFilter): SQL | undefined {
  return and(
    isNull(customers.mergedIntoId),
    customerInReach(f.reach, customers.id),
    f.phoneIdx
      ? sql`exists (select 1 from ${customerPhones} where ${customerPhones.customerId} = ${customers}.id and ${customerPhones.phoneIdx} = ${f.phoneIdx})`
      : undefined,
    f.q ? ilike(customers.code, `%${likeEscape(f.q)}%`) : undefined,
    f.regionPrefix
      ? sql`exists (select 1 from ${customerAddresses} where ${customerAddresses.customerId} = ${customers}.id and ${customerAddresses.regionCode} like ${`${f.regionPrefix}%`})`
      : undefined,
    f.tag ? arrayContains(customers.tags, [f.tag]) : undefined,
  );
}

export interface UnitFilter {
  reach: CustomerReach;
  serialPrefix?: string | undefined;
  customerId?: string | undefined;
  modelId?: string | undefined;
}

function unitWhere(f: UnitFilter): SQL | undefined {
  return and(
    // Units without an owner are visible only to callers who see every customer.
    f.reach.kind === 'all' ? undefined : customerInReach(f.reach, units.customerId),
    f.serialPrefix ? sql`${units.serialNumber} like ${`${likeEscape(f.serialPrefix)}%`}` : undefined,
    f.customerId ? eq(units.customerId, f.customerId) : undefined,
    f.modelId ? eq(units.modelId, f.modelId) : undefined,
  );
}

export const customersRepository = {
  /**
   * What an order needs of its customer, in one round trip: the customer, the regions of all their addresses
   * (for the reach check), the chosen address and unit when they are the customer's, and the primary phone.
   */
  async orderFacts(
    db: Executor,
    customerId: string,
    addressId: string,
    unitId: string | null,
  ): Promise<CustomerOrderFactsRow | undefined> {
    const rows = await db
      .select({
        id: customers.id,
        code: customers.code,
        nameEnc: customers.nameEnc,
        tags: customers.tags,
        mergedIntoId: customers.mergedIntoId,
        addressRegions: sql<string[]>`coalesce((select json_agg(a.region_code) from ${customerAddresses} a
          where a.customer_id = ${customers}.id), '[]'::json)`,
        address: sql<CustomerOrderFactsRow['address']>`(select json_build_object('id', a.id,
          'regionCode', a.region_code, 'detailEnc', a.detail_enc, 'lat', a.lat, 'lng', a.lng)
          from ${customerAddresses} a where a.id = ${addressId} and a.customer_id = ${customers}.id)`,
        unit: sql<CustomerOrderFactsRow['unit']>`(select json_build_object('id', u.id,
          'serialNumber', u.serial_number, 'modelId', u.model_id)
          from ${units} u where u.id = ${unitId}::text and u.customer_id = ${customers}.id)`,
        phoneEnc: sql<string | null>`(select p.phone_enc from ${customerPhones} p
          where p.customer_id = ${customers}.id order by p.is_primary desc, p.created_at asc limit 1)`,
      })
      .from(customers)
      .where(eq(customers.id, customerId))
      .limit(1);
    return rows[0];
  },

  async findById(db: Executor, id: string, forUpdate = false): Promise<CustomerRow | undefined> {
    const q = db.select().from(customers).where(eq(customers.id, id)).limit(1);
    return (forUpdate ? await q.for('update') : await q)[0];
  },

  async list(db: Executor, f: CustomerFilter, page: number, pageSize: number) {
    const w = customerWhere(f);
    const [rows, totals] = await Promise.all([
      db
        .select()
        .from(customers)
        .where(w)
        .orderBy(desc(customers.createdAt), desc(customers.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ n: count() }).from(customers).where(w),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },

  async insert(db: Executor, row: NewCustomerRow): Promise<CustomerRow> {
    return (await db.insert(customers).values(row).returning())[0] as CustomerRow;
  },

  /** Optimistic concurrency: bumps the version only when it is still the one the caller read. */
  async updateVersioned(
    db: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<NewCustomerRow>,
  ): Promise<CustomerRow | undefined> {
    const rows = await db
      .update(customers)
      .set({ ...patch, version: sql`${customers.version} + 1` })
      .where(and(eq(customers.id, id), eq(customers.version, expectedVersion)))
      .returning();
    return rows[0];
  },

  async lastCodeWithPrefix(db: Executor, prefix: string): Promise<string | undefined> {
    const rows = await db
      .select({ code: customers.code })
      .from(customers)
      .where(sql`${customers.code} like ${`${prefix}%`}`)
      .orderBy(desc(customers.code))
      .limit(1);
    return rows[0]?.code;
  },

  async phonesOf(db: Executor, customerIds: readonly string[]): Promise<PhoneRow[]> {
    if (customerIds.length === 0) return [];
    return db
      .select()
      .from(customerPhones)
      .where(inArray(customerPhones.customerId, [...customerIds]))
      .orderBy(desc(customerPhones.isPrimary), asc(customerPhones.createdAt), asc(customerPhones.id));
  },

  /** Ids of the duplicates merged into any of these customers. */
  async mergedInto(db: Executor, survivorIds: readonly string[]): Promise<string[]> {
    if (survivorIds.length === 0) return [];
    const rows = await db
      .select({ id: customers.id })
      .from(customers)
      .where(inArray(customers.mergedIntoId, [...survivorIds]));
    return rows.map((r) => r.id);
  },

  async phonesByIndex(db: Executor, idx: readonly string[]): Promise<PhoneRow[]> {
    if (idx.length === 0) return [];
    return db
      .select()
      .from(customerPhones)
      .where(inArray(customerPhones.phoneIdx, [...idx]));
  },

  async insertPhones(db: Executor, rows: (typeof customerPhones.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await db.insert(customerPhones).values(rows);
  },

  async deletePhone(db: Executor, id: string): Promise<void> {
    await db.delete(customerPhones).where(eq(customerPhones.id, id));
  },

  /** Exactly one primary phone per customer: the given one. */
  async setPrimaryPhone(db: Executor, customerId: string, phoneId: string): Promise<void> {
    await db
      .update(customerPhones)
      .set({ isPrimary: sql`${customerPhones.id} = ${phoneId}` })
      .where(eq(customerPhones.customerId, customerId));
  },

  async addressesOf(db: Executor, customerIds: readonly string[]): Promise<AddressRow[]> {
    if (customerIds.length === 0) return [];
    return db
      .select()
      .from(customerAddresses)
      .where(inArray(customerAddresses.customerId, [...customerIds]))
      .orderBy(
        desc(customerAddresses.isDefault),
        asc(customerAddresses.createdAt),
        asc(customerAddresses.id),
      );
  },

  async insertAddresses(db: Executor, rows: (typeof customerAddresses.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await db.insert(customerAddresses).values(rows);
  },

  async deleteAddress(db: Executor, id: string): Promise<void> {
    await db.delete(customerAddresses).where(eq(customerAddresses.id, id));
  },

  async setDefaultAddress(db: Executor, customerId: string, addressId: string): Promise<void> {
    await db
      .update(customerAddresses)
      .set({ isDefault: sql`${customerAddresses.id} = ${addressId}` })
      .where(eq(customerAddresses.customerId, customerId));
  },

  /** Merge: phones, addresses and units of `sourceId` now belong to `targetId`, none of them flagged. */
  async moveContacts(db: Executor, sourceId: string, targetId: string): Promise<void> {
    await db
      .update(customerPhones)
      .set({ customerId: targetId, isPrimary: false })
      .where(eq(customerPhones.customerId, sourceId));
    await db
      .update(customerAddresses)
      .set({ customerId: targetId, isDefault: false })
      .where(eq(customerAddresses.customerId, sourceId));
  },

  async moveUnits(db: Executor, sourceId: string, targetId: string, now: Date): Promise<number> {
    const moved = await db
      .update(units)
      .set({ customerId: targetId, updatedAt: now, version: sql`${units.version} + 1` })
      .where(eq(units.customerId, sourceId))
      .returning({ id: units.id });
    return moved.length;
  },

  async unitCounts(db: Executor, customerIds: readonly string[]): Promise<Map<string, number>> {
    if (customerIds.length === 0) return new Map();
    const rows = await db
      .select({ customerId: units.customerId, n: count() })
      .from(units)
      .where(inArray(units.customerId, [...customerIds]))
      .groupBy(units.customerId);
    return new Map(rows.map((r) => [r.customerId as string, r.n]));
  },

  async unitsOf(db: Executor, customerIds: readonly string[]): Promise<UnitRow[]> {
    if (customerIds.length === 0) return [];
    return db
      .select()
      .from(units)
      .where(inArray(units.customerId, [...customerIds]))
      .orderBy(asc(units.registeredAt), asc(units.id));
  },

  async unitsAtAddress(db: Executor, addressId: string): Promise<number> {
    const rows = await db.select({ n: count() }).from(units).where(eq(units.addressId, addressId));
    return rows[0]?.n ?? 0;
  },

  async findUnit(db: Executor, id: string, forUpdate = false): Promise<UnitRow | undefined> {
    const q = db.select().from(units).where(eq(units.id, id)).limit(1);
    return (forUpdate ? await q.for('update') : await q)[0];
  },

  async findUnitBySerial(db: Executor, serial: string): Promise<UnitRow | undefined> {
    return (await db.select().from(units).where(eq(units.serialNumber, serial)).limit(1))[0];
  },

  async listUnits(db: Executor, f: UnitFilter, page: number, pageSize: number) {
    const w = unitWhere(f);
    const [rows, totals] = await Promise.all([
      db
        .select()
        .from(units)
        .where(w)
        .orderBy(desc(units.registeredAt), desc(units.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ n: count() }).from(units).where(w),
    ]);
    return { rows, total: totals[0]?.n ?? 0 };
  },

  async insertUnit(db: Executor, row: NewUnitRow): Promise<UnitRow> {
    return (await db.insert(units).values(row).returning())[0] as UnitRow;
  },

  async updateUnitVersioned(
    db: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<NewUnitRow>,
  ): Promise<UnitRow | undefined> {
    const rows = await db
      .update(units)
      .set({ ...patch, version: sql`${units.version} + 1` })
      .where(and(eq(units.id, id), eq(units.version, expectedVersion)))
      .returning();
    return rows[0];
  },
};
