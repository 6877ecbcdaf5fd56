import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { cities } from '../generator/city-table.ts';
import type { CustomerPlan } from '../generator/customers.ts';
import { CustomerGenerator } from '../generator/customers.ts';
import { idCardNumber } from '../generator/engineers.ts';
import { IdMaker } from '../generator/generated-ids.ts';
import { allocateOutlets, creditCode } from '../generator/outlet-network.ts';
import { MobileNumbers, mobileBlockList } from '../generator/phones.ts';
import { Random } from '../generator/prng.ts';

const plan: CustomerPlan = {
  seed: 5,
  total: 20_000,
  nowMs: Date.parse('2026-11-23T02:00:00Z'),
  timeZone: 'Asia/Shanghai',
  districts: [
    { code: '440106', cityCode: '440100', lat: 23.12, lng: 113.36, weight: 3 },
    { code: '440305', cityCode: '440300', lat: 22.53, lng: 113.93, weight: 2 },
  ],
  models: [
    { id: 'mdl_a', categoryCode: 'air_conditioner' },
    { id: 'mdl_b', categoryCode: 'refrigerator' },
  ],
  dealersByCity: { '440100': ['dlr_a'] },
  dealers: ['dlr_a'],
};

describe('demo data generator', () => {
  it('MD-5 every mobile block the generator uses is valid for any eight following digits (libphonenumber-js/max)', () => {
    const random = new Random(1);
    const invalid: string[] = [];
    for (const block of mobileBlockList) {
      for (let i = 0; i < 500; i++) {
        const number = `+86${block}${random.digits(8)}`;
        if (parsePhoneNumberFromString(number)?.getType() !== 'MOBILE') invalid.push(number);
      }
    }
    expect(invalid).toEqual([]);
  });

  it('MD-5 generated mobile numbers are unique per person, customers and staff alike', () => {
    const numbers = new MobileNumbers(42);
    const random = new Random(2);
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      seen.add(numbers.customer(random, i, 0).slice(-8));
      seen.add(numbers.customer(random, i, 1).slice(-8));
    }
    for (let i = 0; i < 10_000; i++) seen.add(numbers.staff(random, i).slice(-8));
    expect(seen.size).toBe(110_000);
  });

  it('MD-1 a customer depends only on the seed and its index, not on batches, order or worker processes', () => {
    const a = new CustomerGenerator(plan);
    const b = new CustomerGenerator(plan);
    const forward = [0, 1, 2, 19_999, 7_345].map((i) => a.generate(i));
    const backward = [7_345, 19_999, 2, 1, 0].map((i) => b.generate(i)).reverse();
    expect(backward).toEqual(forward);
    const other = new CustomerGenerator({ ...plan, seed: 6 }).generate(7_345);
    expect(other.name === forward[4]?.name && other.phones[0]?.e164 === forward[4]?.phones[0]?.e164).toBe(
      false,
    );
  });

  it('MD-4 customers come out in creation order and units are registered after purchase, before now', () => {
    const g = new CustomerGenerator(plan);
    let previous = 0;
    const problems: string[] = [];
    for (let i = 0; i < plan.total; i += 7) {
      const c = g.generate(i);
      if (c.createdAt.getTime() < previous) problems.push(`${i}: out of order`);
      previous = c.createdAt.getTime();
      for (const u of c.units) {
        if (u.registeredAt.toISOString().slice(0, 10) < u.purchaseDate)
          problems.push(`${u.serialNumber}: registered before purchase`);
        if (u.registeredAt.getTime() >= plan.nowMs)
          problems.push(`${u.serialNumber}: registered in the future`);
        if (u.salesChannel === 'dealer' && u.dealerId === null)
          problems.push(`${u.serialNumber}: dealer sale without dealer`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('NET-2 every served city gets at least two outlets, capitals always, and the counts add up', () => {
    for (const total of [40, 200, 240, 2000]) {
      const counts = allocateOutlets(
        total,
        cities.map((info) => ({ info, forced: info.code.endsWith('0100') })),
      );
      const values = [...counts.values()];
      expect(values.reduce((s, n) => s + n, 0)).toBe(total);
      expect(Math.min(...values)).toBeGreaterThanOrEqual(2);
      if (total >= 200) expect(counts.get('440100')).toBeGreaterThan(counts.get('540100') ?? 0);
    }
  });

  it('MD-5 generated ID numbers and licence numbers carry valid check characters', () => {
    const random = new Random(3);
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const bad: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const id = idCardNumber(random, '440106', '1985-06-12', i % 2 === 0);
      const sum = weights.reduce((s, w, k) => s + w * Number(id[k]), 0);
      if (
        id.length !== 18 ||
        id[17] !== '10X98765432'[sum % 11] ||
        Number(id[16]) % 2 !== (i % 2 === 0 ? 1 : 0)
      )
        bad.push(id);
      const credit = creditCode(random, '440106');
      const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
      const cw = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
      const total = cw.reduce((s, w, k) => s + w * chars.indexOf(credit[k] as string), 0);
      if (credit[17] !== chars[(31 - (total % 31)) % 31]) bad.push(credit);
    }
    expect(bad).toEqual([]);
  });

  it('MD-1 generated ids have the newId shape, follow creation time and never collide', () => {
    const ids = new IdMaker('cus', 9);
    const a = ids.make(Date.parse('2024-01-01T00:00:00Z'), 0);
    const b = ids.make(Date.parse('2024-01-01T00:00:00Z'), 1);
    const later = ids.make(Date.parse('2024-01-02T00:00:00Z'), 0);
    expect(a).toMatch(/^cus_[0-9a-z]{20}$/);
    expect(a).not.toBe(b);
    expect([later, b, a].sort()).toEqual([a, b, later]);
    expect(new IdMaker('cus', 10).make(Date.parse('2024-01-01T00:00:00Z'), 0)).not.toBe(a);
  });
});
