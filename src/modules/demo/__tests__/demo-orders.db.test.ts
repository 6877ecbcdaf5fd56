import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../../test/harness.ts';
import { createHarness } from '../../../../test/harness.ts';
import type { Database } from '../../../platform/db/database.ts';
import { businessMinutesOfDay } from '../../../platform/time.ts';
import { systemContext } from '../../../platform/auth/actor.ts';
import { orderStatuses, transition, workOrdersTable } from '../../work-orders/index.ts';
import type { OrderAction, OrderState, OrderStatus, WorkOrderRow } from '../../work-orders/index.ts';
import { demoMasterData, demoOrders, demoOutlets, seedDemoMasterData, seedDemoOrders } from '../index.ts';
import type { DemoOrdersResult } from '../index.ts';
import { loadOrderInputs } from '../generator/order-inputs.ts';
import { generateDemoOrders } from '../generator/order-plan.ts';
import { count, rows } from './master-data-checks.ts';

type Row = Record<string, unknown>;
type Data = Record<string, unknown>;

/** The lifecycle step each timeline event stands for, as the services write them (null: no status change). */
function actionOf(type: string, data: Data, status: OrderStatus): OrderAction | null {
  switch (type) {
    case 'dispatched':
      return { type: 'dispatch', outletId: String(data.outletId) };
    case 'accepted':
      return { type: 'accept' };
    case 'assigned':
      return { type: 'assign', engineerId: String(data.engineerId) };
    case 'redispatched':
      return {
        type: 'redispatch',
        outletId: String(data.outletId),
        reason: { code: data.reasonCode as never, note: (data.note as string | null) ?? null },
      };
    case 'appointed':
      return { type: 'appoint' };
    case 'rescheduled':
      return { type: 'reschedule' };
    case 'visit_started':
      return { type: 'start_visit' };
    case 'unit_received':
      return { type: 'receive_unit' };
    case 'completed':
      return { type: 'complete' };
    case 'callback_recorded':
      return data.reopened === true ? { type: 'reopen' } : null;
    case 'closed':
      return { type: 'close', basis: data.basis as never };
    case 'cancelled':
      return { type: 'cancel', reason: String(data.reason) };
    case 'result_recorded':
      // WO-5 effects, as the intermediate-result route applies them.
      switch (data.code) {
        case 'APPOINTED':
          return { type: 'appoint' };
        case 'RESCHEDULED':
          return { type: 'reschedule' };
        case 'AWAITING_PARTS':
          return status === 'awaiting_parts' ? null : { type: 'await_parts' };
        case 'TAKEN_FOR_REPAIR':
          return status === 'assigned' || status === 'appointed' ? { type: 'receive_unit' } : null;
        case 'NORMAL_NOT_ACCEPTED':
        case 'RETURN_EXCHANGE':
        case 'OUT_OF_WARRANTY_DECLINED':
          return status === 'follow_up' ? null : { type: 'leave_unfinished' };
        default:
          return null;
      }
    default:
      return null;
  }
}

const ms = (v: unknown): number => (v instanceof Date ? v : new Date(String(v))).getTime();

describe('demo work orders on a fresh demo database', () => {
  let h: Harness;
  let db: Database;
  let result: DemoOrdersResult;
  let orders: Row[];
  let events: Map<string, Row[]>;

  beforeAll(async () => {
    h = await createHarness();
    db = h.testDb.database;
    const at = { now: h.clock.now(), timeZone: h.deps.businessTimeZone };
    await seedDemoMasterData(db, h.deps.crypto, { ...demoMasterData, ...at });
    result = await seedDemoOrders(db, { ...demoOrders, ...at });
    orders = await rows(db, 'select * from work_orders order by created_at, id');
    events = new Map();
    for (const e of await rows(db, 'select * from order_events order by order_id, at, id')) {
      const list = events.get(String(e.order_id)) ?? [];
      list.push(e);
      events.set(String(e.order_id), list);
    }
  }, 120_000);
  afterAll(() => h.close());

  it('WO-1..WO-15 about four months of orders, every status present, old ones mostly closed and recent ones open', async () => {
    expect(result.seeded).toBe(true);
    expect(orders.length).toBe(result.orders);
    expect(orders.length).toBeGreaterThanOrEqual(1400);
    expect(orders.length).toBeLessThanOrEqual(3000);
    const statuses = new Set(orders.map((o) => String(o.status)));
    expect([...orderStatuses].filter((s) => !statuses.has(s))).toEqual([]);
    const now = h.clock.now().getTime();
    const day = 86_400_000;
    const share = (from: number, to: number, open: boolean) => {
      const inRange = orders.filter((o) => now - ms(o.created_at) >= from && now - ms(o.created_at) < to);
      const closed = inRange.filter((o) => o.status === 'closed' || o.status === 'cancelled').length;
      return (open ? inRange.length - closed : closed) / Math.max(1, inRange.length);
    };
    expect(Math.min(...orders.map((o) => ms(o.created_at)))).toBeLessThan(now - 110 * day);
    expect(share(30 * day, 200 * day, false)).toBeGreaterThan(0.9);
    expect(share(0, day, true)).toBeGreaterThan(0.5);
  });

  it('WO-1 WO-13 region is the address’s district, the outlet covers it, the engineer is the outlet’s, the unit the customer’s', async () => {
    const problems = await rows(
      db,
      `select o.number,
              a.region_code is distinct from o.region_code or a.customer_id <> o.customer_id as bad_address,
              o.outlet_id is not null and not exists (select 1 from outlet_regions r
                where r.outlet_id = o.outlet_id and r.region_code = o.region_code) as uncovered,
              o.engineer_id is not null and not exists (select 1 from engineers e
                where e.id = o.engineer_id and e.outlet_id = o.outlet_id
                  and exists (select 1 from engineer_skills s where s.engineer_id = e.id
                              and s.category_code = o.category_code)) as foreign_engineer,
              o.unit_id is not null and not exists (select 1 from units u join product_models m on m.id = u.model_id
                where u.id = o.unit_id and u.customer_id = o.customer_id and m.category_code = o.category_code
                  and u.model_id = o.model_id) as foreign_unit
         from work_orders o left join customer_addresses a on a.id = o.address_id`,
    );
    expect(
      problems.filter((p) => p.bad_address || p.uncovered || p.foreign_engineer || p.foreign_unit),
    ).toEqual([]);
    const childOrphans = await rows(
      db,
      `select 'event' as t, count(*) as n from order_events e where not exists (select 1 from work_orders o where o.id = e.order_id)
       union all select 'appointment', count(*) from appointments a where not exists (select 1 from work_orders o where o.id = a.order_id)
       union all select 'part', count(*) from part_requests p where not exists (select 1 from work_orders o where o.id = p.order_id)
       union all select 'contact', count(*) from order_contacts c where not exists (select 1 from work_orders o where o.id = c.order_id)`,
    );
    expect(childOrphans.map((r) => Number(r.n))).toEqual([0, 0, 0, 0]);
  });

  it('WO-6 WO-14 every timeline is in time order up to now and replays through the state machine to the stored status', () => {
    const now = h.clock.now().getTime();
    const problems: string[] = [];
    for (const o of orders) {
      const list = events.get(String(o.id)) ?? [];
      const number = String(o.number);
      if (list[0]?.type !== 'created') problems.push(`${number}: starts with ${String(list[0]?.type)}`);
      const byId = [...list].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
      if (byId.some((e, i) => e !== list[i])) problems.push(`${number}: ids do not follow the times`);
      if (list.some((e) => ms(e.at) > now)) problems.push(`${number}: an event lies after now`);
      if (ms(list.at(-1)?.at) !== ms(o.updated_at))
        problems.push(`${number}: last event is not the last change`);
      let state: OrderState = { status: 'created', outletId: null, engineerId: null };
      let intake = 1;
      for (const e of list.slice(1)) {
        const data = e.data as Data;
        if (ms(e.at) === ms(o.created_at) && (e.type === 'dispatched' || data.selfReceived === true))
          intake++;
        const action = actionOf(String(e.type), data, state.status);
        if (!action) continue;
        const r = transition(state, action);
        if (!r.ok) {
          problems.push(`${number}: ${String(e.type)} refused from ${state.status}: ${r.message}`);
          break;
        }
        state = r.state;
      }
      const stored = { status: o.status, outletId: o.outlet_id, engineerId: o.engineer_id };
      if (JSON.stringify(state) !== JSON.stringify(stored)) {
        problems.push(`${number}: replays to ${JSON.stringify(state)}, stored ${JSON.stringify(stored)}`);
      }
      if (Number(o.version) !== list.length - intake + 1)
        problems.push(`${number}: version ${String(o.version)}`);
    }
    expect(problems).toEqual([]);
  });

  it('WO-4 visits and repeat contacts fall in the day, inside the order’s life; windows are concrete', async () => {
    const tz = h.deps.businessTimeZone;
    const visits = await rows(
      db,
      `select at from order_events where type in ('visit_started', 'unit_received')`,
    );
    expect(visits.length).toBeGreaterThan(1000);
    const odd = visits.filter((v) => {
      const minute = businessMinutesOfDay(new Date(ms(v.at)), tz);
      return minute < 7 * 60 + 30 || minute > 22 * 60;
    });
    expect(odd).toEqual([]);
    expect(
      await count(db, 'appointments', `not (window_start ~ '^\\d\\d:\\d\\d$' and window_end > window_start)`),
    ).toBe(0);
    expect(await count(db, 'appointments a', 'a.created_at > a.starts_at')).toBe(0);
  });

  it('WO-7 SLA fields are stored where a rule applies and equal the order store’s own evaluation', async () => {
    const store = h.services.workOrders.store;
    const withParts = new Set(
      (await rows(db, 'select distinct order_id from part_requests')).map((r) => r.order_id),
    );
    const sample = orders.filter((o, i) => withParts.has(o.id) || i % 20 === 0);
    expect(sample.length).toBeGreaterThan(150);
    const problems: string[] = [];
    const typed = new Map(
      (await store.db.select().from(workOrdersTable)).map((r): [string, WorkOrderRow] => [r.id, r]),
    );
    for (const o of sample) {
      const order = typed.get(String(o.id));
      if (!order?.slaEvaluatedAt) {
        problems.push(`${String(o.number)}: not evaluated`);
        continue;
      }
      const { evaluation } = await store.evaluate(order, order.slaEvaluatedAt);
      const fresh = {
        deadline: evaluation.deadline?.getTime() ?? null,
        state: evaluation.state,
        rule: evaluation.decision?.rule ?? null,
        version: evaluation.decision?.policyVersion ?? null,
        assessed: Math.round(evaluation.assessedMs / 1000),
      };
      const stored = {
        deadline: order.slaDeadline?.getTime() ?? null,
        state: order.slaState,
        rule: order.slaRule,
        version: order.slaPolicyVersion,
        assessed: order.slaAssessedSeconds,
      };
      if (JSON.stringify(fresh) !== JSON.stringify(stored)) {
        problems.push(
          `${order.number}: stored ${JSON.stringify(stored)}, evaluated ${JSON.stringify(fresh)}`,
        );
      }
    }
    expect(problems).toEqual([]);
    const rules = await rows(db, `select sla_rule, count(*) as n from work_orders group by sla_rule`);
    const found = new Set(rules.map((r) => r.sla_rule));
    expect(['WO-7.1', 'WO-7.2', 'WO-7.3', 'WO-7.5'].filter((r) => !found.has(r))).toEqual([]);
    expect(
      await count(
        db,
        'work_orders',
        `sla_rule is not null and (sla_deadline is null or sla_policy_version is null or sla_assessed_seconds is null)`,
      ),
    ).toBe(0);
  });

  it('WO-7.6 division parts carry station-arrival times, so closed orders show the parts deduction', async () => {
    const parts = await rows(
      db,
      `select count(*) filter (where shipped_by = 'division' and station_arrival_at is not null) as station,
              count(*) filter (where shipped_by = 'division' and station_arrival_at is null and shelf_off_at is not null) as shelf,
              count(*) filter (where arrived_at_outlet_at is null and cancelled_at is null) as waiting
         from part_requests`,
    );
    expect(Number(parts[0]?.station)).toBeGreaterThan(20);
    expect(Number(parts[0]?.shelf)).toBeGreaterThan(5);
    expect(Number(parts[0]?.waiting)).toBeGreaterThan(0);
    const explained = await rows(
      db,
      `select o.id from work_orders o where o.status = 'closed' and exists
         (select 1 from part_requests p where p.order_id = o.id and p.station_arrival_at is not null) limit 1`,
    );
    const order = await h.services.workOrders.store.loadVisible(
      systemContext(h.clock.now()),
      String(explained[0]?.id),
    );
    const why = await h.services.workOrders.store.explain(order, h.clock.now());
    expect(why.evaluation.deductedMs).toBeGreaterThan(0);
    expect(why.text['zh-CN']).toContain('过站时间');
  });

  it('WO-8 WO-6.1 repeat contacts with trips, redispatches with reasons, satisfied callbacks on every normal close', async () => {
    const trips = await rows(
      db,
      `select trip_cause, count(*) as n from order_contacts where trip group by trip_cause`,
    );
    expect(trips.map((t) => t.trip_cause).sort()).toEqual(['WO-8.1', 'WO-8.2', 'WO-8.3']);
    expect(await count(db, 'order_contacts', 'not trip')).toBeGreaterThan(0);
    const reasons = await rows(
      db,
      `select distinct data->>'reasonCode' as code from order_events where type = 'redispatched'`,
    );
    expect(reasons.length).toBeGreaterThanOrEqual(4);
    expect(
      await count(
        db,
        'work_orders o',
        `o.closing_basis = 'completed' and not exists (select 1 from order_callbacks c
           where c.order_id = o.id and c.reached and c.satisfied and c.at >= o.completed_at)`,
      ),
    ).toBe(0);
    expect(
      await count(db, 'work_orders', `status = 'closed' and closing_basis = 'customer_no_time'`),
    ).toBeGreaterThan(0);
    expect(
      await count(db, 'work_orders', `status = 'closed' and closing_basis = 'declined_on_site'`),
    ).toBeGreaterThan(0);
  });

  it('WO-9 WO-10 WO-15 the demo dispatcher’s board and backlog are full; numbers continue after the history', async () => {
    const dispatcher = await h.login('dispatcher');
    const board = await h.request({ method: 'GET', url: '/api/dispatch/board', headers: dispatcher });
    expect(board.statusCode).toBe(200);
    const buckets = (board.json() as { buckets: Record<string, { count: number }> }).buckets;
    expect(buckets.tomorrowVisits?.count).toBeGreaterThan(0);
    expect(buckets.specialCustomers?.count).toBeGreaterThan(0);
    expect(Object.values(buckets).reduce((s, b) => s + b.count, 0)).toBeGreaterThanOrEqual(8);
    const backlog = await h.request({ method: 'GET', url: '/api/dispatch/backlog', headers: dispatcher });
    expect(backlog.statusCode).toBe(200);
    const items = (backlog.json() as { items: { outletId: string; overDays: number }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.outletId === demoOutlets[0].id)).toBe(true);
    const overall = await rows(
      db,
      `select count(*) filter (where created_at < $1::timestamptz - interval '3 days') as over3, count(*) as open
         from work_orders where outlet_id is not null and status not in ('closed', 'cancelled')`,
      [h.clock.now().toISOString()],
    );
    expect(Number(overall[0]?.over3)).toBeGreaterThan(5);
    const numbers = await rows(
      db,
      `select (select count(distinct number) from work_orders) as distinct_numbers,
              (select count(*) from work_orders w where not exists (select 1 from order_number_sequences s
                 where s.day = substr(w.number, 3, 8) and s.last >= substr(w.number, 12)::int)) as beyond`,
    );
    expect(Number(numbers[0]?.distinct_numbers)).toBe(orders.length);
    expect(Number(numbers[0]?.beyond)).toBe(0);
  });

  it('WO-1 the history depends only on the seed, now and the master data', async () => {
    const at = { now: h.clock.now(), timeZone: h.deps.businessTimeZone };
    const inputs = await loadOrderInputs(db, { ...at, historyDays: demoOrders.days });
    const digest = (seed: number) =>
      generateDemoOrders(inputs, { ...demoOrders, ...at, seed }).orders.map(
        (o) => `${o.row.id} ${o.row.number} ${o.row.status} ${o.events.map((e) => e.type).join(',')}`,
      );
    const stored = orders.map((o) => `${String(o.id)} ${String(o.number)}`);
    const again = digest(demoOrders.seed);
    expect(again.map((d) => d.split(' ').slice(0, 2).join(' '))).toEqual(stored);
    expect(digest(demoOrders.seed + 1).slice(0, 50)).not.toEqual(again.slice(0, 50));
  });

  it('WO-1 seeding again does nothing: the orders are recognised and left as they are', async () => {
    const again = await seedDemoOrders(db, {
      ...demoOrders,
      now: h.clock.now(),
      timeZone: h.deps.businessTimeZone,
    });
    expect(again.seeded).toBe(false);
    expect(await count(db, 'work_orders')).toBe(orders.length);
    expect(await count(db, 'audit_log', `entity = 'demo_data' and action = 'generate_orders'`)).toBe(1);
  });

  it('CB-2 CB-3 CB-5 CB-6 every completed order has its callback task; the history keeps the callback rules', async () => {
    const now = h.clock.now();
    expect(
      await count(
        db,
        'work_orders o',
        'completed_at is not null and not exists (select 1 from callback_tasks t where t.order_id = o.id)',
      ),
    ).toBe(0);
    const tasks = await rows(db, 'select * from callback_tasks');
    expect(tasks.length).toBeGreaterThan(1000);
    const byStatus = new Map<string, number>();
    for (const t of tasks) byStatus.set(String(t.status), (byStatus.get(String(t.status)) ?? 0) + 1);
    for (const status of ['open', 'final', 'unreachable'])
      expect(byStatus.get(status), status).toBeGreaterThan(0);
    expect(new Set(tasks.map((t) => t.plan_reason))).toEqual(
      new Set(['SAMPLED', 'NOT_SAMPLED', 'HIGH_VALUE']),
    );
    for (const t of tasks) {
      if (t.status === 'final')
        expect(new Date(String(t.final_at)).getTime()).toBeLessThanOrEqual(now.getTime());
      if (t.status === 'judged')
        expect(new Date(String(t.appeal_window_closes_at)).getTime()).toBeGreaterThan(now.getTime());
    }
    // CB-6: every verdict beyond the first answers an appeal, and (CB-3) comes from another agent.
    const second = await rows(
      db,
      `select v2.agent_id as second, v1.agent_id as first, a.filed_at, v2.recorded_at
         from callback_verdicts v2
         join callback_verdicts v1 on v1.task_id = v2.task_id and v1.round = 1
         join callback_appeals a on a.verdict_id = v1.id
        where v2.round = 2`,
    );
    expect(second.length).toBe(await count(db, 'callback_verdicts', 'round = 2'));
    for (const r of second) {
      expect(r.second).not.toBe(r.first);
      expect(new Date(String(r.recorded_at)).getTime()).toBeGreaterThan(
        new Date(String(r.filed_at)).getTime(),
      );
    }
    // CB-5: a task given up was called the policy's number of times, each in a slot not tried before.
    const givenUp = await rows(
      db,
      `select t.id, count(*)::int as calls, count(distinct a.slot)::int as slots
         from callback_tasks t join callback_attempts a on a.task_id = t.id
        where t.status = 'unreachable' group by t.id`,
    );
    expect(givenUp.length).toBeGreaterThan(0);
    for (const g of givenUp) expect([g.calls, g.slots]).toEqual([3, 3]);
  });
});
