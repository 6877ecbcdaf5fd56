import type { Database } from '../src/platform/db/database.ts';
import { percentile } from './stats.ts';

export interface Latency {
  name: string;
  how: string;
  samples: number;
  p50Ms: number;
  p95Ms: number;
  /** What one answer held (cards, items, rows), from the last sample. */
  size: string;
}

async function sample(
  name: string,
  how: string,
  seconds: number,
  once: (i: number) => Promise<string>,
): Promise<Latency> {
  // Warm-up: the first calls fill caches (policies, catalogue) and plans; a dispatcher's screen is warm too.
  for (let i = 0; i < 5; i++) await once(i);
  const times: number[] = [];
  let size = '';
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end || times.length < 20; i++) {
    const t0 = performance.now();
    size = await once(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    name,
    how,
    samples: times.length,
    p50Ms: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    size,
  };
}

async function getJson(url: string, token: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

export interface ReadTargets {
  url: string;
  agentToken: string;
  dispatcherToken: string;
  /** Phones (E.164) of customers with orders, and order ids, picked at random from the dataset. */
  phones: string[];
  orderIds: string[];
}

/** One request at a time against the idle server, each endpoint for `seconds`: what a user waits for. */
export async function measureReads(t: ReadTargets, seconds: number): Promise<Latency[]> {
  const board = await sample(
    'dispatcher board',
    'GET /api/dispatch/board (dispatcher of the busiest outlet)',
    seconds,
    async () => {
      const b = await getJson(`${t.url}/api/dispatch/board`, t.dispatcherToken);
      const buckets = Object.values(b.buckets as Record<string, { count: number }>);
      return `${buckets.reduce((s, x) => s + x.count, 0)} orders in buckets`;
    },
  );
  const backlog = await sample(
    'backlog (2/3 days)',
    'GET /api/dispatch/backlog (same dispatcher)',
    seconds,
    async () => {
      const b = await getJson(`${t.url}/api/dispatch/backlog`, t.dispatcherToken);
      return `${(b.items as unknown[]).length} backlog items`;
    },
  );
  const phone = await sample(
    'phone search',
    'GET /api/customers/lookup?phone= (agent)',
    seconds,
    async (i) => {
      const phoneNumber = t.phones[i % t.phones.length] as string;
      const b = await getJson(
        `${t.url}/api/customers/lookup?phone=${encodeURIComponent(phoneNumber)}`,
        t.agentToken,
      );
      return `${(b.matches as unknown[]).length} customers with units and orders`;
    },
  );
  const detail = await sample('order detail', 'GET /api/work-orders/{id} (agent)', seconds, async (i) => {
    const b = await getJson(
      `${t.url}/api/work-orders/${t.orderIds[i % t.orderIds.length] as string}`,
      t.agentToken,
    );
    return `order ${String(b.status)}`;
  });
  return [board, backlog, phone, detail];
}

/**
 * WO-7's sweep: open orders whose stored deadline has passed but are not marked breached yet, oldest first, a
 * pass of 500. No sweep job exists yet (the SLA is recomputed on every change and when an order is read); this
 * is the query it needs, timed on the database directly.
 */
export const breachSweepSql = `select id, number, outlet_id, sla_deadline, sla_state from work_orders
  where closed_at is null and cancelled_at is null and sla_deadline <= $1 and sla_state <> 'breached'
  order by sla_deadline limit 500`;

export async function measureBreachSweep(database: Database, seconds: number): Promise<Latency> {
  let found = 0;
  const result = await sample(
    'SLA breach sweep',
    'SQL: open orders past their deadline, not yet marked (500 a pass)',
    seconds,
    async () => {
      found = (await database.executeSql(breachSweepSql, [new Date().toISOString()])).rows.length;
      return `${found} orders due for marking`;
    },
  );
  return result;
}
