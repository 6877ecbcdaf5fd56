import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';

interface State {
  admin: Record<string, string>;
  modelId: string;
  dealerId: string;
}

interface Step {
  route: string;
  entity: string;
  action: string;
  run: (h: Harness, s: State) => Promise<{ status: number; entityId: string }>;
}

/** The catalogue's rows for the platform's SEC-3 table (src/platform/__tests__/audit-trail.http.test.ts). */
const steps: Step[] = [
  {
    route: 'PATCH /api/regions/{code}',
    entity: 'region',
    action: 'update',
    run: async (h, s) => {
      const r = await h.request({
        method: 'PATCH',
        url: '/api/regions/440606',
        headers: s.admin,
        payload: { version: 1, marketTier: 1 },
      });
      return { status: r.statusCode, entityId: '440606' };
    },
  },
  {
    route: 'PUT /api/calendar/{day}',
    entity: 'calendar_day',
    action: 'create',
    run: async (h, s) => {
      const r = await h.request({
        method: 'PUT',
        url: '/api/calendar/2026-12-31',
        headers: s.admin,
        payload: { kind: 'holiday', name: '公司假日' },
      });
      return { status: r.statusCode, entityId: '2026-12-31' };
    },
  },
  {
    route: 'DELETE /api/calendar/{day}',
    entity: 'calendar_day',
    action: 'delete',
    run: async (h, s) => {
      const r = await h.request({ method: 'DELETE', url: '/api/calendar/2026-12-31', headers: s.admin });
      return { status: r.statusCode, entityId: '2026-12-31' };
    },
  },
  {
    route: 'POST /api/models',
    entity: 'product_model',
    action: 'create',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: '/api/models',
        headers: s.admin,
        payload: {
          code: 'AUDIT-1',
          name: '审计型号',
          categoryCode: 'dishwasher',
          warrantyMonths: 12,
          keyPartsWarrantyMonths: 12,
        },
      });
      s.modelId = r.json().id as string;
      return { status: r.statusCode, entityId: s.modelId };
    },
  },
  {
    route: 'PATCH /api/models/{id}',
    entity: 'product_model',
    action: 'update',
    run: async (h, s) => {
      const r = await h.request({
        method: 'PATCH',
        url: `/api/models/${s.modelId}`,
        headers: s.admin,
        payload: { version: 1, active: false },
      });
      return { status: r.statusCode, entityId: s.modelId };
    },
  },
  {
    route: 'POST /api/dealers',
    entity: 'dealer',
    action: 'create',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: '/api/dealers',
        headers: s.admin,
        payload: {
          code: 'AUDIT-D1',
          name: '审计经销商',
          regionCode: '440106',
          contactPhone: '13712345678',
          tier: 'B',
        },
      });
      s.dealerId = r.json().id as string;
      return { status: r.statusCode, entityId: s.dealerId };
    },
  },
  {
    route: 'PATCH /api/dealers/{id}',
    entity: 'dealer',
    action: 'update',
    run: async (h, s) => {
      const r = await h.request({
        method: 'PATCH',
        url: `/api/dealers/${s.dealerId}`,
        headers: s.admin,
        payload: { version: 1, name: '审计经销商二' },
      });
      return { status: r.statusCode, entityId: s.dealerId };
    },
  },
  {
    route: 'POST /api/dealers/{id}/reveal',
    entity: 'dealer',
    action: 'reveal_personal_data',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: `/api/dealers/${s.dealerId}/reveal`,
        headers: s.admin,
      });
      return { status: r.statusCode, entityId: s.dealerId };
    },
  },
  {
    route: 'POST /api/dealers/{id}/tiers',
    entity: 'dealer',
    action: 'decide_tier',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: `/api/dealers/${s.dealerId}/tiers`,
        headers: s.admin,
        payload: { month: '2026-10', tier: 'A', reason: '审计' },
      });
      return { status: r.statusCode, entityId: s.dealerId };
    },
  },
];

const CATALOG_PATHS = /^\/api\/(regions|calendar|product-lines|product-categories|models|dealers)(\/|$)/;

describe('catalogue audit trail (SEC-3)', () => {
  let h: Harness;
  const state = {} as State;
  beforeAll(async () => {
    h = await createHarness();
    state.admin = await h.login('admin');
  });
  afterAll(() => h.close());

  it('SEC-3 the table covers every mutating catalogue route the API documents', async () => {
    const doc = (await h.request({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const mutating = Object.entries(doc.paths)
      .filter(([p]) => CATALOG_PATHS.test(p))
      .flatMap(([p, ops]) =>
        Object.keys(ops)
          .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => `${m.toUpperCase()} ${p}`),
      );
    expect(steps.map((s) => s.route).sort()).toEqual(mutating.sort());
  });

  it('SEC-3 each catalogue change writes exactly one audit row with actor, entity and action', async () => {
    const wrong: string[] = [];
    for (const step of steps) {
      const count = async () =>
        Number(
          (
            await h.testDb.database.executeSql(
              `select count(*) as n from audit_log where entity = $1 and action = $2`,
              [step.entity, step.action],
            )
          ).rows[0]?.n,
        );
      const before = await count();
      const { status, entityId } = await step.run(h, state);
      const { rows } = await h.testDb.database.executeSql(
        `select actor_id from audit_log where entity = $1 and action = $2 and entity_id = $3`,
        [step.entity, step.action, entityId],
      );
      if (status >= 300) wrong.push(`${step.route}: status ${status}`);
      if ((await count()) - before !== 1) wrong.push(`${step.route}: not exactly one ${step.action} row`);
      if (!rows[0]?.actor_id) wrong.push(`${step.route}: no actor`);
    }
    expect(wrong).toEqual([]);
  });
});
