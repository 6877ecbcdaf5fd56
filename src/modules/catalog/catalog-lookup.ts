import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { calendarDays, dealers, productCategories, productModels, regions } from './catalog.tables.ts';
import { regionAncestors } from './domain/region-defaults.ts';
import { regionPathOf } from './domain/region-tree.ts';
import type { CalendarEntry } from './domain/working-days.ts';

export type RegionRow = typeof regions.$inferSelect;
export type CategoryRow = typeof productCategories.$inferSelect;
export type ModelRow = typeof productModels.$inferSelect;
export type DealerRow = typeof dealers.$inferSelect;

/** Read-only look-ups other modules need from the catalogue (validation and display). */
export interface CatalogLookup {
  region(code: string): Promise<RegionRow | undefined>;
  regions(codes: readonly string[]): Promise<Map<string, RegionRow>>;
  /** "广东省 / 广州市 / 天河区" for display ("北京市 / 海淀区": a repeated name is shown once). */
  regionPath(code: string): Promise<string>;
  /** Paths of many codes with one query; an unknown code maps to itself so a list never shows an empty cell. */
  regionPaths(codes: Iterable<string>): Promise<Map<string, string>>;
  /** Holidays and make-up workdays from `from` to `to` (both included), for `isWorkingDay`/`addWorkingDays`. */
  calendar(from: string, to: string): Promise<CalendarEntry[]>;
  category(code: string): Promise<CategoryRow | undefined>;
  model(id: string): Promise<ModelRow | undefined>;
  models(ids: readonly string[]): Promise<Map<string, ModelRow>>;
  modelByCode(code: string): Promise<ModelRow | undefined>;
  dealer(id: string): Promise<DealerRow | undefined>;
  /**
   * What an order shows of the catalogue, in one round trip (intake answers from it): the region's path, the
   * unit's model, and the category (the one given, else the model's).
   */
  orderReference(input: OrderReferenceInput): Promise<OrderReference>;
}

export interface OrderReferenceInput {
  regionCode: string;
  modelId: string | null;
  categoryCode: string | null;
}

export interface OrderReference {
  regionPath: string;
  model: Pick<ModelRow, 'id' | 'code' | 'name' | 'categoryCode'> | null;
  category: Pick<CategoryRow, 'code' | 'nameZh' | 'nameEn'> | null;
}

export function createCatalogLookup(db: Executor): CatalogLookup {
  const regionsByCode = async (codes: readonly string[]) => {
    if (codes.length === 0) return new Map<string, RegionRow>();
    const rows = await db
      .select()
      .from(regions)
      .where(inArray(regions.code, [...codes]));
    return new Map(rows.map((r) => [r.code, r]));
  };
  return {
    region: async (code) => (await db.select().from(regions).where(eq(regions.code, code)).limit(1))[0],
    regions: regionsByCode,
    async regionPath(code) {
      const { provinceCode, cityCode } = regionAncestors(code);
      const found = await regionsByCode([...new Set([provinceCode, cityCode, code])]);
      return regionPathOf(code, (c) => found.get(c)?.name);
    },
    async regionPaths(codes) {
      const wanted = [...new Set(codes)];
      const chain = (c: string) => Object.values(regionAncestors(c)).concat(c);
      const found = await regionsByCode([...new Set(wanted.flatMap(chain))]);
      return new Map(wanted.map((c) => [c, regionPathOf(c, (x) => found.get(x)?.name) || c]));
    },
    async calendar(from, to) {
      return db
        .select({ day: calendarDays.day, kind: calendarDays.kind })
        .from(calendarDays)
        .where(and(gte(calendarDays.day, from), lte(calendarDays.day, to)));
    },
    category: async (code) =>
      (await db.select().from(productCategories).where(eq(productCategories.code, code)).limit(1))[0],
    model: async (id) => (await db.select().from(productModels).where(eq(productModels.id, id)).limit(1))[0],
    async models(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select()
        .from(productModels)
        .where(inArray(productModels.id, [...ids]));
      return new Map(rows.map((r) => [r.id, r]));
    },
    modelByCode: async (code) =>
      (await db.select().from(productModels).where(eq(productModels.code, code)).limit(1))[0],
    dealer: async (id) => (await db.select().from(dealers).where(eq(dealers.id, id)).limit(1))[0],
    async orderReference({ regionCode, modelId, categoryCode }) {
      const { provinceCode, cityCode } = regionAncestors(regionCode);
      const model = sql`(select json_build_object('id', m.id, 'code', m.code, 'name', m.name, 'categoryCode', m.category_code)
        from ${productModels} m where m.id = ${modelId})`;
      const category = sql`(select json_build_object('code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en)
        from ${productCategories} c
        where c.code = coalesce(${categoryCode}::text, (select m.category_code from ${productModels} m where m.id = ${modelId})))`;
      const names = sql`(select coalesce(json_object_agg(r.code, r.name), '{}'::json) from ${regions} r
        where r.code in (${provinceCode}, ${cityCode}, ${regionCode}))`;
      const result = (await db.execute(
        sql`select ${names} as names, ${model} as model, ${category} as category`,
      )) as unknown as { rows: { names: Record<string, string>; model: unknown; category: unknown }[] };
      const row = result.rows[0];
      return {
        regionPath: regionPathOf(regionCode, (c) => row?.names[c]),
        model: (row?.model ?? null) as OrderReference['model'],
        category: (row?.category ?? null) as OrderReference['category'],
      };
    },
  };
}
