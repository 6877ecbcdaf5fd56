import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A } from '../../../../test/harness.ts';
import { systemContext } from '../../../platform/auth/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import { guangzhouCustomer, insertModel } from './fixtures.ts';

/** Digits of the phones, the ID number and the house number, and the names, as they were typed. */
const secrets = [
  '13812345678',
  '38881234',
  '12345678',
  '13987650000',
  '87650000',
  '110105194912310',
  '385号',
  '张三',
  '赵大勇',
];

async function dump(h: Harness, tables: string[]): Promise<string> {
  const parts: string[] = [];
  for (const t of tables) {
    const { rows } = await h.testDb.database.executeSql(`select * from ${t}`, []);
    parts.push(JSON.stringify(rows));
  }
  return parts.join('\n');
}

describe('customer and engineer personal data at rest (MD-5)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('MD-5 phone/name digits never appear in stored rows, audit rows or events, yet phone look-up finds the record', async () => {
    const ctx = systemContext(h.clock.now());
    const model = await insertModel(h);
    const customer = await h.services.customers.create(ctx, guangzhouCustomer());
    await h.services.customers.units.create(ctx, {
      serialNumber: 'PD-0001',
      modelId: model.id,
      customerId: customer.id,
      purchaseDate: '2026-01-10',
      salesChannel: 'mall',
    });
    await h.services.customers.update(ctx, customer.id, { version: customer.version, name: '张三' });
    await h.services.customers.reveal(ctx, customer.id);
    const engineer = await h.services.outlets.engineers.create(ctx, {
      outletId: OUTLET_A,
      name: '赵大勇',
      phone: '139 8765 0000',
      idNumber: '11010519491231002X',
      skills: [{ categoryCode: 'air_conditioner', level: 2 }],
      certificates: [{ name: '制冷设备维修工', number: 'ZL-2024-001', issuedOn: '2024-03-01' }],
    });
    await h.services.outlets.engineers.reveal(ctx, engineer.id);

    const stored = await dump(h, [
      'customers',
      'customer_phones',
      'customer_addresses',
      'units',
      'engineers',
      'engineer_skills',
      'engineer_certificates',
      'audit_log',
      'outbox',
    ]);
    const leaks = secrets.filter((s) => stored.includes(s));
    expect(leaks).toEqual([]);

    for (const typed of ['13812345678', '+86 138-1234-5678', '138 1234 5678']) {
      const found = await h.services.customers.lookupByPhone(ctx, typed);
      expect(found.matches.map((m) => m.id)).toEqual([customer.id]);
    }
    const byEngineerPhone = await h.services.outlets.engineers.list(ctx, {
      page: 1,
      pageSize: 20,
      q: '13987650000',
    });
    expect(byEngineerPhone.items.map((e) => e.id)).toEqual([engineer.id]);
    expect(byEngineerPhone.items[0]).toMatchObject({ nameMasked: '赵**', phoneMasked: '139****0000' });
  });

  it('MD-5 concurrent registrations of one phone number: exactly one customer gets it, the other a 409', async () => {
    const ctx = systemContext(h.clock.now());
    const body = {
      name: '钱七',
      phones: [{ number: '13700007777', label: 'mobile' }],
      addresses: [{ regionCode: '440106', detail: '林和西路9号' }],
    };
    const results = await Promise.allSettled([
      h.services.customers.create(ctx, body),
      h.services.customers.create(ctx, { ...body, phones: [{ number: '+86 137 0000 7777', label: 'home' }] }),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.reason).toBeInstanceOf(AppError);
    expect((failed[0]?.reason as AppError).code).toBe('ALREADY_EXISTS');
  });

  it('MD-4 a merge racing an edit of the survivor: one wins, the other answers 409', async () => {
    const ctx = systemContext(h.clock.now());
    const a = await h.services.customers.create(ctx, {
      name: '孙八',
      phones: [{ number: '13700008888', label: 'mobile' }],
      addresses: [{ regionCode: '440106', detail: '天河北路1号' }],
    });
    const b = await h.services.customers.create(ctx, {
      name: '孙八',
      phones: [{ number: '13700009999', label: 'mobile' }],
      addresses: [{ regionCode: '440106', detail: '天河北路1号' }],
    });
    const results = await Promise.allSettled([
      h.services.customers.merge(ctx, a.id, { sourceId: b.id, version: a.version }),
      h.services.customers.update(ctx, a.id, { version: a.version, tags: ['VIP'] }),
    ]);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect((failed[0]?.reason as AppError).code).toBe('VERSION_CONFLICT');
    const after = await h.services.customers.get(ctx, a.id);
    expect(after.version).toBe(a.version + 1);
  });

  it('MD-1 concurrent registrations take consecutive customer numbers', async () => {
    const ctx = systemContext(h.clock.now());
    const made = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        h.services.customers.create(ctx, {
          name: `客户${i}`,
          phones: [{ number: `1370000100${i}`, label: 'mobile' }],
          addresses: [{ regionCode: '440106', detail: `花城大道${i}号` }],
        }),
      ),
    );
    const seq = made.map((c) => Number(c.code.slice(-6))).sort((x, y) => x - y);
    expect(new Set(seq).size).toBe(4);
    expect(seq[3]! - seq[0]!).toBe(3);
  });
});
