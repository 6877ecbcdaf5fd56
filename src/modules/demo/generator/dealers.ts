import { businessDate, businessDayStart } from '../../../platform/time.ts';
import { chineseName } from './chinese-names.ts';
import { IdMaker } from './generated-ids.ts';
import type { NetworkPolicies } from './master-inputs.ts';
import type { CityPlan } from './outlet-network.ts';
import type { MobileNumbers } from './phones.ts';
import { shortCityName, tradeWords } from './places.ts';
import { labelSeed, mixSeed, Random, WeightedTable } from './prng.ts';

export interface DealerDraft {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  cityCode: string;
  contactName: string;
  contactPhone: string;
  tier: string;
  active: boolean;
  createdAt: Date;
  history: { month: string; tier: string; reason: string; decidedAt: Date }[];
}

/** ISO 3166-2:CN letters, as dealer numbers are written (GD-GZ-0012). */
const provinceLetters: Record<string, string> = {
  '11': 'BJ',
  '12': 'TJ',
  '13': 'HE',
  '14': 'SX',
  '15': 'NM',
  '21': 'LN',
  '22': 'JL',
  '23': 'HL',
  '31': 'SH',
  '32': 'JS',
  '33': 'ZJ',
  '34': 'AH',
  '35': 'FJ',
  '36': 'JX',
  '37': 'SD',
  '41': 'HA',
  '42': 'HB',
  '43': 'HN',
  '44': 'GD',
  '45': 'GX',
  '46': 'HI',
  '50': 'CQ',
  '51': 'SC',
  '52': 'GZ',
  '53': 'YN',
  '54': 'XZ',
  '61': 'SN',
  '62': 'GS',
  '63': 'QH',
  '64': 'NX',
  '65': 'XJ',
};

const DAY_MS = 86_400_000;

function monthsBack(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const pct = (v: number): string => `${(v * 100).toFixed(1).replace(/\.0$/, '')}%`;

/** The reason recorded with a monthly decision, with figures consistent with the CB-7 thresholds. */
function reasonFor(random: Random, tier: string, p: NetworkPolicies['dealerTiers']): string {
  if (tier === 'A') {
    const sat = p.gold.minSatisfaction + random.float() * (1 - p.gold.minSatisfaction);
    return `月度分级：回访率 ${pct(p.gold.targetCallbackRate)}，满意度 ${pct(sat)}，评为金牌 (monthly review: gold)`;
  }
  if (tier === 'B') {
    const sat =
      p.medium.minSatisfaction + random.float() * (p.gold.minSatisfaction - p.medium.minSatisfaction);
    return `月度分级：回访率 ${pct(p.medium.targetCallbackRate)}，满意度 ${pct(sat)}，评为中等 (monthly review: medium)`;
  }
  return random.pick([
    '多次投诉经核实属实，列入黑名单 (blacklisted: repeated complaints confirmed)',
    '跨区域窜货，列入黑名单 (blacklisted: selling outside its territory)',
    '拖欠货款，列入黑名单 (blacklisted: overdue payments)',
  ]);
}

const initialTier = new WeightedTable<string>([
  ['A', 20],
  ['B', 65],
  ['C', 15],
]);

/** CB-7 dealers in the served cities, each with six monthly tier decisions ending in the current month. */
export function generateDealers(
  seed: number,
  cities: readonly CityPlan[],
  count: number,
  phones: MobileNumbers,
  staffOffset: number,
  policies: NetworkPolicies,
  now: Date,
  timeZone: string,
): DealerDraft[] {
  const random = new Random(mixSeed(seed, labelSeed('dealers')));
  const ids = new IdMaker('dlr', seed);
  const cityTable = new WeightedTable(cities.map((c) => [c, c.info.weight] as const));
  const currentMonth = businessDate(now, timeZone).slice(0, 7);
  const seqByCity = new Map<string, number>();
  const usedNames = new Set<string>();
  const out: DealerDraft[] = [];
  for (let n = 0; n < count; n++) {
    // Every served city gets a dealer before the weights decide the rest, so dealer sales exist everywhere.
    const city = n < cities.length ? (cities[n] as CityPlan) : random.weighted(cityTable);
    const seq = (seqByCity.get(city.info.code) ?? 0) + 1;
    seqByCity.set(city.info.code, seq);
    let name = '';
    for (let attempt = 0; attempt < 50 && (name === '' || usedNames.has(name)); attempt++) {
      name = `${shortCityName(city.name)}${random.pick(tradeWords)}${random.pick(['电器', '家电', '电器', '门窗'])}${random.pick(['有限公司', '商行', '专卖店', '家电城', '连锁'])}`;
    }
    if (usedNames.has(name)) name = `${name}（${seq}店）`;
    usedNames.add(name);
    const createdAt = new Date(now.getTime() - random.int(200, 3000) * DAY_MS - random.int(0, 36_000_000));
    const history: DealerDraft['history'] = [];
    let tier = random.weighted(initialTier);
    for (let back = 5; back >= 0; back--) {
      if (back < 5 && random.chance(0.12)) {
        tier = tier === 'A' ? 'B' : tier === 'C' ? 'B' : random.chance(0.6) ? 'A' : 'C';
      }
      const month = monthsBack(currentMonth, back);
      const decided = new Date(businessDayStart(`${month}-01`, timeZone).getTime() + 10 * 3_600_000);
      history.push({
        month,
        tier,
        reason: reasonFor(random, tier, policies.dealerTiers),
        decidedAt: decided > now ? now : decided,
      });
    }
    const letters = provinceLetters[city.info.code.slice(0, 2)] ?? 'CN';
    out.push({
      id: ids.make(createdAt.getTime(), n),
      code: `${letters}-${city.info.abbr}-${String(seq).padStart(4, '0')}`,
      name,
      regionCode: random.pick(city.homes).code,
      cityCode: city.info.code,
      contactName: chineseName(random, random.chance(0.7) ? 'male' : 'female'),
      contactPhone: phones.staff(random, staffOffset + n),
      tier,
      active: tier === 'C' ? random.chance(0.7) : random.chance(0.97),
      createdAt,
      history,
    });
  }
  return out;
}
