import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from '../src/app.ts';
import type { Services } from '../src/app.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { createFieldCrypto } from '../src/platform/crypto.ts';
import type { PlatformDeps } from '../src/platform/deps.ts';
import type { EventBus } from '../src/platform/outbox/event-bus.ts';
import type { EventBusOptions } from '../src/platform/outbox/event-bus.ts';
import { ensurePolicyDefaults } from '../src/modules/policy/index.ts';
import { ensureReferenceData } from '../src/modules/catalog/index.ts';
import { DEMO_PASSWORD, demoOutlets, seedDemo } from '../src/modules/demo/index.ts';
import type { TestDatabase } from './test-db.ts';
import type { RateLimits } from '../src/platform/http/rate-limit.ts';
import { createTestDatabase } from './test-db.ts';

const NO_LIMIT = { max: 0, windowMs: 60_000 };

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const OUTLET_A = demoOutlets[0].id;
export const OUTLET_B = demoOutlets[1].id;
export { DEMO_PASSWORD };

export interface Harness {
  app: FastifyInstance;
  services: Services;
  deps: PlatformDeps;
  bus: EventBus;
  clock: ManualClock;
  testDb: TestDatabase;
  sleeps: number[];
  /** Logs in through the API and returns headers that authenticate (cookie + CSRF) as that user. */
  login(username: string, password?: string): Promise<Record<string, string>>;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function createHarness(
  options: {
    now?: string;
    worker?: boolean;
    eventBus?: EventBusOptions;
    seed?: boolean;
    /** Off unless a test is about them: the manual clock never ends a window, and tests sign in a lot. */
    rateLimits?: Partial<RateLimits>;
    /** A real logger, for tests of what reaches the logs; silent otherwise. */
    logger?: Logger;
  } = {},
): Promise<Harness> {
  const testDb = await createTestDatabase();
  const clock = new ManualClock(options.now ?? '2026-11-23T02:00:00Z');
  const sleeps: number[] = [];
  const { app, services, deps, bus } = await buildApp({
    database: testDb.database,
    crypto: createFieldCrypto([TEST_SECRET]),
    clock,
    worker: options.worker ?? false,
    eventBus: options.eventBus,
    rateLimits: options.rateLimits ?? { login: NO_LIMIT, intake: NO_LIMIT },
    ...(options.logger ? { logger: options.logger } : {}),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  await ensureReferenceData(testDb.database, clock.now());
  await ensurePolicyDefaults(testDb.database, clock.now());
  if (options.seed ?? true) await seedDemo(deps, services);
  await app.ready();

  return {
    app,
    services,
    deps,
    bus,
    clock,
    testDb,
    sleeps,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookies = res.cookies as { name: string; value: string }[];
      const session = cookies.find((c) => c.name === 'as_session')?.value;
      const csrf = cookies.find((c) => c.name === 'as_csrf')?.value;
      if (!session || !csrf) throw new Error('login did not set cookies');
      return { cookie: `as_session=${session}; as_csrf=${csrf}`, 'x-csrf-token': csrf };
    },
    request: (o) => app.inject(o),
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}
