import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import { policyCatalog } from '../domain/policy-catalog.ts';

const lockout = (maxFailures: number) => ({
  maxFailures,
  lockMinutes: 15,
  slowdownAfter: 1,
  slowdownStepMs: 0,
});

describe('policy store (POL-1)', () => {
  let h: Harness;
  let admin: Record<string, string>;
  beforeAll(async () => {
    h = await createHarness();
    admin = await h.login('admin');
  });
  afterAll(() => h.close());

  it('POL-1 every catalogue value is seeded as version 1 and listed with its rules and labels', async () => {
    const res = await h.request({ method: 'GET', url: '/api/policies', headers: admin });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      key: string;
      current: { version: number } | null;
      label: Record<string, string>;
    }[];
    expect(items.map((i) => i.key).sort()).toEqual(policyCatalog.map((d) => d.key).sort());
    for (const i of items) {
      expect(i.current?.version, i.key).toBe(1);
      expect(i.label['zh-CN']).toBeTruthy();
    }
    const wo = await h.deps.policies.at<{ hoursByTier: Record<string, number> }>(
      'wo.sla.standard',
      h.clock.now(),
    );
    expect(wo.version).toBe(1);
  });

  it('POL-1 a new version applies from its effective date on; earlier instants keep the old version', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/api/policies/prt.deposit.alarm_threshold_fen/versions',
      headers: admin,
      payload: {
        value: 800_000,
        effectiveFrom: '2027-01-01T00:00:00+08:00',
        note: '2027 standard raises the alarm to ¥8,000',
        basedOnVersion: 1,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      version: 2,
      value: 800_000,
      createdBy: { displayName: '系统管理员 王敏' },
    });
    const before = await h.deps.policies.at<number>(
      'prt.deposit.alarm_threshold_fen',
      new Date('2026-12-31T15:59:59Z'),
    );
    const after = await h.deps.policies.at<number>(
      'prt.deposit.alarm_threshold_fen',
      new Date('2026-12-31T16:00:00Z'),
    );
    expect([before.version, before.value]).toEqual([1, 500_000]);
    expect([after.version, after.value]).toEqual([2, 800_000]);
    const detail = await h.request({
      method: 'GET',
      url: '/api/policies/prt.deposit.alarm_threshold_fen',
      headers: admin,
    });
    expect(detail.json().current.version).toBe(1);
    expect((detail.json().versions as unknown[]).length).toBe(2);
  });

  it('POL-1 changing a policy never rewrites the past: a back-dated version is refused', async () => {
    const res = await h.request({
      method: 'POST',
      url: '/api/policies/prt.deposit.alarm_threshold_fen/versions',
      headers: admin,
      payload: {
        value: 100_000,
        effectiveFrom: '2026-01-01T00:00:00+08:00',
        note: 'oops',
        basedOnVersion: 2,
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'POLICY_NOT_RETROACTIVE' });
  });

  it('POL-1 a value that does not fit the policy is refused with the path of the problem', async () => {
    const bad = await h.request({
      method: 'POST',
      url: '/api/policies/security.login_lockout/versions',
      headers: admin,
      payload: {
        value: { maxFailures: -1, lockMinutes: 15, slowdownAfter: 1, slowdownStepMs: 0 },
        effectiveFrom: new Date(h.clock.now()).toISOString(),
        note: 'bad',
        basedOnVersion: 1,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/value/maxFailures' })]),
    );
    const unknown = await h.request({
      method: 'POST',
      url: '/api/policies/no.such.key/versions',
      headers: admin,
      payload: {
        value: 1,
        effectiveFrom: new Date(h.clock.now()).toISOString(),
        note: 'x',
        basedOnVersion: 0,
      },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('POL-1 two administrators adding to one key from the same read: one wins, the other gets 409 with the newest version', async () => {
    const add = (v: number, basedOnVersion: number) =>
      h.request({
        method: 'POST',
        url: '/api/policies/agr.renewal_notice_days/versions',
        headers: admin,
        payload: { value: v, effectiveFrom: '2027-06-01T00:00:00+08:00', note: `set ${v}`, basedOnVersion },
      });
    const results = await Promise.all([add(20, 1), add(25, 1), add(30, 1)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const winner = results.find((r) => r.statusCode === 201)!.json();
    expect(winner.version).toBe(2);
    for (const lost of results.filter((r) => r.statusCode === 409)) {
      expect(lost.json()).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    }
    // After reading again the change goes in as the next version.
    const retry = await add(30, 2);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().version).toBe(3);
    expect(
      (await h.deps.policies.at<number>('agr.renewal_notice_days', new Date('2027-06-02T00:00:00Z'))).value,
    ).toBe(30);
  });

  it('POL-1 results record the version they used: a lock made under version 2 says so', async () => {
    const add = await h.request({
      method: 'POST',
      url: '/api/policies/security.login_lockout/versions',
      headers: admin,
      payload: {
        value: lockout(2),
        effectiveFrom: h.clock.now().toISOString(),
        note: 'Stricter after an incident',
        basedOnVersion: 1,
      },
    });
    expect(add.statusCode).toBe(201);
    const codes: number[] = [];
    for (let i = 0; i < 2; i++) {
      codes.push(
        (
          await h.request({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'dealer', password: 'wrong-wrong' },
          })
        ).statusCode,
      );
    }
    expect(codes).toEqual([401, 423]);
    const { rows } = await h.testDb.database.executeSql(
      `select after->>'policyVersion' as v from audit_log where action = 'lock' order by at desc limit 1`,
      [],
    );
    expect(rows[0]?.v).toBe(String(add.json().version));
  });
});
