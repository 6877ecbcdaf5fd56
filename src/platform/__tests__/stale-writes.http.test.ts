import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditState } from '../../../test/audit-steps.ts';
import type { Harness } from '../../../test/harness.ts';
import { createHarness } from '../../../test/harness.ts';
import { auditRowCount, documentedRoutes, mutatingSteps, prepareSteps } from './mutating-steps.ts';

/**
 * Writes that carry no version, grouped by why none can lose someone else's update. A command checked
 * against the order's current state runs under a row lock, so it always sees the latest state.
 */
const UNVERSIONED_BY_REASON: Record<string, string[]> = {
  'creates a new record': [
    'POST /api/users',
    'POST /api/auth/tokens',
    'POST /api/models',
    'POST /api/dealers',
    'POST /api/customers',
    'POST /api/units',
    'POST /api/outlets',
    'POST /api/engineers',
    'POST /api/imports/{entity}',
    'POST /api/work-orders',
    'POST /api/work-orders/{id}/attachments',
    'POST /api/work-orders/{id}/parts',
    'POST /api/callbacks/{id}/appeal/files',
    'POST /api/callbacks/home/placements',
    'POST /api/callbacks/home/archives',
  ],
  'appends to a history, checked against the current state': [
    'POST /api/dealers/{id}/tiers',
    'POST /api/outlets/{id}/band',
    'POST /api/outlets/{id}/dispatch-suspension',
    'POST /api/outlets/{id}/dispatch-suspension/lift',
    'POST /api/work-orders/{id}/callbacks',
    'POST /api/work-orders/{id}/contacts',
    'POST /api/callbacks/audit',
    'POST /api/callbacks/dealers/assignment',
    'POST /api/callbacks/dealers/{dealerId}/callbacks',
    'POST /api/callbacks/home/placements/{id}/callbacks',
  ],
  'acts on the caller’s own session or settings': [
    'POST /api/auth/login',
    'POST /api/auth/logout',
    'PATCH /api/auth/me/preferences',
    'DELETE /api/auth/tokens/{id}',
    'POST /api/notifications/{id}/read',
  ],
  'sets one thing whole, or reads': [
    'POST /api/users/{id}/unlock',
    'POST /api/users/{id}/password',
    'PUT /api/calendar/{day}',
    'DELETE /api/calendar/{day}',
    'POST /api/work-orders/proposal',
    'POST /api/callbacks/finalise-due',
    'POST /api/users/{id}/reveal',
    'POST /api/dealers/{id}/reveal',
    'POST /api/customers/{id}/reveal',
    'POST /api/engineers/{id}/reveal',
    'POST /api/callbacks/{id}/reveal',
  ],
  // Each item carries its version; a stale one is refused in that item's result (dispatch-bulk tests).
  'versioned per item': ['POST /api/dispatch/bulk-accept', 'POST /api/dispatch/bulk-assign'],
};
const UNVERSIONED = new Set(Object.values(UNVERSIONED_BY_REASON).flat());

/**
 * Field records appended to an order (a result, a new window) check the version they were sent with but do
 * not move it unless the order itself changes, so a dispatcher holding the order is not refused because an
 * engineer logged something meanwhile; nothing is lost, since both records are kept. Sent again, such a
 * write is either accepted as another record or refused by its own rule.
 */
const APPENDS = new Set([
  'POST /api/work-orders/{id}/results',
  'POST /api/work-orders/{id}/appointments/reschedule',
]);

/** The version the request says it read: a body `version`/`basedOnVersion` or a `?version=`. */
function sentVersion(url: string, payload: unknown): number | undefined {
  const query = new URL(url, 'http://x').searchParams.get('version');
  if (query !== null) return Number(query);
  if (payload && typeof payload === 'object' && !Buffer.isBuffer(payload)) {
    const body = payload as { version?: unknown; basedOnVersion?: unknown };
    const v = body.version ?? body.basedOnVersion;
    if (typeof v === 'number') return v;
  }
  return undefined;
}

describe('no lost updates: a write made on a stale read gets 409 with the current version', () => {
  let h: Harness;
  let documented: Awaited<ReturnType<typeof documentedRoutes>>;
  const state: AuditState = { admin: {}, ids: {} };

  beforeAll(async () => {
    h = await createHarness();
    documented = await documentedRoutes(h);
    await prepareSteps(h, state);
  });
  afterAll(() => h.close());

  it('every versioned write, sent again with the version it read, is refused and changes nothing', async () => {
    const refused = new Set<string>();
    const unversioned = new Set<string>();
    const problems: string[] = [];
    // Each step's write goes through; then the very same request — now based on an old version — goes again.
    const twice: Harness = {
      ...h,
      request: async (opts) => {
        const method = String(opts.method ?? 'GET');
        const url = typeof opts.url === 'string' ? opts.url : '';
        const route = documented.routeOf(method, url)?.route;
        const first = await h.request(opts);
        if (method === 'GET' || !route || first.statusCode >= 300) return first;
        const read = sentVersion(url, opts.payload);
        if (read === undefined) {
          unversioned.add(route);
          return first;
        }
        const audits = await auditRowCount(h);
        const stale = await h.request(opts);
        if (APPENDS.has(route)) {
          if (stale.statusCode >= 500) problems.push(`${route}: ${stale.statusCode}`);
          else refused.add(route);
          return first;
        }
        const problem = stale.json() as { code?: string; currentVersion?: number };
        if (stale.statusCode !== 409 || problem.code !== 'VERSION_CONFLICT')
          problems.push(`${route}: ${stale.statusCode} ${problem.code}`);
        else if (typeof problem.currentVersion !== 'number' || problem.currentVersion <= read)
          problems.push(`${route}: current version ${problem.currentVersion} after reading ${read}`);
        else if ((await auditRowCount(h)) !== audits) problems.push(`${route}: wrote something`);
        else refused.add(route);
        return first;
      },
    };
    for (const step of mutatingSteps) await step.run(twice, state);
    console.info(
      `[stale writes] ${refused.size} versioned write routes resent stale; ${UNVERSIONED.size} unversioned, each with its reason`,
    );
    expect(problems).toEqual([]);
    // Every write is either versioned (and proven above) or listed with its reason.
    expect([...unversioned].filter((r) => !UNVERSIONED.has(r))).toEqual([]);
    const mutating = documented.routes.map((r) => r.route).filter((r) => !r.startsWith('GET '));
    expect(mutating.filter((r) => !refused.has(r) && !UNVERSIONED.has(r))).toEqual([]);
    expect([...UNVERSIONED].filter((r) => !mutating.includes(r))).toEqual([]);
    // The records the issue names, each by a write of its own.
    for (const route of [
      'POST /api/work-orders/{id}/accept',
      'POST /api/callbacks/{id}/attempts',
      'PATCH /api/customers/{id}',
      'PATCH /api/outlets/{id}',
      'POST /api/policies/{key}/versions',
    ]) {
      expect(refused.has(route), route).toBe(true);
    }
  });
});
