import { and, asc, count, eq, gte, inArray, lt, notInArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import {
  engineerSkills,
  engineers,
  outletRegions,
  outletServices,
  outlets,
} from '../outlets/outlets.tables.ts';
import type { EngineerCandidate, OutletCandidate } from './domain/dispatch.ts';
import { regions } from '../catalog/catalog.tables.ts';
import { workOrders } from './work-orders.tables.ts';

/**
 * Orders that are still work in hand. A completed order only waits for its callback and close, so it is not
 * load on the outlet or the engineer when WO-13 weighs who gets the next one.
 */
const NOT_LOAD = ['completed', 'closed', 'cancelled'];

/** A WO-13 candidate with what intake shows and weighs besides the rule: its name, region and the region's tier. */
export type OutletCandidateRow = OutletCandidate & {
  name: string;
  regionCode: string;
  marketTier: number | null;
};

/** The outlets WO-13 weighs for one district, with what the pure rule needs (reads of the outlets module). */
export const dispatchCandidatesRepository = {
  /**
   * Candidates: every outlet covering the district (any status, so suspended ones are listed as rejected with
   * their reason) and the outlets located in the same city (so a district nobody covers still shows who is near).
   */
  async outletCandidates(db: Executor, districtCode: string, limit = 200): Promise<OutletCandidateRow[]> {
    const cityPrefix = `${districtCode.slice(0, 4)}%`;
    // One round trip: coverage, services, open load and the tier of the outlet's region ride along as
    // correlated sub-selects (intake runs this on every order).
    const rows = await db
      .select({
        id: outlets.id,
        code: outlets.code,
        name: outlets.name,
        status: outlets.status,
        regionCode: outlets.regionCode,
        lat: outlets.lat,
        lng: outlets.lng,
        radiusKm: outlets.serviceRadiusKm,
        grade: outlets.grade,
        dispatchSuspendedUntil: outlets.dispatchSuspendedUntil,
        districts: sql<string[]>`coalesce((select json_agg(r.region_code) from ${outletRegions} r
          where r.outlet_id = ${outlets}.id), '[]'::json)`,
        services: sql<OutletCandidate['services']>`coalesce((select json_agg(json_build_object(
          'categoryCode', s.category_code, 'serviceType', s.service_type)) from ${outletServices} s
          where s.outlet_id = ${outlets}.id), '[]'::json)`,
        openOrders: sql<number>`(select count(*) from ${workOrders} w where w.outlet_id = ${outlets}.id
          and w.status not in (${sql.join(
            NOT_LOAD.map((x) => sql`${x}`),
            sql`, `,
          )}))::int`,
        marketTier: sql<
          number | null
        >`(select g.market_tier from ${regions} g where g.code = ${outlets}.region_code)`,
      })
      .from(outlets)
      .where(
        or(
          sql`exists (select 1 from ${outletRegions} where ${outletRegions.outletId} = ${outlets.id} and ${outletRegions.regionCode} = ${districtCode})`,
          sql`${outlets.regionCode} like ${cityPrefix}`,
        ),
      )
      .orderBy(asc(outlets.code))
      .limit(limit);
    return rows.map((r) => ({
      outletId: r.id,
      code: r.code,
      name: r.name,
      status: r.status,
      regionCode: r.regionCode,
      marketTier: r.marketTier,
      dispatchSuspendedUntil: r.dispatchSuspendedUntil,
      districts: r.districts,
      services: r.services,
      location: r.lat !== null && r.lng !== null ? { lat: r.lat, lng: r.lng } : null,
      radiusKm: r.radiusKm,
      grade: r.grade,
      openOrders: Number(r.openOrders),
    }));
  },

  async openOrdersByOutlet(db: Executor, outletIds: readonly string[]): Promise<Map<string, number>> {
    if (outletIds.length === 0) return new Map();
    const rows = await db
      .select({ outletId: workOrders.outletId, n: count() })
      .from(workOrders)
      .where(and(inArray(workOrders.outletId, [...outletIds]), notInArray(workOrders.status, NOT_LOAD)))
      .groupBy(workOrders.outletId);
    return new Map(rows.map((r) => [r.outletId ?? '', Number(r.n)]));
  },

  /** WO-13 inside the outlet: every engineer with skills, open work and today's assignments. */
  async engineerCandidates(
    db: Executor,
    outletId: string,
    todayStart: Date,
    tomorrowStart: Date,
  ): Promise<(EngineerCandidate & { nameEnc: string; userId: string | null })[]> {
    const rows = await db
      .select({
        id: engineers.id,
        code: engineers.code,
        active: engineers.active,
        nameEnc: engineers.nameEnc,
        userId: engineers.userId,
      })
      .from(engineers)
      .where(eq(engineers.outletId, outletId))
      .orderBy(asc(engineers.code));
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return [];
    const [skills, open, today] = await Promise.all([
      db
        .select({ engineerId: engineerSkills.engineerId, categoryCode: engineerSkills.categoryCode })
        .from(engineerSkills)
        .where(inArray(engineerSkills.engineerId, ids)),
      db
        .select({ engineerId: workOrders.engineerId, n: count() })
        .from(workOrders)
        .where(and(inArray(workOrders.engineerId, ids), notInArray(workOrders.status, NOT_LOAD)))
        .groupBy(workOrders.engineerId),
      db
        .select({ engineerId: workOrders.engineerId, n: count() })
        .from(workOrders)
        .where(
          and(
            inArray(workOrders.engineerId, ids),
            gte(workOrders.assignedAt, todayStart),
            lt(workOrders.assignedAt, tomorrowStart),
          ),
        )
        .groupBy(workOrders.engineerId),
    ]);
    const openBy = new Map(open.map((r) => [r.engineerId ?? '', Number(r.n)]));
    const todayBy = new Map(today.map((r) => [r.engineerId ?? '', Number(r.n)]));
    return rows.map((r) => ({
      engineerId: r.id,
      code: r.code,
      active: r.active,
      categories: skills.filter((s) => s.engineerId === r.id).map((s) => s.categoryCode),
      openAssigned: openBy.get(r.id) ?? 0,
      assignedToday: todayBy.get(r.id) ?? 0,
      nameEnc: r.nameEnc,
      userId: r.userId,
    }));
  },
};
