import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import type { OrderDetail } from '../order-view.ts';
import type { OrderWorld } from './orders-fixtures.ts';
import { orderWorld, repairOrder, tick } from './orders-fixtures.ts';

/** Runs on both engines: PGlite serialises the two transactions, PostgreSQL runs them on two connections. */
describe('no lost update on an order (versioned changes through the order store)', () => {
  let h: Harness;
  let w: OrderWorld;

  const sql = async (text: string, values: unknown[] = []) =>
    (await h.testDb.database.executeSql(text, values)).rows;
  const newOrder = async () => {
    tick(h);
    const res = await w.call('agent', 'POST', '/api/work-orders', repairOrder(w));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as OrderDetail;
  };
  const both = (id: string, action: string, bodies: Record<string, unknown>[]) =>
    Promise.all(bodies.map((b) => w.call('dispatcher', 'POST', `/api/work-orders/${id}/${action}`, b)));
  const outcome = (responses: { statusCode: number; json(): { code?: string } }[]) =>
    responses.map((r) => (r.statusCode === 200 ? '200' : `${r.statusCode} ${r.json().code}`)).sort();

  beforeAll(async () => {
    h = await createHarness();
    w = await orderWorld(h);
  });
  afterAll(() => h.close());

  it('two concurrent accepts from the same version: one 200, one 409 VERSION_CONFLICT, one event', async () => {
    const o = await newOrder();
    tick(h);
    const res = await both(o.id, 'accept', [{ version: o.version }, { version: o.version }]);
    expect(outcome(res)).toEqual(['200', '409 VERSION_CONFLICT']);
    const rows = await sql(`select version, status from work_orders where id = $1`, [o.id]);
    expect(rows).toEqual([{ version: o.version + 1, status: 'accepted' }]);
    const events = await sql(
      `select count(*)::int as n from order_events where order_id = $1 and type = 'accepted'`,
      [o.id],
    );
    expect(events[0]!.n).toBe(1);
  });

  it('two concurrent assignments of different engineers from the same version: exactly one engineer wins', async () => {
    const o = await newOrder();
    tick(h);
    const accepted = (
      await w.call('dispatcher', 'POST', `/api/work-orders/${o.id}/accept`, { version: o.version })
    ).json() as OrderDetail;
    tick(h);
    const res = await both(o.id, 'assign', [
      { version: accepted.version, engineerId: w.engineers.first },
      { version: accepted.version, engineerId: w.engineers.second },
    ]);
    expect(outcome(res)).toEqual(['200', '409 VERSION_CONFLICT']);
    const winner = (res.find((r) => r.statusCode === 200)!.json() as OrderDetail).engineer!.id;
    const rows = await sql(`select version, engineer_id from work_orders where id = $1`, [o.id]);
    expect(rows).toEqual([{ version: accepted.version + 1, engineer_id: winner }]);
    const audit = await sql(`select after from audit_log where entity_id = $1 and action = 'assigned'`, [
      o.id,
    ]);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ engineerId: winner });
  });

  it('logging a repeat contact leaves the order version alone, so the dispatcher accepting from it is not refused', async () => {
    const o = await newOrder();
    tick(h);
    const contact = await w.call('agent', 'POST', `/api/work-orders/${o.id}/contacts`, {
      channel: 'hotline',
      reason: 'ask_visit_time',
      customerUnhappy: false,
    });
    expect(contact.statusCode, contact.body).toBe(201);
    tick(h);
    const accepted = await w.call('dispatcher', 'POST', `/api/work-orders/${o.id}/accept`, {
      version: o.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((accepted.json() as OrderDetail).version).toBe(o.version + 1);
    const events = await sql(`select type from order_events where order_id = $1 order by at`, [o.id]);
    expect(events.map((e) => e.type)).toEqual(['created', 'dispatched', 'contact_logged', 'accepted']);
  });
});
