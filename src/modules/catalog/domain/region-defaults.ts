export type RegionLevel = 'province' | 'city' | 'district';
export type AreaType = 'urban' | 'suburban';
export type MarketTier = 1 | 2 | 3 | 4;

export const MUNICIPALITY_CITY_CODES = new Set(['110100', '120100', '310100', '500100']);

/** The capital city of each province has the code `<province>0100` (广州 440100, 成都 510100 …). */
export const isCapitalOrMunicipality = (cityCode: string): boolean =>
  MUNICIPALITY_CITY_CODES.has(cityCode) || cityCode.endsWith('0100');

/**
 * The two county-level units whose names end in 区 like an urban district: 神农架林区 (a forest district) and
 * 六枝特区 (a special district). A suffix test cannot tell them from 万柏林区 or 碑林区, which are urban districts.
 */
const COUNTY_LEVEL_DISTRICTS = new Set(['神农架林区', '六枝特区']);

/**
 * County-level units that are not urban districts: counties (县), banners (旗), county-level cities (市),
 * the forest and special districts above, and towns (镇) directly under a city without districts (东莞, 中山).
 * Sub-districts (街道) of such cities are urban.
 */
export function isCountyLike(name: string): boolean {
  return /(县|旗|市|镇)$/.test(name) || COUNTY_LEVEL_DISTRICTS.has(name);
}

export interface RegionClass {
  marketTier: MarketTier | null;
  areaType: AreaType;
}

/**
 * Default market tier (市场级别) and urban flag by administrative level (MD, WO-7.1): municipalities and
 * provincial capitals tier 1 with urban districts; districts of other prefecture-level cities tier 2, urban;
 * counties and county-level cities tier 3, suburban. Tier 4 (towns and villages) is set by an administrator.
 */
export function defaultRegionClass(input: {
  level: RegionLevel;
  name: string;
  cityCode: string | null;
}): RegionClass {
  if (input.level === 'province') return { marketTier: null, areaType: 'urban' };
  const capital = input.cityCode !== null && isCapitalOrMunicipality(input.cityCode);
  if (input.level === 'city') return { marketTier: capital ? 1 : 2, areaType: 'urban' };
  if (isCountyLike(input.name)) return { marketTier: 3, areaType: 'suburban' };
  return { marketTier: capital ? 1 : 2, areaType: 'urban' };
}

export const isRegionCode = (code: string): boolean => /^\d{6}$/.test(code);

/** `440106` → province `440000`, city `440100`. */
export function regionAncestors(code: string): { provinceCode: string; cityCode: string } {
  return { provinceCode: `${code.slice(0, 2)}0000`, cityCode: `${code.slice(0, 4)}00` };
}
