import type { CoverageRole, OutletDetail } from '../../../api/master-data';
import { isCoverageRole } from '../../../api/master-data';

export interface DraftRegion {
  regionCode: string;
  regionPath: string;
  role: CoverageRole;
}

export interface CoverageDraft {
  regions: DraftRegion[];
  /** `categoryCode:serviceType` pairs that are ticked. */
  services: Set<string>;
}

export const serviceKey = (categoryCode: string, serviceType: string) => `${categoryCode}:${serviceType}`;

export function draftOf(outlet: OutletDetail): CoverageDraft {
  return {
    regions: outlet.coverage.regions
      .map((region) => ({
        regionCode: region.regionCode,
        regionPath: region.regionPath,
        role: isCoverageRole(region.role) ? region.role : 'primary',
      }))
      .sort((a, b) => a.regionCode.localeCompare(b.regionCode)),
    services: new Set(outlet.coverage.services.map((s) => serviceKey(s.categoryCode, s.serviceType))),
  };
}

/** Order-free fingerprint, so "changed" means a real difference, not a different order. */
export function fingerprint(draft: CoverageDraft): string {
  const regions = draft.regions.map((r) => `${r.regionCode}=${r.role}`).sort();
  return JSON.stringify([regions, [...draft.services].sort()]);
}

export function addDistricts(
  draft: CoverageDraft,
  codes: readonly string[],
  pathOf: (code: string) => string,
): { draft: CoverageDraft; added: number } {
  const known = new Set(draft.regions.map((r) => r.regionCode));
  const fresh = [...new Set(codes)].filter((code) => !known.has(code));
  // Other outlets' coverage is not known here, so a new district starts as primary; the editor changes it per row.
  const regions = [
    ...draft.regions,
    ...fresh.map((code) => ({ regionCode: code, regionPath: pathOf(code), role: 'primary' as const })),
  ].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  return { draft: { ...draft, regions }, added: fresh.length };
}

export function toRequest(draft: CoverageDraft, version: number) {
  return {
    version,
    regions: draft.regions.map((r) => ({ regionCode: r.regionCode, role: r.role })),
    services: [...draft.services].sort().map((key) => {
      const [categoryCode = '', serviceType = ''] = key.split(':');
      return { categoryCode, serviceType };
    }),
  };
}
