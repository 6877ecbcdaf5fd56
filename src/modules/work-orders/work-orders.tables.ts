import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 工单: one customer request, from the call to the verified close (WO-1..WO-15). */
export const workOrders = pgTable(
  'work_orders',
  {
    id: text('id').primaryKey(),
    /** WO20261123-000123: what agents read out on the phone. */
    number: text('number').notNull(),
    customerId: text('customer_id').notNull(),
    unitId: text('unit_id'),
    addressId: text('address_id').notNull(),
    /** The customer's district (from the address), used for dispatch and scope. */
    regionCode: text('region_code').notNull(),
    categoryCode: text('category_code').notNull(),
    modelId: text('model_id'),
    orderType: text('order_type').notNull(),
    channel: text('channel').notNull(),
    serviceMode: text('service_mode').notNull(),
    faultDescription: text('fault_description').notNull(),
    /** 用户要求时间 as stated; the SLA clock starts at the later of this and creation (WO-7). */
    customerRequestedAt: ts('customer_requested_at'),
    status: text('status').notNull(),
    outletId: text('outlet_id'),
    engineerId: text('engineer_id'),
    /** WO-13: what the system proposed, and why an agent chose otherwise. */
    proposedOutletId: text('proposed_outlet_id'),
    dispatchOverrideReason: text('dispatch_override_reason'),
    /** WO-7.5: the service actually performed was a pick-up. */
    actualMeasurePickup: boolean('actual_measure_pickup').notNull().default(false),
    closingBasis: text('closing_basis'),
    /** WO-14 six firsts and the lifecycle instants. */
    dispatchedAt: ts('dispatched_at'),
    acceptedAt: ts('accepted_at'),
    assignedAt: ts('assigned_at'),
    firstContactAt: ts('first_contact_at'),
    firstVisitAt: ts('first_visit_at'),
    firstPartRequestAt: ts('first_part_request_at'),
    completedAt: ts('completed_at'),
    closedAt: ts('closed_at'),
    cancelledAt: ts('cancelled_at'),
    /** WO-7, derived: recomputed from events and parts on every relevant change. */
    slaDeadline: ts('sla_deadline'),
    slaState: text('sla_state').notNull().default('none'),
    slaRule: text('sla_rule'),
    slaPolicyVersion: integer('sla_policy_version'),
    slaAssessedSeconds: bigint('sla_assessed_seconds', { mode: 'number' }),
    slaEvaluatedAt: ts('sla_evaluated_at'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('work_orders_number_uq').on(t.number),
    index('work_orders_outlet_status_idx').on(t.outletId, t.status, t.createdAt),
    // An outlet's open orders, oldest first: the board and backlog (WO-9/10/15) and the open load WO-13 weighs,
    // without walking the outlet's closed history.
    index('work_orders_outlet_open_idx')
      .on(t.outletId, t.createdAt, t.id)
      .where(sql`status not in ('closed', 'cancelled')`),
    // The SLA sweep (WO-7): open orders past their deadline that are not marked breached yet, oldest first.
    index('work_orders_sla_due_idx')
      .on(t.slaDeadline)
      .where(sql`closed_at is null and cancelled_at is null and sla_state <> 'breached'`),
    index('work_orders_customer_idx').on(t.customerId, t.createdAt),
    index('work_orders_engineer_idx').on(t.engineerId, t.status),
    index('work_orders_created_idx').on(t.createdAt),
  ],
);

/** Append-only timeline of an order: every transition, contact, result and part movement. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    at: ts('at').notNull(),
    actorId: text('actor_id'),
    type: text('type').notNull(),
    data: jsonb('data')
      .notNull()
      .default(sql`'{}'::jsonb`),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.at)],
);

/** WO-4: concrete windows; a reschedule supersedes the previous one and records who asked and why. */
export const appointments = pgTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    windowStart: text('window_start').notNull(),
    windowEnd: text('window_end').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    /** initial | reschedule */
    kind: text('kind').notNull(),
    agreedBy: text('agreed_by'),
    requestedBy: text('requested_by'),
    reason: text('reason'),
    customerAccepted: boolean('customer_accepted'),
    /** WO-4: an outlet-initiated reschedule the customer did not accept is a broken appointment. */
    broken: boolean('broken').notNull().default(false),
    supersededAt: ts('superseded_at'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('appointments_order_idx').on(t.orderId, t.createdAt),
    index('appointments_day_idx').on(t.day),
  ],
);

/** WO-5: each contact outcome while the order is open, with the fields its code requires. */
export const intermediateResults = pgTable(
  'intermediate_results',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    code: text('code').notNull(),
    data: jsonb('data').notNull(),
    recordedAt: ts('recorded_at').notNull(),
    recordedBy: text('recorded_by'),
  },
  (t) => [index('intermediate_results_order_idx').on(t.orderId, t.recordedAt)],
);

/** Parts an order needs (WO-7.6, WO-11); the parts module will own stock later. */
export const partRequests = pgTable(
  'part_requests',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    partName: text('part_name').notNull(),
    partCode: text('part_code'),
    quantity: integer('quantity').notNull(),
    /** division | outlet_stock: only division shipments pause the outlet's clock. */
    shippedBy: text('shipped_by').notNull(),
    appliedAt: ts('applied_at').notNull(),
    /** 下架时间 and 过站时间 from the division; arrival at the outlet; fitted on the order. */
    shelfOffAt: ts('shelf_off_at'),
    stationArrivalAt: ts('station_arrival_at'),
    arrivedAtOutletAt: ts('arrived_at_outlet_at'),
    fittedAt: ts('fitted_at'),
    /** WO-8.4: the concrete arrival date the customer was given, if any. */
    promisedArrivalDate: date('promised_arrival_date', { mode: 'string' }),
    cancelledAt: ts('cancelled_at'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('part_requests_order_idx').on(t.orderId)],
);

/** WO-8: every inbound contact about an open order; a trip is charged to the outlet that had the order. */
export const orderContacts = pgTable(
  'order_contacts',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    at: ts('at').notNull(),
    channel: text('channel').notNull(),
    reason: text('reason').notNull(),
    customerUnhappy: boolean('customer_unhappy').notNull().default(false),
    note: text('note'),
    trip: boolean('trip').notNull(),
    tripCause: text('trip_cause'),
    evidence: jsonb('evidence').notNull(),
    outletId: text('outlet_id'),
    loggedBy: text('logged_by'),
  },
  (t) => [
    index('order_contacts_order_idx').on(t.orderId, t.at),
    index('order_contacts_trips_idx')
      .on(t.outletId, t.at)
      .where(sql`trip`),
  ],
);

/** WO-6.1 until the callbacks module: the dispatcher's or call center's satisfaction callback. */
export const orderCallbacks = pgTable(
  'order_callbacks',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    by: text('by').notNull(), // dispatcher | call_center
    at: ts('at').notNull(),
    reached: boolean('reached').notNull(),
    satisfied: boolean('satisfied'),
    note: text('note'),
    recordedBy: text('recorded_by'),
  },
  (t) => [index('order_callbacks_order_idx').on(t.orderId, t.at)],
);

/** Photos and files engineers attach (stored on disk under the files directory, checked for type and size). */
export const orderAttachments = pgTable(
  'order_attachments',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: text('uploaded_by'),
    uploadedAt: ts('uploaded_at').notNull(),
  },
  (t) => [index('order_attachments_order_idx').on(t.orderId)],
);

/** Daily sequence per business date for order numbers. */
export const orderNumberSequences = pgTable('order_number_sequences', {
  day: text('day').primaryKey(),
  last: integer('last').notNull(),
});
