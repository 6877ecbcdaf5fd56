import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 用户档案 (MD-1, MD-4). Name is personal data (MD-5): encrypted; found by phone, never by plaintext. */
export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    /** Human number for the phone (C20261123000123). */
    code: text('code').notNull(),
    nameEnc: text('name_enc').notNull(),
    /** Tracked "special customers" (WO-15): VIP, repeated complaints, media risk… */
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    note: text('note'),
    /** Set when merged into another customer; a merged record is read-only and points to the survivor. */
    mergedIntoId: text('merged_into_id'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('customers_code_uq').on(t.code), index('customers_created_idx').on(t.createdAt)],
);

export const customerPhones = pgTable(
  'customer_phones',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    phoneEnc: text('phone_enc').notNull(),
    phoneIdx: text('phone_idx').notNull(),
    /** mobile | home | work | other */
    label: text('label').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('customer_phones_idx').on(t.phoneIdx),
    index('customer_phones_customer_idx').on(t.customerId),
  ],
);

export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** District-level region code; the SLA and dispatch read it. Not personal on its own. */
    regionCode: text('region_code').notNull(),
    detailEnc: text('detail_enc').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('customer_addresses_customer_idx').on(t.customerId),
    index('customer_addresses_region_idx').on(t.regionCode),
  ],
);

/** An installed product (MD-3): model, serial number, purchase date, channel and the dealer who sold it. */
export const units = pgTable(
  'units',
  {
    id: text('id').primaryKey(),
    serialNumber: text('serial_number').notNull(),
    modelId: text('model_id').notNull(),
    customerId: text('customer_id'),
    addressId: text('address_id'),
    purchaseDate: date('purchase_date', { mode: 'string' }).notNull(),
    installDate: date('install_date', { mode: 'string' }),
    /** mall | dealer | e_commerce | engineering | other */
    salesChannel: text('sales_channel').notNull(),
    dealerId: text('dealer_id'),
    version: integer('version').notNull().default(1),
    /** When the unit was registered with us (shown with the customer's history, MD-4). */
    registeredAt: ts('registered_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('units_serial_uq').on(t.serialNumber),
    index('units_customer_idx').on(t.customerId),
    index('units_model_idx').on(t.modelId),
  ],
);
