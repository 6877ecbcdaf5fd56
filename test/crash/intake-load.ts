import { login } from '../process/server-process.ts';

/** The demo outlet of the `dispatcher` account: orders sent there can be driven to completion by the test. */
export const DEMO_OUTLET = 'out_demo0001';
const BUSINESS_TZ = 'Asia/Shanghai';

type Headers = Record<string, string>;

/** What every order of the load is made of: demo customers, a category and a qualified engineer. */
export interface OrderMaterial {
  customers: { customerId: string; addressId: string }[];
  categoryCode: string;
  engineerId: string;
}

export interface IntakeWorld extends OrderMaterial {
  /** One signed-in `agent` session per intake client, and the dispatcher and callback agent. */
  agents: Headers[];
  dispatcher: Headers;
  callback: Headers;
}

/** An acknowledged intake: the server answered 2xx for this Idempotency-Key. */
export interface Ack {
  key: string;
  orderId: string;
  number: string;
  /** Answered with `idempotent-replayed`: an earlier attempt had committed. */
  replayed: boolean;
  /** An earlier attempt with this key was cut in flight: the server died under it. */
  interrupted: boolean;
}

/** Picks the order material through the API (`get` reads as an administrator, over HTTP or inject). */
export async function orderMaterial(get: <T>(path: string) => Promise<T>): Promise<OrderMaterial> {
  // The category comes from a qualified engineer of the demo outlet, so every order can be assigned (WO-13).
  const engineers = await get<{
    items: { id: string; active: boolean; skills: { categoryCode: string }[] }[];
  }>(`/api/outlets/${DEMO_OUTLET}/engineers?pageSize=50`);
  const qualified = engineers.items
    .filter((e) => e.active)
    .flatMap((e) => e.skills.map((s) => ({ engineerId: e.id, categoryCode: s.categoryCode })));
  const pick = qualified.find((q) => q.categoryCode === 'air_conditioner') ?? qualified[0];
  if (!pick) throw new Error(`The demo outlet ${DEMO_OUTLET} has no active engineer with a skill`);

  const list = await get<{ items: { id: string }[] }>('/api/customers?regionCode=440106&pageSize=20');
  const customers: OrderMaterial['customers'] = [];
  for (const c of list.items.slice(0, 10)) {
    const detail = await get<{ addresses: { id: string }[] }>(`/api/customers/${c.id}`);
    const address = detail.addresses[0];
    if (address) customers.push({ customerId: c.id, addressId: address.id });
  }
  if (customers.length === 0) throw new Error('No demo customer with an address in 440106');
  return { customers, ...pick };
}

/** The intake body of a repair on site sent to the demo outlet; the key in the text finds it in the database. */
export function intakeBody(material: OrderMaterial, key: string, index: number) {
  const customer = material.customers[index % material.customers.length]!;
  return {
    ...customer,
    categoryCode: material.categoryCode,
    orderType: 'repair',
    channel: 'hotline',
    serviceMode: 'on_site',
    faultDescription: `空调不制冷，外机不转 [${key}]`,
    dispatch: { outletId: DEMO_OUTLET, overrideReason: '压力测试：送往演示网点' },
  };
}

/** The outlet's next step from `status` on the way to `completed`: the action's path and body (plus version). */
export function nextFieldStep(
  status: string,
  material: OrderMaterial,
): [string, Record<string, unknown>] | undefined {
  const steps: Record<string, [string, Record<string, unknown>]> = {
    dispatched: ['accept', {}],
    accepted: ['assign', { engineerId: material.engineerId }],
    assigned: [
      'appointments',
      { day: tomorrow(), windowStart: '10:00', windowEnd: '12:00', agreedBy: 'customer' },
    ],
    appointed: ['start-visit', {}],
    in_progress: ['complete', { notes: '更换启动电容，试机正常' }],
  };
  return steps[status];
}

/** Sessions live in the database, so the ones signed in here survive every kill and restart. */
export async function intakeWorld(port: number, clients: number): Promise<IntakeWorld> {
  const agents: Headers[] = [];
  for (let i = 0; i < clients; i++) agents.push(await login(port, 'agent'));
  const dispatcher = await login(port, 'dispatcher');
  const callback = await login(port, 'callback');
  const admin = await login(port, 'admin');
  const material = await orderMaterial(async <T>(path: string): Promise<T> => {
    const r = await fetch(`http://127.0.0.1:${port}${path}`, { headers: admin });
    if (!r.ok) throw new Error(`GET ${path} answered ${r.status}: ${await r.text()}`);
    return (await r.json()) as T;
  });
  return { agents, dispatcher, callback, ...material };
}

interface Answer {
  status: number;
  replayed: boolean;
  body: unknown;
  /** An earlier attempt of this request was cut in flight (not merely refused). */
  interrupted?: boolean;
}

/**
 * A failure on the wire. Refused: nothing listened, the request never reached a server. Otherwise (reset,
 * closed, timed out) it was in flight, and may or may not have been applied.
 */
class WireError extends Error {
  constructor(
    message: string,
    readonly refused: boolean,
  ) {
    super(message);
  }
}

function causeCode(e: unknown): string | undefined {
  const cause = e instanceof Error ? (e.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

async function call(url: string, method: string, headers: Headers, body?: unknown): Promise<Answer> {
  let r: Response;
  let text: string;
  try {
    r = await fetch(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      // Generous: a loaded 2-core machine and PGlite's single connection can be slow, never this slow.
      signal: AbortSignal.timeout(60_000),
    });
    text = await r.text();
  } catch (e) {
    throw new WireError(e instanceof Error ? e.message : String(e), causeCode(e) === 'ECONNREFUSED');
  }
  return {
    status: r.status,
    replayed: r.headers.get('idempotent-replayed') === 'true',
    body: text ? (JSON.parse(text) as unknown) : undefined,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** 'YYYY-MM-DD' of tomorrow on the business clock: an appointment window that has not started (WO-4). */
function tomorrow(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: BUSINESS_TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(Date.now() + 24 * 3_600_000));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export interface LoadStats {
  requests: number;
  /** Requests that failed on the wire: in flight, or sent while the server was down. */
  wireErrors: number;
  /** 5xx answers (retried with the same key); listed in `problems`. */
  serverErrors: number;
  problems: string[];
}

/**
 * Intake clients that POST /api/work-orders with unique Idempotency-Keys and retry every unacknowledged
 * request with the same key until it is acknowledged; one field client that drives acknowledged orders
 * through accept → assign → appoint → start visit → complete, so `order.completed` events (with a handler)
 * are emitted all through the run. It survives the server's death: it just retries against the restart.
 */
export class IntakeLoad {
  readonly acks = new Map<string, Ack>();
  readonly sent = new Set<string>();
  /** Orders the field client saw completed (its own answer, or a re-read after a lost answer). */
  readonly completed = new Set<string>();
  readonly stats: LoadStats = { requests: 0, wireErrors: 0, serverErrors: 0, problems: [] };
  readonly #base: string;
  readonly #world: IntakeWorld;
  readonly #tag: string;
  readonly #queue: string[] = [];
  #stopping = false;
  #aborted = false;
  #tasks: Promise<void>[] = [];
  #failure: unknown;

  constructor(port: number, world: IntakeWorld, tag: string) {
    this.#base = `http://127.0.0.1:${port}`;
    this.#world = world;
    this.#tag = tag;
  }

  start(): void {
    this.#tasks = [
      ...this.#world.agents.map((headers, i) => this.#guard(this.#intakeClient(i, headers))),
      this.#guard(this.#fieldClient()),
    ];
  }

  /** Lets each client finish what it holds (an intake is always acknowledged in the end), then stops. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.#tasks);
    if (this.#failure) throw this.#failure;
  }

  /** Ends every client at its next request, answered or not (a failed test must not leave them polling). */
  abort(): void {
    this.#stopping = true;
    this.#aborted = true;
  }

  /** Throws the first client failure, if any, without waiting for the others. */
  check(): void {
    if (this.#failure) throw this.#failure;
  }

  #guard(task: Promise<void>): Promise<void> {
    return task.catch((e: unknown) => {
      this.#failure ??= e;
      this.#stopping = true;
    });
  }

  /** Sends one request until it gets an answer that is not a 5xx; wire errors and 5xx are retried as is. */
  async #send(method: string, path: string, headers: Headers, body?: unknown): Promise<Answer> {
    let interrupted = false;
    for (let attempt = 0; ; attempt++) {
      if (this.#aborted) throw new Error('The load was aborted');
      this.stats.requests++;
      try {
        const a = await call(`${this.#base}${path}`, method, headers, body);
        if (a.status < 500) return { ...a, interrupted };
        this.stats.serverErrors++;
        this.stats.problems.push(`${method} ${path} → ${a.status} ${JSON.stringify(a.body).slice(0, 300)}`);
      } catch (e) {
        if (!(e instanceof WireError)) throw e;
        this.stats.wireErrors++;
        if (!e.refused) interrupted = true;
      }
      // Against a dead server: poll until the restarted one listens (well within the test's timeout).
      if (attempt > 3000) throw new Error(`${method} ${path}: no answer after ${attempt} attempts`);
      await pause(100);
    }
  }

  async #intakeClient(client: number, headers: Headers): Promise<void> {
    for (let n = 0; !this.#stopping; n++) {
      const key = `${this.#tag}-c${client}-${n}`;
      const body = intakeBody(this.#world, key, client * 7 + n);
      this.sent.add(key);
      const a = await this.#send('POST', '/api/work-orders', { ...headers, 'idempotency-key': key }, body);
      if (a.status !== 201) {
        throw new Error(`Intake ${key} answered ${a.status}: ${JSON.stringify(a.body).slice(0, 500)}`);
      }
      const order = a.body as { id: string; number: string };
      this.acks.set(key, {
        key,
        orderId: order.id,
        number: order.number,
        replayed: a.replayed,
        interrupted: a.interrupted ?? false,
      });
      this.#queue.push(order.id);
    }
  }

  async #fieldClient(): Promise<void> {
    while (!this.#stopping) {
      const id = this.#queue.shift();
      if (id === undefined) {
        await pause(50);
        continue;
      }
      await this.complete(id);
    }
  }

  /**
   * Drives one order to `completed` (or `stopAt`) as its outlet would. Each step re-reads the order, so a step
   * whose answer was lost in a crash (applied or not) is simply seen in the order's status and not repeated.
   */
  async complete(orderId: string, stopAt = 'completed'): Promise<void> {
    const headers = this.#world.dispatcher;
    const path = `/api/work-orders/${orderId}`;
    for (let step = 0; step < 50; step++) {
      const read = await this.#send('GET', path, headers);
      if (read.status !== 200) throw new Error(`GET ${path} answered ${read.status}`);
      const { status, version } = read.body as { status: string; version: number };
      if (status === stopAt) {
        if (status === 'completed') this.completed.add(orderId);
        return;
      }
      const action = nextFieldStep(status, this.#world);
      if (!action) throw new Error(`Order ${orderId} is ${status}; the field client cannot go on`);
      const [name, body] = action;
      const a = await this.#send('POST', `${path}/${name}`, headers, { version, ...body });
      // 409: the order moved (the lost answer of our own earlier attempt); the next read shows where it is.
      if (a.status >= 300 && a.status !== 409) {
        throw new Error(
          `${name} of ${orderId} answered ${a.status}: ${JSON.stringify(a.body).slice(0, 500)}`,
        );
      }
    }
    throw new Error(`Order ${orderId} did not reach completed`);
  }

  /** Acknowledges one more order outside the clients, for the end-of-run sentinel. */
  async intakeOne(key: string): Promise<Ack> {
    this.sent.add(key);
    const a = await this.#send(
      'POST',
      '/api/work-orders',
      { ...this.#world.agents[0], 'idempotency-key': key },
      intakeBody(this.#world, key, 0),
    );
    if (a.status !== 201) throw new Error(`Intake ${key} answered ${a.status}`);
    const order = a.body as { id: string; number: string };
    const ack = {
      key,
      orderId: order.id,
      number: order.number,
      replayed: a.replayed,
      interrupted: a.interrupted ?? false,
    };
    this.acks.set(key, ack);
    return ack;
  }

  /** Whether the order's callback task (the `order.completed` handler's effect) can be read. */
  async hasTask(orderId: string): Promise<boolean> {
    return (
      (await this.#send('GET', `/api/callbacks/by-order/${orderId}`, this.#world.callback)).status === 200
    );
  }

  /** Orders completed in the run whose callback task (the `order.completed` handler's effect) is not visible. */
  async withoutTask(): Promise<string[]> {
    const missing: string[] = [];
    for (const id of this.completed) if (!(await this.hasTask(id))) missing.push(id);
    return missing;
  }
}
