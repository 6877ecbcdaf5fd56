import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A } from '../../../../test/harness.ts';
import type { OrderDetail } from '../order-view.ts';
import type { ProposalView } from '../intake-proposal.ts';
import type { OrderWorld } from './orders-fixtures.ts';
import { orderWorld, repairOrder, tick } from './orders-fixtures.ts';

const HOUR = 3_600_000;
const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

describe('work-order intake and outlet proposal (WO-1, WO-2, WO-3, WO-13)', () => {
  let h: Harness;
  let w: OrderWorld;

  const sql = async (text: string, values: unknown[] = []) =>
    (await h.testDb.database.executeSql(text, values)).rows;
  const create = async (who: string, over: Record<string, unknown> = {}, headers?: Record<string, string>) =>
    w.call(who, 'POST', '/api/work-orders', repairOrder(w, over), headers);
  const created = async (who: string, over: Record<string, unknown> = {}) => {
    const res = await create(who, over);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as OrderDetail;
  };

  beforeAll(async () => {
    h = await createHarness();
    w = await orderWorld(h);
  });
  afterAll(() => h.close());

  it('WO-13 proposes the nearest eligible outlet with its reasons, and lists every rejected candidate with why', async () => {
    const res = await w.call('agent', 'POST', '/api/work-orders/proposal', {
      customerId: w.customerId,
      addressId: w.addressId,
      categoryCode: 'air_conditioner',
      orderType: 'repair',
      serviceMode: 'on_site',
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as ProposalView;
    expect(p.ok).toBe(true);
    expect(p.proposal?.outletId).toBe(OUTLET_A);
    expect(codes(p.proposal!.reasons)).toEqual([
      'STATUS_OK',
      'DISTRICT_COVERED',
      'SERVICE_COVERED',
      'WITHIN_RADIUS',
      'NEAREST',
    ]);
    expect(p.ranked.map((r) => [r.outletId, r.rank, r.openOrders])).toEqual([
      [OUTLET_A, 1, 0],
      [w.farOutletId, 2, 0],
    ]);
    expect(p.ranked[1]!.distanceKm).toBeGreaterThan(p.ranked[0]!.distanceKm!);
    const rejected = Object.fromEntries(p.rejected.map((r) => [r.id, codes(r.reasons)]));
    expect(rejected).toEqual({
      [w.suspendedOutletId]: ['NOT_ACTIVE'],
      [w.installOnlyOutletId]: ['SERVICE_NOT_COVERED'],
    });
    expect(p.basis).toMatchObject({
      districtCode: '440106',
      serviceType: 'repair',
      customerLocated: true,
      defaultRadiusKm: 20,
    });
    const audit = await sql(`select action, after from audit_log where entity_id = $1`, [p.proposalId]);
    expect(audit).toEqual([
      { action: 'propose', after: expect.objectContaining({ proposedOutletId: OUTLET_A }) },
    ]);

    const consultation = await w.call('agent', 'POST', '/api/work-orders/proposal', {
      customerId: w.customerId,
      addressId: w.addressId,
      categoryCode: 'air_conditioner',
      orderType: 'consultation',
      serviceMode: 'on_site',
    });
    expect(consultation.statusCode).toBe(422);
    expect(consultation.json()).toMatchObject({
      code: 'ORDER_RULE_REFUSED',
      reason: 'CONSULTATION_NOT_DISPATCHED',
    });
  });

  it('WO-13 an order taken without a choice goes to the proposed outlet: row, two events, outbox, SLA', async () => {
    tick(h);
    const o = await created('agent');
    expect(o.number).toMatch(/^WO20261123-\d{6}$/);
    expect(o).toMatchObject({
      status: 'dispatched',
      version: 1,
      categoryCode: 'air_conditioner',
      outlet: { id: OUTLET_A },
      proposedOutlet: { id: OUTLET_A },
      dispatchOverrideReason: null,
      unit: { id: w.unitId },
      customer: { id: w.customerId, nameMasked: '张*', phoneMasked: '138****5678' },
    });
    expect(o.instants.dispatchedAt).toBe(h.clock.now().toISOString());
    expect(o.sla).toMatchObject({ rule: 'WO-7.1', policyVersion: 1, state: 'on_track' });
    expect(new Date(o.sla.deadline!).getTime()).toBe(h.clock.now().getTime() + 48 * HOUR);
    const events = await sql(`select type, data from order_events where order_id = $1 order by at, id`, [
      o.id,
    ]);
    expect(events.map((e) => e.type)).toEqual(['created', 'dispatched']);
    expect(events[1]!.data).toMatchObject({ outletId: OUTLET_A, override: false });
    const outbox = await sql(`select topic from outbox where payload->>'orderId' = $1 order by id`, [o.id]);
    expect(outbox.map((r) => r.topic).sort()).toEqual(['order.created', 'order.dispatched']);
  });

  it('WO-13 overriding the proposed outlet needs a reason, which is audited', async () => {
    const without = await create('agent', { dispatch: { outletId: w.farOutletId } });
    expect(without.statusCode).toBe(400);
    expect(without.json().errors).toEqual([
      { path: '/dispatch/overrideReason', message: expect.stringContaining('say why') },
    ]);
    const blank = await create('agent', { dispatch: { outletId: w.farOutletId, overrideReason: '   ' } });
    expect(blank.statusCode).toBe(400);
    const suspended = await create('agent', {
      dispatch: { outletId: w.suspendedOutletId, overrideReason: '用户指定' },
    });
    expect(suspended.statusCode).toBe(400);
    expect(suspended.json().errors[0].path).toBe('/dispatch/outletId');

    const o = await created('agent', {
      dispatch: { outletId: w.farOutletId, overrideReason: '用户指定该网点，上次服务满意' },
    });
    expect(o).toMatchObject({
      outlet: { id: w.farOutletId },
      proposedOutlet: { id: OUTLET_A },
      dispatchOverrideReason: '用户指定该网点，上次服务满意',
    });
    const audit = await sql(`select action, reason, after from audit_log where entity_id = $1`, [o.id]);
    expect(audit).toEqual([
      {
        action: 'create',
        reason: '用户指定该网点，上次服务满意',
        after: expect.objectContaining({ outletId: w.farOutletId, proposedOutletId: OUTLET_A }),
      },
    ]);
    const same = await created('agent', { dispatch: { outletId: OUTLET_A } });
    expect(same.dispatchOverrideReason).toBeNull();
  });

  it('WO-13 when no outlet is eligible, the order goes only to a hand-picked outlet with a reason', async () => {
    const body = { unitId: undefined, categoryCode: 'television' };
    const proposal = await w.call('agent', 'POST', '/api/work-orders/proposal', {
      customerId: w.customerId,
      addressId: w.addressId,
      categoryCode: 'television',
      orderType: 'repair',
      serviceMode: 'on_site',
    });
    expect(proposal.json()).toMatchObject({
      ok: false,
      code: 'NO_ELIGIBLE_OUTLET',
      proposal: null,
      ranked: [],
    });
    const refused = await create('agent', body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'ORDER_RULE_REFUSED', reason: 'NO_ELIGIBLE_OUTLET' });
    const noReason = await create('agent', { ...body, dispatch: { outletId: OUTLET_A } });
    expect(noReason.json().errors[0].path).toBe('/dispatch/overrideReason');
    const o = await created('agent', {
      ...body,
      dispatch: { outletId: OUTLET_A, overrideReason: '附近唯一网点，临时代修彩电' },
    });
    expect(o).toMatchObject({
      outlet: { id: OUTLET_A },
      proposedOutlet: null,
      dispatchOverrideReason: '附近唯一网点，临时代修彩电',
      sla: { rule: 'WO-7.2' },
    });
  });

  it('WO-1 every channel is taken; a self-received order by outlet staff goes straight to their own outlet', async () => {
    const channels = ['hotline', 'web', 'app', 'wechat', 'qq', 'email', 'dealer', 'mall', 'e_commerce'];
    const got: string[] = [];
    for (const channel of channels) {
      const res = await create('agent', { channel });
      got.push(`${channel}:${res.statusCode}:${(res.json() as OrderDetail).channel}`);
    }
    expect(got).toEqual(channels.map((c) => `${c}:201:${c}`));

    const own = await created('dispatcher', { channel: 'self_received' });
    expect(own).toMatchObject({
      channel: 'self_received',
      status: 'accepted',
      outlet: { id: OUTLET_A },
      proposedOutlet: null,
    });
    expect(own.instants.acceptedAt).toBe(own.instants.dispatchedAt);
    const events = await sql(`select type, data from order_events where order_id = $1 order by at, id`, [
      own.id,
    ]);
    expect(events.map((e) => e.type)).toEqual(['created', 'dispatched', 'accepted']);
    expect(events[1]!.data).toMatchObject({ selfReceived: true });

    const notOwn = await create('dispatcher', { channel: 'hotline' });
    expect(notOwn.statusCode).toBe(400);
    expect(notOwn.json().errors.map((e: { path: string }) => e.path)).toEqual(['/channel']);
    const elsewhere = await create('outlet', {
      channel: 'self_received',
      dispatch: { outletId: w.farOutletId, overrideReason: 'x' },
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors.map((e: { path: string }) => e.path)).toEqual(['/dispatch/outletId']);
  });

  it('WO-2 every order type is taken; consultations stay with the call center and are never dispatched', async () => {
    const expected: Record<string, [string, string | null, string | null]> = {
      // Installs may also go to the install-only outlet: as near as OUTLET_A, ungraded too, and no open orders.
      install: ['dispatched', w.installOnlyOutletId, 'WO-7.1'],
      repair: ['dispatched', OUTLET_A, 'WO-7.1'],
      maintenance: ['dispatched', OUTLET_A, null],
      return_exchange: ['dispatched', OUTLET_A, null],
      pickup_repair: ['dispatched', OUTLET_A, 'WO-7.5'],
      consultation: ['created', null, null],
    };
    const got: Record<string, [string, string | null, string | null]> = {};
    for (const orderType of Object.keys(expected)) {
      const o = await created('agent', { orderType });
      got[orderType] = [o.status, o.outlet?.id ?? null, o.sla.rule];
    }
    expect(got).toEqual(expected);
    const dispatchedConsultation = await create('agent', {
      orderType: 'consultation',
      dispatch: { outletId: OUTLET_A },
    });
    expect(dispatchedConsultation.statusCode).toBe(400);
    expect(dispatchedConsultation.json().errors[0].path).toBe('/dispatch');
  });

  it('WO-3 every service mode is recorded; a repair in a pick-up mode takes the pick-up SLA (WO-7.3)', async () => {
    const expected: Record<string, [string | null, number]> = {
      on_site: ['WO-7.1', 48],
      carry_in: ['WO-7.1', 48],
      pickup_one_way: ['WO-7.3', 72],
      pickup_two_way: ['WO-7.3', 72],
      pickup_one_way_loaner: ['WO-7.3', 72],
      pickup_two_way_loaner: ['WO-7.3', 72],
    };
    const got: Record<string, [string | null, number]> = {};
    for (const serviceMode of Object.keys(expected)) {
      const o = await created('agent', { serviceMode });
      expect(o.serviceMode).toBe(serviceMode);
      got[serviceMode] = [
        o.sla.rule,
        (new Date(o.sla.deadline!).getTime() - new Date(o.createdAt).getTime()) / HOUR,
      ];
    }
    expect(got).toEqual(expected);
  });

  it('WO-7 the answer to an intake is the order exactly as its detail page and SLA "why" read it back', async () => {
    const bodies: [string, string, Record<string, unknown>][] = [
      ['proposed outlet, with the unit', 'agent', {}],
      ['override', 'agent', { dispatch: { outletId: w.farOutletId, overrideReason: '用户指定该网点' } }],
      [
        'hand-picked, no unit',
        'agent',
        {
          unitId: undefined,
          categoryCode: 'television',
          dispatch: { outletId: OUTLET_A, overrideReason: '唯一网点' },
        },
      ],
      [
        'requested later',
        'agent',
        { customerRequestedAt: new Date(h.clock.now().getTime() + 30 * HOUR).toISOString() },
      ],
      ['self-received', 'dispatcher', { channel: 'self_received' }],
      ['consultation', 'agent', { orderType: 'consultation' }],
      ['pick-up repair', 'agent', { serviceMode: 'pickup_two_way' }],
    ];
    for (const [label, who, over] of bodies) {
      const answer = await created(who, over);
      const read = await w.call(who, 'GET', `/api/work-orders/${answer.id}`);
      expect(read.json(), label).toEqual(answer);
      const why = (await w.call(who, 'GET', `/api/work-orders/${answer.id}/sla`)).json();
      expect(answer.sla.deadline, label).toBe(
        why.evaluation.deadline ? new Date(why.evaluation.deadline).toISOString() : null,
      );
      expect(answer.sla.rule, label).toBe(why.evaluation.decision?.rule ?? null);
    }
  });

  it('intake checks the customer, address, unit and category, naming each field', async () => {
    const shenzhen = await w.call('admin', 'POST', '/api/customers', {
      name: '李四',
      phones: [{ number: '13912345670', label: 'mobile' }],
      addresses: [{ regionCode: '440305', detail: '南山大道1号' }],
    });
    const other = shenzhen.json() as { id: string; addresses: { id: string }[] };
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['unknown customer', { customerId: 'cus_0000000000zzzzzzzzzz' }, ['/customerId']],
      ['another customer’s address', { addressId: other.addresses[0]!.id }, ['/addressId']],
      ['a unit not theirs', { unitId: 'uni_0000000000zzzzzzzzzz' }, ['/unitId']],
      ['no unit and no category', { unitId: undefined }, ['/categoryCode']],
      ['unknown category', { unitId: undefined, categoryCode: 'spaceship' }, ['/categoryCode']],
      ['category differs from the unit', { categoryCode: 'television' }, ['/categoryCode']],
      ['blank fault', { faultDescription: '   ' }, ['/faultDescription']],
      ['missing fault', { faultDescription: undefined }, ['/faultDescription']],
      ['unknown order type', { orderType: 'rocket' }, ['/orderType']],
    ];
    const wrong: string[] = [];
    for (const [name, over, paths] of cases) {
      const res = await create('agent', over);
      const got = res.statusCode === 400 ? (res.json().errors as { path: string }[]).map((e) => e.path) : [];
      if (res.statusCode !== 400 || !paths.every((p) => got.includes(p))) {
        wrong.push(`${name}: ${res.statusCode} ${JSON.stringify(got)}`);
      }
    }
    expect(wrong).toEqual([]);
    const byCategory = await created('agent', { unitId: undefined, categoryCode: 'refrigerator' });
    expect(byCategory).toMatchObject({ categoryCode: 'refrigerator', unit: null, sla: { rule: 'WO-7.2' } });

    // SEC-1: the dispatcher's outlet covers 440106 only; a Shenzhen customer is out of reach.
    const outOfReach = await create('dispatcher', {
      channel: 'self_received',
      customerId: other.id,
      addressId: other.addresses[0]!.id,
      unitId: undefined,
      categoryCode: 'air_conditioner',
    });
    expect(outOfReach.statusCode).toBe(400);
    expect(outOfReach.json().errors.map((e: { path: string }) => e.path)).toEqual(['/customerId']);
    const rows = await sql(`select count(*)::int as n from work_orders where customer_id = $1`, [other.id]);
    expect(rows[0]!.n).toBe(0);
  });

  it('an intake retried with the same Idempotency-Key answers the same order and creates one', async () => {
    const before = (await sql('select count(*)::int as n from work_orders'))[0]!.n as number;
    const key = { 'idempotency-key': 'intake-retry-1' };
    const first = await create('agent', {}, key);
    const second = await create('agent', {}, key);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    expect(second.json().number).toBe(first.json().number);
    expect((await sql('select count(*)::int as n from work_orders'))[0]!.n).toBe(before + 1);
  });

  it('six concurrent submissions of one intake with one Idempotency-Key make one order with one number', async () => {
    const before = (await sql('select count(*)::int as n from work_orders'))[0]!.n as number;
    const key = { 'idempotency-key': 'intake-double-click' };
    const results = await Promise.all(Array.from({ length: 6 }, () => create('agent', {}, key)));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.json().number)).size).toBe(1);
    expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    expect((await sql('select count(*)::int as n from work_orders'))[0]!.n).toBe(before + 1);
  });
});
