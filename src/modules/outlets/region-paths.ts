import type { CatalogLookup } from '../catalog/index.ts';

/** A district-level region that exists, or a message saying what to choose instead. */
export async function districtProblem(lookup: CatalogLookup, code: string): Promise<string | undefined> {
  if (!/^\d{6}$/.test(code)) return 'Region codes are 6-digit administrative codes (e.g. 440106).';
  const region = await lookup.region(code);
  if (!region) return `Region ${code} does not exist.`;
  if (region.level !== 'district') {
    return `${region.name} is a ${region.level}; choose one of its districts or counties.`;
  }
  return undefined;
}
