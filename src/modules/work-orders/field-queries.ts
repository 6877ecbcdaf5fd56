import { and, asc, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import type { AppointmentRow, OrderEventRow, PartRequestRow } from './work-orders.repository.ts';
import {
  appointments,
  intermediateResults,
  orderAttachments,
  orderContacts,
  orderEvents,
  partRequests,
} from './work-orders.tables.ts';

export type ResultRow = typeof intermediateResults.$inferSelect;
export type ContactRow = typeof orderContacts.$inferSelect;
export type AttachmentRow = typeof orderAttachments.$inferSelect;

/** SQL of field work and monitoring over the order's child tables (the store's repository owns the order row). */
export const fieldQueries = {
  /** The window the order holds now: the latest one not superseded. */
  async currentAppointment(db: Executor, orderId: string): Promise<AppointmentRow | undefined> {
    const rows = await db
      .select()
      .from(appointments)
      .where(and(eq(appointments.orderId, orderId), isNull(appointments.supersededAt)))
      .orderBy(desc(appointments.createdAt), desc(appointments.id))
      .limit(1);
    return rows[0];
  },

  async insertAppointment(db: Executor, row: typeof appointments.$inferInsert): Promise<AppointmentRow> {
    return (await db.insert(appointments).values(row).returning())[0] as AppointmentRow;
  },

  async supersedeAppointments(db: Executor, orderId: string, at: Date): Promise<void> {
    await db
      .update(appointments)
      .set({ supersededAt: at })
      .where(and(eq(appointments.orderId, orderId), isNull(appointments.supersededAt)));
  },

  async appointmentsOf(db: Executor, orderIds: readonly string[]): Promise<AppointmentRow[]> {
    if (orderIds.length === 0) return [];
    return (
      db
        .select()
        .from(appointments)
        .where(inArray(appointments.orderId, [...orderIds]))
        // Within one instant the window still held comes last, as it was the last recorded.
        .orderBy(asc(appointments.createdAt), sql`${appointments.supersededAt} is null`, asc(appointments.id))
    );
  },

  async insertResult(db: Executor, row: typeof intermediateResults.$inferInsert): Promise<ResultRow> {
    return (await db.insert(intermediateResults).values(row).returning())[0] as ResultRow;
  },

  async resultsOf(db: Executor, orderIds: readonly string[]): Promise<ResultRow[]> {
    if (orderIds.length === 0) return [];
    return db
      .select()
      .from(intermediateResults)
      .where(inArray(intermediateResults.orderId, [...orderIds]))
      .orderBy(asc(intermediateResults.recordedAt), asc(intermediateResults.id));
  },

  /** Every part request of the orders, cancelled ones included (the list shows them struck through). */
  async partsOf(db: Executor, orderIds: readonly string[]): Promise<PartRequestRow[]> {
    if (orderIds.length === 0) return [];
    return db
      .select()
      .from(partRequests)
      .where(inArray(partRequests.orderId, [...orderIds]))
      .orderBy(asc(partRequests.appliedAt), asc(partRequests.id));
  },

  async findPart(db: Executor, orderId: string, partId: string): Promise<PartRequestRow | undefined> {
    const rows = await db
      .select()
      .from(partRequests)
      .where(and(eq(partRequests.id, partId), eq(partRequests.orderId, orderId)))
      .limit(1);
    return rows[0];
  },

  async insertPart(db: Executor, row: typeof partRequests.$inferInsert): Promise<PartRequestRow> {
    return (await db.insert(partRequests).values(row).returning())[0] as PartRequestRow;
  },

  async updatePart(
    db: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<typeof partRequests.$inferInsert>,
  ): Promise<PartRequestRow | undefined> {
    const rows = await db
      .update(partRequests)
      .set({ ...patch, version: sql`${partRequests.version} + 1` })
      .where(and(eq(partRequests.id, id), eq(partRequests.version, expectedVersion)))
      .returning();
    return rows[0];
  },

  async insertContact(db: Executor, row: typeof orderContacts.$inferInsert): Promise<ContactRow> {
    return (await db.insert(orderContacts).values(row).returning())[0] as ContactRow;
  },

  async contactsOf(db: Executor, orderIds: readonly string[]): Promise<ContactRow[]> {
    if (orderIds.length === 0) return [];
    return db
      .select()
      .from(orderContacts)
      .where(inArray(orderContacts.orderId, [...orderIds]))
      .orderBy(asc(orderContacts.at), asc(orderContacts.id));
  },

  /** WO-8 / NET-7: trips charged to an outlet in [from, to), counted by cause. */
  async tripCounts(db: Executor, outletId: string, from: Date, to: Date) {
    const inRange: SQL | undefined = and(
      eq(orderContacts.outletId, outletId),
      gte(orderContacts.at, from),
      lt(orderContacts.at, to),
    );
    const [byCause, totals] = await Promise.all([
      db
        .select({ cause: orderContacts.tripCause, n: sql<number>`count(*)` })
        .from(orderContacts)
        .where(and(inRange, eq(orderContacts.trip, true)))
        .groupBy(orderContacts.tripCause),
      db
        .select({ n: sql<number>`count(*)` })
        .from(orderContacts)
        .where(inRange),
    ]);
    return {
      byCause: byCause.map((r) => ({ cause: r.cause, count: Number(r.n) })),
      contacts: Number(totals[0]?.n ?? 0),
    };
  },

  async eventsOf(db: Executor, orderIds: readonly string[]): Promise<OrderEventRow[]> {
    if (orderIds.length === 0) return [];
    return db
      .select()
      .from(orderEvents)
      .where(inArray(orderEvents.orderId, [...orderIds]))
      .orderBy(asc(orderEvents.at), asc(orderEvents.id));
  },

  async insertAttachment(db: Executor, row: typeof orderAttachments.$inferInsert): Promise<AttachmentRow> {
    return (await db.insert(orderAttachments).values(row).returning())[0] as AttachmentRow;
  },

  async attachmentsOf(db: Executor, orderId: string): Promise<AttachmentRow[]> {
    return db
      .select()
      .from(orderAttachments)
      .where(eq(orderAttachments.orderId, orderId))
      .orderBy(asc(orderAttachments.uploadedAt), asc(orderAttachments.id));
  },

  async findAttachment(db: Executor, orderId: string, id: string): Promise<AttachmentRow | undefined> {
    const rows = await db
      .select()
      .from(orderAttachments)
      .where(and(eq(orderAttachments.id, id), eq(orderAttachments.orderId, orderId)))
      .limit(1);
    return rows[0];
  },
};
