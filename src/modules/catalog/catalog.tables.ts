import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 行政区划: province → city → district/county, with the market tier the SLA depends on (WO-7.1). */
export const regions = pgTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(), // province | city | district
    parentCode: text('parent_code'),
    /** 1 big cities … 4 towns/villages; null for provinces. */
    marketTier: smallint('market_tier'),
    /** urban (市区) | suburban (郊区). */
    areaType: text('area_type').notNull(),
    /** default (from the administrative level) | admin (set by an administrator; never reset by a re-seed). */
    tierSource: text('tier_source').notNull().default('default'),
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_level_idx').on(t.level)],
);

/** Statutory holidays and 调休 make-up workdays; an administrator may edit them. */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind').notNull(), // holiday | workday
  name: text('name').notNull(),
  source: text('source').notNull(), // chinese-days | admin
  updatedBy: text('updated_by'),
  updatedAt: ts('updated_at').notNull(),
});

export const productLines = pgTable('product_lines', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
});

export const productCategories = pgTable('product_categories', {
  code: text('code').primaryKey(),
  lineCode: text('line_code')
    .notNull()
    .references(() => productLines.code),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: smallint('sort_order').notNull().default(0),
});

export const productModels = pgTable(
  'product_models',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    categoryCode: text('category_code')
      .notNull()
      .references(() => productCategories.code),
    /** Whole-unit warranty (整机保修) in months. */
    warrantyMonths: smallint('warranty_months').notNull(),
    /** Key-part warranty (主要部件保修) in months, e.g. compressor or motor. */
    keyPartsWarrantyMonths: smallint('key_parts_warranty_months').notNull(),
    keyParts: text('key_parts')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Dealer settlement price of the complete unit, for the parts double-price rule (PRT-3). */
    dealerPriceFen: integer('dealer_price_fen'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('product_models_code_uq').on(t.code),
    index('product_models_category_idx').on(t.categoryCode),
  ],
);

/** 经销商. Contact person's phone is personal data: encrypted, with a blind index. */
export const dealers = pgTable(
  'dealers',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    contactNameEnc: text('contact_name_enc'),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneIdx: text('contact_phone_idx'),
    /** CB-7 current tier: A gold, B medium, C blacklist. */
    tier: text('tier').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('dealers_code_uq').on(t.code), index('dealers_region_idx').on(t.regionCode)],
);

/** CB-7: the tier decided for each month, with who decided and why. */
export const dealerTierHistory = pgTable(
  'dealer_tier_history',
  {
    dealerId: text('dealer_id')
      .notNull()
      .references(() => dealers.id),
    month: text('month').notNull(), // YYYY-MM
    tier: text('tier').notNull(),
    reason: text('reason').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dealerId, t.month] })],
);
