import type { Database } from '../src/platform/db/database.ts';
import type { SlaFacts, SlaPolicies } from '../src/modules/work-orders/index.ts';
import { evaluateSla, slaPolicyKeys } from '../src/modules/work-orders/index.ts';

export interface SlaEngineRun {
  /** evaluateSla calls per second on one core. */
  perSecond: number;
  orders: number;
  /** Of the sampled orders, those with part waits (the deductions WO-7.6 merges). */
  withParts: number;
  evaluations: number;
}

type Row = Record<string, unknown>;
const at = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string | Date));

/**
 * The WO-7 engine alone: facts of real orders of the dataset (type, mode, channel, the outlet's tier, requested
 * time, closing, every part with its movement times) evaluated over and over with the policies in force.
 */
export async function measureSlaEngine(
  database: Database,
  sampleSize: number,
  seconds: number,
): Promise<SlaEngineRun> {
  const q = async (sql: string, values: unknown[] = []): Promise<Row[]> =>
    (await database.executeSql(sql, values)).rows;
  // Orders with parts are a minority; take them in their share plus as many again, so deductions are exercised.
  const orders = await q(
    `(select o.*, r.market_tier from work_orders o left join outlets t on t.id = o.outlet_id
        left join regions r on r.code = t.region_code order by random() limit $1)
     union all
     (select o.*, r.market_tier from work_orders o left join outlets t on t.id = o.outlet_id
        left join regions r on r.code = t.region_code
       where o.first_part_request_at is not null order by random() limit $2)`,
    [sampleSize, Math.round(sampleSize / 4)],
  );
  const parts = await q(`select * from part_requests where order_id = any($1::text[]) order by applied_at`, [
    orders.map((o) => String(o.id)),
  ]);
  const partsOf = new Map<string, Row[]>();
  for (const p of parts) partsOf.set(String(p.order_id), [...(partsOf.get(String(p.order_id)) ?? []), p]);
  const policyRows = await q(
    `select distinct on (key) key, version, value from policy_versions where key = any($1::text[])
      order by key, effective_from desc, version desc`,
    [Object.values(slaPolicyKeys)],
  );
  const policy = (key: string) => {
    const r = policyRows.find((p) => p.key === key);
    if (!r) throw new Error(`Policy ${key} is missing.`);
    return { value: r.value, version: Number(r.version) };
  };
  const policies = {
    standard: policy(slaPolicyKeys.standard),
    allTiers: policy(slaPolicyKeys.allTiers),
    pickup: policy(slaPolicyKeys.pickup),
    mallReturn: policy(slaPolicyKeys.mallReturn),
    jjwxDays: policy(slaPolicyKeys.jjwxDays),
    warningShare: policy(slaPolicyKeys.warningShare),
  } as unknown as SlaPolicies;
  const facts: SlaFacts[] = orders.map((o) => {
    const tier = Number(o.market_tier);
    return {
      orderType: o.order_type as SlaFacts['orderType'],
      categoryCode: String(o.category_code),
      serviceMode: o.service_mode as SlaFacts['serviceMode'],
      channel: o.channel as SlaFacts['channel'],
      outletTier: tier === 1 || tier === 2 || tier === 3 || tier === 4 ? tier : null,
      actualMeasurePickup: o.actual_measure_pickup === true,
      createdAt: at(o.created_at) as Date,
      customerRequestedAt: at(o.customer_requested_at),
      closedAt: at(o.closed_at) ?? at(o.cancelled_at),
      partWaits: (partsOf.get(String(o.id)) ?? []).map((p) => ({
        partName: String(p.part_name),
        shippedBy: p.shipped_by === 'division' ? 'division' : 'outlet_stock',
        appliedAt: at(p.applied_at) as Date,
        stationArrivalAt: at(p.station_arrival_at),
        shelfOffAt: at(p.shelf_off_at),
        arrivedAtOutletAt: at(p.arrived_at_outlet_at),
        fittedAt: at(p.fitted_at),
      })),
    };
  });
  if (facts.length === 0) throw new Error('No orders to evaluate.');
  const now = new Date();
  let evaluations = 0;
  let sink = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    for (const f of facts) sink += evaluateSla(f, policies, now).assessedMs > 0 ? 1 : 0;
    evaluations += facts.length;
  }
  const elapsed = (performance.now() - t0) / 1000;
  if (sink < 0) throw new Error('unreachable');
  return {
    perSecond: evaluations / elapsed,
    orders: facts.length,
    withParts: facts.filter((f) => f.partWaits.length > 0).length,
    evaluations,
  };
}
