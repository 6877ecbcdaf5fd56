import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Authorised service outlets (网点, NET-1..NET-5). */
export const outlets = pgTable(
  'outlets',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** NET-1: pre_sales | after_sales_tier1 | after_sales_tier2 | direct_signed | three_in_one | self_warranty */
    type: text('type').notNull(),
    /** A tier-2 outlet's tier-1 parent. */
    parentId: text('parent_id'),
    regionCode: text('region_code').notNull(),
    address: text('address').notNull().default(''),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    /** NET-2: on-site service radius in km (policy bounds 10–30). */
    serviceRadiusKm: smallint('service_radius_km').notNull().default(20),
    /** applying | active | rectifying | suspended | withdrawing | withdrawn */
    status: text('status').notNull(),
    /**
     * NET-10: a timed stop on new dispatches after an audit or mystery-shop finding, separate from the
     * status (the outlet keeps working its open orders). Dispatch resumes on this business date.
     */
    dispatchSuspendedUntil: date('dispatch_suspended_until', { mode: 'string' }),
    dispatchSuspensionReason: text('dispatch_suspension_reason'),
    /** NET-5: volume band 1–3, fixed for `bandYear` from the previous year's repair volume. */
    band: smallint('band'),
    bandYear: integer('band_year'),
    /** NET-6: A 甲 / B 乙 / C 丙 / D 丁, and the star level from the band × grade matrix. */
    grade: text('grade'),
    stars: smallint('stars'),
    /** PRT-10: parts deposit account (备件款) balance in fen. */
    partsDepositFen: bigint('parts_deposit_fen', { mode: 'number' }).notNull().default(0),
    /** Business contact of the outlet (a company line, not personal data). */
    phone: text('phone'),
    managerName: text('manager_name'),
    /** NET-3 qualification facts: licence, parts store, technicians, management system, willingness. */
    qualification: jsonb('qualification')
      .notNull()
      .default(sql`'{}'::jsonb`),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('outlets_code_uq').on(t.code),
    index('outlets_region_idx').on(t.regionCode),
    index('outlets_status_idx').on(t.status),
  ],
);

/** NET-2: the districts an outlet serves; `role` backup marks the redundancy every district should have. */
export const outletRegions = pgTable(
  'outlet_regions',
  {
    outletId: text('outlet_id')
      .notNull()
      .references(() => outlets.id),
    regionCode: text('region_code').notNull(),
    role: text('role').notNull(), // primary | backup
  },
  (t) => [
    primaryKey({ columns: [t.outletId, t.regionCode] }),
    index('outlet_regions_region_idx').on(t.regionCode),
  ],
);

/** NET-2: product categories × service types an outlet is authorised for. */
export const outletServices = pgTable(
  'outlet_services',
  {
    outletId: text('outlet_id')
      .notNull()
      .references(() => outlets.id),
    categoryCode: text('category_code').notNull(),
    /** install | repair | maintenance | pickup_repair | return_exchange */
    serviceType: text('service_type').notNull(),
  },
  (t) => [primaryKey({ columns: [t.outletId, t.categoryCode, t.serviceType] })],
);

/** Field engineers (服务工程师). Name, phone and ID number are personal data (MD-5). */
export const engineers = pgTable(
  'engineers',
  {
    id: text('id').primaryKey(),
    outletId: text('outlet_id')
      .notNull()
      .references(() => outlets.id),
    /** The login of this engineer, when they have one. */
    userId: text('user_id'),
    code: text('code').notNull(),
    nameEnc: text('name_enc').notNull(),
    phoneEnc: text('phone_enc'),
    phoneIdx: text('phone_idx'),
    idNumberEnc: text('id_number_enc'),
    active: boolean('active').notNull().default(true),
    hiredOn: date('hired_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('engineers_code_uq').on(t.code),
    index('engineers_outlet_idx').on(t.outletId),
    index('engineers_phone_idx').on(t.phoneIdx),
  ],
);

/** WO-13: engineers are qualified per product category. */
export const engineerSkills = pgTable(
  'engineer_skills',
  {
    engineerId: text('engineer_id')
      .notNull()
      .references(() => engineers.id),
    categoryCode: text('category_code').notNull(),
    /** 1 junior … 3 senior */
    level: smallint('level').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.engineerId, t.categoryCode] })],
);

export const engineerCertificates = pgTable(
  'engineer_certificates',
  {
    id: text('id').primaryKey(),
    engineerId: text('engineer_id')
      .notNull()
      .references(() => engineers.id),
    name: text('name').notNull(),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
  },
  (t) => [index('engineer_certificates_engineer_idx').on(t.engineerId)],
);
