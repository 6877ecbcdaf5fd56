import { areaList } from '@vant/area-data';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { Database } from '../../platform/db/database.ts';
import { calendarDays, productCategories, productLines, regions } from './catalog.tables.ts';
import { defaultRegionClass } from './domain/region-defaults.ts';
import type { RegionLevel } from './domain/region-defaults.ts';
import { productCategorySeed, productLineSeed } from './domain/product-categories.ts';

interface RegionSeedRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  marketTier: number | null;
  areaType: string;
}

/** Every province, city and district/county of China with its default tier (from @vant/area-data). */
export function regionSeedRows(): RegionSeedRow[] {
  const rows: RegionSeedRow[] = [];
  for (const [code, name] of Object.entries(areaList.province_list)) {
    rows.push({
      code,
      name,
      level: 'province',
      parentCode: null,
      ...defaultRegionClass({ level: 'province', name, cityCode: null }),
    });
  }
  for (const [code, name] of Object.entries(areaList.city_list)) {
    rows.push({
      code,
      name,
      level: 'city',
      parentCode: `${code.slice(0, 2)}0000`,
      ...defaultRegionClass({ level: 'city', name, cityCode: code }),
    });
  }
  for (const [code, name] of Object.entries(areaList.county_list)) {
    const cityCode = `${code.slice(0, 4)}00`;
    rows.push({
      code,
      name,
      level: 'district',
      parentCode: cityCode,
      ...defaultRegionClass({ level: 'district', name, cityCode }),
    });
  }
  return rows;
}

interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** Statutory holidays and make-up workdays shipped with chinese-days: `name` is "English,中文,n". */
export function calendarSeedRows(): { day: string; kind: 'holiday' | 'workday'; name: string }[] {
  const data = chineseDays as unknown as ChineseDaysJson;
  const label = (raw: string) => raw.split(',')[1] ?? raw;
  return [
    ...Object.entries(data.holidays).map(([day, raw]) => ({
      day,
      kind: 'holiday' as const,
      name: label(raw),
    })),
    ...Object.entries(data.workdays).map(([day, raw]) => ({
      day,
      kind: 'workday' as const,
      name: label(raw),
    })),
  ].sort((a, b) => a.day.localeCompare(b.day));
}

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Loads reference data a fresh database needs (regions, product lines and categories, the holiday calendar).
 * Idempotent and additive: rows an administrator edited are never overwritten, days an administrator deleted
 * are not brought back.
 */
/**
 * The tables `ensureReferenceData` fills on every start: a fresh database holds only these, so a restore
 * (SEC-4) may replace them with the backup's rows.
 */
export const referenceDataTables = [
  'regions',
  'product_lines',
  'product_categories',
  'calendar_days',
] as const;

export async function ensureReferenceData(database: Database, now: Date): Promise<void> {
  const db = database.db;
  const { rows } = await database.executeSql('select count(*) as n from regions', []);
  if (Number(rows[0]?.n) === 0) {
    for (const part of chunks(regionSeedRows(), 1000)) {
      await db
        .insert(regions)
        .values(part.map((r) => ({ ...r, updatedAt: now })))
        .onConflictDoNothing();
    }
  }
  await db
    .insert(productLines)
    .values([...productLineSeed])
    .onConflictDoNothing();
  await db
    .insert(productCategories)
    .values(productCategorySeed.map((c, i) => ({ ...c, sortOrder: i })))
    .onConflictDoNothing();
  // A year is loaded once: a statutory day an administrator deleted stays deleted, and a year the package
  // adds later (next year's schedule) still arrives, next to any days an administrator entered by hand.
  const loaded = await database.executeSql(
    `select distinct extract(year from day)::int as year from calendar_days where source = 'chinese-days'`,
    [],
  );
  const loadedYears = new Set(loaded.rows.map((r) => Number(r.year)));
  const newDays = calendarSeedRows().filter((d) => !loadedYears.has(Number(d.day.slice(0, 4))));
  for (const part of chunks(newDays, 1000)) {
    await db
      .insert(calendarDays)
      .values(part.map((d) => ({ ...d, source: 'chinese-days', updatedBy: null, updatedAt: now })))
      .onConflictDoNothing();
  }
}
