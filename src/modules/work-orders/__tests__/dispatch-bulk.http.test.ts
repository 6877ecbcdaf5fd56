import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness, OUTLET_A } from '../../../../test/harness.ts';
import type { WorkOrderRow } from '../work-orders.repository.ts';
import { createEngineer, insertOrder, orderRow } from './field-fixtures.ts';

const MINUTE = 60_000;
const FOSHAN = 'out_demo0003';

interface Card {
  orderId: string;
  status: string;
  version: number;
  waitingSince: string;
  waitingMinutes: number;
}
interface Board {
  buckets: Record<string, { count: number; overdue: number; cards: Card[] }>;
}
interface BulkAnswer {
  results: { orderId: string; ok: boolean; version?: number; error?: { code: string; detail: string } }[];
  succeeded: number;
  failed: number;
}

describe('dispatcher board: new work and bulk accept / assign (WO-9, WO-13, WO-15)', () => {
  let h: Harness;
  let admin: Record<string, string>;
  let dispatcher: Record<string, string>;
  let engineerId: string;

  const get = (url: string, headers = dispatcher) => h.request({ method: 'GET', url, headers });
  const post = (url: string, payload: unknown, headers = dispatcher) =>
    h.request({ method: 'POST', url, headers, payload: payload as object });
  const board = async () => {
    const r = await get('/api/dispatch/board');
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as Board;
  };
  const item = (o: Pick<WorkOrderRow, 'id' | 'version'>) => ({ orderId: o.id, version: o.version });
  const outcome = (a: BulkAnswer) => a.results.map((r) => [r.orderId, r.ok ? 'ok' : r.error?.code]);
  const auditRows = async (orderId: string, action: string) =>
    Number(
      (
        await h.testDb.database.executeSql(
          'select count(*) as n from audit_log where entity = $1 and entity_id = $2 and action = $3',
          ['work_order', orderId, action],
        )
      ).rows[0]?.n,
    );

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.login('admin');
    dispatcher = await h.login('dispatcher');
    engineerId = await createEngineer(h, admin);
  });
  afterAll(() => h.close());

  it('WO-9 the board puts new work first: to accept and to assign, longest waiting first, with how long', async () => {
    const old = await insertOrder(h, { status: 'dispatched' });
    h.clock.advance(30 * MINUTE);
    const recent = await insertOrder(h, { status: 'dispatched', serviceMode: 'carry_in' });
    h.clock.advance(15 * MINUTE);
    const accepted = await insertOrder(h, { status: 'accepted' });
    const staffed = await insertOrder(h, { status: 'assigned', engineerId });
    const elsewhere = await insertOrder(h, { status: 'dispatched', outletId: FOSHAN });
    h.clock.advance(5 * MINUTE);

    const b = await board();
    const waits = (bucket: string) =>
      b.buckets[bucket]!.cards.map((c) => [c.orderId, c.status, c.waitingMinutes, c.version]);
    expect(Object.keys(b.buckets).slice(0, 2)).toEqual(['toAccept', 'toAssign']);
    expect(waits('toAccept')).toEqual([
      [old.id, 'dispatched', 50, old.version],
      [recent.id, 'dispatched', 20, recent.version],
    ]);
    expect(waits('toAssign')).toEqual([[accepted.id, 'accepted', 5, accepted.version]]);
    expect(b.buckets.toAccept!.cards[0]!.waitingSince).toBe(old.dispatchedAt!.toISOString());
    // New work may also sit in a WO-15 bucket; staffed orders and other outlets' orders are not new work here.
    expect(b.buckets.carryIn!.cards.map((c) => c.orderId)).toEqual([recent.id]);
    const everywhere = Object.values(b.buckets).flatMap((x) => x.cards.map((c) => c.orderId));
    expect(everywhere).not.toContain(staffed.id);
    expect(everywhere).not.toContain(elsewhere.id);
  });

  it('WO-9 bulk accept acknowledges every order in one call, each with its own audit row; the board moves them on', async () => {
    const before = await board();
    const sent = before.buckets.toAccept!.cards;
    expect(sent).toHaveLength(2);
    const r = await post('/api/dispatch/bulk-accept', {
      items: sent.map((c) => ({ orderId: c.orderId, version: c.version })),
    });
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json() as BulkAnswer;
    expect(a).toMatchObject({ succeeded: 2, failed: 0 });
    expect(a.results).toEqual(sent.map((c) => ({ orderId: c.orderId, ok: true, version: c.version + 1 })));
    for (const c of sent) {
      expect(await orderRow(h, c.orderId)).toMatchObject({ status: 'accepted', acceptedAt: h.clock.now() });
      expect(await auditRows(c.orderId, 'accepted')).toBe(1);
    }
    const after = await board();
    expect(after.buckets.toAccept!.count).toBe(0);
    expect(after.buckets.toAssign!.cards.map((c) => c.orderId)).toEqual(
      expect.arrayContaining(sent.map((c) => c.orderId)),
    );
  });

  it('WO-13 bulk assign gives the orders to one engineer picked with the outlet’s open load', async () => {
    const picker = await get('/api/dispatch/engineers?categoryCode=air_conditioner');
    expect(picker.statusCode, picker.body).toBe(200);
    const p = picker.json();
    expect(p).toMatchObject({ outletId: OUTLET_A, categoryCodes: ['air_conditioner'], ok: true });
    const mine = p.engineers.find((e: { engineerId: string }) => e.engineerId === engineerId);
    expect(mine).toMatchObject({ eligible: true, openAssigned: 1, name: expect.stringMatching(/^赵/) });

    const waiting = (await board()).buckets.toAssign!.cards;
    expect(waiting).toHaveLength(3);
    const r = await post('/api/dispatch/bulk-assign', {
      items: waiting.map((c) => ({ orderId: c.orderId, version: c.version })),
      engineerId,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ succeeded: 3, failed: 0 });
    for (const c of waiting) {
      expect(await orderRow(h, c.orderId)).toMatchObject({ status: 'assigned', engineerId });
      expect(await auditRows(c.orderId, 'assigned')).toBe(1);
    }
    expect((await board()).buckets.toAssign!.count).toBe(0);
    const again = (await get('/api/dispatch/engineers?categoryCode=air_conditioner')).json();
    expect(again.engineers.find((e: { engineerId: string }) => e.engineerId === engineerId)).toMatchObject({
      openAssigned: 4,
    });
  });

  it('WO-9 a stale version fails only its own item (VERSION_CONFLICT); the others are accepted', async () => {
    const [a, b, c] = [
      await insertOrder(h, { status: 'dispatched' }),
      await insertOrder(h, { status: 'dispatched' }),
      await insertOrder(h, { status: 'dispatched' }),
    ];
    const r = await post('/api/dispatch/bulk-accept', {
      items: [item(a), { orderId: b.id, version: b.version + 7 }, item(c)],
    });
    expect(r.statusCode, r.body).toBe(200);
    const answer = r.json() as BulkAnswer;
    expect(outcome(answer)).toEqual([
      [a.id, 'ok'],
      [b.id, 'VERSION_CONFLICT'],
      [c.id, 'ok'],
    ]);
    expect(answer).toMatchObject({ succeeded: 2, failed: 1 });
    expect(answer.results[1]!.error!.detail).toContain('Reload');
    expect(answer.results[1]!.version).toBeUndefined();
    expect((await orderRow(h, b.id)).status).toBe('dispatched');
    expect(await auditRows(b.id, 'accepted')).toBe(0);
    expect((await orderRow(h, c.id)).status).toBe('accepted');
  });

  it('SEC-1 an order of another outlet is refused per item as not found; the rest of the batch goes through', async () => {
    const own = await insertOrder(h, { status: 'accepted' });
    const foreign = await insertOrder(h, { status: 'accepted', outletId: FOSHAN });
    const rules = await insertOrder(h, { status: 'dispatched' });
    const r = await post('/api/dispatch/bulk-assign', {
      items: [item(foreign), item(own), item(rules)],
      engineerId,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(outcome(r.json() as BulkAnswer)).toEqual([
      [foreign.id, 'NOT_FOUND'],
      [own.id, 'ok'],
      // Not accepted yet: the single-order state machine refuses, as it would one by one.
      [rules.id, 'ORDER_ILLEGAL_TRANSITION'],
    ]);
    expect(await orderRow(h, foreign.id)).toMatchObject({ status: 'accepted', engineerId: null });
    expect(await orderRow(h, own.id)).toMatchObject({ status: 'assigned', engineerId });
  });

  it('WO-9 an Idempotency-Key replays the first answer and changes nothing twice', async () => {
    const o = await insertOrder(h, { status: 'dispatched' });
    const send = () =>
      post('/api/dispatch/bulk-accept', { items: [item(o)] }, { ...dispatcher, 'idempotency-key': 'bulk-1' });
    const first = await send();
    const second = await send();
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect((first.json() as BulkAnswer).succeeded).toBe(1);
    expect(await auditRows(o.id, 'accepted')).toBe(1);
  });

  it('WO-9 malformed batches answer 400 as a whole; roles without the single action answer 403', async () => {
    const o = await insertOrder(h, { status: 'dispatched' });
    const cases: [string, unknown, number, string][] = [
      [
        'bulk-accept',
        { items: Array.from({ length: 101 }, (_, i) => ({ orderId: `wor_${i}x`, version: 1 })) },
        400,
        '101 items',
      ],
      ['bulk-accept', { items: [] }, 400, 'no items'],
      ['bulk-accept', { items: [item(o), item(o)] }, 400, 'an order twice'],
      ['bulk-accept', { items: [item(o)], engineerId }, 400, 'engineer on accept'],
      ['bulk-assign', { items: [item(o)] }, 400, 'no engineer'],
      ['bulk-assign', { items: [item(o)], engineerId: 'eng_missing0001' }, 400, 'unknown engineer'],
      ['bulk-accept', { items: [{ orderId: o.id, version: 0 }] }, 400, 'version 0'],
    ];
    const wrong: string[] = [];
    for (const [route, body, status, label] of cases) {
      const r = await post(`/api/dispatch/${route}`, body);
      const problem = String(r.headers['content-type']).includes('application/problem+json');
      if (r.statusCode !== status || !problem)
        wrong.push(`${label}: ${r.statusCode} ${r.body.slice(0, 120)}`);
    }
    const agent = await h.login('agent');
    const engineer = await h.login('engineer');
    for (const [who, headers] of [
      ['agent', agent],
      ['engineer', engineer],
    ] as const) {
      const r = await post('/api/dispatch/bulk-accept', { items: [item(o)] }, headers);
      if (r.statusCode !== 403) wrong.push(`${who} bulk-accept: ${r.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect((await orderRow(h, o.id)).status).toBe('dispatched');
  });

  it('SEC-1 the engineer picker lists my outlet only; HQ names the outlet', async () => {
    expect(
      (await get(`/api/dispatch/engineers?outletId=${FOSHAN}&categoryCode=air_conditioner`)).statusCode,
    ).toBe(404);
    expect((await get('/api/dispatch/engineers?categoryCode=air_conditioner', admin)).statusCode).toBe(400);
    const hq = await get(`/api/dispatch/engineers?outletId=${OUTLET_A}&categoryCode=air_conditioner`, admin);
    expect(hq.statusCode).toBe(200);
    expect(hq.json().engineers.map((e: { engineerId: string }) => e.engineerId)).toContain(engineerId);
    expect((await get('/api/dispatch/engineers')).statusCode).toBe(400);
  });
});
