import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../test/harness.ts';
import { createHarness, OUTLET_A } from '../../../test/harness.ts';
import { systemContext } from '../auth/actor.ts';
import { emitEvent } from '../outbox/outbox.ts';

interface Step {
  route: string;
  run: (h: Harness, s: State) => Promise<{ status: number; entityId: string }>;
  entity: string;
  action: string;
}

interface State {
  admin: Record<string, string>;
  userId: string;
  tokenId: string;
  notificationId: string;
}

const steps: Step[] = [
  {
    route: 'POST /api/auth/login',
    entity: 'user',
    action: 'login',
    run: async (h) => {
      const r = await h.request({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'agent', password: 'demo1234' },
      });
      return { status: r.statusCode, entityId: r.json().id as string };
    },
  },
  {
    route: 'PATCH /api/auth/me/preferences',
    entity: 'user',
    action: 'update_preferences',
    run: async (h, s) => {
      const r = await h.request({
        method: 'PATCH',
        url: '/api/auth/me/preferences',
        headers: s.admin,
        payload: { locale: 'en-US' },
      });
      return { status: r.statusCode, entityId: r.json().id as string };
    },
  },
  {
    route: 'POST /api/auth/tokens',
    entity: 'api_token',
    action: 'create',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: s.admin,
        payload: { name: 'audit' },
      });
      s.tokenId = r.json().id as string;
      return { status: r.statusCode, entityId: s.tokenId };
    },
  },
  {
    route: 'DELETE /api/auth/tokens/{id}',
    entity: 'api_token',
    action: 'revoke',
    run: async (h, s) => {
      const r = await h.request({ method: 'DELETE', url: `/api/auth/tokens/${s.tokenId}`, headers: s.admin });
      return { status: r.statusCode, entityId: s.tokenId };
    },
  },
  {
    route: 'POST /api/users',
    entity: 'user',
    action: 'create',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: '/api/users',
        headers: s.admin,
        payload: {
          username: 'eng.audit',
          displayName: '审计工程师',
          role: 'engineer',
          scope: { kind: 'outlet', outletId: OUTLET_A },
          password: 'long-enough-1',
          phone: '13512345678',
        },
      });
      s.userId = r.json().id as string;
      return { status: r.statusCode, entityId: s.userId };
    },
  },
  {
    route: 'PATCH /api/users/{id}',
    entity: 'user',
    action: 'update',
    run: async (h, s) => {
      const r = await h.request({
        method: 'PATCH',
        url: `/api/users/${s.userId}`,
        headers: s.admin,
        payload: { version: 1, displayName: '审计工程师二' },
      });
      return { status: r.statusCode, entityId: s.userId };
    },
  },
  {
    route: 'POST /api/users/{id}/reveal',
    entity: 'user',
    action: 'reveal_personal_data',
    run: async (h, s) => {
      const r = await h.request({ method: 'POST', url: `/api/users/${s.userId}/reveal`, headers: s.admin });
      return { status: r.statusCode, entityId: s.userId };
    },
  },
  {
    route: 'POST /api/users/{id}/unlock',
    entity: 'user',
    action: 'unlock',
    run: async (h, s) => {
      const r = await h.request({ method: 'POST', url: `/api/users/${s.userId}/unlock`, headers: s.admin });
      return { status: r.statusCode, entityId: s.userId };
    },
  },
  {
    route: 'POST /api/users/{id}/password',
    entity: 'user',
    action: 'reset_password',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: `/api/users/${s.userId}/password`,
        headers: s.admin,
        payload: { password: 'another-long-1' },
      });
      return { status: r.statusCode, entityId: s.userId };
    },
  },
  {
    route: 'POST /api/policies/{key}/versions',
    entity: 'policy',
    action: 'add_version',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: '/api/policies/security.login_lockout/versions',
        headers: s.admin,
        payload: {
          value: { maxFailures: 6, lockMinutes: 20, slowdownAfter: 3, slowdownStepMs: 500 },
          effectiveFrom: '2027-01-01T00:00:00+08:00',
          note: 'Audit test',
        },
      });
      return { status: r.statusCode, entityId: 'security.login_lockout' };
    },
  },
  {
    route: 'POST /api/notifications/{id}/read',
    entity: 'notification',
    action: 'mark_read',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: `/api/notifications/${s.notificationId}/read`,
        headers: s.admin,
      });
      return { status: r.statusCode, entityId: s.notificationId };
    },
  },
  {
    route: 'POST /api/auth/logout',
    entity: 'user',
    action: 'logout',
    run: async (h, s) => {
      const r = await h.request({ method: 'POST', url: '/api/auth/logout', headers: s.admin });
      return { status: r.statusCode, entityId: (await h.services.users.findIdByUsername('admin'))! };
    },
  },
];

describe('audit trail for every mutating call (SEC-3)', () => {
  let h: Harness;
  const state = {} as State;

  beforeAll(async () => {
    h = await createHarness();
    state.admin = await h.login('admin');
    // A notification to mark read: deliver a user.locked event to its handler directly.
    const adminId = (await h.services.users.findIdByUsername('admin'))!;
    await h.deps.database.db.transaction((tx) =>
      emitEvent(tx, systemContext(h.clock.now()), 'user.locked', {
        userId: 'usr_x',
        username: 'x',
        outletId: null,
        lockedUntil: null,
      }),
    );
    await h.bus.deliverPending();
    const list = await h.services.notifications.listMine(
      {
        actor: {
          userId: adminId,
          username: 'admin',
          displayName: 'a',
          role: 'admin',
          scope: { kind: 'all' },
          via: 'session',
        },
        now: h.clock.now(),
        requestId: undefined,
      },
      { page: 1, pageSize: 10 },
    );
    state.notificationId = list.items[0]!.id;
  });
  afterAll(() => h.close());

  it('SEC-3 the table covers every mutating route the API documents', async () => {
    const doc = (await h.request({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const mutating = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(steps.map((s) => s.route).sort()).toEqual(mutating.sort());
  });

  it('SEC-3 each mutating call writes one audit row with actor, entity, action and time, in its transaction', async () => {
    for (const step of steps) {
      const before = await h.testDb.database.executeSql(
        `select count(*) as n from audit_log where entity = $1 and action = $2`,
        [step.entity, step.action],
      );
      const { status, entityId } = await step.run(h, state);
      expect(status, step.route).toBeLessThan(300);
      const { rows } = await h.testDb.database.executeSql(
        `select actor_id, at from audit_log where entity = $1 and action = $2 and entity_id = $3 order by at desc`,
        [step.entity, step.action, entityId],
      );
      const now = await h.testDb.database.executeSql(
        `select count(*) as n from audit_log where entity = $1 and action = $2`,
        [step.entity, step.action],
      );
      expect(Number(now.rows[0]?.n) - Number(before.rows[0]?.n), step.route).toBe(1);
      expect(rows[0]?.actor_id, step.route).toBeTruthy();
    }
  });

  it('SEC-3 a rejected change leaves no audit row and no partial record', async () => {
    const count = async () =>
      Number((await h.testDb.database.executeSql('select count(*) as n from audit_log', [])).rows[0]?.n);
    const admin = await h.login('admin');
    const before = await count();
    const users = Number(
      (await h.testDb.database.executeSql('select count(*) as n from users', [])).rows[0]?.n,
    );
    const r = await h.request({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        username: 'admin',
        displayName: 'dup',
        role: 'agent',
        scope: { kind: 'all' },
        password: 'long-enough-1',
      },
    });
    expect(r.statusCode).toBe(409);
    expect(await count()).toBe(before);
    expect(
      Number((await h.testDb.database.executeSql('select count(*) as n from users', [])).rows[0]?.n),
    ).toBe(users);
  });
});
