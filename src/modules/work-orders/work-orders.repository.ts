import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import {
  appointments,
  intermediateResults,
  orderCallbacks,
  orderContacts,
  orderEvents,
  orderNumberSequences,
  partRequests,
  workOrders,
} from './work-orders.tables.ts';

export type WorkOrderRow = typeof workOrders.$inferSelect;
export type NewWorkOrderRow = typeof workOrders.$inferInsert;
export type OrderEventRow = typeof orderEvents.$inferSelect;
export type PartRequestRow = typeof partRequests.$inferSelect;
export type AppointmentRow = typeof appointments.$inferSelect;

export const workOrdersRepository = {
  async findById(db: Executor, id: string, forUpdate = false): Promise<WorkOrderRow | undefined> {
    const q = db.select().from(workOrders).where(eq(workOrders.id, id)).limit(1);
    return (forUpdate ? await q.for('update') : await q)[0];
  },

  async findByNumber(db: Executor, number: string): Promise<WorkOrderRow | undefined> {
    return (await db.select().from(workOrders).where(eq(workOrders.number, number)).limit(1))[0];
  },

  async insert(db: Executor, row: NewWorkOrderRow): Promise<WorkOrderRow> {
    return (await db.insert(workOrders).values(row).returning())[0] as WorkOrderRow;
  },

  /** Optimistic concurrency: only the version the caller read may be changed. */
  async updateVersioned(
    db: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<NewWorkOrderRow>,
  ): Promise<WorkOrderRow | undefined> {
    const rows = await db
      .update(workOrders)
      .set({ ...patch, version: sql`${workOrders.version} + 1` })
      .where(and(eq(workOrders.id, id), eq(workOrders.version, expectedVersion)))
      .returning();
    return rows[0];
  },

  /** Field activity that leaves the row's own columns alone: only the modification time moves. */
  async touch(db: Executor, id: string, at: Date): Promise<WorkOrderRow | undefined> {
    const rows = await db.update(workOrders).set({ updatedAt: at }).where(eq(workOrders.id, id)).returning();
    return rows[0];
  },

  /** Derived SLA columns are not an edit: they do not bump the version clients edit against. */
  async setSla(db: Executor, id: string, sla: Partial<NewWorkOrderRow>): Promise<void> {
    await db.update(workOrders).set(sla).where(eq(workOrders.id, id));
  },

  async list(db: Executor, where: SQL | undefined, page: number, pageSize: number) {
    const [rows, totals] = await Promise.all([
      db
        .select()
        .from(workOrders)
        .where(where)
        .orderBy(desc(workOrders.createdAt), desc(workOrders.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db
        .select({ n: sql<number>`count(*)` })
        .from(workOrders)
        .where(where),
    ]);
    return { rows, total: Number(totals[0]?.n ?? 0) };
  },

  async insertEvent(db: Executor, row: typeof orderEvents.$inferInsert): Promise<void> {
    await db.insert(orderEvents).values(row);
  },

  async insertEvents(db: Executor, rows: readonly (typeof orderEvents.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await db.insert(orderEvents).values([...rows]);
  },

  async events(db: Executor, orderId: string): Promise<OrderEventRow[]> {
    return db
      .select()
      .from(orderEvents)
      .where(eq(orderEvents.orderId, orderId))
      .orderBy(asc(orderEvents.at), asc(orderEvents.id));
  },

  async partRequests(db: Executor, orderId: string): Promise<PartRequestRow[]> {
    return db
      .select()
      .from(partRequests)
      .where(and(eq(partRequests.orderId, orderId), isNull(partRequests.cancelledAt)))
      .orderBy(asc(partRequests.appliedAt));
  },

  async appointments(db: Executor, orderId: string): Promise<AppointmentRow[]> {
    return db
      .select()
      .from(appointments)
      .where(eq(appointments.orderId, orderId))
      .orderBy(asc(appointments.createdAt));
  },

  async results(db: Executor, orderId: string) {
    return db
      .select()
      .from(intermediateResults)
      .where(eq(intermediateResults.orderId, orderId))
      .orderBy(asc(intermediateResults.recordedAt));
  },

  async contacts(db: Executor, orderId: string) {
    return db
      .select()
      .from(orderContacts)
      .where(eq(orderContacts.orderId, orderId))
      .orderBy(asc(orderContacts.at));
  },

  async callbacks(db: Executor, orderId: string) {
    return db
      .select()
      .from(orderCallbacks)
      .where(eq(orderCallbacks.orderId, orderId))
      .orderBy(asc(orderCallbacks.at));
  },

  /** The next number of a business day; the row lock serialises concurrent intakes. */
  async nextSequence(db: Executor, day: string): Promise<number> {
    const rows = await db
      .insert(orderNumberSequences)
      .values({ day, last: 1 })
      .onConflictDoUpdate({
        target: orderNumberSequences.day,
        set: { last: sql`${orderNumberSequences.last} + 1` },
      })
      .returning({ last: orderNumberSequences.last });
    return rows[0]?.last ?? 1;
  },
};
