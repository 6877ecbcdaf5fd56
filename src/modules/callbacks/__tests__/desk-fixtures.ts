import { expect } from 'vitest';
import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import type { Harness } from '../../../../test/harness.ts';
import type { OrderWorld } from '../../work-orders/__tests__/orders-fixtures.ts';
import { appoint, orderWorld, repairOrder, tick } from '../../work-orders/__tests__/orders-fixtures.ts';
import type { TaskDetail } from '../desk-schemas.ts';

export type { OrderWorld };
export { tick };

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The order world of the work-orders tests, plus the second callback agent. */
export async function deskWorld(h: Harness): Promise<OrderWorld> {
  const w = await orderWorld(h);
  w.as.callback2 = await h.login('callback2');
  return w;
}

/** Asserts a body matches its contract schema, listing every mismatch. */
export function expectShape(schema: TSchema, body: unknown): void {
  const errors = [...Value.Errors(schema, body)].map((e) => `${e.instancePath} ${e.message}`);
  expect(errors).toEqual([]);
}

export const sql = async (h: Harness, text: string, values: unknown[] = []) =>
  (await h.testDb.database.executeSql(text, values)).rows;

export interface OrderSteps {
  /** An order at OUTLET_A, accepted, assigned, appointed and visited. */
  visited(over?: Record<string, unknown>): Promise<{ id: string; version: number }>;
  /** …then completed; returns the order id. */
  complete(orderId: string): Promise<void>;
  /** A completed order whose callback task has been planned (the `order.completed` handler ran). */
  completedWithTask(over?: Record<string, unknown>): Promise<{ orderId: string; task: TaskDetail }>;
  task(taskId: string, who?: string): Promise<TaskDetail>;
}

export function orderSteps(h: Harness, w: OrderWorld): OrderSteps {
  const get = async (id: string) =>
    (await w.call('admin', 'GET', `/api/work-orders/${id}`)).json() as { id: string; version: number };
  const step = async (who: string, id: string, action: string, body: Record<string, unknown> = {}) => {
    tick(h, 1);
    const { version } = await get(id);
    const res = await w.call(who, 'POST', `/api/work-orders/${id}/${action}`, { version, ...body });
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
    return res.json() as { id: string; version: number };
  };
  const steps: OrderSteps = {
    async visited(over = {}) {
      const res = await w.call('agent', 'POST', '/api/work-orders', repairOrder(w, over));
      expect(res.statusCode, res.body).toBe(201);
      const id = (res.json() as { id: string }).id;
      await step('dispatcher', id, 'accept');
      await step('dispatcher', id, 'assign', { engineerId: w.engineers.first });
      tick(h, 1);
      await appoint(h, id);
      return step('dispatcher', id, 'start-visit');
    },
    async complete(orderId) {
      await step('dispatcher', orderId, 'complete', { notes: '更换电容，试机正常' });
      await h.bus.deliverPending();
    },
    async completedWithTask(over = {}) {
      const o = await steps.visited(over);
      await steps.complete(o.id);
      const res = await w.call('callback', 'GET', `/api/callbacks/by-order/${o.id}`);
      expect(res.statusCode, res.body).toBe(200);
      return { orderId: o.id, task: res.json() as TaskDetail };
    },
    async task(taskId, who = 'callback') {
      const res = await w.call(who, 'GET', `/api/callbacks/${taskId}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as TaskDetail;
    },
  };
  return steps;
}

/** Passwords of users tests create themselves (the demo users share the demo password). */
export const extraPasswords: Record<string, string> = {};

/** Moves the clock on; sessions would expire over days, so everyone logs in again. */
export async function advance(h: Harness, w: OrderWorld, ms: number): Promise<void> {
  h.clock.advance(ms);
  for (const username of Object.keys(w.as)) {
    w.as[username] = await h.login(username, extraPasswords[username]);
  }
}

/** Moves the clock forward to `iso` (never back: instants in records must keep their order). */
export async function moveTo(h: Harness, w: OrderWorld, iso: string): Promise<void> {
  const target = new Date(iso).getTime();
  expect(target, `the clock is already past ${iso}`).toBeGreaterThan(h.clock.now().getTime());
  await advance(h, w, target - h.clock.now().getTime());
}

/** Records a call with the version just read; answers the response. */
export async function call(
  w: OrderWorld,
  who: string,
  taskId: string,
  body: Record<string, unknown>,
): ReturnType<OrderWorld['call']> {
  const version = ((await w.call('admin', 'GET', `/api/callbacks/${taskId}`)).json() as TaskDetail).version;
  return w.call(who, 'POST', `/api/callbacks/${taskId}/attempts`, { version, ...body });
}

/** CB-4 answers of a satisfied customer. */
export const satisfiedAnswers = {
  repairedOrInstalled: true,
  feeCharged: false,
  timely: true,
  worksNow: true,
  satisfaction: 5,
};

/** Adds a policy version effective now (the clock is moved a minute on so versions never share an instant). */
export async function setPolicy(h: Harness, w: OrderWorld, key: string, value: unknown): Promise<void> {
  tick(h, 1);
  const read = await w.call('admin', 'GET', `/api/policies/${key}`);
  const versions = (read.json() as { versions: { version: number }[] }).versions;
  const res = await w.call('admin', 'POST', `/api/policies/${key}/versions`, {
    value,
    effectiveFrom: h.clock.now().toISOString(),
    note: 'callback desk test',
    basedOnVersion: Math.max(0, ...versions.map((v) => v.version)),
  });
  expect(res.statusCode, res.body).toBe(201);
}
