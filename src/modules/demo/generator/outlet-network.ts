import { normalisePhone } from '../../../platform/phone.ts';
import { businessDate, businessDayStart } from '../../../platform/time.ts';
import { chineseSurname } from './chinese-names.ts';
import type { CityInfo } from './city-table.ts';
import { cities as cityTable } from './city-table.ts';
import { IdMaker } from './generated-ids.ts';
import type { DistrictInput, FixedOutletInput, MasterInputs } from './master-inputs.ts';
import type { Point } from './places.ts';
import {
  districtCentre,
  distanceKm,
  offsetKm,
  shortCityName,
  shortDistrictName,
  streetAddress,
  tradeWords,
} from './places.ts';
import { labelSeed, mixSeed, Random, WeightedTable } from './prng.ts';

export type CoverageRole = 'primary' | 'backup';

export interface DistrictSpot {
  code: string;
  name: string;
  cityCode: string;
  centre: Point;
  urban: boolean;
}

export interface OutletQualification {
  licenceNumber: string | null;
  licensedForRepair: boolean;
  hasPartsStore: boolean;
  technicianCount: number;
  acceptsManagement: boolean;
  hasServiceSystem: boolean;
}

export interface OutletDraft {
  id: string;
  code: string;
  name: string;
  type: string;
  parentId: string | null;
  regionCode: string;
  cityCode: string;
  home: DistrictSpot;
  address: string;
  lat: number;
  lng: number;
  serviceRadiusKm: number;
  status: string;
  band: number | null;
  bandYear: number | null;
  grade: string | null;
  stars: number | null;
  partsDepositFen: number;
  phone: string | null;
  managerName: string | null;
  qualification: OutletQualification;
  createdAt: Date;
  updatedAt: Date;
  /** One of the fixed demo outlets: it exists already and only gets the master data it lacks. */
  fixed: boolean;
  coverage: Map<string, CoverageRole>;
  services: { categoryCode: string; serviceType: string }[];
  engineerCount: number;
}

export interface CityPlan {
  info: CityInfo;
  name: string;
  /** Districts where outlets sit; the districts the network covers (NET-2). */
  homes: DistrictSpot[];
  outlets: OutletDraft[];
}

export interface OutletNetwork {
  cities: CityPlan[];
  outlets: OutletDraft[];
}

const DAY_MS = 86_400_000;

/** Types after a city's first outlet, which is always tier-1 (the parent its tier-2 outlets need, NET-1). */
const typeWeights = new WeightedTable<string>([
  ['after_sales_tier1', 14],
  ['after_sales_tier2', 40],
  ['direct_signed', 10],
  ['three_in_one', 15],
  ['self_warranty', 9],
  ['pre_sales', 8],
]);

const statusWeights = new WeightedTable<string>([
  ['active', 86],
  ['rectifying', 4],
  ['suspended', 3],
  ['applying', 4],
  ['withdrawing', 1.5],
  ['withdrawn', 1.5],
]);

/** Trade-name endings by NET-1 type: a tier-2 站 sounds smaller than a tier-1 中心, a 三位一体 outlet sells too. */
const nameEndings: Record<string, readonly string[]> = {
  after_sales_tier1: ['家电服务中心', '电器维修中心', '家电售后服务中心', '电器服务部'],
  after_sales_tier2: ['电器服务站', '家电维修站', '家电服务部', '电器维修部'],
  direct_signed: ['家电服务中心', '电器售后服务公司', '家电维修服务有限公司'],
  three_in_one: ['电器城', '家电商行', '家电广场'],
  self_warranty: ['电器商行', '家电专卖店', '电器连锁'],
  pre_sales: ['家电售前服务中心', '电器体验店'],
};

/** Median repair orders last year by type (NET-5 bands are cut from this). */
const medianVolume: Record<string, number> = {
  after_sales_tier1: 1900,
  direct_signed: 2300,
  three_in_one: 1400,
  after_sales_tier2: 700,
  self_warranty: 450,
  pre_sales: 250,
};

/** How many neighbouring districts an outlet of each type also serves (as backup). */
const neighbourRange: Record<string, readonly [number, number]> = {
  after_sales_tier1: [2, 3],
  direct_signed: [1, 2],
  three_in_one: [1, 3],
  after_sales_tier2: [0, 1],
  self_warranty: [0, 1],
  pre_sales: [0, 0],
};

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const isCapital = (code: string): boolean =>
  code.endsWith('0100') || ['110100', '120100', '310100', '500100'].includes(code);

/** A city served at all gets at least this many outlets' worth of weight; smaller ones are left out. */
const MIN_CITY_SHARE = 3;

/**
 * Splits `total` outlets over cities by weight: every chosen city gets at least two (so each covered district can
 * have a backup, NET-2); cities whose share would be below MIN_CITY_SHARE are left out (a network concentrates
 * where people are), except provincial capitals and the cities of fixed outlets, which are always served.
 */
export function allocateOutlets(
  total: number,
  candidates: readonly { info: CityInfo; forced: boolean }[],
): Map<string, number> {
  let chosen = [...candidates].sort(
    (a, b) => Number(b.forced) - Number(a.forced) || b.info.weight - a.info.weight,
  );
  for (;;) {
    const weight = chosen.reduce((s, c) => s + c.info.weight, 0);
    const kept = chosen.filter((c) => c.forced || (total * c.info.weight) / weight >= MIN_CITY_SHARE);
    if (kept.length === chosen.length) break;
    chosen = kept;
  }
  chosen = chosen.slice(0, Math.max(1, Math.floor(total / 2)));
  const counts = new Map<string, number>(chosen.map((c) => [c.info.code, Math.min(2, total)]));
  const rest = Math.max(0, total - 2 * chosen.length);
  const weight = chosen.reduce((s, c) => s + c.info.weight, 0);
  const shares = chosen.map((c) => ({ code: c.info.code, exact: (rest * c.info.weight) / weight }));
  let given = 0;
  for (const s of shares) {
    const whole = Math.floor(s.exact);
    counts.set(s.code, (counts.get(s.code) ?? 0) + whole);
    given += whole;
  }
  const byRemainder = [...shares].sort(
    (a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)),
  );
  for (let i = 0; given < rest; i++, given++) {
    const s = byRemainder[i % byRemainder.length] as { code: string };
    counts.set(s.code, (counts.get(s.code) ?? 0) + 1);
  }
  return counts;
}

/** 统一社会信用代码 with its GB 32100-2015 check character, so licence numbers look and verify right. */
export function creditCode(random: Random, districtCode: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let body = `${random.pick(['91', '92'])}${districtCode}`;
  for (let i = 0; i < 9; i++) body += chars[random.int(0, 30)];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += chars.indexOf(body[i] as string) * (weights[i] as number);
  return body + chars[(31 - (sum % 31)) % 31];
}

function landline(random: Random, areaCode: string): string | null {
  for (const digits of [8, 7]) {
    const local = `${random.int(2, 7)}${random.digits(digits - 1)}`;
    const parsed = normalisePhone(`${areaCode}${local}`);
    if (parsed.ok) return parsed.e164;
  }
  return null;
}

function orderedDistricts(list: readonly DistrictInput[], city: CityInfo): DistrictSpot[] {
  const urban = list.filter((d) => d.areaType === 'urban').sort((a, b) => a.code.localeCompare(b.code));
  const rural = list.filter((d) => d.areaType !== 'urban').sort((a, b) => a.code.localeCompare(b.code));
  return [
    ...urban.map((d, i) => spotOf(d, city, i, true)),
    ...rural.map((d, i) => spotOf(d, city, i, false)),
  ];
}

function spotOf(d: DistrictInput, city: CityInfo, rank: number, urban: boolean): DistrictSpot {
  return {
    code: d.code,
    name: d.name,
    cityCode: city.code,
    centre: districtCentre(city, d.code, rank, urban),
    urban,
  };
}

interface NetworkContext {
  random: Random;
  ids: IdMaker;
  now: Date;
  inputs: MasterInputs;
  usedNames: Set<string>;
  codeSeq: Map<string, number>;
}

function outletName(ctx: NetworkContext, cityName: string, district: DistrictSpot, type: string): string {
  const endings = nameEndings[type] ?? ['家电服务中心'];
  const head = `${shortCityName(cityName)}${shortDistrictName(district.name)}`;
  for (let attempt = 0; attempt < 40; attempt++) {
    const name = `${head}${ctx.random.pick(tradeWords)}${ctx.random.pick(endings)}`;
    if (!ctx.usedNames.has(name)) {
      ctx.usedNames.add(name);
      return name;
    }
  }
  for (let n = 2; ; n++) {
    const name = `${head}${ctx.random.pick(tradeWords)}${ctx.random.pick(endings)}${n}号店`;
    if (!ctx.usedNames.has(name)) {
      ctx.usedNames.add(name);
      return name;
    }
  }
}

function newOutlet(
  ctx: NetworkContext,
  city: CityInfo,
  cityName: string,
  home: DistrictSpot,
  ordinal: number,
  type: string,
  status: string,
): OutletDraft {
  const { random, now } = ctx;
  const seq = (ctx.codeSeq.get(home.code) ?? 0) + 1;
  ctx.codeSeq.set(home.code, seq);
  const createdAt =
    status === 'applying'
      ? new Date(now.getTime() - random.int(3, 60) * DAY_MS - random.int(0, 36_000_000))
      : new Date(now.getTime() - random.int(400, 4500) * DAY_MS - random.int(0, 36_000_000));
  const spot = offsetKm(home.centre, 0.3 + random.float() * 2.2, random.float() * 2 * Math.PI);
  const suffix = random.pick(['', '', '首层', '1-2号铺', 'A座102', '商铺']);
  return {
    id: ctx.ids.make(createdAt.getTime(), ordinal),
    code: `${city.abbr}-${home.code}-${String(seq).padStart(2, '0')}`,
    name: outletName(ctx, cityName, home, type),
    type,
    parentId: null,
    regionCode: home.code,
    cityCode: city.code,
    home,
    address: `${home.name}${streetAddress(random)}${suffix}`,
    lat: spot.lat,
    lng: spot.lng,
    serviceRadiusKm: 0,
    status,
    band: null,
    bandYear: null,
    grade: null,
    stars: null,
    partsDepositFen: 0,
    phone: landline(random, city.areaCode),
    managerName: `${chineseSurname(random)}经理`,
    qualification: {
      licenceNumber: null,
      licensedForRepair: false,
      hasPartsStore: false,
      technicianCount: 0,
      acceptsManagement: false,
      hasServiceSystem: false,
    },
    createdAt,
    updatedAt: createdAt,
    fixed: false,
    coverage: new Map(),
    services: [],
    engineerCount: 0,
  };
}

function fixedOutlet(
  ctx: NetworkContext,
  f: FixedOutletInput,
  city: CityInfo,
  home: DistrictSpot,
): OutletDraft {
  const { random } = ctx;
  ctx.usedNames.add(f.name);
  const spot = offsetKm(home.centre, 0.3 + random.float() * 1.5, random.float() * 2 * Math.PI);
  return {
    id: f.id,
    code: f.code,
    name: f.name,
    type: f.type,
    parentId: null,
    regionCode: f.regionCode,
    cityCode: city.code,
    home,
    address: `${home.name}${streetAddress(random)}`,
    lat: spot.lat,
    lng: spot.lng,
    serviceRadiusKm: 0,
    status: f.status,
    band: null,
    bandYear: null,
    grade: null,
    stars: null,
    partsDepositFen: 0,
    phone: landline(random, city.areaCode),
    managerName: `${chineseSurname(random)}经理`,
    qualification: {
      licenceNumber: null,
      licensedForRepair: false,
      hasPartsStore: false,
      technicianCount: 0,
      acceptsManagement: false,
      hasServiceSystem: false,
    },
    createdAt: f.createdAt,
    updatedAt: f.createdAt,
    fixed: true,
    coverage: new Map(),
    services: [],
    engineerCount: 0,
  };
}

function nearest<T extends { home: DistrictSpot }>(items: readonly T[], to: DistrictSpot): T[] {
  return [...items].sort(
    (a, b) => distanceKm(a.home.centre, to.centre) - distanceKm(b.home.centre, to.centre),
  );
}

/**
 * NET-2 moderate redundancy, enforced rather than hoped for: every covered district ends with at least
 * `min` active outlets, one of them serving it as `backup`. Missing backups come from the nearest active outlet
 * of the same city; when every active outlet already covers the district, a second primary becomes backup.
 */
function ensureRedundancy(plan: CityPlan, min: number): void {
  for (const home of plan.homes) {
    for (let guard = 0; guard < 100; guard++) {
      const covering = plan.outlets.filter((o) => o.coverage.has(home.code));
      const active = covering.filter((o) => o.status === 'active');
      const hasBackup = active.some((o) => o.coverage.get(home.code) === 'backup');
      if (active.length >= min && hasBackup) break;
      const candidate = nearest(
        plan.outlets.filter((o) => o.status === 'active' && !o.coverage.has(home.code)),
        home,
      )[0];
      if (candidate) {
        candidate.coverage.set(home.code, 'backup');
        continue;
      }
      const primaries = active.filter((o) => o.coverage.get(home.code) === 'primary' && !o.fixed);
      if (!hasBackup && active.length >= 2 && primaries.length > 0) {
        (primaries.at(-1) as OutletDraft).coverage.set(home.code, 'backup');
        continue;
      }
      const dormant = plan.outlets.find((o) => !o.fixed && o.status !== 'active' && o.status !== 'withdrawn');
      if (!dormant)
        throw new Error(`City ${plan.info.code} has too few outlets to cover ${home.code} twice.`);
      dormant.status = 'active';
      dormant.coverage.set(dormant.home.code, 'primary');
    }
  }
}

function assignServices(ctx: NetworkContext, o: OutletDraft): void {
  const { random } = ctx;
  if (o.status === 'withdrawn') return;
  const appliance = ctx.inputs.categories.filter((c) => c.lineCode === 'appliance').map((c) => c.code);
  const doorWindow = ctx.inputs.categories.filter((c) => c.lineCode !== 'appliance').map((c) => c.code);
  const profile =
    o.type === 'pre_sales' || o.type === 'self_warranty' || o.fixed
      ? 'appliance'
      : random.weighted(
          new WeightedTable<string>([
            ['appliance', 78],
            ['door_window', 10],
            ['both', 12],
          ]),
        );
  const categories: string[] = [];
  if (profile !== 'door_window' && appliance.length > 0) {
    const big = ['after_sales_tier1', 'direct_signed', 'three_in_one'].includes(o.type) || o.fixed;
    const count = big ? random.int(4, appliance.length) : random.int(2, Math.min(5, appliance.length));
    const rest = appliance.filter((c) => c !== 'air_conditioner');
    categories.push(
      ...(appliance.includes('air_conditioner') ? ['air_conditioner'] : []),
      ...random.sample(rest, count - 1),
    );
  }
  if (profile !== 'appliance' && doorWindow.length > 0) {
    categories.push(
      ...random.sample(doorWindow, random.int(Math.min(3, doorWindow.length), doorWindow.length)),
    );
  }
  const wide = ['after_sales_tier1', 'direct_signed', 'three_in_one'].includes(o.type);
  const types =
    o.type === 'pre_sales'
      ? ['install']
      : [
          'install',
          'repair',
          ...(random.chance(0.7) ? ['maintenance'] : []),
          ...(random.chance(0.4) ? ['pickup_repair'] : []),
          ...(random.chance(wide ? 0.6 : 0.15) ? ['return_exchange'] : []),
        ];
  o.services = categories.flatMap((categoryCode) =>
    types.map((serviceType) => ({ categoryCode, serviceType })),
  );
}

/**
 * NET-5 bands from a plausible last-year volume, NET-6 grades forced-distributed within each band by a score,
 * stars from the band × grade matrix; all with the policy values in force.
 */
function gradeNetwork(ctx: NetworkContext, outlets: OutletDraft[]): void {
  const { random, inputs, now } = ctx;
  const { bandThresholds: t, gradeShares, bandMatrix } = inputs.policies;
  const year = Number(businessDate(now, inputs.timeZone).slice(0, 4));
  const scores = new Map<string, number>();
  for (const o of outlets) {
    if (o.status === 'applying') continue;
    const ageDays = (now.getTime() - o.createdAt.getTime()) / DAY_MS;
    const median = (medianVolume[o.type] ?? 800) * (isCapital(o.cityCode) ? 1.3 : 1);
    const volume = ageDays < 365 ? 0 : Math.round(median * Math.exp(0.65 * random.normal()));
    o.band = volume >= t.band1MinOrders ? 1 : volume >= t.band2MinOrders ? 2 : 3;
    o.bandYear = year;
    scores.set(o.id, 60 + 35 * random.float());
  }
  for (const band of [1, 2, 3]) {
    const ranked = outlets
      .filter((o) => o.band === band)
      .sort((a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || a.code.localeCompare(b.code));
    const n = ranked.length;
    ranked.forEach((o, i) => {
      const r = i + 1;
      o.grade =
        r <= Math.round(gradeShares.a * n)
          ? 'A'
          : r <= Math.round(gradeShares.b * n)
            ? 'B'
            : r <= Math.round(gradeShares.c * n)
              ? 'C'
              : 'D';
      o.stars = bandMatrix[`band${band}`]?.[o.grade.toLowerCase()]?.stars ?? null;
    });
  }
  const yearStart = businessDayStart(`${year}-01-02`, inputs.timeZone);
  for (const o of outlets) {
    const [lo, hi] = o.band === 1 ? [50_000, 120_000] : o.band === 2 ? [20_000, 60_000] : [5_000, 25_000];
    const yuan =
      o.status === 'applying' ? 0 : random.chance(0.06) ? random.int(800, 4900) : random.int(lo, hi);
    o.partsDepositFen = yuan * 100;
    o.engineerCount =
      o.type === 'pre_sales' || o.status === 'applying'
        ? random.int(2, 3)
        : o.band === 1
          ? random.int(6, 8)
          : o.band === 2
            ? random.int(4, 6)
            : random.int(2, 4);
    const qualified = o.status !== 'applying';
    o.qualification = {
      licenceNumber: creditCode(random, o.regionCode),
      licensedForRepair: qualified || random.chance(0.7),
      hasPartsStore: qualified || random.chance(0.5),
      technicianCount: o.engineerCount,
      acceptsManagement: true,
      hasServiceSystem: qualified || random.chance(0.4),
    };
    const { minKm, maxKm } = inputs.policies.radius;
    const base = o.home.urban ? random.int(minKm, Math.min(maxKm, minKm + 10)) : random.int(minKm + 5, maxKm);
    o.serviceRadiusKm = Math.max(minKm, Math.min(maxKm, base));
    if (!o.fixed && o.status !== 'applying' && yearStart > o.createdAt && yearStart <= now)
      o.updatedAt = yearStart;
  }
}

/** NET-1, NET-2, NET-5, NET-6: the outlet network of the generated data, fixed demo outlets included. */
export function generateOutletNetwork(inputs: MasterInputs): OutletNetwork {
  const ctx: NetworkContext = {
    random: new Random(mixSeed(inputs.seed, labelSeed('outlets'))),
    ids: new IdMaker('out', inputs.seed),
    now: inputs.now,
    inputs,
    usedNames: new Set(),
    codeSeq: new Map(),
  };
  const { random } = ctx;
  const byCity = groupBy(inputs.districts, (d) => d.cityCode);
  const fixedByCity = groupBy(inputs.fixedOutlets, (f) => `${f.regionCode.slice(0, 4)}00`);
  const known = cityTable.filter((c) => (byCity.get(c.code)?.length ?? 0) > 0);
  const counts = allocateOutlets(
    inputs.outlets,
    known.map((info) => ({ info, forced: isCapital(info.code) || fixedByCity.has(info.code) })),
  );

  const plans: CityPlan[] = [];
  let ordinal = 0;
  for (const info of known) {
    const generated = counts.get(info.code) ?? 0;
    const fixed = fixedByCity.get(info.code) ?? [];
    if (generated === 0 && fixed.length === 0) continue;
    const name = inputs.cityNames.get(info.code) ?? info.code;
    const ordered = orderedDistricts(byCity.get(info.code) ?? [], info);
    const fixedHomes = ordered.filter((d) => fixed.some((f) => f.regionCode === d.code));
    const m = Math.min(
      ordered.length,
      Math.max(fixedHomes.length, 1, Math.round((generated + fixed.length) * 0.6)),
    );
    const homes = [...fixedHomes, ...ordered.filter((d) => !fixedHomes.includes(d))].slice(0, m);
    const plan: CityPlan = { info, name, homes, outlets: [] };
    for (const f of fixed) {
      const home = homes.find((h) => h.code === f.regionCode);
      if (home) plan.outlets.push(fixedOutlet(ctx, f, info, home));
    }
    const load = new Map(
      homes.map((h) => [h.code, plan.outlets.filter((o) => o.regionCode === h.code).length]),
    );
    const activeAt = new Set(plan.outlets.filter((o) => o.status === 'active').map((o) => o.regionCode));
    for (let j = 0; j < generated; j++) {
      const home = [...homes].sort(
        (a, b) => (load.get(a.code) ?? 0) - (load.get(b.code) ?? 0),
      )[0] as DistrictSpot;
      load.set(home.code, (load.get(home.code) ?? 0) + 1);
      // The first outlet of a city is a tier-1 parent for its tier-2 outlets (NET-1); the first two, and the
      // first of every district, are active so that NET-2 redundancy is possible at all.
      const type = j === 0 ? 'after_sales_tier1' : random.weighted(typeWeights);
      const status = j < 2 || !activeAt.has(home.code) ? 'active' : random.weighted(statusWeights);
      if (status === 'active') activeAt.add(home.code);
      plan.outlets.push(newOutlet(ctx, info, name, home, ordinal++, type, status));
    }
    for (const o of plan.outlets) {
      if (o.status === 'withdrawn') continue;
      o.coverage.set(o.regionCode, 'primary');
      if (o.status === 'applying') continue;
      const [lo, hi] = neighbourRange[o.type] ?? [0, 1];
      const others = homes.filter((h) => h.code !== o.regionCode);
      const near = others.sort(
        (a, b) => distanceKm(a.centre, o.home.centre) - distanceKm(b.centre, o.home.centre),
      );
      for (const h of near.slice(0, random.int(lo, hi))) o.coverage.set(h.code, 'backup');
    }
    ensureRedundancy(plan, inputs.policies.minOutletsPerDistrict);
    const parents = plan.outlets.filter(
      (o) => o.type === 'after_sales_tier1' && o.status !== 'withdrawn' && o.status !== 'withdrawing',
    );
    for (const o of plan.outlets) {
      if (o.type !== 'after_sales_tier2') continue;
      const active = parents.filter((p) => p.status === 'active');
      o.parentId = nearest(active.length > 0 ? active : parents, o.home)[0]?.id ?? null;
    }
    plans.push(plan);
  }
  const outlets = plans.flatMap((p) => p.outlets);
  gradeNetwork(ctx, outlets);
  for (const o of outlets) assignServices(ctx, o);
  return { cities: plans, outlets };
}
