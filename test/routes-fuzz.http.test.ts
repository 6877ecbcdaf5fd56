import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from './harness.ts';
import { rowCounts } from './row-counts.ts';
import { createHarness } from './harness.ts';

/**
 * Hostile input over every route the API documents: path parameters, query strings and bodies built from
 * each route's own schema but filled with wrong types, Unicode edge cases, injection strings, huge and
 * negative numbers and oversize text. Every answer must be a 4xx problem+json or a success — never a 500 —
 * and a route that refused everything must have written nothing.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
};
interface Operation {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const hostileStrings = [
  "' OR '1'='1' --",
  "'; drop table work_orders; --",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\u202Eevil',
  '../../../etc/passwd',
  '%00',
  '${jndi:ldap://x}',
  '{{7*7}}',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffff',
  '😀'.repeat(500),
  'é'.normalize('NFD').repeat(300),
  '\t\n\r ',
  '',
  'x'.repeat(70_000),
];

const hostileString = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.string({ maxLength: 40, unit: 'grapheme' }),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, -(2 ** 31), 2 ** 53 + 2, 1e21, -1e21, 0.5, Number.MAX_SAFE_INTEGER),
  fc.double({ noNaN: true }),
  fc.integer(),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constant(null),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

/** An object with the schema's own property names (so validation passes the shape checks) and bad values. */
function bodyFor(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const props = schema?.properties ? Object.keys(schema.properties) : [];
  const shaped =
    props.length > 0
      ? fc.record(Object.fromEntries(props.map((p) => [p, hostileValue])), { requiredKeys: [] })
      : fc.dictionary(hostileString, hostileValue, { maxKeys: 4 });
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.array(shaped, { maxLength: 3 }) },
  );
}

function queryFor(op: Operation): fc.Arbitrary<Record<string, string>> {
  const names = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const keys = [...new Set([...names, 'page', 'pageSize'])];
  const value = fc.oneof(
    hostileString,
    hostileNumber.map(String),
    fc.constantFrom('-5', '1000000000', '99999999999999999999', 'true', '[]'),
  );
  return fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }) as fc.Arbitrary<
    Record<string, string>
  >;
}

/** Percent-encodes, sending a lone surrogate as the invalid UTF-8 bytes a hostile client would send. */
function enc(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return `%ED%A0%80${encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ''))}`;
  }
}

const queryString = (q: Record<string, string>) =>
  Object.entries(q)
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .join('&');

// Ending the session, or changing the acting account's own credentials, would turn the rest into 401s.
const SKIP = new Set(['POST /api/auth/logout', 'POST /api/auth/password', 'DELETE /api/auth/tokens/{id}']);
// A refused sign-in is recorded on the account (failed attempts): a write that belongs to the refusal.
const WRITES_WHEN_REFUSED = new Set(['POST /api/auth/login']);

describe('hostile input on every route', () => {
  let h: Harness;
  let headers: Record<string, string>;
  let routes: { method: string; path: string; op: Operation }[];

  beforeAll(async () => {
    h = await createHarness();
    headers = await h.login('admin');
    const spec = h.app.swagger() as { paths: Record<string, Record<string, Operation>> };
    routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
  }, 120_000);
  afterAll(async () => h?.close());

  const totalRows = async (): Promise<number> =>
    Object.values(await rowCounts(h)).reduce((sum, n) => sum + n, 0);

  it('SEC never a 500: every route answers hostile input with a 4xx problem+json, and a refusal writes nothing', async () => {
    expect(routes.length).toBeGreaterThan(100);
    const failures: string[] = [];
    let cases = 0;
    for (const { method, path, op } of routes) {
      const name = `${method} ${path}`;
      if (SKIP.has(name)) continue;
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const takesBody = method !== 'GET' && method !== 'DELETE';
      const before = await totalRows();
      let anySuccess = false;
      const samples = fc.sample(
        fc.record({
          params: fc.array(hostileString, { minLength: 4, maxLength: 4 }),
          query: queryFor(op),
          body: bodyFor(bodySchema),
        }),
        { numRuns: RUNS },
      );
      for (const s of samples) {
        let i = 0;
        const url = path.replace(/\{[^}]+\}/g, () => enc(s.params[i++] ?? 'x') || 'x');
        const qs = queryString(s.query);
        const res = await h.app.inject({
          method: method as 'GET',
          url: `${url}${qs ? `?${qs}` : ''}`,
          headers,
          ...(takesBody ? { payload: JSON.stringify(s.body) } : {}),
          ...(takesBody ? { headers: { ...headers, 'content-type': 'application/json' } } : {}),
        });
        cases++;
        if (res.statusCode >= 500) {
          failures.push(`${name} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        } else if (res.statusCode >= 400) {
          const type = String(res.headers['content-type'] ?? '');
          if (!type.includes('application/problem+json'))
            failures.push(`${name} → ${res.statusCode} as ${type}`);
        } else {
          anySuccess = true;
        }
      }
      if (!anySuccess && !WRITES_WHEN_REFUSED.has(name)) {
        const after = await totalRows();
        if (after !== before)
          failures.push(`${name} refused every request but rows went ${before} → ${after}`);
      }
    }
    // An oversize body is refused before it is read into memory.
    const huge = await h.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(String(huge.headers['content-type'])).toContain('application/problem+json');
    expect(failures, failures.join('\n')).toEqual([]);
    expect(cases).toBeGreaterThan(routes.length * (RUNS - 1));
    console.info(`hostile-input cases: ${cases} over ${routes.length} routes`);
  }, 900_000);
});
