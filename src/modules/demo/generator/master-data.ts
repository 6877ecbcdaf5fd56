import type { Database } from '../../../platform/db/database.ts';
import { normalisePhone } from '../../../platform/phone.ts';
import { createPolicyStore, ensurePolicyDefaults } from '../../policy/index.ts';
import { demoOutlets, demoUsers } from '../demo-seed.ts';
import type { CustomerPlan } from './customers.ts';
import { HISTORY_DAYS } from './customers.ts';
import type { DealerDraft } from './dealers.ts';
import { generateDealers } from './dealers.ts';
import type { EngineerDraft } from './engineers.ts';
import { generateEngineers } from './engineers.ts';
import { IdMaker } from './generated-ids.ts';
import type {
  CategoryInput,
  DistrictInput,
  FixedOutletInput,
  MasterInputs,
  NetworkPolicies,
} from './master-inputs.ts';
import type { OutletNetwork } from './outlet-network.ts';
import { generateOutletNetwork } from './outlet-network.ts';
import { MobileNumbers } from './phones.ts';
import type { ModelDraft } from './product-models.ts';
import { generateModels } from './product-models.ts';
import { labelSeed, mixSeed, Random } from './prng.ts';

export interface ModelRowDraft extends ModelDraft {
  id: string;
  createdAt: Date;
}

export interface MasterData {
  models: ModelRowDraft[];
  network: OutletNetwork;
  engineers: EngineerDraft[];
  dealers: DealerDraft[];
  customerPlan: CustomerPlan;
}

const DAY_MS = 86_400_000;

async function policyValues(database: Database, now: Date): Promise<NetworkPolicies> {
  // The generated network follows the policy values in force (NET-2, NET-5, NET-6, CB-7); a database that has
  // not started yet gets the defaults the server would insert.
  await ensurePolicyDefaults(database, now);
  const store = createPolicyStore(database, () => now);
  const at = async <T>(key: string): Promise<T> => (await store.at<T>(key, now)).value;
  return {
    radius: await at('net.service_radius'),
    bandThresholds: await at('net.band.thresholds'),
    gradeShares: await at('net.grade.cumulative_shares'),
    bandMatrix: await at('net.grade.band_matrix'),
    minOutletsPerDistrict: await at('net.coverage.min_outlets_per_district'),
    dealerTiers: await at('cb.dealer.tiers'),
  };
}

/** Reads what generation depends on: the region tree, categories, the fixed demo outlets and the policies. */
export async function loadMasterInputs(
  database: Database,
  opts: { seed: number; outlets: number; now: Date; timeZone: string },
): Promise<MasterInputs> {
  const { rows: regionRows } = await database.executeSql(
    `select code, name, level, parent_code, market_tier, area_type from regions where level in ('city', 'district')`,
    [],
  );
  const districts: DistrictInput[] = [];
  const cityNames = new Map<string, string>();
  for (const r of regionRows) {
    if (r.level === 'city') cityNames.set(String(r.code), String(r.name));
    else {
      districts.push({
        code: String(r.code),
        name: String(r.name),
        cityCode: String(r.parent_code),
        areaType: String(r.area_type),
        marketTier: r.market_tier === null ? null : Number(r.market_tier),
      });
    }
  }
  if (districts.length === 0) throw new Error('The regions table is empty: load the reference data first.');
  const { rows: categoryRows } = await database.executeSql(
    'select code, line_code from product_categories order by sort_order, code',
    [],
  );
  const categories: CategoryInput[] = categoryRows.map((r) => ({
    code: String(r.code),
    lineCode: String(r.line_code),
  }));
  const { rows: fixedRows } = await database.executeSql(
    `select id, code, name, type, region_code, status, created_at from outlets where id = any($1::text[]) order by id`,
    [demoOutlets.map((o) => o.id)],
  );
  const fixedOutlets: FixedOutletInput[] = fixedRows.map((r) => ({
    id: String(r.id),
    code: String(r.code),
    name: String(r.name),
    type: String(r.type),
    regionCode: String(r.region_code),
    status: String(r.status),
    createdAt: new Date(r.created_at as string | Date),
  }));
  const engineerUser = demoUsers.find((u) => u.role === 'engineer');
  const { rows: userRows } = await database.executeSql(`select id from users where lower(username) = $1`, [
    engineerUser?.username ?? 'engineer',
  ]);
  const phone = engineerUser?.phone ? normalisePhone(engineerUser.phone) : undefined;
  const outletId = engineerUser?.scope.kind === 'outlet' ? engineerUser.scope.outletId : undefined;
  const demoEngineer =
    userRows[0] && phone?.ok && outletId && fixedOutlets.some((f) => f.id === outletId)
      ? {
          userId: String(userRows[0].id),
          outletId,
          name: (engineerUser?.displayName ?? '').split(' ').at(-1) ?? '',
          phone: phone.e164,
        }
      : undefined;
  return {
    seed: opts.seed,
    outlets: opts.outlets,
    now: opts.now,
    timeZone: opts.timeZone,
    districts,
    cityNames,
    categories,
    fixedOutlets,
    policies: await policyValues(database, opts.now),
    demoEngineer,
  };
}

/** MD-1 master data, all of it derived from the seed: models, the outlet network, engineers and dealers. */
export function buildMasterData(inputs: MasterInputs, customers: number): MasterData {
  const random = new Random(mixSeed(inputs.seed, labelSeed('models')));
  const modelIds = new IdMaker('mdl', inputs.seed);
  const models = generateModels(
    random,
    inputs.categories.map((c) => c.code),
  ).map((m, i) => {
    // Models were on sale before the oldest purchases in the history.
    const createdAt = new Date(inputs.now.getTime() - (HISTORY_DAYS + random.int(10, 700)) * DAY_MS);
    return { ...m, id: modelIds.make(createdAt.getTime(), i), createdAt };
  });
  const network = generateOutletNetwork(inputs);
  const phones = new MobileNumbers(inputs.seed);
  const engineers = generateEngineers(
    inputs.seed,
    network.outlets,
    phones,
    inputs.now,
    inputs.timeZone,
    inputs.demoEngineer,
  );
  const dealers = generateDealers(
    inputs.seed,
    network.cities,
    Math.max(network.cities.length, Math.round(inputs.outlets * 0.6)),
    phones,
    engineers.length,
    inputs.policies,
    inputs.now,
    inputs.timeZone,
  );
  const dealersByCity: Record<string, string[]> = {};
  for (const d of dealers) (dealersByCity[d.cityCode] ??= []).push(d.id);
  const customerPlan: CustomerPlan = {
    seed: inputs.seed,
    total: customers,
    nowMs: inputs.now.getTime(),
    timeZone: inputs.timeZone,
    districts: network.cities.flatMap((c) =>
      c.homes.map((h) => ({
        code: h.code,
        cityCode: c.info.code,
        lat: h.centre.lat,
        lng: h.centre.lng,
        // People live where the outlets are; core districts are denser than outlying counties.
        weight: (c.info.weight / c.homes.length) * (h.urban ? 1.2 : 0.8),
      })),
    ),
    models: models.map((m) => ({ id: m.id, categoryCode: m.categoryCode })),
    dealersByCity,
    dealers: dealers.map((d) => d.id),
  };
  return { models, network, engineers, dealers, customerPlan };
}
