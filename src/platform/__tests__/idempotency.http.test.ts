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
    const center = await h.login('center');
    const token = (headers: Record<string, string>) =>
      h.request({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: { ...headers, 'idempotency-key': 'shared' },
        payload: { name: 't' },
      });
    const a = await token(admin);
    const b = await token(center);
    expect(a.json().id).not.toBe(b.json().id);
    const bad = await h.request({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: { ...admin, 'idempotency-key': 'has space' },
      payload: { name: 't' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
