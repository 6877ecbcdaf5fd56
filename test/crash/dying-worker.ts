/**
 * A server process that dies in the middle of an event handler, deterministically. Through the real routes
 * (in-process, no port) it takes an order and drives it to completion, so the real `order.completed` outbox
 * row is written; then it relays it with the real EventBus, whose only handler, registered under the
 * callbacks planner's name, kills the process with SIGKILL while pg-boss holds the job active and the
 * handler's transaction is open. What it leaves behind is what a crash of the server at that instant leaves:
 * a published event whose job is `active` with no worker. It prints `order <id>` before it dies.
 *
 * Run by the crash test as `node --import tsx test/crash/dying-worker.ts <idempotency key>` with the target's env.
 */
import pino from 'pino';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openConfiguredDatabase } from '../../src/platform/db/open.ts';
import { EventBus } from '../../src/platform/outbox/event-bus.ts';
import { intakeBody, nextFieldStep, orderMaterial } from './intake-load.ts';

const key = process.argv[2];
if (!key) throw new Error('Usage: dying-worker.ts <idempotency key>');

const config = loadConfig();
const opened = await openConfiguredDatabase(config, { migrate: false });
const { app } = await buildApp({
  database: opened.database,
  crypto: opened.crypto,
  businessTimeZone: config.businessTimeZone,
});

type Headers = Record<string, string>;
async function signIn(username: string): Promise<Headers> {
  const r = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'demo1234' },
  });
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
  const csrf = r.cookies.find((c) => c.name === 'as_csrf')?.value ?? '';
  return { cookie: r.cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-csrf-token': csrf };
}
async function call<T>(method: 'GET' | 'POST', url: string, headers: Headers, payload?: object): Promise<T> {
  const r = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
  return r.json<T>();
}

const admin = await signIn('admin');
const dispatcher = await signIn('dispatcher');
const material = await orderMaterial((path) => call('GET', path, admin));
const order = await call<{ id: string }>(
  'POST',
  '/api/work-orders',
  { ...(await signIn('agent')), 'idempotency-key': key },
  intakeBody(material, key, 0),
);
for (;;) {
  const { status, version } = await call<{ status: string; version: number }>(
    'GET',
    `/api/work-orders/${order.id}`,
    dispatcher,
  );
  if (status === 'completed') break;
  const step = nextFieldStep(status, material);
  if (!step) throw new Error(`Order ${order.id} is ${status}`);
  await call('POST', `/api/work-orders/${order.id}/${step[0]}`, dispatcher, { version, ...step[1] });
}
process.stdout.write(`order ${order.id}\n`);

const bus = new EventBus(opened.database, pino({ level: 'silent' }));
bus.register({
  name: 'callbacks.plan-task',
  topics: ['order.completed'],
  async handle() {
    process.stdout.write('handler running: the process dies now\n');
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => undefined);
  },
});
await bus.start();
await bus.nudge();
// The worker fetches the job within its polling interval and the handler ends the process.
await new Promise((resolve) => setTimeout(resolve, 60_000));
process.stdout.write('the handler never ran\n');
process.exit(4);
