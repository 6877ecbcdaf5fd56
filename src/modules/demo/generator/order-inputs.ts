import type { Database } from '../../../platform/db/database.ts';
import { addCalendarDays, businessDate } from '../../../platform/time.ts';
import { ensurePolicyDefaults } from '../../policy/index.ts';
import type { MarketTier } from '../../work-orders/index.ts';

/** What order generation reads from a database that already holds the demo master data, as plain data. */

export interface OutletInput {
  id: string;
  code: string;
  status: string;
  regionCode: string;
  lat: number | null;
  lng: number | null;
  radiusKm: number | null;
  grade: string | null;
  /** WO-7.1: the market tier of the outlet's own region, as the order store reads it. */
  tier: MarketTier | null;
  districts: string[];
  services: { categoryCode: string; serviceType: string }[];
}

export interface EngineerInput {
  id: string;
  outletId: string;
  code: string;
  active: boolean;
  userId: string | null;
  categories: string[];
}

export interface AddressInput {
  id: string;
  customerId: string;
  regionCode: string;
  lat: number | null;
  lng: number | null;
}

export interface UnitInput {
  id: string;
  customerId: string;
  addressId: string | null;
  modelId: string;
  categoryCode: string;
  purchaseDate: string;
  registeredAt: Date;
}

export interface CustomerInput {
  id: string;
  createdAt: Date;
  tags: string[];
  phoneIds: string[];
  addresses: AddressInput[];
  units: UnitInput[];
}

export interface PolicyVersionInput {
  version: number;
  value: unknown;
  effectiveFrom: Date;
}

export interface OrderInputs {
  outlets: OutletInput[];
  engineers: EngineerInput[];
  customers: CustomerInput[];
  /** Users the demo accounts act as, by username (agent, callback, dispatcher…), with their outlet. */
  users: Map<string, { id: string; role: string; outletId: string | null }>;
  /** Day → 'holiday' | 'workday' of the holiday calendar around the history window. */
  calendar: Map<string, string>;
  policies: Map<string, PolicyVersionInput[]>;
}

type Row = Record<string, unknown>;
const str = (v: unknown): string => String(v);
const optStr = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const optNum = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
/** `date` columns come back as strings from pg and as Dates from PGlite. */
const day = (v: unknown): string =>
  v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The policy keys the order rules read (WO-4, WO-5, WO-6, WO-7, WO-13). */
export const orderPolicyKeys = [
  'wo.sla.standard',
  'wo.sla.all_tiers',
  'wo.sla.pickup',
  'wo.sla.mall_return',
  'wo.sla.jjwx_days',
  'wo.sla.warning_share',
  'wo.appointment.max_window_hours',
  'wo.no_time.horizon_days',
  'md.sanbao.windows',
  'net.service_radius',
] as const;
export type OrderPolicyKey = (typeof orderPolicyKeys)[number];

/** Reads outlets with coverage, services and tiers, engineers with skills, customers with their rows, users, policies. */
export async function loadOrderInputs(
  database: Database,
  opts: { now: Date; timeZone: string; historyDays: number },
): Promise<OrderInputs> {
  await ensurePolicyDefaults(database, opts.now);
  const q = async (sql: string, values: unknown[] = []): Promise<Row[]> =>
    (await database.executeSql(sql, values)).rows;
  const today = businessDate(opts.now, opts.timeZone);
  const [
    outletRows,
    coverageRows,
    serviceRows,
    engineerRows,
    skillRows,
    customerDoc,
    phoneDoc,
    addressDoc,
    unitDoc,
    userRows,
    calendarRows,
    policyRows,
  ] = await Promise.all([
    q(`select o.id, o.code, o.status, o.region_code, o.lat, o.lng, o.service_radius_km, o.grade, r.market_tier
         from outlets o left join regions r on r.code = o.region_code order by o.code`),
    q(`select outlet_id, region_code from outlet_regions order by outlet_id, region_code`),
    q(`select outlet_id, category_code, service_type from outlet_services
         order by outlet_id, category_code, service_type`),
    q(`select id, outlet_id, code, active, user_id from engineers order by code`),
    q(`select engineer_id, category_code from engineer_skills order by engineer_id, category_code`),
    // Thousands of customer rows cost far less to read as one JSON array per table than as rows.
    q(`select coalesce(json_agg(json_build_array(id, created_at, tags) order by id), '[]')::text as doc
         from customers where merged_into_id is null`),
    q(`select coalesce(json_agg(json_build_array(customer_id, id) order by customer_id, is_primary desc, id), '[]')::text
           as doc
         from customer_phones`),
    q(`select coalesce(json_agg(json_build_array(customer_id, id, region_code, lat, lng)
                                order by customer_id, is_default desc, id), '[]')::text as doc
         from customer_addresses`),
    q(`select coalesce(json_agg(json_build_array(u.customer_id, u.id, u.address_id, u.model_id, m.category_code,
                                                 u.purchase_date, u.registered_at) order by u.customer_id, u.id), '[]')::text
           as doc
         from units u join product_models m on m.id = u.model_id where u.customer_id is not null`),
    q(`select id, username, role, scope_outlet_id from users where active order by created_at, id`),
    q(`select day, kind from calendar_days where day >= $1 and day <= $2`, [
      addCalendarDays(today, -opts.historyDays - 7),
      addCalendarDays(today, 30),
    ]),
    q(`select key, version, value, effective_from from policy_versions where key = any($1::text[])`, [
      [...orderPolicyKeys],
    ]),
  ]);

  const coverage = groupBy(coverageRows, (r) => str(r.outlet_id));
  const services = groupBy(serviceRows, (r) => str(r.outlet_id));
  const outlets: OutletInput[] = outletRows.map((r) => {
    const tier = optNum(r.market_tier);
    return {
      id: str(r.id),
      code: str(r.code),
      status: str(r.status),
      regionCode: str(r.region_code),
      lat: optNum(r.lat),
      lng: optNum(r.lng),
      radiusKm: optNum(r.service_radius_km),
      grade: optStr(r.grade),
      tier: tier === 1 || tier === 2 || tier === 3 || tier === 4 ? tier : null,
      districts: (coverage.get(str(r.id)) ?? []).map((c) => str(c.region_code)),
      services: (services.get(str(r.id)) ?? []).map((s) => ({
        categoryCode: str(s.category_code),
        serviceType: str(s.service_type),
      })),
    };
  });

  const skills = groupBy(skillRows, (r) => str(r.engineer_id));
  const engineers: EngineerInput[] = engineerRows.map((r) => ({
    id: str(r.id),
    outletId: str(r.outlet_id),
    code: str(r.code),
    active: r.active === true,
    userId: optStr(r.user_id),
    categories: (skills.get(str(r.id)) ?? []).map((s) => str(s.category_code)),
  }));

  const json = <T>(rows: Row[]): T[] => JSON.parse(String(rows[0]?.doc ?? '[]')) as T[];
  const phones = groupBy(json<[string, string]>(phoneDoc), (p) => p[0]);
  const addresses = groupBy(
    json<[string, string, string, number | null, number | null]>(addressDoc),
    (a) => a[0],
  );
  const units = groupBy(
    json<[string, string, string | null, string, string, string, string]>(unitDoc),
    (u) => u[0],
  );
  const customers: CustomerInput[] = json<[string, string, string[] | null]>(customerDoc).map(
    ([id, createdAt, tags]) => ({
      id,
      createdAt: new Date(createdAt),
      tags: tags ?? [],
      phoneIds: (phones.get(id) ?? []).map((p) => p[1]),
      addresses: (addresses.get(id) ?? []).map(([, addressId, regionCode, lat, lng]) => ({
        id: addressId,
        customerId: id,
        regionCode,
        lat,
        lng,
      })),
      units: (units.get(id) ?? []).map(
        ([, unitId, addressId, modelId, categoryCode, purchaseDate, registeredAt]) => ({
          id: unitId,
          customerId: id,
          addressId,
          modelId,
          categoryCode,
          purchaseDate: purchaseDate.slice(0, 10),
          registeredAt: new Date(registeredAt),
        }),
      ),
    }),
  );

  const users = new Map<string, { id: string; role: string; outletId: string | null }>();
  for (const u of userRows) {
    const name = str(u.username).toLowerCase();
    if (!users.has(name))
      users.set(name, { id: str(u.id), role: str(u.role), outletId: optStr(u.scope_outlet_id) });
  }

  const policies = new Map<string, PolicyVersionInput[]>();
  for (const p of policyRows) {
    const list = policies.get(str(p.key)) ?? [];
    list.push({ version: Number(p.version), value: p.value, effectiveFrom: date(p.effective_from) });
    policies.set(str(p.key), list);
  }

  return {
    outlets,
    engineers,
    customers,
    users,
    calendar: new Map(calendarRows.map((r) => [day(r.day), str(r.kind)])),
    policies,
  };
}

/**
 * The version of a policy in force at an instant, chosen as the policy store chooses (POL-1): the latest
 * effective date not after the instant, the higher version on a tie.
 */
export function policyAt<T>(
  inputs: OrderInputs,
  key: OrderPolicyKey,
  at: Date,
): { value: T; version: number } {
  let best: PolicyVersionInput | undefined;
  for (const v of inputs.policies.get(key) ?? []) {
    if (v.effectiveFrom.getTime() > at.getTime()) continue;
    if (
      !best ||
      v.effectiveFrom.getTime() > best.effectiveFrom.getTime() ||
      (v.effectiveFrom.getTime() === best.effectiveFrom.getTime() && v.version > best.version)
    ) {
      best = v;
    }
  }
  if (!best) throw new Error(`Policy ${key} has no version in force at ${at.toISOString()}.`);
  return { value: best.value as T, version: best.version };
}
