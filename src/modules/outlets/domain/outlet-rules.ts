import type { FieldError } from '../../../platform/errors.ts';

/** NET-1 outlet types. */
export const outletTypes = [
  'pre_sales',
  'after_sales_tier1',
  'after_sales_tier2',
  'direct_signed',
  'three_in_one',
  'self_warranty',
] as const;
export type OutletType = (typeof outletTypes)[number];

/** NET-4 / NET-9 life cycle states (the workflows that move between them come later). */
export const outletStatuses = [
  'applying',
  'active',
  'rectifying',
  'suspended',
  'withdrawing',
  'withdrawn',
] as const;
export type OutletStatus = (typeof outletStatuses)[number];

export const coverageRoles = ['primary', 'backup'] as const;
export type CoverageRole = (typeof coverageRoles)[number];

export interface ParentFacts {
  id: string;
  type: string;
  status: string;
}

/**
 * NET-1: a tier-2 outlet (二级) works under a tier-1 outlet (一级); no other type has a parent. A tier-1
 * outlet that still has tier-2 outlets under it cannot change type, or they would be left without one.
 */
export function parentProblems(input: {
  id?: string;
  type: string;
  parentId: string | null;
  parent: ParentFacts | undefined;
  childCount: number;
  previousType?: string;
}): FieldError[] {
  const out: FieldError[] = [];
  if (input.type === 'after_sales_tier2') {
    if (!input.parentId) {
      out.push({
        path: '/parentId',
        message: 'A tier-2 outlet works under a tier-1 outlet: choose its parent.',
      });
    } else if (!input.parent) {
      out.push({ path: '/parentId', message: `Outlet ${input.parentId} does not exist.` });
    } else if (input.parent.id === input.id) {
      out.push({ path: '/parentId', message: 'An outlet cannot be its own parent.' });
    } else if (input.parent.type !== 'after_sales_tier1') {
      out.push({
        path: '/parentId',
        message: 'The parent of a tier-2 outlet must be a tier-1 after-sales outlet.',
      });
    } else if (input.parent.status === 'withdrawn' || input.parent.status === 'withdrawing') {
      out.push({
        path: '/parentId',
        message: 'The chosen parent is being withdrawn; choose an active tier-1 outlet.',
      });
    }
  } else if (input.parentId) {
    out.push({ path: '/parentId', message: 'Only tier-2 outlets have a parent outlet; clear the parent.' });
  }
  if (
    input.previousType === 'after_sales_tier1' &&
    input.type !== 'after_sales_tier1' &&
    input.childCount > 0
  ) {
    out.push({
      path: '/type',
      message: `${input.childCount} tier-2 outlet(s) work under this outlet; move them to another tier-1 outlet first.`,
    });
  }
  return out;
}

export interface RadiusPolicy {
  minKm: number;
  maxKm: number;
  defaultKm: number;
}

/** NET-2: the on-site service radius lies within the policy bounds (10–30 km by default). */
export function radiusProblem(km: number, policy: RadiusPolicy): string | undefined {
  if (!Number.isInteger(km) || km < policy.minKm || km > policy.maxKm) {
    return `Choose a whole number of km between ${policy.minKm} and ${policy.maxKm}.`;
  }
  return undefined;
}

/** NET-3 qualification facts an outlet declares (资质). */
export interface Qualification {
  licenceNumber: string | null;
  licensedForRepair: boolean;
  hasPartsStore: boolean;
  technicianCount: number;
  acceptsManagement: boolean;
  hasServiceSystem: boolean;
}

export const emptyQualification: Qualification = {
  licenceNumber: null,
  licensedForRepair: false,
  hasPartsStore: false,
  technicianCount: 0,
  acceptsManagement: false,
  hasServiceSystem: false,
};

export type QualificationGap =
  'licence' | 'parts_store' | 'technicians' | 'accepts_management' | 'service_system';

/** Reads the stored jsonb leniently: anything missing or of the wrong type counts as not declared. */
export function qualificationOf(stored: unknown): Qualification {
  const q = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return {
    licenceNumber:
      typeof q.licenceNumber === 'string' && q.licenceNumber.trim() !== '' ? q.licenceNumber : null,
    licensedForRepair: q.licensedForRepair === true,
    hasPartsStore: q.hasPartsStore === true,
    technicianCount:
      typeof q.technicianCount === 'number' && Number.isInteger(q.technicianCount) ? q.technicianCount : 0,
    acceptsManagement: q.acceptsManagement === true,
    hasServiceSystem: q.hasServiceSystem === true,
  };
}

/**
 * NET-3: a legal entity licensed for appliance repair (a licence number and the repair scope), a parts store,
 * enough qualified technicians, willingness to be managed, and a service management system. DOMAIN gives no
 * number for "enough"; the caller passes the minimum.
 */
export function qualificationCheck(
  q: Qualification,
  minTechnicians: number,
): { ok: boolean; missing: QualificationGap[] } {
  const missing: QualificationGap[] = [];
  if (!q.licensedForRepair || !q.licenceNumber) missing.push('licence');
  if (!q.hasPartsStore) missing.push('parts_store');
  if (q.technicianCount < minTechnicians) missing.push('technicians');
  if (!q.acceptsManagement) missing.push('accepts_management');
  if (!q.hasServiceSystem) missing.push('service_system');
  return { ok: missing.length === 0, missing };
}

export interface BandThresholds {
  band1MinOrders: number;
  band2MinOrders: number;
}

/** NET-5: band 1 at or above the band-1 threshold (3000), band 2 at or above the band-2 one (1000), else 3. */
export function bandFor(lastYearRepairOrders: number, t: BandThresholds): 1 | 2 | 3 {
  if (lastYearRepairOrders >= t.band1MinOrders) return 1;
  if (lastYearRepairOrders >= t.band2MinOrders) return 2;
  return 3;
}

/**
 * NET-5: a band is fixed once for a year. Answers why a band for `year` cannot be set now, or undefined.
 * Years go forward only: once next year's band is fixed, this year's can no longer be re-decided either.
 */
export function bandChangeProblem(
  current: { band: number | null; bandYear: number | null },
  year: number,
  currentYear: number,
): { code: 'CONFLICT' | 'VALIDATION_FAILED'; message: string } | undefined {
  if (year > currentYear + 1) {
    return {
      code: 'VALIDATION_FAILED',
      message: `A band can be fixed for ${currentYear} or ${currentYear + 1} at the latest, not ${year}.`,
    };
  }
  if (current.bandYear !== null && current.bandYear === year) {
    return {
      code: 'CONFLICT',
      message: `The band for ${year} is already fixed (band ${current.band ?? '?'}); it does not change within the year.`,
    };
  }
  if (current.bandYear !== null && current.bandYear > year) {
    return {
      code: 'CONFLICT',
      message: `The band for ${current.bandYear} is already fixed; a band for the earlier year ${year} can no longer be set.`,
    };
  }
  return undefined;
}

export interface CoverageRow {
  outletId: string;
  outletName: string;
  outletStatus: string;
  regionCode: string;
  role: string;
}

export interface CoverageGap {
  regionCode: string;
  activeCount: number;
  outlets: { id: string; name: string; role: string; status: string }[];
}

/**
 * NET-2 moderate redundancy: every district any outlet covers should be covered by at least `minOutlets`
 * active outlets (a main one and a backup). Districts covered only by outlets that are not active are gaps too.
 */
export function coverageGaps(rows: readonly CoverageRow[], minOutlets: number): CoverageGap[] {
  const byDistrict = new Map<string, CoverageRow[]>();
  for (const r of rows) byDistrict.set(r.regionCode, [...(byDistrict.get(r.regionCode) ?? []), r]);
  const gaps: CoverageGap[] = [];
  for (const [regionCode, list] of [...byDistrict.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const activeCount = list.filter((r) => r.outletStatus === 'active').length;
    if (activeCount >= minOutlets) continue;
    gaps.push({
      regionCode,
      activeCount,
      outlets: list
        .map((r) => ({ id: r.outletId, name: r.outletName, role: r.role, status: r.outletStatus }))
        .sort((a, b) => (a.role === b.role ? a.id.localeCompare(b.id) : a.role === 'primary' ? -1 : 1)),
    });
  }
  return gaps;
}
