import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditState, AuditStep } from '../../../test/audit-steps.ts';
import type { Harness } from '../../../test/harness.ts';
import { createHarness } from '../../../test/harness.ts';
import { auditRowCount, documentedRoutes, mutatingSteps, prepareSteps } from './mutating-steps.ts';

describe('audit trail for every mutating call (SEC-3)', () => {
  let h: Harness;
  const state: AuditState = { admin: {}, ids: {} };

  beforeAll(async () => {
    h = await createHarness();
    await prepareSteps(h, state);
  });
  afterAll(() => h.close());

  it('SEC-3 the steps cover every mutating route the API documents, each once', async () => {
    const mutating = (await documentedRoutes(h)).routes
      .map((r) => r.route)
      .filter((r) => /^(POST|PUT|PATCH|DELETE) /.test(r));
    expect(mutatingSteps.map((s) => s.route).sort()).toEqual(mutating.sort());
  });

  it('SEC-3 each mutating call writes exactly one audit row with actor, entity and action', async () => {
    const wrong: string[] = [];
    const count = async (step: AuditStep) =>
      Number(
        (
          await h.testDb.database.executeSql(
            `select count(*) as n from audit_log where entity = $1 and action = $2`,
            [step.entity, step.action],
          )
        ).rows[0]?.n,
      );
    for (const step of mutatingSteps) {
      const before = await count(step);
      const { status, entityId } = await step.run(h, state);
      const { rows } = await h.testDb.database.executeSql(
        `select actor_id from audit_log where entity = $1 and action = $2 and entity_id = $3`,
        [step.entity, step.action, entityId],
      );
      if (status >= 300) wrong.push(`${step.route}: status ${status}`);
      else if ((await count(step)) - before !== 1)
        wrong.push(`${step.route}: not exactly one ${step.entity}/${step.action} row`);
      else if (!rows[0]?.actor_id) wrong.push(`${step.route}: no actor`);
    }
    expect(wrong).toEqual([]);
  });

  it('SEC-3 a rejected change leaves no audit row and no partial record', async () => {
    const count = () => auditRowCount(h);
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
