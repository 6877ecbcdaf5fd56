import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditState } from '../../../test/audit-steps.ts';
import type { Harness } from '../../../test/harness.ts';
import { createHarness } from '../../../test/harness.ts';
import type { DocumentedRoute } from './mutating-steps.ts';
import { auditRowCount, documentedRoutes, mutatingSteps, prepareSteps } from './mutating-steps.ts';

/** The POST routes that refuse to replay, each for a reason written at the route. */
const NOT_REPLAYABLE = [
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/auth/tokens',
  'POST /api/callbacks/{id}/reveal',
  'POST /api/customers/{id}/reveal',
  'POST /api/dealers/{id}/reveal',
  'POST /api/engineers/{id}/reveal',
  'POST /api/users/{id}/password',
  'POST /api/users/{id}/reveal',
];

const bodyOf = (payload: string): unknown => (payload === '' ? '' : JSON.parse(payload));

describe('Idempotency-Key on every write that creates or changes (retries are safe)', () => {
  let h: Harness;
  let documented: Awaited<ReturnType<typeof documentedRoutes>>;
  const state: AuditState = { admin: {}, ids: {} };

  beforeAll(async () => {
    h = await createHarness();
    documented = await documentedRoutes(h);
    await prepareSteps(h, state);
  });
  afterAll(() => h.close());

  it('every POST the API documents takes an Idempotency-Key, except the few that must not replay', () => {
    const posts = documented.routes.filter((r) => r.route.startsWith('POST '));
    expect(posts.length).toBeGreaterThan(50);
    const without = posts.filter((r) => !r.takesIdempotencyKey).map((r) => r.route);
    expect(without.sort()).toEqual([...NOT_REPLAYABLE].sort());
  });

  it('each successful write, sent again with its key, answers the first result and writes nothing more', async () => {
    const problems: string[] = [];
    const replayed = new Set<string>();
    let n = 0;
    // Every step's POST goes out with a fresh key and, once it succeeded, a second time with the same key.
    const retrying: Harness = {
      ...h,
      request: async (opts) => {
        const found: DocumentedRoute | undefined = documented.routeOf(String(opts.method), opts.url);
        if (!found?.takesIdempotencyKey) return h.request(opts);
        const route = found.route;
        const withKey = { ...opts, headers: { ...opts.headers, 'idempotency-key': `replay-${++n}` } };
        const first = await h.request(withKey);
        if (first.statusCode >= 300) return first;
        const audits = await auditRowCount(h);
        const again = await h.request(withKey);
        if (again.statusCode !== first.statusCode) problems.push(`${route}: ${again.statusCode}`);
        else if (again.headers['idempotent-replayed'] !== 'true') problems.push(`${route}: ran again`);
        else if (!isDeepStrictEqual(bodyOf(again.payload), bodyOf(first.payload)))
          problems.push(`${route}: another answer`);
        else if ((await auditRowCount(h)) !== audits) problems.push(`${route}: wrote again`);
        else replayed.add(route);
        return first;
      },
    };
    for (const step of mutatingSteps) await step.run(retrying, state);
    console.info(
      `[idempotency] ${replayed.size} write routes replayed with their key; ${NOT_REPLAYABLE.length} refuse replay`,
    );
    expect(problems).toEqual([]);
    const notReplayed = mutatingSteps
      .map((s) => s.route)
      .filter((r) => r.startsWith('POST ') && !NOT_REPLAYABLE.includes(r) && !replayed.has(r));
    expect(notReplayed).toEqual([]);
  });

  it('what is kept for replay holds no full phone number (MD-5)', async () => {
    const rows = (
      await h.testDb.database.executeSql(
        `select response::text as response from idempotency_keys where response is not null`,
        [],
      )
    ).rows as { response: string }[];
    expect(rows.length).toBeGreaterThan(20);
    const exposed = rows.filter((r) => /(?<!\d)1[3-9]\d{9}(?!\d)/.test(r.response));
    expect(exposed.map((r) => r.response.slice(0, 200))).toEqual([]);
  });
});
