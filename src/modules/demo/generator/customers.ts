import { addCalendarDays, businessDate, businessDayStart } from '../../../platform/time.ts';
import { chineseName } from './chinese-names.ts';
import { IdMaker } from './generated-ids.ts';
import { MobileNumbers } from './phones.ts';
import { compoundNames, flatAddress, offsetKm, streetAddress } from './places.ts';
import { categorySerialDigits, installShare, unitCategoryWeights } from './product-models.ts';
import { mixSeed, Random, WeightedTable } from './prng.ts';

/**
 * Everything customer generation needs, as plain data: a worker process or a later batch can rebuild the same
 * generator from it and produce the same customer for the same index.
 */
export interface CustomerPlan {
  seed: number;
  total: number;
  nowMs: number;
  timeZone: string;
  /** Districts customers live in, weighted like the outlet network. */
  districts: { code: string; cityCode: string; lat: number; lng: number; weight: number }[];
  models: { id: string; categoryCode: string }[];
  dealersByCity: Record<string, string[]>;
  dealers: string[];
}

export interface GeneratedCustomer {
  id: string;
  code: string;
  name: string;
  createdAt: Date;
  phones: { id: string; e164: string; label: string; isPrimary: boolean }[];
  addresses: {
    id: string;
    regionCode: string;
    detail: string;
    lat: number;
    lng: number;
    isDefault: boolean;
  }[];
  units: {
    id: string;
    serialNumber: string;
    modelId: string;
    addressId: string;
    purchaseDate: string;
    installDate: string | null;
    salesChannel: string;
    dealerId: string | null;
    registeredAt: Date;
  }[];
}

/** Purchase history reaches back six years (MD-3 warranties run up to six years for air conditioners). */
export const HISTORY_DAYS = 6 * 365;
const HOUR_MS = 3_600_000;
/** Registrations grow over the years (density rises linearly by this factor from first to last day). */
const GROWTH = 1.5;

const channels = new WeightedTable<string>([
  ['mall', 30],
  ['dealer', 33],
  ['e_commerce', 30],
  ['engineering', 3],
  ['other', 4],
]);
const unitCounts = new WeightedTable<number>([
  [1, 60],
  [2, 30],
  [3, 10],
]);

const epochDay = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
const dateOfEpochDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

export class CustomerGenerator {
  private readonly plan: CustomerPlan;
  private readonly districts: WeightedTable<CustomerPlan['districts'][number]>;
  private readonly districtsByCity = new Map<string, CustomerPlan['districts']>();
  private readonly categories: WeightedTable<string>;
  private readonly modelsByCategory = new Map<string, string[]>();
  private readonly phones: MobileNumbers;
  private readonly ids: Record<'customer' | 'phone' | 'address' | 'unit', IdMaker>;
  /** Business-day starts (ms) and dates of the history window, computed once: Intl is too slow per row. */
  private readonly dayStart: number[] = [];
  private readonly dates: string[] = [];
  private readonly firstEpochDay: number;
  private readonly firstIndexOfDay = new Map<number, number>();

  constructor(plan: CustomerPlan) {
    this.plan = plan;
    this.districts = new WeightedTable(plan.districts.map((d) => [d, d.weight] as const));
    for (const d of plan.districts)
      this.districtsByCity.set(d.cityCode, [...(this.districtsByCity.get(d.cityCode) ?? []), d]);
    for (const m of plan.models)
      this.modelsByCategory.set(m.categoryCode, [...(this.modelsByCategory.get(m.categoryCode) ?? []), m.id]);
    this.categories = new WeightedTable(
      Object.entries(unitCategoryWeights).filter(([code]) => this.modelsByCategory.has(code)),
    );
    this.phones = new MobileNumbers(plan.seed);
    this.ids = {
      customer: new IdMaker('cus', plan.seed),
      phone: new IdMaker('cph', plan.seed),
      address: new IdMaker('cad', plan.seed),
      unit: new IdMaker('unt', plan.seed),
    };
    const today = businessDate(new Date(plan.nowMs), plan.timeZone);
    const first = addCalendarDays(today, -HISTORY_DAYS);
    this.firstEpochDay = epochDay(first);
    for (let d = 0; d < HISTORY_DAYS; d++) {
      const date = dateOfEpochDay(this.firstEpochDay + d);
      this.dates.push(date);
      this.dayStart.push(businessDayStart(date, plan.timeZone).getTime());
    }
  }

  /**
   * Position of customer `i` on the time line, in days since the first day: registrations are spread
   * evenly in index order over an increasing density, so customers come out in creation order and a day's
   * customers are a contiguous index range (which makes the per-day code sequence computable).
   */
  private dayPosition(i: number): number {
    const u = (i + 0.5) / this.plan.total;
    const t = (-1 + Math.sqrt(1 + 2 * GROWTH * u * (1 + GROWTH / 2))) / GROWTH;
    return Math.min(t, 1 - 1e-12) * HISTORY_DAYS;
  }

  /** The day's 1-based sequence number of customer `i` (C + date + 6 digits, as the service numbers them). */
  private sequenceOfDay(i: number, day: number): number {
    let first = this.firstIndexOfDay.get(day);
    if (first === undefined) {
      let lo = 0;
      let hi = i;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (Math.floor(this.dayPosition(mid)) >= day) hi = mid;
        else lo = mid + 1;
      }
      first = lo;
      this.firstIndexOfDay.set(day, first);
    }
    return i - first + 1;
  }

  private dateAt(day: number): string {
    return day >= 0 && day < this.dates.length
      ? (this.dates[day] as string)
      : dateOfEpochDay(this.firstEpochDay + day);
  }

  generate(i: number): GeneratedCustomer {
    const r = new Random(mixSeed(this.plan.seed, i, 0x63757374));
    const x = this.dayPosition(i);
    const day = Math.floor(x);
    // Calls and registrations happen between 08:00 and 21:00.
    const createdMs = (this.dayStart[day] as number) + 8 * HOUR_MS + Math.floor((x - day) * 13 * HOUR_MS);
    const createdAt = new Date(createdMs);
    const date = this.dates[day] as string;
    const seq = this.sequenceOfDay(i, day);
    const id = this.ids.customer.make(createdMs, i);

    const phones: GeneratedCustomer['phones'] = [
      {
        id: this.ids.phone.make(createdMs, i * 2),
        e164: this.phones.customer(r, i, 0),
        label: 'mobile',
        isPrimary: true,
      },
    ];
    if (r.chance(0.2)) {
      phones.push({
        id: this.ids.phone.make(createdMs, i * 2 + 1),
        e164: this.phones.customer(r, i, 1),
        label: 'mobile',
        isPrimary: false,
      });
    }

    const home = r.weighted(this.districts);
    const addresses: GeneratedCustomer['addresses'] = [this.address(r, home, createdMs, i * 2, true)];
    if (r.chance(0.1)) {
      const second = r.pick(this.districtsByCity.get(home.cityCode) ?? [home]);
      addresses.push(this.address(r, second, createdMs, i * 2 + 1, false));
    }

    const units: GeneratedCustomer['units'] = [];
    const count = r.weighted(unitCounts);
    for (let k = 0; k < count; k++) {
      const categoryCode = r.weighted(this.categories);
      const modelId = r.pick(this.modelsByCategory.get(categoryCode) as string[]);
      // The first unit is what made the customer register; later ones were bought since.
      const purchaseDay = k === 0 ? Math.max(0, day - r.int(0, 5)) : r.int(day, HISTORY_DAYS - 1);
      const registeredDay = k === 0 ? day : Math.min(HISTORY_DAYS - 1, purchaseDay + r.int(0, 7));
      const registeredMs =
        k === 0
          ? createdMs
          : (this.dayStart[registeredDay] as number) + r.int(9, 19) * HOUR_MS + r.int(0, 3_599_999);
      const installDay = r.chance(installShare[categoryCode] ?? 0)
        ? Math.min(registeredDay, purchaseDay + r.int(0, 3))
        : null;
      const channel = r.weighted(channels);
      const cityDealers = this.plan.dealersByCity[home.cityCode];
      const dealerId =
        channel === 'dealer'
          ? cityDealers && cityDealers.length > 0
            ? r.pick(cityDealers)
            : this.plan.dealers.length > 0
              ? r.pick(this.plan.dealers)
              : null
          : null;
      const ordinal = i * 3 + k;
      // Category, production date, factory line, sequence — the order of a factory bar code. Leading with the
      // date also keeps most inserts into the unique serial index near its recent end.
      const produced = this.dateAt(purchaseDay - r.int(15, 180));
      const address = addresses.length > 1 && r.chance(0.3) ? addresses[1] : addresses[0];
      units.push({
        id: this.ids.unit.make(registeredMs, ordinal),
        serialNumber: `${categorySerialDigits[categoryCode] ?? '99'}${produced.slice(2).replace(/-/g, '')}${'ABCDEFGH'[r.int(0, 7)]}${ordinal.toString(36).toUpperCase().padStart(7, '0')}`,
        modelId,
        addressId: (address as { id: string }).id,
        purchaseDate: this.dateAt(purchaseDay),
        installDate: installDay === null ? null : this.dateAt(installDay),
        salesChannel: channel === 'dealer' && dealerId === null ? 'other' : channel,
        dealerId,
        registeredAt: new Date(registeredMs),
      });
    }

    return {
      id,
      code: `C${date.replace(/-/g, '')}${String(seq).padStart(6, '0')}`,
      name: chineseName(r, r.chance(0.5) ? 'male' : 'female'),
      createdAt,
      phones,
      addresses,
      units,
    };
  }

  private address(
    r: Random,
    district: CustomerPlan['districts'][number],
    createdMs: number,
    ordinal: number,
    isDefault: boolean,
  ): GeneratedCustomer['addresses'][number] {
    const spot = offsetKm(district, r.float() * 4, r.float() * 2 * Math.PI);
    return {
      id: this.ids.address.make(createdMs, ordinal),
      regionCode: district.code,
      detail: `${streetAddress(r)}${r.pick(compoundNames)}${flatAddress(r)}`,
      lat: spot.lat,
      lng: spot.lng,
      isDefault,
    };
  }
}
