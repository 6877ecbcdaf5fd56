import type { Database } from '../src/platform/db/database.ts';
import { faultText } from '../src/modules/demo/generator/order-texts.ts';
import { Random } from '../src/modules/demo/generator/prng.ts';

/** An intake call from a customer already on file: their address and, mostly, the unit in question. */
export interface ExistingCaller {
  customerId: string;
  addressId: string;
  unitId: string | null;
  categoryCode: string;
  orderType: 'repair' | 'maintenance' | 'install';
  place: NewCallerPlace;
}

/** Where a new caller lives: a district customers live in, near their addresses. */
export interface NewCallerPlace {
  regionCode: string;
  lat: number | null;
  lng: number | null;
}

export interface IntakeSample {
  existing: ExistingCaller[];
}

type Row = Record<string, unknown>;
const newCategories = ['air_conditioner', 'water_heater', 'washing_machine', 'television', 'dishwasher'];
const maintained = ['air_conditioner', 'water_heater', 'washing_machine', 'dishwasher'];
const str = (v: unknown) => String(v);

/** Random customers of the dataset (not merged) with their default address and a unit kept there. */
export async function sampleIntakeCallers(database: Database, count: number): Promise<IntakeSample> {
  const q = async (sql: string, values: unknown[] = []): Promise<Row[]> =>
    (await database.executeSql(sql, values)).rows;
  const picked = (
    await q(`select id from customers where merged_into_id is null order by random() limit $1`, [count])
  ).map((r) => str(r.id));
  const [addresses, units] = await Promise.all([
    q(
      `select customer_id, id, region_code, lat, lng from customer_addresses
        where customer_id = any($1::text[]) order by customer_id, is_default desc, id`,
      [picked],
    ),
    q(
      `select u.customer_id, u.id, u.address_id, m.category_code from units u
         join product_models m on m.id = u.model_id
        where u.customer_id = any($1::text[]) order by u.customer_id, u.id`,
      [picked],
    ),
  ]);
  const firstAddress = new Map<string, Row>();
  for (const a of addresses)
    if (!firstAddress.has(str(a.customer_id))) firstAddress.set(str(a.customer_id), a);
  const unitsOf = new Map<string, Row[]>();
  for (const u of units) unitsOf.set(str(u.customer_id), [...(unitsOf.get(str(u.customer_id)) ?? []), u]);
  const r = new Random(17);
  const existing: ExistingCaller[] = [];
  for (const id of picked) {
    const address = firstAddress.get(id);
    if (!address) continue;
    const here = (unitsOf.get(id) ?? []).filter((u) => u.address_id === null || u.address_id === address.id);
    const unit = here.length > 0 ? r.pick(here) : undefined;
    const categoryCode = unit ? str(unit.category_code) : r.pick(newCategories);
    const type = unit ? (r.chance(0.8) ? 'repair' : 'maintenance') : 'install';
    existing.push({
      customerId: id,
      addressId: str(address.id),
      unitId: unit ? str(unit.id) : null,
      categoryCode,
      orderType: type === 'maintenance' && !maintained.includes(categoryCode) ? 'repair' : type,
      place: {
        regionCode: str(address.region_code),
        lat: address.lat === null ? null : Number(address.lat),
        lng: address.lng === null ? null : Number(address.lng),
      },
    });
  }
  return { existing };
}

const channels = ['hotline', 'hotline', 'hotline', 'wechat', 'app', 'e_commerce'];
const surnames = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const givenNames = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '艳', '杰'];

/** Builds the bodies the hotline console sends, with the mix of order types the demo history has. */
export class IntakeBodies {
  private readonly r = new Random(29);
  private n = 0;
  private phones = 0;

  constructor(
    private readonly sample: IntakeSample,
    private readonly now: Date,
  ) {
    if (sample.existing.length === 0) throw new Error('The dataset has no customers with an address.');
  }

  private requestedAt(type: string): string | undefined {
    if (type !== 'install' || !this.r.chance(0.35)) return undefined;
    const day = new Date(this.now.getTime() + this.r.int(1, 4) * 86_400_000);
    return new Date(`${day.toISOString().slice(0, 10)}T0${this.r.pick([1, 2, 6, 7])}:00:00Z`).toISOString();
  }

  private next(): ExistingCaller {
    return this.sample.existing[this.n++ % this.sample.existing.length] as ExistingCaller;
  }

  /** An order for a customer on file: a repair or maintenance of their unit, or an install. */
  existingOrder(caller: ExistingCaller = this.next()): Record<string, unknown> {
    const requestedAt = this.requestedAt(caller.orderType);
    return {
      customerId: caller.customerId,
      addressId: caller.addressId,
      ...(caller.unitId ? { unitId: caller.unitId } : { categoryCode: caller.categoryCode }),
      orderType: caller.orderType,
      channel: this.r.pick(channels),
      serviceMode: 'on_site',
      faultDescription: faultText(this.r, caller.orderType, caller.categoryCode),
      ...(requestedAt ? { customerRequestedAt: requestedAt } : {}),
    };
  }

  /**
   * A caller not on file, living where a caller on file lives (a district the outlets cover), registered with one
   * mobile number and that address. Answers the registration and the order that follows it.
   */
  newCustomer(): {
    customer: Record<string, unknown>;
    order: (customerId: string, addressId: string) => Record<string, unknown>;
  } {
    const like = this.next();
    const sequence = this.phones++;
    // 197 is a real China Mobile block the generator never hands out, so numbers cannot collide with the dataset.
    const phone = `+86197${String(sequence % 100_000_000).padStart(8, '0')}`;
    const customer = {
      name: `${this.r.pick(surnames)}${this.r.pick(givenNames)}${this.r.chance(0.5) ? this.r.pick(givenNames) : ''}`,
      phones: [{ number: phone, label: 'mobile', isPrimary: true }],
      addresses: [
        {
          regionCode: like.place.regionCode,
          detail: `幸福路${this.r.int(1, 300)}号${this.r.int(1, 30)}栋${this.r.int(101, 2808)}室`,
          lat: like.place.lat,
          lng: like.place.lng,
          isDefault: true,
        },
      ],
    };
    const order = (customerId: string, addressId: string) =>
      this.existingOrder({ ...like, customerId, addressId, unitId: null });
    return { customer, order };
  }
}
