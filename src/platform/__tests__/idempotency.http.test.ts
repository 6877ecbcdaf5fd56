import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../test/harness.ts';
import { createHarness } from '../../../test/harness.ts';

describe('Idempotency-Key on creates', () => {
  let h: Harness;
  let admin: Record<string, string>;
  const body = (username: string) => ({
    username,
    displayName: '坐席',
    role: 'agent',
    scope: { kind: 'all' },
    password: 'long-enough-1',
  });
  const create = (key: string, payload: object) =>
    h.request({ method: 'POST', url: '/api/users', headers: { ...admin, 'idempotency-key': key }, payload });
  const usersNamed = async (u: string) =>
    Number(
      (await h.testDb.database.executeSql('select count(*) as n from users where username = $1', [u])).rows[0]
        ?.n,
    );

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  it('a retry with the same key returns the first response and creates nothing more', async () => {
    const first = await create('key-1', body('idem.one'));
    const again = await create('key-1', body('idem.one'));
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect(await usersNamed('idem.one')).toBe(1);
  });

  it('concurrent duplicates with one key create exactly one record and all get its response', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => create('key-burst', body('idem.burst'))),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await usersNamed('idem.burst')).toBe(1);
  });

  it('concurrent duplicates of other creates (customer, dealer, policy version) each make one record', async () => {
    const cases = [
      {
        url: '/api/customers',
        payload: {
          name: '并发 客户',
          phones: [{ number: '13700000311', label: 'mobile' }],
          addresses: [{ regionCode: '440106', detail: '天河路3号' }],
        },
        count: 'select count(*) as n from customers',
      },
      {
        url: '/api/dealers',
        payload: { code: 'BURST-D1', name: '并发经销商', regionCode: '440106', tier: 'B' },
        count: 'select count(*) as n from dealers',
      },
      {
        url: '/api/policies/agr.renewal_notice_days/versions',
        payload: { value: 45, effectiveFrom: '2028-01-01T00:00:00+08:00', note: 'burst', basedOnVersion: 1 },
        count: 'select count(*) as n from policy_versions',
      },
    ];
    const rowsOf = async (sql: string) => Number((await h.testDb.database.executeSql(sql, [])).rows[0]?.n);
    for (const c of cases) {
      const before = await rowsOf(c.count);
      const results = await Promise.all(
        Array.from({ length: 6 }, () =>
          h.request({
            method: 'POST',
            url: c.url,
            headers: { ...admin, 'idempotency-key': `burst ${c.url}`.replace(/ /g, '-') },
            payload: c.payload,
          }),
        ),
      );
      expect(
        results.map((r) => r.statusCode),
        c.url,
      ).toEqual([201, 201, 201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.json().id)).size, c.url).toBe(1);
      expect(await rowsOf(c.count), c.url).toBe(before + 1);
    }
  });

  it('the same key with a different request is refused', async () => {
    const r = await create('key-1', body('idem.other'));
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await usersNamed('idem.other')).toBe(0);
  });

  it('a rejected request keeps no claim: the corrected retry with the same key succeeds', async () => {
    const bad = await create('key-fix', { ...body('idem.fix'), password: 'short' });
    expect(bad.statusCode).toBe(400);
    const good = await create('key-fix', body('idem.fix'));
    expect(good.statusCode).toBe(201);
  });

  it('keys are per user, and a malformed key is a 400', async () => {
    const agent = await h.login('agent');
    const customer = (headers: Record<string, string>, name: string, number: string) =>
      h.request({
        method: 'POST',
        url: '/api/customers',
        headers: { ...headers, 'idempotency-key': 'shared' },
        payload: {
          name,
          phones: [{ number, label: 'mobile' }],
          addresses: [{ regionCode: '440106', detail: '天河路1号' }],
        },
      });
    const a = await customer(admin, '甲', '13700000301');
    const b = await customer(agent, '乙', '13700000302');
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().id).not.toBe(b.json().id);
    const bad = await h.request({
      method: 'POST',
      url: '/api/customers',
      headers: { ...admin, 'idempotency-key': 'has space' },
      payload: {
        name: '丙',
        phones: [{ number: '13700000303', label: 'mobile' }],
        addresses: [{ regionCode: '440106', detail: '天河路1号' }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});
