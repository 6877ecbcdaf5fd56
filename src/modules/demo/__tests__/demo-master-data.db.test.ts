import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { businessDate } from '../../../platform/time.ts';
import { demoMasterData, demoOutlets, seedDemoMasterData } from '../index.ts';
import type { SeedResult } from '../index.ts';
import {
  count,
  coverageProblems,
  decryptedPhones,
  parentProblems,
  phoneProblems,
  rows,
  unitProblems,
} from './master-data-checks.ts';

/** Nameplate model codes as the catalogue service accepts them (products.service.ts MODEL_CODE). */
const MODEL_CODE = /^[\p{L}\p{N}][\p{L}\p{N} ._\-/()+#]*$/u;

describe('demo master data on a fresh demo database', () => {
  let h: Harness;
  let db: Database;
  let result: SeedResult;
  let today: string;

  beforeAll(async () => {
    h = await createHarness();
    db = h.testDb.database;
    today = businessDate(h.clock.now(), h.deps.businessTimeZone);
    result = await seedDemoMasterData(db, h.deps.crypto, {
      ...demoMasterData,
      now: h.clock.now(),
      timeZone: h.deps.businessTimeZone,
    });
  }, 120_000);
  afterAll(() => h.close());

  it('MD-1 generates the demo sizes: 240 outlets besides the six fixed ones, 2,500 customers, models for every category', async () => {
    expect(result.seeded).toBe(true);
    const counts = {
      outlets: await count(db, 'outlets'),
      customers: await count(db, 'customers'),
      categoriesWithoutModels: await count(
        db,
        'product_categories c',
        'not exists (select 1 from product_models m where m.category_code = c.code)',
      ),
      customersWithoutPhone: await count(
        db,
        'customers c',
        'not exists (select 1 from customer_phones p where p.customer_id = c.id)',
      ),
      customersWithoutAddress: await count(
        db,
        'customers c',
        'not exists (select 1 from customer_addresses a where a.customer_id = c.id and a.is_default)',
      ),
    };
    expect(counts).toEqual({
      outlets: 246,
      customers: 2500,
      categoriesWithoutModels: 0,
      customersWithoutPhone: 0,
      customersWithoutAddress: 0,
    });
    const perCustomer = await rows(
      db,
      `select min(n) as lo, max(n) as hi from (select count(*) as n from customer_phones group by customer_id) x
       union all select min(n), max(n) from (select count(*) as n from units group by customer_id) y
       union all select min(n), max(n) from (select count(*) as n from engineers group by outlet_id) z`,
    );
    expect(perCustomer.map((r) => [Number(r.lo), Number(r.hi)])).toEqual([
      [1, 2],
      [1, 3],
      [2, 8],
    ]);
    expect(result.tables.find((t) => t.table === 'customers')?.rows).toBe(2500);
  });

  it('MD-5 every phone decrypts to a valid E.164 mobile number and its blind index matches', async () => {
    expect(await phoneProblems(db, h.deps.crypto)).toEqual([]);
    const phones = await decryptedPhones(db, h.deps.crypto);
    expect(phones.length).toBeGreaterThan(3000);
    expect(new Set(phones).size).toBe(phones.length);
  });

  it('MD-5 no stored row holds plaintext phone digits, ID numbers or addresses of people', async () => {
    const phones = await decryptedPhones(db, h.deps.crypto);
    const dump = (
      await Promise.all(
        [
          'customers',
          'customer_phones',
          'customer_addresses',
          'units',
          'engineers',
          'engineer_certificates',
          'dealers',
          'dealer_tier_history',
          'outlets',
          'audit_log',
        ].map(async (t) => JSON.stringify(await rows(db, `select * from ${t}`))),
      )
    ).join('\n');
    // Every 8-digit window of every digit run: a phone leaks if its last 8 digits show up anywhere.
    const windows = new Set<string>();
    for (const run of dump.match(/\d{8,}/g) ?? []) {
      for (let i = 0; i + 8 <= run.length; i++) windows.add(run.slice(i, i + 8));
    }
    expect(phones.filter((p) => windows.has(p.slice(-8)))).toEqual([]);
    // An ID number is 17 digits and a check character; nothing stored has a digit run that long.
    expect(dump.match(/\d{17,}/g) ?? []).toEqual([]);
    // Flats (3栋2单元1502室) exist only in customers' encrypted addresses.
    expect(dump.match(/\d+栋/g) ?? []).toEqual([]);
    const detail = h.deps.crypto.decrypt(
      String((await rows(db, 'select detail_enc from customer_addresses limit 1'))[0]?.detail_enc),
    );
    expect(detail).toMatch(/\d+栋/);
  });

  it('NET-2 every covered district has at least two active outlets, one of them a backup', async () => {
    const min = (await h.deps.policies.at<number>('net.coverage.min_outlets_per_district', h.clock.now()))
      .value;
    expect(min).toBe(2);
    expect(await coverageProblems(db, min)).toEqual([]);
    const radii = await rows(
      db,
      'select min(service_radius_km) as lo, max(service_radius_km) as hi from outlets where address <> $1',
      [''],
    );
    expect(Number(radii[0]?.lo)).toBeGreaterThanOrEqual(10);
    expect(Number(radii[0]?.hi)).toBeLessThanOrEqual(30);
  });

  it('NET-1 tier-2 outlets work under a tier-1 outlet of their own city; types and statuses are the NET-1/NET-4 sets', async () => {
    expect(await parentProblems(db)).toEqual([]);
    const types = (await rows(db, 'select distinct type from outlets order by 1')).map((r) => r.type);
    expect(types).toEqual([
      'after_sales_tier1',
      'after_sales_tier2',
      'direct_signed',
      'pre_sales',
      'self_warranty',
      'three_in_one',
    ]);
    const statuses = await rows(db, 'select status, count(*) as n from outlets group by 1');
    const byStatus = Object.fromEntries(statuses.map((r) => [String(r.status), Number(r.n)]));
    expect(
      Object.keys(byStatus).every((s) =>
        ['applying', 'active', 'rectifying', 'suspended', 'withdrawing', 'withdrawn'].includes(s),
      ),
    ).toBe(true);
    expect(byStatus.active).toBeGreaterThan(0.8 * 246);
  });

  it('NET-1 NET-2 the six fixed demo outlets are real outlets: own district as primary, services, engineers, tier-2 parent', async () => {
    const found = await rows(
      db,
      `select o.id, o.region_code, o.parent_id, o.address <> '' as has_address, o.version,
              (select role from outlet_regions r where r.outlet_id = o.id and r.region_code = o.region_code) as own_role,
              (select count(*) from outlet_services s where s.outlet_id = o.id) as services,
              (select count(*) from engineers e where e.outlet_id = o.id) as engineers
         from outlets o where o.id like 'out_demo%' order by o.id`,
    );
    expect(found.map((o) => o.id)).toEqual(demoOutlets.map((o) => o.id));
    for (const o of found) {
      expect({ id: o.id, ownRole: o.own_role, hasAddress: o.has_address, version: o.version }).toEqual({
        id: o.id,
        ownRole: 'primary',
        hasAddress: true,
        version: 2,
      });
      expect(Number(o.services)).toBeGreaterThan(0);
      expect(Number(o.engineers)).toBeGreaterThanOrEqual(2);
    }
    expect(found.find((o) => o.id === 'out_demo0003')?.parent_id).toMatch(/^out_/);
    const linked = await rows(
      db,
      `select e.outlet_id, e.name_enc from engineers e join users u on u.id = e.user_id where u.username = 'engineer'`,
    );
    expect(linked.map((e) => [e.outlet_id, h.deps.crypto.decrypt(String(e.name_enc))])).toEqual([
      ['out_demo0001', '赵强'],
    ]);
    const audited = await count(
      db,
      'audit_log',
      `entity = 'outlet' and action = 'update' and entity_id like 'out_demo%'`,
    );
    expect(audited).toBe(6);
  });

  it('NET-5 NET-6 bands are fixed for this year and grades are forced-distributed within each band', async () => {
    const matrix = (
      await h.deps.policies.at<Record<string, Record<string, { stars: number }>>>(
        'net.grade.band_matrix',
        h.clock.now(),
      )
    ).value;
    const graded = await rows(
      db,
      `select band, band_year, grade, stars, count(*) as n from outlets where band is not null group by 1, 2, 3, 4`,
    );
    const mismatches: string[] = [];
    const perBand = new Map<number, Map<string, number>>();
    for (const g of graded) {
      const band = Number(g.band);
      if (Number(g.band_year) !== Number(today.slice(0, 4)))
        mismatches.push(`band year ${String(g.band_year)}`);
      if (matrix[`band${band}`]?.[String(g.grade).toLowerCase()]?.stars !== Number(g.stars)) {
        mismatches.push(`band ${band} grade ${String(g.grade)} has ${String(g.stars)} stars`);
      }
      const m = perBand.get(band) ?? new Map<string, number>();
      m.set(String(g.grade), (m.get(String(g.grade)) ?? 0) + Number(g.n));
      perBand.set(band, m);
    }
    for (const [band, grades] of perBand) {
      const n = [...grades.values()].reduce((s, v) => s + v, 0);
      const expected = {
        A: Math.round(0.1 * n),
        B: Math.round(0.4 * n) - Math.round(0.1 * n),
        C: Math.round(0.95 * n) - Math.round(0.4 * n),
        D: n - Math.round(0.95 * n),
      };
      for (const [grade, want] of Object.entries(expected)) {
        if ((grades.get(grade) ?? 0) !== want)
          mismatches.push(`band ${band}: ${grades.get(grade) ?? 0} ${grade}, want ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(perBand.size).toBeGreaterThanOrEqual(2);
  });

  it('CB-7 dealers are A, B or C with six consecutive monthly decisions ending this month, the last one in force', async () => {
    const dealers = await rows(
      db,
      `select d.code, d.tier, array_agg(h.month order by h.month) as months, array_agg(h.tier order by h.month) as tiers
         from dealers d join dealer_tier_history h on h.dealer_id = d.id group by d.code, d.tier`,
    );
    expect(dealers.length).toBeGreaterThan(40);
    const month = today.slice(0, 7);
    const problems = dealers.flatMap((d) => {
      const months = d.months as string[];
      const tiers = d.tiers as string[];
      const out: string[] = [];
      if (months.length !== 6 || months.at(-1) !== month)
        out.push(`${String(d.code)}: months ${months.join(',')}`);
      if (tiers.at(-1) !== d.tier)
        out.push(`${String(d.code)}: tier ${String(d.tier)} but ${String(tiers.at(-1))} last decided`);
      if (!tiers.every((t) => ['A', 'B', 'C'].includes(t)))
        out.push(`${String(d.code)}: tiers ${tiers.join(',')}`);
      return out;
    });
    expect(problems).toEqual([]);
    const tiers = (await rows(db, 'select distinct tier from dealers order by 1')).map((r) => r.tier);
    expect(tiers).toEqual(['A', 'B', 'C']);
  });

  it('MD-1 MD-3 models carry nameplate codes, unique, with whole-unit warranty of 12–72 months and key-part terms', async () => {
    const models = await rows(
      db,
      'select code, warranty_months, key_parts_warranty_months, key_parts from product_models',
    );
    const problems = models.flatMap((m) => {
      const out: string[] = [];
      const w = Number(m.warranty_months);
      const k = Number(m.key_parts_warranty_months);
      if (!MODEL_CODE.test(String(m.code))) out.push(`${String(m.code)}: code`);
      if (w < 12 || w > 72) out.push(`${String(m.code)}: warranty ${w}`);
      if (k < w || k > 120) out.push(`${String(m.code)}: key parts ${k}`);
      if (k > w && (m.key_parts as string[]).length === 0) out.push(`${String(m.code)}: no key parts named`);
      return out;
    });
    expect(problems).toEqual([]);
    expect(new Set(models.map((m) => m.code)).size).toBe(models.length);
  });

  it('MD-3 MD-4 units reference existing models, their customer and that customer’s address, in the last six years', async () => {
    expect(await unitProblems(db)).toEqual([]);
    const span = await rows(
      db,
      `select min(purchase_date)::text as first, max(purchase_date)::text as last, count(distinct serial_number) as serials,
              count(*) as n from units`,
    );
    expect(span[0]?.serials).toBe(span[0]?.n);
    expect(String(span[0]?.first) >= `${Number(today.slice(0, 4)) - 6}${today.slice(4)}`).toBe(true);
    expect(String(span[0]?.last) < today).toBe(true);
  });

  it('MD-4 customers are numbered C + business date + the day’s sequence, as the customer service numbers them', async () => {
    const customers = await rows(db, 'select code, created_at from customers order by created_at');
    const bad: string[] = [];
    const seqByDay = new Map<string, number>();
    for (const c of customers) {
      const day = businessDate(new Date(c.created_at as string), h.deps.businessTimeZone);
      const seq = (seqByDay.get(day) ?? 0) + 1;
      seqByDay.set(day, seq);
      const want = `C${day.replace(/-/g, '')}${String(seq).padStart(6, '0')}`;
      if (c.code !== want) bad.push(`${String(c.code)} ≠ ${want}`);
    }
    expect(bad).toEqual([]);
  });

  it('MD-1 region codes of outlets, dealers and addresses are real districts of the region tree', async () => {
    const unknown = await rows(
      db,
      `select x.code from (select region_code as code from outlets union select region_code from dealers
              union select region_code from customer_addresses) x
         left join regions r on r.code = x.code and r.level = 'district' where r.code is null`,
    );
    expect(unknown).toEqual([]);
    const services = await rows(
      db,
      `select distinct s.service_type, c.code is null as unknown_category from outlet_services s
         left join product_categories c on c.code = s.category_code order by 1`,
    );
    expect(services.map((s) => [s.service_type, s.unknown_category])).toEqual([
      ['install', false],
      ['maintenance', false],
      ['pickup_repair', false],
      ['repair', false],
      ['return_exchange', false],
    ]);
  });

  it('MD-1 seeding again does nothing: the generated data is recognised and left as it is', async () => {
    const before = await count(db, 'customers');
    const again = await seedDemoMasterData(db, h.deps.crypto, {
      ...demoMasterData,
      now: h.clock.now(),
      timeZone: h.deps.businessTimeZone,
    });
    expect(again.seeded).toBe(false);
    expect(await count(db, 'customers')).toBe(before);
    expect(await count(db, 'audit_log', `entity = 'demo_data'`)).toBe(1);
  });
});
