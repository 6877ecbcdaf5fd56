import type { AuditState, AuditStep } from '../../../test/audit-steps.ts';
import type { Harness } from '../../../test/harness.ts';
import { OUTLET_A } from '../../../test/harness.ts';
import { catalogAuditSteps } from '../../modules/catalog/__tests__/catalog-audit.steps.ts';
import { masterDataAuditSteps } from '../../modules/customers/__tests__/master-data-audit.steps.ts';
import { ordersAuditSteps } from '../../modules/work-orders/__tests__/orders-audit.steps.ts';
import { fieldAuditSteps } from '../../modules/work-orders/__tests__/field-audit.steps.ts';
import { dispatchBulkAuditSteps } from '../../modules/work-orders/__tests__/dispatch-bulk-audit.steps.ts';
import { callbackDeskAuditSteps } from '../../modules/callbacks/__tests__/desk-audit.steps.ts';
import { programmesAuditSteps } from '../../modules/callbacks/__tests__/programmes-audit.steps.ts';
import { systemContext } from '../auth/actor.ts';
import { emitEvent } from '../outbox/outbox.ts';

/**
 * One successful call of every mutating route the API documents, in an order where each finds what the
 * earlier ones made. The audit-trail and idempotent-replay suites both walk it.
 */
const platformSteps: AuditStep[] = [
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
      s.ids.token = r.json().id as string;
      return { status: r.statusCode, entityId: s.ids.token! };
    },
  },
  {
    route: 'DELETE /api/auth/tokens/{id}',
    entity: 'api_token',
    action: 'revoke',
    run: async (h, s) => {
      const r = await h.request({
        method: 'DELETE',
        url: `/api/auth/tokens/${s.ids.token}`,
        headers: s.admin,
      });
      return { status: r.statusCode, entityId: s.ids.token! };
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
      s.ids.user = r.json().id as string;
      return { status: r.statusCode, entityId: s.ids.user! };
    },
  },
  {
    route: 'PATCH /api/users/{id}',
    entity: 'user',
    action: 'update',
    run: async (h, s) => {
      const r = await h.request({
        method: 'PATCH',
        url: `/api/users/${s.ids.user}`,
        headers: s.admin,
        payload: { version: 1, displayName: '审计工程师二' },
      });
      return { status: r.statusCode, entityId: s.ids.user! };
    },
  },
  {
    route: 'POST /api/users/{id}/reveal',
    entity: 'user',
    action: 'reveal_personal_data',
    run: async (h, s) => {
      const r = await h.request({ method: 'POST', url: `/api/users/${s.ids.user}/reveal`, headers: s.admin });
      return { status: r.statusCode, entityId: s.ids.user! };
    },
  },
  {
    route: 'POST /api/users/{id}/unlock',
    entity: 'user',
    action: 'unlock',
    run: async (h, s) => {
      const r = await h.request({ method: 'POST', url: `/api/users/${s.ids.user}/unlock`, headers: s.admin });
      return { status: r.statusCode, entityId: s.ids.user! };
    },
  },
  {
    route: 'POST /api/users/{id}/password',
    entity: 'user',
    action: 'reset_password',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: `/api/users/${s.ids.user}/password`,
        headers: s.admin,
        payload: { password: 'another-long-1' },
      });
      return { status: r.statusCode, entityId: s.ids.user! };
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
          basedOnVersion: 1,
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
        url: `/api/notifications/${s.ids.notification}/read`,
        headers: s.admin,
      });
      return { status: r.statusCode, entityId: s.ids.notification! };
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

const importStep: AuditStep = {
  route: 'POST /api/imports/{entity}',
  entity: 'import',
  action: 'import',
  run: async (h, s) => {
    const csv = '型号编码,型号名称,品类,整机保修(月),主要部件保修(月)\nAUD-M1,审计型号,空调,12,12\n';
    const r = await h.request({
      method: 'POST',
      url: '/api/imports/models?dryRun=false',
      headers: { ...s.admin, 'content-type': 'text/csv' },
      payload: csv,
    });
    return { status: r.statusCode, entityId: 'models' };
  },
};

// Logging out ends the admin session the other steps use, so it runs last.
export const mutatingSteps: AuditStep[] = [
  ...platformSteps.filter((s) => s.route !== 'POST /api/auth/logout'),
  ...catalogAuditSteps,
  ...masterDataAuditSteps,
  importStep,
  ...ordersAuditSteps,
  ...fieldAuditSteps,
  ...dispatchBulkAuditSteps,
  ...callbackDeskAuditSteps,
  ...programmesAuditSteps,
  ...platformSteps.filter((s) => s.route === 'POST /api/auth/logout'),
];

/** Logs in the admin and leaves a notification for the mark-read step. */
export async function prepareSteps(h: Harness, state: AuditState): Promise<void> {
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
  state.ids.notification = list.items[0]!.id;
}

type Operations = Record<string, { parameters?: { in: string; name: string }[] }>;

export interface DocumentedRoute {
  /** `METHOD /api/path/{param}` as the API document names it. */
  route: string;
  takesIdempotencyKey: boolean;
}

/** Every operation of the API document, and the route a request (method and concrete URL) goes to. */
export async function documentedRoutes(h: Harness): Promise<{
  routes: DocumentedRoute[];
  routeOf: (method: string, url: unknown) => DocumentedRoute | undefined;
}> {
  const paths = (await h.request({ method: 'GET', url: '/api/docs/json' })).json().paths as Record<
    string,
    Operations
  >;
  const matchers = Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      route: `${method.toUpperCase()} ${path}`,
      takesIdempotencyKey: (op.parameters ?? []).some(
        (p) => p.in === 'header' && p.name === 'idempotency-key',
      ),
      pattern: new RegExp(`^${method.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    })),
  );
  const routes = matchers.map(({ route, takesIdempotencyKey }) => ({ route, takesIdempotencyKey }));
  const routeOf = (method: string, url: unknown) =>
    typeof url === 'string'
      ? routes[matchers.findIndex((m) => m.pattern.test(`${method} ${url.split('?')[0]}`))]
      : undefined;
  return { routes, routeOf };
}

export const auditRowCount = async (h: Harness): Promise<number> =>
  Number((await h.testDb.database.executeSql('select count(*) as n from audit_log', [])).rows[0]?.n);
