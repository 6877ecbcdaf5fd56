import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A, OUTLET_B } from '../../../../test/harness.ts';
import { systemContext } from '../../../platform/auth/actor.ts';
import { roles } from '../domain/roles.ts';
import type { Role } from '../domain/roles.ts';

const BEIJING_OUTLET = 'out_demo0004';
const HQ: Role[] = ['admin', 'center'];
const OUTLET_STAFF: Role[] = ['outlet', 'dispatcher', 'engineer'];
const OUTLET_READERS: Role[] = [
  ...HQ,
  'agent',
  'callback',
  'complaints',
  'regional',
  'parts',
  'settlement',
  ...OUTLET_STAFF,
];

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  expected: (role: Role) => number;
}

interface Ids {
  dispatcherB: string;
  dispatcherBVersion: number;
  self: Record<Role, string>;
}

const cases: Case[] = [
  {
    name: 'list outlets',
    method: 'GET',
    url: () => '/api/outlets',
    expected: (r) => (OUTLET_READERS.includes(r) ? 200 : 403),
  },
  {
    name: "read another outlet's record",
    method: 'GET',
    url: () => `/api/outlets/${OUTLET_B}`,
    expected: (r) => (OUTLET_STAFF.includes(r) ? 404 : OUTLET_READERS.includes(r) ? 200 : 403),
  },
  {
    name: 'read an outlet outside the region (Beijing for a Guangdong manager)',
    method: 'GET',
    url: () => `/api/outlets/${BEIJING_OUTLET}`,
    expected: (r) =>
      OUTLET_STAFF.includes(r) || r === 'regional' ? 404 : OUTLET_READERS.includes(r) ? 200 : 403,
  },
  {
    name: 'read the own outlet',
    method: 'GET',
    url: () => `/api/outlets/${OUTLET_A}`,
    expected: (r) => (OUTLET_READERS.includes(r) ? 200 : 403),
  },
  {
    name: 'list users',
    method: 'GET',
    url: () => '/api/users',
    expected: (r) => ([...HQ, 'outlet'].includes(r) ? 200 : 403),
  },
  {
    name: 'read a user of another outlet',
    method: 'GET',
    url: (ids) => `/api/users/${ids.dispatcherB}`,
    expected: (r) => (HQ.includes(r) ? 200 : 404),
  },
  {
    name: 'change a user of another outlet',
    method: 'PATCH',
    url: (ids) => `/api/users/${ids.dispatcherB}`,
    body: (ids) => ({ version: ids.dispatcherBVersion, displayName: 'changed' }),
    expected: (r) => (r === 'admin' ? 200 : r === 'outlet' ? 404 : 403),
  },
  {
    name: "reveal a phone of another outlet's user",
    method: 'POST',
    url: (ids) => `/api/users/${ids.dispatcherB}/reveal`,
    expected: (r) => (HQ.includes(r) ? 200 : r === 'outlet' ? 404 : 403),
  },
  {
    name: 'create an engineer in another outlet',
    method: 'POST',
    url: () => '/api/users',
    body: () => ({
      username: `eng-b-${Math.random().toString(36).slice(2, 8)}`,
      displayName: '工程师',
      role: 'engineer',
      scope: { kind: 'outlet', outletId: OUTLET_B },
      password: 'long-enough-1',
    }),
    expected: (r) => (r === 'admin' ? 201 : 403),
  },
  { name: 'read own account', method: 'GET', url: () => '/api/users/__self__', expected: () => 200 },
  {
    name: 'read policies',
    method: 'GET',
    url: () => '/api/policies',
    expected: (r) => (['admin', 'center', 'regional', 'settlement', 'parts'].includes(r) ? 200 : 403),
  },
  {
    name: 'add a policy version',
    method: 'POST',
    url: () => '/api/policies/security.login_lockout/versions',
    body: () => ({
      value: { maxFailures: 6, lockMinutes: 15, slowdownAfter: 3, slowdownStepMs: 500 },
      effectiveFrom: '2027-01-01T00:00:00+08:00',
      note: 'matrix',
      basedOnVersion: 1,
    }),
    expected: (r) => (r === 'admin' ? 201 : 403),
  },
  {
    name: 'read the audit trail',
    method: 'GET',
    url: () => '/api/audit',
    expected: (r) => (HQ.includes(r) ? 200 : 403),
  },
  { name: 'read own notifications', method: 'GET', url: () => '/api/notifications', expected: () => 200 },
];

describe('authorization matrix (SEC-1, SEC-2)', () => {
  let h: Harness;
  let ids: Ids;
  const sessions = new Map<Role, Record<string, string>>();

  beforeAll(async () => {
    h = await createHarness();
    const ctx = systemContext(h.clock.now());
    const b = await h.services.users.create(ctx, {
      username: 'dispatcher-b',
      displayName: '深圳信息员',
      role: 'dispatcher',
      scope: { kind: 'outlet', outletId: OUTLET_B },
      password: 'long-enough-1',
      phone: '13600136000',
    });
    const self = {} as Record<Role, string>;
    for (const r of roles) {
      sessions.set(r, await h.login(r));
      self[r] = (await h.services.users.findIdByUsername(r))!;
    }
    ids = { dispatcherB: b.id, dispatcherBVersion: b.version, self };
  });
  afterAll(() => h.close());

  it('SEC-1 every role gets exactly the expected status on every guarded call (404 out of scope, 403 out of role)', async () => {
    const mismatches: string[] = [];
    for (const c of cases) {
      for (const role of roles) {
        const current = await h.services.users.get(systemContext(h.clock.now()), ids.dispatcherB);
        ids.dispatcherBVersion = current.version;
        const url = c.url(ids).replace('__self__', ids.self[role]);
        const res = await h.request({
          method: c.method,
          url,
          headers: sessions.get(role)!,
          ...(c.body ? { payload: c.body(ids) as object } : {}),
        });
        const expected = c.expected(role);
        if (res.statusCode !== expected)
          mismatches.push(
            `${role} · ${c.name}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 120)}`,
          );
        if (res.statusCode >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('SEC-1 lists are filtered to the scope: an outlet sees only itself, a Guangdong manager only Guangdong', async () => {
    const asOutlet = await h.request({
      method: 'GET',
      url: '/api/outlets',
      headers: sessions.get('dispatcher')!,
    });
    expect((asOutlet.json().items as { id: string }[]).map((o) => o.id)).toEqual([OUTLET_A]);
    const asRegional = await h.request({
      method: 'GET',
      url: '/api/outlets?pageSize=200',
      headers: sessions.get('regional')!,
    });
    const codes = (asRegional.json().items as { regionCode: string }[]).map((o) => o.regionCode);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c.startsWith('44'))).toBe(true);
    const users = await h.request({
      method: 'GET',
      url: '/api/users?pageSize=200',
      headers: sessions.get('outlet')!,
    });
    const items = users.json().items as { scope: { kind: string; outletId?: string } }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((u) => u.scope.outletId === OUTLET_A)).toBe(true);
  });
});
