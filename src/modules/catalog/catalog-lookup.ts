import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import { dealers, productCategories, productModels, regions } from './catalog.tables.ts';

export type RegionRow = typeof regions.$inferSelect;
export type CategoryRow = typeof productCategories.$inferSelect;
export type ModelRow = typeof productModels.$inferSelect;
export type DealerRow = typeof dealers.$inferSelect;

/** Read-only look-ups other modules need from the catalogue (validation and display). */
export interface CatalogLookup {
  region(code: string): Promise<RegionRow | undefined>;
  regions(codes: readonly string[]): Promise<Map<string, RegionRow>>;
  /** "广东省 / 广州市 / 天河区" for display. */
  regionPath(code: string): Promise<string>;
  category(code: string): Promise<CategoryRow | undefined>;
  model(id: string): Promise<ModelRow | undefined>;
  models(ids: readonly string[]): Promise<Map<string, ModelRow>>;
  modelByCode(code: string): Promise<ModelRow | undefined>;
  dealer(id: string): Promise<DealerRow | undefined>;
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
      const chain = [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code].filter(
        (c, i, all) => all.indexOf(c) === i,
      );
      const found = await regionsByCode(chain);
      return chain
        .map((c) => found.get(c)?.name)
        .filter((n): n is string => n !== undefined)
        .join(' / ');
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
  };
}
