import { createRequire } from 'node:module';
import type { IntakeBodies } from './intake-bodies.ts';
import { percentile } from './stats.ts';

/** The part of autocannon's API the bench uses (the package ships no types). */
interface CannonRequest {
  method: 'POST';
  path: string;
  kind: 'order' | 'customer';
  setupRequest(req: CannonRequest, context: Record<string, unknown>): CannonRequest | null;
  onResponse?(status: number, body: string, context: Record<string, unknown>): void;
  headers?: Record<string, string>;
  body?: string;
}
interface CannonResult {
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
interface CannonClient {
  requestIterator: { currentRequest: CannonRequest };
}
interface CannonInstance extends PromiseLike<CannonResult> {
  on(event: 'response', fn: (client: CannonClient, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (opts: Record<string, unknown>) => CannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface IntakeRun {
  seconds: number;
  connections: number;
  /** Orders answered 201 per second of the run. */
  ordersPerSecond: number;
  orders: number;
  p50Ms: number;
  p99Ms: number;
  /** Customer registrations (new callers) answered 201, and their latency. */
  customers: number;
  customerP50Ms: number;
  customerP99Ms: number;
  /** Non-2xx answers and socket errors/timeouts, and the statuses seen. */
  errors: number;
  statuses: Record<string, number>;
  /** The first answer of each error status, for the report. */
  errorSamples: Record<string, string>;
  /** Id and number of every order answered 2xx. */
  created: { id: string; number: string }[];
  newCustomerShare: number;
}

const ORDER_ID = /"id":"(wor_[^"]+)","number":"([^"]+)"/;
const CUSTOMER = /"id":"(cus_[^"]+)"/;
const ADDRESS = /"addresses":\[\{"id":"([^"]+)"/;

/**
 * `connections` keep-alive connections each loop over a cycle of intake calls: callers on file, and now and then a
 * new caller who is registered first (`POST /api/customers`) and then gets an order. Every call carries the bearer
 * token and its own Idempotency-Key, as the console sends them.
 */
export async function runIntakeLoad(opts: {
  url: string;
  token: string;
  bodies: IntakeBodies;
  seconds: number;
  connections: number;
  newCustomerShare: number;
}): Promise<IntakeRun> {
  const run = Date.now().toString(36);
  let keys = 0;
  const headers = () => ({
    'content-type': 'application/json',
    authorization: `Bearer ${opts.token}`,
    'idempotency-key': `bench-${run}-${keys++}`,
  });
  const created: { id: string; number: string }[] = [];
  let registered = 0;
  const errorSamples: Record<string, string> = {};
  const noteError = (status: number, body: string) => {
    if (status >= 300 && !(status in errorSamples)) errorSamples[status] = body.slice(0, 400);
  };
  const onOrder = (status: number, body: string) => {
    noteError(status, body);
    if (status < 200 || status >= 300) return;
    const m = ORDER_ID.exec(body);
    if (m) created.push({ id: m[1] as string, number: m[2] as string });
  };
  const existing: CannonRequest = {
    method: 'POST',
    path: '/api/work-orders',
    kind: 'order',
    setupRequest: (req) => ({
      ...req,
      headers: headers(),
      body: JSON.stringify(opts.bodies.existingOrder()),
    }),
    onResponse: onOrder,
  };
  const cycle: CannonRequest[] = [];
  if (opts.newCustomerShare > 0) {
    cycle.push(
      {
        method: 'POST',
        path: '/api/customers',
        kind: 'customer',
        setupRequest: (req, context) => {
          const caller = opts.bodies.newCustomer();
          context.order = caller.order;
          return { ...req, headers: headers(), body: JSON.stringify(caller.customer) };
        },
        onResponse: (status, body, context) => {
          noteError(status, body);
          if (status !== 201) return;
          registered++;
          context.customerId = CUSTOMER.exec(body)?.[1];
          context.addressId = ADDRESS.exec(body)?.[1];
        },
      },
      {
        method: 'POST',
        path: '/api/work-orders',
        kind: 'order',
        // A registration that failed leaves nothing to order for: the cycle starts again.
        setupRequest: (req, context) => {
          const order = context.order as ((c: string, a: string) => Record<string, unknown>) | undefined;
          if (!order || typeof context.customerId !== 'string' || typeof context.addressId !== 'string')
            return null;
          return {
            ...req,
            headers: headers(),
            body: JSON.stringify(order(context.customerId, context.addressId)),
          };
        },
        onResponse: onOrder,
      },
    );
  }
  const perNew = opts.newCustomerShare > 0 ? Math.max(0, Math.round(1 / opts.newCustomerShare) - 1) : 1;
  for (let i = 0; i < perNew; i++) cycle.push(existing);

  const orderMs: number[] = [];
  const customerMs: number[] = [];
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    requests: cycle,
    timeout: 30,
  });
  instance.on('response', (client, _status, _bytes, ms) => {
    (client.requestIterator.currentRequest.kind === 'customer' ? customerMs : orderMs).push(ms);
  });
  const result = await instance;
  const statuses: Record<string, number> = {};
  for (const [code, s] of Object.entries(result.statusCodeStats)) statuses[code] = s.count;
  orderMs.sort((a, b) => a - b);
  customerMs.sort((a, b) => a - b);
  return {
    seconds: opts.seconds,
    connections: opts.connections,
    orders: created.length,
    ordersPerSecond: created.length / opts.seconds,
    p50Ms: percentile(orderMs, 0.5),
    p99Ms: percentile(orderMs, 0.99),
    customers: registered,
    customerP50Ms: percentile(customerMs, 0.5),
    customerP99Ms: percentile(customerMs, 0.99),
    errors: result.non2xx + result.errors + result.timeouts,
    statuses,
    created,
    errorSamples,
    newCustomerShare: opts.newCustomerShare,
  };
}
