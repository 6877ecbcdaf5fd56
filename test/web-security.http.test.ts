import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness.ts';
import { createHarness } from './harness.ts';
import { orderWorld, repairOrder } from '../src/modules/work-orders/__tests__/orders-fixtures.ts';
import type { OrderWorld } from '../src/modules/work-orders/__tests__/orders-fixtures.ts';

const WINDOW = { windowMs: 60_000 };

describe('web security: sign-in limit, headers and cookies', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await createHarness({ rateLimits: { login: { max: 3, ...WINDOW } } });
  }, 120_000);
  afterAll(async () => h?.close());

  const attempt = (password: string, ip = '203.0.113.7') =>
    h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      payload: { username: 'agent', password },
    });

  it('sign-in attempts from one address are limited, with the wait in Retry-After, and allowed again later', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('wrong-password')).statusCode).toBe(401);
    const limited = await attempt('demo1234');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect((limited.json() as { detail: string }).detail).toMatch(/try again in \d+ s/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await attempt('demo1234', '198.51.100.9')).statusCode).toBe(200);
    h.clock.advance(61_000);
    expect((await attempt('demo1234')).statusCode).toBe(200);
  });

  it('every answer carries the security headers; API answers are not cached', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const missing = await h.app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
  });

  it('session cookies are HttpOnly and SameSite; the CSRF cookie is readable by the page only', async () => {
    const res = await attempt('demo1234', '192.0.2.44');
    expect(res.statusCode).toBe(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('as_session='));
    const csrf = cookies.find((c) => c.startsWith('as_csrf='));
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=(Lax|Strict)/i);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/SameSite=(Lax|Strict)/i);
  });
});

describe('web security: intake limit', () => {
  let h: Harness;
  let w: OrderWorld;

  beforeAll(async () => {
    h = await createHarness({ rateLimits: { intake: { max: 2, ...WINDOW } } });
    w = await orderWorld(h);
  }, 120_000);
  afterAll(async () => h?.close());

  it('new orders per account are limited; refused requests do not use up the allowance', async () => {
    const bad = await w.call('agent', 'POST', '/api/work-orders', { faultDescription: 'x' });
    expect(bad.statusCode).toBe(400);
    for (let i = 0; i < 2; i++) {
      const ok = await w.call('agent', 'POST', '/api/work-orders', repairOrder(w));
      expect(ok.statusCode, ok.body).toBe(201);
    }
    const total = async () =>
      ((await w.call('admin', 'GET', '/api/work-orders?pageSize=1')).json() as { total: number }).total;
    const before = await total();
    const limited = await w.call('agent', 'POST', '/api/work-orders', repairOrder(w));
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await total()).toBe(before);
    // The limit is per account: another account's intake still goes through, and the window ends.
    expect((await w.call('admin', 'POST', '/api/work-orders', repairOrder(w))).statusCode).toBe(201);
    h.clock.advance(61_000);
    expect((await w.call('agent', 'POST', '/api/work-orders', repairOrder(w))).statusCode).toBe(201);
  });
});
