import type { Database } from '../../src/platform/db/database.ts';
import type { Ack } from './intake-load.ts';

/** What one crash iteration left in the database, measured against what the clients were told. */
export interface IterationProof {
  /** Distinct Idempotency-Keys the server acknowledged (an acknowledged retry counts once). */
  acknowledged: number;
  /** …of which an attempt was cut in flight by the kill, and how many of those the retry found committed. */
  interrupted: number;
  replayed: number;
  /** Acknowledged orders found in the database with the acknowledged id, number and key. */
  found: number;
  /** Orders carrying this iteration's keys; more than `found` only for committed-but-unacknowledged ones. */
  orders: number;
  /** Problems: each list must be empty. */
  missing: string[];
  duplicates: string[];
  unacknowledged: string[];
  neverSent: string[];
  keyRecords: string[];
  events: number;
  published: number;
  /** (event, handler) pairs the relay queued, and how many have their processed_events row. */
  deliveries: number;
  delivered: number;
  undelivered: string[];
  /** Completed orders of the run, and their callback tasks (the order.completed handler's effect). */
  completed: number;
  tasks: number;
  effectProblems: string[];
  eventProblems: string[];
  /** pg-boss jobs of this iteration's events that needed more than one delivery (redelivered). */
  redelivered: number;
  /** The newest outbox row after the iteration: where the next one starts. */
  lastSeq: number;
}

const keyOf = (text: string): string | undefined => /\[([^\]]+)\]$/.exec(text)?.[1];

type Row = Record<string, unknown>;
const str = (v: unknown): string => String(v);

export async function proveIteration(
  database: Database,
  input: { tag: string; seqBefore: number; acks: Map<string, Ack>; sent: Set<string> },
): Promise<IterationProof> {
  const { tag, seqBefore, acks, sent } = input;
  const q = async (text: string, values: unknown[]): Promise<Row[]> =>
    (await database.executeSql(text, values)).rows;
  const like = `%[${tag}-%`;

  // Orders: every acknowledged key exactly once, with the id and number the client was given.
  const orders = await q(
    `select id, number, status, fault_description from work_orders where fault_description like $1`,
    [like],
  );
  const byKey = new Map<string, Row[]>();
  for (const o of orders) {
    const key = keyOf(str(o.fault_description)) ?? '?';
    byKey.set(key, [...(byKey.get(key) ?? []), o]);
  }
  const missing: string[] = [];
  let found = 0;
  for (const ack of acks.values()) {
    const rows = byKey.get(ack.key) ?? [];
    if (rows.some((r) => r.id === ack.orderId && r.number === ack.number)) found++;
    else
      missing.push(`${ack.key} → ${ack.orderId} ${ack.number} (found ${rows.map((r) => r.id).join(', ')})`);
  }
  const duplicates = [...byKey]
    .filter(([, rows]) => rows.length > 1)
    .map(([k, rows]) => `${k} ×${rows.length}`);
  const unacknowledged = [...byKey.keys()].filter((k) => !acks.has(k));
  const neverSent = unacknowledged.filter((k) => !sent.has(k));
  const numbers = new Set(orders.map((o) => str(o.number)));
  if (numbers.size !== orders.length)
    duplicates.push(`order numbers: ${orders.length - numbers.size} repeated`);

  // The stored replay of each key names the same order.
  const keys = await q(
    `select key, status_code, response->>'id' as order_id from idempotency_keys where key like $1`,
    [`${tag}-%`],
  );
  const keyRecords: string[] = [];
  const keyRow = new Map(keys.map((k) => [str(k.key), k]));
  for (const ack of acks.values()) {
    const k = keyRow.get(ack.key);
    if (!k || k.status_code !== 201 || k.order_id !== ack.orderId) {
      keyRecords.push(`${ack.key}: ${k ? `${str(k.status_code)} ${str(k.order_id)}` : 'no record'}`);
    }
  }

  // Events: every row written in this iteration was relayed, each relayed job was applied once.
  const events = await q(
    `select id, topic, payload->>'orderId' as order_id, published_at from outbox where seq > $1 order by seq`,
    [seqBefore],
  );
  const published = events.filter((e) => e.published_at !== null).length;
  const runOrders = new Set(orders.map((o) => str(o.id)));
  const eventProblems: string[] = [];
  const perOrder = new Map<string, number>();
  for (const e of events) {
    const id = str(e.order_id);
    if (!runOrders.has(id)) continue;
    const k = `${str(e.topic)} ${id}`;
    perOrder.set(k, (perOrder.get(k) ?? 0) + 1);
  }
  const completedOrders = orders.filter((o) => o.status === 'completed').map((o) => str(o.id));
  for (const id of runOrders) {
    for (const topic of ['order.created', 'order.dispatched']) {
      const n = perOrder.get(`${topic} ${id}`) ?? 0;
      if (n !== 1) eventProblems.push(`${topic} of ${id}: ${n} events`);
    }
  }
  for (const id of completedOrders) {
    const n = perOrder.get(`order.completed ${id}`) ?? 0;
    if (n !== 1) eventProblems.push(`order.completed of ${id}: ${n} events`);
  }

  const jobs = await q(
    `select j.name, j.state, j.retry_count, j.data->>'id' as event_id
       from pgboss.job j join outbox o on o.id = j.data->>'id' where o.seq > $1`,
    [seqBefore],
  );
  const processed = await q(
    `select p.handler, p.event_id from processed_events p join outbox o on o.id = p.event_id where o.seq > $1`,
    [seqBefore],
  );
  const applied = new Set(processed.map((p) => `${str(p.handler)}|${str(p.event_id)}`));
  const queued = new Set(jobs.map((j) => `${str(j.name).replace(/^handler\./, '')}|${str(j.event_id)}`));
  // The callbacks handler reacts to order.completed (app.ts registers it); its job must exist for each one.
  for (const e of events.filter((ev) => ev.topic === 'order.completed')) {
    queued.add(`callbacks.plan-task|${str(e.id)}`);
  }
  const undelivered = [...queued].filter((k) => !applied.has(k));

  // The handler's effect: one callback task per completed order, planned (audited) once.
  const tasks = await q(
    `select t.id, t.order_id from callback_tasks t join work_orders w on w.id = t.order_id
      where w.fault_description like $1`,
    [like],
  );
  const planned = await q(
    `select a.entity_id, count(*)::int as n from audit_log a
       join callback_tasks t on t.id = a.entity_id join work_orders w on w.id = t.order_id
      where a.entity = 'callback_task' and a.action = 'planned' and w.fault_description like $1
      group by a.entity_id`,
    [like],
  );
  const effectProblems: string[] = [];
  const tasksOf = new Map<string, number>();
  for (const t of tasks) tasksOf.set(str(t.order_id), (tasksOf.get(str(t.order_id)) ?? 0) + 1);
  for (const id of completedOrders) {
    if (tasksOf.get(id) !== 1) effectProblems.push(`order ${id}: ${tasksOf.get(id) ?? 0} callback tasks`);
  }
  const plannedOf = new Map(planned.map((p) => [str(p.entity_id), Number(p.n)]));
  for (const t of tasks) {
    if (plannedOf.get(str(t.id)) !== 1) {
      effectProblems.push(`task ${str(t.id)}: ${plannedOf.get(str(t.id)) ?? 0} 'planned' audit rows`);
    }
  }

  const interruptedAcks = [...acks.values()].filter((a) => a.interrupted);
  return {
    acknowledged: acks.size,
    interrupted: interruptedAcks.length,
    replayed: interruptedAcks.filter((a) => a.replayed).length,
    found,
    orders: orders.length,
    missing,
    duplicates,
    unacknowledged,
    neverSent,
    keyRecords,
    events: events.length,
    published,
    deliveries: queued.size,
    delivered: queued.size - undelivered.length,
    undelivered,
    completed: completedOrders.length,
    tasks: tasks.length,
    effectProblems,
    eventProblems,
    redelivered: jobs.filter((j) => Number(j.retry_count) > 0).length,
    lastSeq: await lastOutboxSeq(database),
  };
}

export async function lastOutboxSeq(database: Database): Promise<number> {
  const { rows } = await database.executeSql(`select coalesce(max(seq), 0) as seq from outbox`, []);
  return Number(rows[0]?.seq ?? 0);
}
