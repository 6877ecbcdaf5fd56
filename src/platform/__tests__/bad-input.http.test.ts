import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Harness } from '../../../test/harness.ts';
import { rowCounts } from '../../../test/row-counts.ts';
import { createHarness } from '../../../test/harness.ts';

interface Route {
  method: string;
  path: string;
  hasBody: boolean;
}

const hostile = [
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '\u0000',
  '𠮷野家😀\u202e',
  'x'.repeat(5000),
  '%00',
  '1 OR 1=1',
];

const badBodies: unknown[] = [
  [],
  'just a string',
  42,
  null,
  { page: -1 },
  { username: 123, password: ['a'] },
  { value: -1, effectiveFrom: 'yesterday', note: '' },
  { version: -5, displayName: 'x'.repeat(10_000) },
  { locale: 'fr-FR' },
  { name: '', expiresInDays: -3 },
  { scope: { kind: 'outlet' }, role: 'superuser' },
  { password: '' },
  { nested: { deep: { deeper: { deepest: [1, 2, { x: '\u0000' }] } } } },
];

/** Tables whose row counts must not move when every request is rejected. */
describe('bad input on every route', () => {
  let h: Harness;
  let routes: Route[];
  let auth: Record<string, string>;

  beforeAll(async () => {
    h = await createHarness();
    const session = await h.login('admin');
    const token = await h.request({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: session,
      payload: { name: 'fuzz' },
    });
    auth = { authorization: `Bearer ${token.json().token as string}` };
    const doc = (await h.request({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        hasBody: op.requestBody !== undefined,
      })),
    );
  });
  afterAll(() => h.close());

  const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, encodeURIComponent(value));

  it('enumerates the API from its OpenAPI document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(18);
  });

  it('answers hostile params, queries and bodies with 4xx problem+json, never 500, and writes nothing', async () => {
    const before = await rowCounts(h);
    const failures: string[] = [];
    let sent = 0;
    const check = async (
      method: string,
      url: string,
      payload?: unknown,
      extraHeaders: Record<string, string> = {},
    ) => {
      // Logging out would (correctly) end a session; it has no input to abuse.
      if (url.startsWith('/api/auth/logout')) return;
      sent++;
      const res = await h.request({
        method: method as 'GET',
        url,
        headers: { ...auth, ...extraHeaders },
        ...(payload !== undefined
          ? {
              payload: JSON.stringify(payload),
              headers: { ...auth, 'content-type': 'application/json', ...extraHeaders },
            }
          : {}),
      });
      const isProblem = String(res.headers['content-type']).includes('application/problem+json');
      if (res.statusCode >= 500 || res.statusCode < 400 || !isProblem) {
        failures.push(
          `${method} ${url.slice(0, 80)} ${JSON.stringify(payload)?.slice(0, 60)} → ${res.statusCode} ${res.body.slice(0, 100)}`,
        );
      }
    };
    for (const r of routes) {
      if (r.path.startsWith('/api/docs') || r.path === '/api/health') continue;
      const templated = r.path.includes('{');
      for (const s of hostile) {
        if (templated) await check(r.method, fill(r.path, s), r.hasBody ? {} : undefined);
        await check(
          r.method,
          `${fill(r.path, 'usr_0000000000zzzzzzzzzz')}?pageSize=100000&unknown=${encodeURIComponent(s)}`,
          r.hasBody ? {} : undefined,
        );
      }
      if (r.hasBody) {
        for (const b of badBodies) await check(r.method, fill(r.path, 'usr_0000000000zzzzzzzzzz'), b);
        await check(r.method, fill(r.path, 'usr_0000000000zzzzzzzzzz'), undefined, {
          'content-type': 'application/json',
        });
        const raw = await h.request({
          method: r.method as 'POST',
          url: fill(r.path, 'usr_0000000000zzzzzzzzzz'),
          headers: { ...auth, 'content-type': 'application/json' },
          payload: '{"broken": ',
        });
        sent++;
        if (raw.statusCode !== 400) failures.push(`${r.method} ${r.path} broken JSON → ${raw.statusCode}`);
        const big = await h.request({
          method: r.method as 'POST',
          url: fill(r.path, 'usr_0000000000zzzzzzzzzz'),
          headers: { ...auth, 'content-type': 'application/json' },
          payload: JSON.stringify({ note: 'x'.repeat(2 * 1024 * 1024) }),
        });
        sent++;
        if (big.statusCode !== 413) failures.push(`${r.method} ${r.path} 2 MiB body → ${big.statusCode}`);
      }
    }
    // Random JSON values into every body: fast-check explores shapes nobody thought of.
    const bodyRoutes = routes.filter((r) => r.hasBody);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...bodyRoutes), fc.jsonValue(), async (r, body) => {
        await check(r.method, fill(r.path, 'usr_0000000000zzzzzzzzzz'), body);
      }),
      { numRuns: 300 },
    );
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(500);
    const after = await rowCounts(h);
    expect(after).toEqual(before);
  }, 180_000);
});
