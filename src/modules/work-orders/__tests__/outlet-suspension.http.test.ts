import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A } from '../../../../test/harness.ts';
import type { ProposalView } from '../intake-proposal.ts';
import type { OrderWorld } from './orders-fixtures.ts';
import { orderWorld, repairOrder, tick } from './orders-fixtures.ts';

const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

describe('NET-10 timed dispatch suspension of an outlet after an audit finding', () => {
  let h: Harness;
  let w: OrderWorld;

  const outlet = async (id: string) => (await w.call('admin', 'GET', `/api/outlets/${id}`)).json();
  const propose = async () => {
    const res = await w.call('agent', 'POST', '/api/work-orders/proposal', {
      customerId: w.customerId,
      addressId: w.addressId,
      categoryCode: 'air_conditioner',
      orderType: 'repair',
      serviceMode: 'on_site',
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ProposalView;
  };

  beforeAll(async () => {
    h = await createHarness();
    w = await orderWorld(h);
  });
  afterAll(() => h.close());

  it('NET-10 a finding stops new dispatches for the policy’s 3 days; the proposal passes the outlet over with why', async () => {
    expect((await propose()).proposal?.outletId).toBe(OUTLET_A);
    const before = await outlet(OUTLET_A);
    const today = h.clock.now();
    const res = await w.call('admin', 'POST', `/api/outlets/${OUTLET_A}/dispatch-suspension`, {
      version: before.version,
      reason: '暗访：工程师未穿工装，未使用鞋套',
    });
    expect(res.statusCode, res.body).toBe(200);
    const suspended = res.json();
    expect(suspended.status).toBe(before.status); // the outlet keeps working the orders it has
    expect(suspended.dispatchSuspension).toEqual({
      until: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      reason: '暗访：工程师未穿工装，未使用鞋套',
    });
    const days =
      (Date.parse(suspended.dispatchSuspension.until) - Date.parse(today.toISOString().slice(0, 10))) /
      86_400_000;
    expect(days).toBeGreaterThanOrEqual(3);
    expect(days).toBeLessThanOrEqual(5);

    const p = await propose();
    expect(p.proposal?.outletId).toBe(w.farOutletId);
    const rejected = p.rejected.find((r) => r.id === OUTLET_A);
    expect(codes(rejected!.reasons)).toContain('SUSPENDED');

    // An agent's override to the suspended outlet is refused with the date it resumes.
    const create = await w.call(
      'agent',
      'POST',
      '/api/work-orders',
      repairOrder(w, { dispatch: { outletId: OUTLET_A, overrideReason: '用户指定该网点' } }),
    );
    expect(create.statusCode, create.body).toBe(400);
    expect(create.json().errors[0]).toMatchObject({ path: '/dispatch/outletId' });
    expect(create.json().errors[0].message).toContain('NET-10');

    const audit = (
      await h.testDb.database.executeSql(
        `select after, reason from audit_log where entity_id = $1 and action = 'suspend_dispatch'`,
        [OUTLET_A],
      )
    ).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      reason: '暗访：工程师未穿工装，未使用鞋套',
      after: { days: 3, policy: { key: 'net.suspension.audit_finding_days' } },
    });
  });

  it('NET-10 lifting early needs a reason and the current version; the outlet is proposed again', async () => {
    const o = await outlet(OUTLET_A);
    const url = `/api/outlets/${OUTLET_A}/dispatch-suspension/lift`;
    const stale = await w.call('admin', 'POST', url, { version: o.version - 1, reason: '复查合格' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    const blank = await w.call('admin', 'POST', url, { version: o.version, reason: '   ' });
    expect(blank.statusCode).toBe(400);
    const byOutlet = await w.call('outlet', 'POST', url, { version: o.version, reason: '我们已整改' });
    expect(byOutlet.statusCode).toBe(403);
    const lifted = await w.call('admin', 'POST', url, { version: o.version, reason: '复查合格' });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json().dispatchSuspension).toBeNull();
    expect((await propose()).proposal?.outletId).toBe(OUTLET_A);
    const again = await w.call('admin', 'POST', url, { version: lifted.json().version, reason: '复查合格' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', reason: 'NOT_SUSPENDED' });
  });

  it('NET-10 re-dispatch to a suspended outlet is refused; a suspension ends by itself on its date', async () => {
    const o = await outlet(w.farOutletId);
    const suspend = await w.call('admin', 'POST', `/api/outlets/${w.farOutletId}/dispatch-suspension`, {
      version: o.version,
      reason: '稽核：虚报工单',
      days: 1,
    });
    expect(suspend.statusCode, suspend.body).toBe(200);
    tick(h);
    const created = await w.call('agent', 'POST', '/api/work-orders', repairOrder(w));
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json();
    const moved = await w.call('agent', 'POST', `/api/work-orders/${order.id}/redispatch`, {
      version: order.version,
      outletId: w.farOutletId,
      reasonCode: 'customer_request',
    });
    expect(moved.statusCode, moved.body).toBe(400);
    expect(moved.json().errors[0].message).toContain('suspended until');

    h.clock.advance(3 * 86_400_000);
    // Sessions do not outlive three days; sign in again as the same people.
    for (const who of ['admin', 'agent']) w.as[who] = await h.login(who);
    expect((await outlet(w.farOutletId)).dispatchSuspension).toBeNull();
    const p = await propose();
    expect(p.rejected.find((r) => r.id === w.farOutletId)).toBeUndefined();
  });
});
