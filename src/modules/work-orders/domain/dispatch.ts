import { businessDate } from '../../../platform/time.ts';
import { assertPositive, assertValidDate } from './field-checks.ts';
import type { OrderType, ServiceMode } from './order-codes.ts';

/**
 * WO-13 dispatch (派工): a proposal, never a decision. The service stores it; overriding it needs a reason,
 * which is audited. Every candidate is either ranked or rejected with all its reasons, so the proposal can
 * be explained to the outlet that did not get the order.
 */

export type OutletGrade = 'A' | 'B' | 'C' | 'D';
const gradeOrder: Record<OutletGrade, number> = { A: 0, B: 1, C: 2, D: 3 };
const gradeRank = (g: string | null): number =>
  g !== null && g in gradeOrder ? gradeOrder[g as OutletGrade] : 4;

/** Consultations are answered by the call center and never dispatched. */
export type DispatchServiceType = Exclude<OrderType, 'consultation'>;

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface OutletCandidate {
  outletId: string;
  code: string;
  /** NET-4/NET-9 status: applying | active | rectifying | suspended | withdrawing | withdrawn. */
  status: string;
  /** NET-10: dispatch resumes on this business date ('YYYY-MM-DD', exclusive end); null when not suspended. */
  dispatchSuspendedUntil: string | null;
  districts: readonly string[];
  services: readonly { categoryCode: string; serviceType: string }[];
  location: GeoPoint | null;
  /** Declared on-site radius; null means the policy default. */
  radiusKm: number | null;
  /** NET-6 annual grade; null when not graded yet. */
  grade: string | null;
  /** Open orders the outlet holds now. */
  openOrders: number;
}

export interface DispatchOrder {
  districtCode: string;
  categoryCode: string;
  serviceType: DispatchServiceType;
  serviceMode: ServiceMode;
  /** The customer's coordinates, when geocoded. */
  location: GeoPoint | null;
}

export interface DispatchContext {
  now: Date;
  tz: string;
  /** Policy `net.service_radius.defaultKm` (20). */
  defaultRadiusKm: number;
}

export interface DispatchReason {
  code: string;
  message: string;
  data: Record<string, string | number | null>;
}

export interface RankedOutlet {
  outletId: string;
  code: string;
  rank: number;
  distanceKm: number | null;
  grade: string | null;
  openOrders: number;
  reasons: DispatchReason[];
}

export interface RejectedCandidate {
  id: string;
  code: string;
  reasons: DispatchReason[];
}

export type OutletProposal =
  | { ok: true; proposal: RankedOutlet; ranked: RankedOutlet[]; rejected: RejectedCandidate[] }
  | { ok: false; code: 'NO_ELIGIBLE_OUTLET'; message: string; ranked: []; rejected: RejectedCandidate[] };

/** Statuses that take new orders. A rectifying outlet still works until its withdrawal is approved (NET-9). */
const DISPATCHABLE_STATUSES = ['active', 'rectifying'];

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in km (haversine); accurate to well under 1% at service-radius scale. */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

const missingPoints = (outlet: GeoPoint | null, customer: GeoPoint | null): string =>
  [outlet ? null : 'outlet', customer ? null : 'customer'].filter((x) => x !== null).join(' and ');

const round1 = (km: number): number => Math.round(km * 10) / 10;
const reason = (code: string, message: string, data: DispatchReason['data'] = {}): DispatchReason => ({
  code,
  message,
  data,
});

/**
 * WO-13: the outlet to propose. Eligible: dispatchable status, not suspended today (NET-10), covering the
 * customer's district and the category × service type, and within its radius. Ranked: nearest (unknown
 * distances after known ones), better grade (A > B > C > D > ungraded), fewer open orders, then outlet code.
 * Carry-in orders skip the radius (the customer travels) but still prefer the nearest outlet.
 */
export function proposeOutlet(
  candidates: readonly OutletCandidate[],
  order: DispatchOrder,
  ctx: DispatchContext,
): OutletProposal {
  assertValidDate(ctx.now, 'now');
  assertPositive(ctx.defaultRadiusKm, 'defaultRadiusKm');
  const today = businessDate(ctx.now, ctx.tz);
  const eligible: (Omit<RankedOutlet, 'rank'> & { exactKm: number | null })[] = [];
  const rejected: RejectedCandidate[] = [];

  for (const c of candidates) {
    const ok: DispatchReason[] = [];
    const bad: DispatchReason[] = [];
    if (DISPATCHABLE_STATUSES.includes(c.status)) {
      ok.push(reason('STATUS_OK', `Outlet is ${c.status}.`, { status: c.status }));
    } else {
      bad.push(reason('NOT_ACTIVE', `Outlet is ${c.status}, not taking orders.`, { status: c.status }));
    }
    if (c.dispatchSuspendedUntil !== null && today < c.dispatchSuspendedUntil) {
      bad.push(
        reason('SUSPENDED', `Dispatch suspended until ${c.dispatchSuspendedUntil} (NET-10).`, {
          until: c.dispatchSuspendedUntil,
        }),
      );
    }
    if (c.districts.includes(order.districtCode)) {
      ok.push(
        reason('DISTRICT_COVERED', `Covers district ${order.districtCode}.`, {
          district: order.districtCode,
        }),
      );
    } else {
      bad.push(
        reason('DISTRICT_NOT_COVERED', `Does not cover district ${order.districtCode}.`, {
          district: order.districtCode,
        }),
      );
    }
    const serves = c.services.some(
      (s) => s.categoryCode === order.categoryCode && s.serviceType === order.serviceType,
    );
    const serviceData = { category: order.categoryCode, serviceType: order.serviceType };
    if (serves) {
      ok.push(
        reason('SERVICE_COVERED', `Authorised for ${order.categoryCode} ${order.serviceType}.`, serviceData),
      );
    } else {
      bad.push(
        reason(
          'SERVICE_NOT_COVERED',
          `Not authorised for ${order.categoryCode} ${order.serviceType}.`,
          serviceData,
        ),
      );
    }
    const radiusKm = c.radiusKm ?? ctx.defaultRadiusKm;
    const exactKm = c.location && order.location ? haversineKm(c.location, order.location) : null;
    const distanceKm = exactKm === null ? null : round1(exactKm);
    if (exactKm === null) {
      ok.push(
        reason(
          'DISTANCE_UNKNOWN',
          `Distance unknown (${missingPoints(c.location, order.location)} not geocoded): covering the district counts as within the radius.`,
          { radiusKm },
        ),
      );
    } else if (order.serviceMode === 'carry_in') {
      ok.push(
        reason(
          'RADIUS_NOT_APPLIED',
          `Carry-in: the customer brings the unit ${distanceKm} km; no radius applies.`,
          {
            distanceKm,
          },
        ),
      );
    } else if (exactKm <= radiusKm) {
      ok.push(
        reason('WITHIN_RADIUS', `${distanceKm} km away, within its ${radiusKm} km radius.`, {
          distanceKm,
          radiusKm,
        }),
      );
    } else {
      bad.push(
        reason('OUTSIDE_RADIUS', `${distanceKm} km away, beyond its ${radiusKm} km radius.`, {
          distanceKm,
          radiusKm,
        }),
      );
    }
    if (bad.length > 0) rejected.push({ id: c.outletId, code: c.code, reasons: bad });
    else {
      eligible.push({
        outletId: c.outletId,
        code: c.code,
        distanceKm,
        exactKm,
        grade: c.grade,
        openOrders: c.openOrders,
        reasons: ok,
      });
    }
  }

  const byDistance = (km: number | null): number => km ?? Number.POSITIVE_INFINITY;
  const sorted = [...eligible].sort(
    (a, b) =>
      byDistance(a.exactKm) - byDistance(b.exactKm) ||
      gradeRank(a.grade) - gradeRank(b.grade) ||
      a.openOrders - b.openOrders ||
      compareCodes(a.code, b.code),
  );
  const ranked: RankedOutlet[] = sorted.map(({ exactKm: _exact, ...o }, i) => ({ ...o, rank: i + 1 }));
  const [first] = ranked;
  const [firstExact, secondExact] = sorted;
  if (!first || !firstExact) {
    return {
      ok: false,
      code: 'NO_ELIGIBLE_OUTLET',
      message:
        'No outlet covers this district, category and service type within its radius; assign one by hand.',
      ranked: [],
      rejected,
    };
  }
  first.reasons.push(outletWinReason(firstExact, secondExact));
  return { ok: true, proposal: first, ranked, rejected };
}

/** Why the first beat the runner-up: the first criterion that differs. */
function outletWinReason(
  a: { exactKm: number | null; grade: string | null; openOrders: number; code: string },
  b: { exactKm: number | null; grade: string | null; openOrders: number; code: string } | undefined,
): DispatchReason {
  if (!b) return reason('ONLY_CANDIDATE', 'The only eligible outlet.');
  if ((a.exactKm ?? Infinity) !== (b.exactKm ?? Infinity)) {
    return reason('NEAREST', `Nearest eligible outlet (next: ${b.code}).`, {
      runnerUp: b.code,
      runnerUpKm: b.exactKm === null ? null : round1(b.exactKm),
    });
  }
  if (gradeRank(a.grade) !== gradeRank(b.grade)) {
    return reason('BETTER_GRADE', `Same distance as ${b.code}; better grade ${a.grade ?? '-'}.`, {
      runnerUp: b.code,
      runnerUpGrade: b.grade,
    });
  }
  if (a.openOrders !== b.openOrders) {
    return reason('LOWER_LOAD', `Same distance and grade as ${b.code}; fewer open orders.`, {
      runnerUp: b.code,
      runnerUpOpenOrders: b.openOrders,
    });
  }
  return reason('TIE_BY_CODE', `Tied with ${b.code} on distance, grade and load; first by outlet code.`, {
    runnerUp: b.code,
  });
}

const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface EngineerCandidate {
  engineerId: string;
  code: string;
  active: boolean;
  /** Categories the engineer is qualified for. */
  categories: readonly string[];
  /** Open orders assigned to the engineer now. */
  openAssigned: number;
  /** Orders assigned to the engineer on today's business date. */
  assignedToday: number;
}

export interface RankedEngineer {
  engineerId: string;
  code: string;
  rank: number;
  openAssigned: number;
  assignedToday: number;
  reasons: DispatchReason[];
}

export type EngineerProposal =
  | { ok: true; proposal: RankedEngineer; ranked: RankedEngineer[]; rejected: RejectedCandidate[] }
  | { ok: false; code: 'NO_ELIGIBLE_ENGINEER'; message: string; ranked: []; rejected: RejectedCandidate[] };

/**
 * WO-13 inside the outlet, "fair, no favourites" (派工合理不能偏向): active and qualified for the category;
 * least open work, then fewest orders today, then engineer code. Skill level does not rank: sending every
 * job to the senior engineer is the favouritism the seed forbids.
 */
export function proposeEngineer(
  engineers: readonly EngineerCandidate[],
  order: { categoryCode: string },
): EngineerProposal {
  const eligible: Omit<RankedEngineer, 'rank'>[] = [];
  const rejected: RejectedCandidate[] = [];
  for (const e of engineers) {
    const bad: DispatchReason[] = [];
    if (!e.active) bad.push(reason('NOT_ACTIVE', 'Engineer is not active.'));
    if (!e.categories.includes(order.categoryCode)) {
      bad.push(
        reason('NOT_QUALIFIED', `Not qualified for ${order.categoryCode}.`, { category: order.categoryCode }),
      );
    }
    if (bad.length > 0) rejected.push({ id: e.engineerId, code: e.code, reasons: bad });
    else {
      eligible.push({
        engineerId: e.engineerId,
        code: e.code,
        openAssigned: e.openAssigned,
        assignedToday: e.assignedToday,
        reasons: [
          reason('QUALIFIED', `Active and qualified for ${order.categoryCode}.`, {
            category: order.categoryCode,
          }),
        ],
      });
    }
  }
  const ranked: RankedEngineer[] = [...eligible]
    .sort(
      (a, b) =>
        a.openAssigned - b.openAssigned || a.assignedToday - b.assignedToday || compareCodes(a.code, b.code),
    )
    .map((e, i) => ({ ...e, rank: i + 1 }));
  const [first, second] = ranked;
  if (!first) {
    return {
      ok: false,
      code: 'NO_ELIGIBLE_ENGINEER',
      message: 'No active engineer is qualified for this category; qualify one or assign by hand.',
      ranked: [],
      rejected,
    };
  }
  first.reasons.push(
    !second
      ? reason('ONLY_CANDIDATE', 'The only eligible engineer.')
      : first.openAssigned !== second.openAssigned
        ? reason(
            'LEAST_LOADED',
            `Fewest open orders (${first.openAssigned}; next ${second.code}: ${second.openAssigned}).`,
            {
              runnerUp: second.code,
            },
          )
        : first.assignedToday !== second.assignedToday
          ? reason('FEWEST_TODAY', `Same open load as ${second.code}; fewer orders today.`, {
              runnerUp: second.code,
            })
          : reason('TIE_BY_CODE', `Tied with ${second.code}; first by engineer code.`, {
              runnerUp: second.code,
            }),
  );
  return { ok: true, proposal: first, ranked, rejected };
}
