import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import pino from 'pino';
import type { Logger } from 'pino';
import type { Clock } from './platform/clock.ts';
import { systemClock } from './platform/clock.ts';
import type { FieldCrypto } from './platform/crypto.ts';
import type { Database } from './platform/db/database.ts';
import { appliedMigration } from './platform/db/migrate.ts';
import { withAmbientTransactions } from './platform/db/ambient-transaction.ts';
import type { PlatformDeps } from './platform/deps.ts';
import { realSleep } from './platform/deps.ts';
import { AppError } from './platform/errors.ts';
import { registerAuth } from './platform/http/auth-plugin.ts';
import { registerIdempotency } from './platform/http/idempotency.ts';
import { defaultRateLimits, registerRateLimits } from './platform/http/rate-limit.ts';
import type { RateLimits } from './platform/http/rate-limit.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { registerValidators } from './platform/http/validators.ts';
import { registerProblemHandler, sendProblem } from './platform/http/problem.ts';
import { EventBus } from './platform/outbox/event-bus.ts';
import type { EventBusOptions } from './platform/outbox/event-bus.ts';
import { logRedactPaths } from './platform/log.ts';
import { createAuditService, auditRoutes } from './modules/audit/index.ts';
import {
  createAuthService,
  createUserDirectory,
  createUsersService,
  identityRoutes,
} from './modules/identity/index.ts';
import {
  createNotificationsService,
  notificationsRoutes,
  userLockedHandler,
} from './modules/notifications/index.ts';
import { createOutletDirectory, createOutletsService, outletsRoutes } from './modules/outlets/index.ts';
import { createPolicyService, createPolicyStore, policyRoutes } from './modules/policy/index.ts';
import { catalogRoutes, createCatalogLookup, createCatalogService } from './modules/catalog/index.ts';
import {
  createCustomerContactEvidence,
  createCustomersService,
  customersRoutes,
} from './modules/customers/index.ts';
import {
  createImportsService,
  customersImporter,
  engineersImporter,
  importsRoutes,
  modelsImporter,
  outletsImporter,
} from './modules/imports/index.ts';
import type { Importer } from './platform/files/import-runner.ts';
import {
  createWorkOrdersService,
  customerOrderHistory,
  defaultFilesDir,
  workOrdersRoutes,
} from './modules/work-orders/index.ts';
import {
  callbackPlanningHandler,
  callbacksRoutes,
  createCallbacksService,
  startFinalisationSweep,
} from './modules/callbacks/index.ts';

export interface BuildAppOptions {
  database: Database;
  crypto: FieldCrypto;
  clock?: Clock;
  logger?: Logger;
  businessTimeZone?: string;
  secureCookies?: boolean;
  /** Login and intake limits; absent ⇒ the defaults, `max: 0` turns one off. */
  rateLimits?: Partial<RateLimits>;
  /** Where uploaded files (order photos) are stored; tests default to a temporary folder. */
  filesDir?: string;
  /** Folder with the built web UI; absent or missing ⇒ API only. */
  webDir?: string;
  /** Start the outbox relay and pg-boss workers (off in most tests, which drive the bus by hand). */
  worker?: boolean;
  eventBus?: EventBusOptions;
  sleep?: (ms: number) => Promise<void>;
}

export const defaultWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export function createServices(
  deps: PlatformDeps,
  store: ReturnType<typeof createPolicyStore>,
  options: { filesDir?: string | undefined } = {},
) {
  const outletDirectory = createOutletDirectory(deps);
  const userDirectory = createUserDirectory(deps.database.db);
  const workOrders = createWorkOrdersService(deps, { filesDir: options.filesDir });
  // MD-4: customer screens list orders through the customers module's port, implemented by work orders.
  const customers = createCustomersService(deps, { orderHistory: customerOrderHistory });
  return {
    auth: createAuthService(deps, outletDirectory),
    users: createUsersService(deps, outletDirectory),
    outlets: createOutletsService(deps),
    catalog: createCatalogService(deps),
    customers,
    workOrders,
    // CB: the desk reads customers through their own masking, evidence and audited reveal, and records the
    // order's WO-6.1 callback through the work-orders use case.
    callbacks: createCallbacksService(deps, {
      customers: {
        ...createCustomerContactEvidence(deps),
        reveal: (ctx, customerId) => customers.reveal(ctx, customerId),
      },
      orders: workOrders.orders,
      filesDir: options.filesDir ?? defaultFilesDir(),
    }),
    policies: createPolicyService(deps, store, userDirectory),
    audit: createAuditService(deps, userDirectory),
    notifications: createNotificationsService(deps),
    userDirectory,
  };
}

export type Services = ReturnType<typeof createServices>;

export async function buildApp(options: BuildAppOptions): Promise<{
  app: FastifyInstance;
  services: Services;
  bus: EventBus;
  deps: PlatformDeps;
}> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: 'silent' });
  const database = withAmbientTransactions(options.database);
  const store = createPolicyStore(database, () => clock.now());
  const bus = new EventBus(database, logger, options.eventBus);
  const deps: PlatformDeps = {
    database,
    crypto: options.crypto,
    policies: store,
    clock,
    logger,
    businessTimeZone: options.businessTimeZone ?? 'Asia/Shanghai',
    afterCommit: () => void bus.nudge(),
    sleep: options.sleep ?? realSleep,
  };
  const services = createServices(deps, store, { filesDir: options.filesDir });
  const imports = createImportsService(deps, [
    modelsImporter(services.catalog),
    outletsImporter(services.outlets, database.db),
    engineersImporter(services.outlets, database.db),
    customersImporter(services.customers, createCatalogLookup(database.db)),
  ] as Importer<unknown>[]);
  bus.register(userLockedHandler(services.userDirectory));
  bus.register(callbackPlanningHandler(services.callbacks.desk.planner));

  const app = Fastify({
    loggerInstance: logger.child({}, { redact: logRedactPaths }) as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    // Requests Node's HTTP parser cannot read (raw spaces or bytes in the URL, broken headers) still get a
    // problem+json answer rather than Node's bare text.
    clientErrorHandler: (_err, socket) => {
      if (!socket.writable) return;
      const body = JSON.stringify({
        type: 'https://aftersales.dev/problems/bad-request',
        title: 'Bad request',
        status: 400,
        detail:
          'The request could not be read: encode the URL (spaces and non-ASCII characters) and check the headers.',
        code: 'BAD_REQUEST',
      });
      socket.end(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    },
    // Router-level rejections (over-long or malformed URL parameters) get the same problem+json as the rest.
    frameworkErrors: (error, _request, reply) => {
      const tooLong = (error as { code?: string }).code === 'FST_ERR_MAX_PARAM_LENGTH';
      void sendProblem(
        reply,
        new AppError(
          'BAD_REQUEST',
          tooLong ? 'A value in the URL is too long.' : 'The request URL is malformed.',
        ),
      );
    },
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerProblemHandler(app);
  registerValidators(app);
  // Routes that take no query parameters still reject unknown ones, so typos surface instead of being ignored.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    route.schema ??= {};
    route.schema.querystring ??= { type: 'object', properties: {}, additionalProperties: false };
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Aftersales API', version: '0.1.0', description: 'After-sales service management' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'as_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  registerSecurityHeaders(app, { secure: options.secureCookies ?? false });
  registerAuth(app, services.auth, clock);
  registerRateLimits(app, clock, { ...defaultRateLimits, ...options.rateLimits });
  registerIdempotency(app, deps);

  app.get('/api/health', { config: { public: true }, schema: { tags: ['health'] } }, async () => {
    const warnings = await services.catalog.healthWarnings(clock.now());
    return {
      status: 'ok',
      database: options.database.kind,
      migration: await appliedMigration(options.database),
      ...(warnings.length > 0 ? { warnings } : {}),
    };
  });

  await app.register(
    async (api) => {
      await api.register(identityRoutes, {
        auth: services.auth,
        users: services.users,
        secureCookies: options.secureCookies ?? false,
      });
      await api.register(outletsRoutes, { outlets: services.outlets });
      await api.register(catalogRoutes, { catalog: services.catalog });
      await api.register(customersRoutes, { customers: services.customers });
      await api.register(importsRoutes, { imports });
      await api.register(workOrdersRoutes, { workOrders: services.workOrders });
      await api.register(callbacksRoutes, { callbacks: services.callbacks });
      await api.register(policyRoutes, { policies: services.policies });
      await api.register(auditRoutes, { audit: services.audit, timeZone: deps.businessTimeZone });
      await api.register(notificationsRoutes, { notifications: services.notifications });
    },
    { prefix: '/api' },
  );

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    // Missing files (an old page asking for assets of a previous build) are 404s, not the app's HTML.
    const pathOnly = request.url.split('?')[0] ?? '';
    const looksLikeFile = /\.[a-z0-9]{1,8}$/i.test(pathOnly) || pathOnly.startsWith('/assets/');
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET' || looksLikeFile) {
      return sendProblem(
        reply,
        new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`),
      );
    }
    // Client-side routes: every other GET gets the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });

  if (options.worker) {
    app.addHook('onReady', async () => bus.start());
    let stopSweep: (() => void) | undefined;
    app.addHook('onReady', async () => {
      stopSweep = startFinalisationSweep(
        services.callbacks.desk,
        () => clock.now(),
        (err) => logger.error({ err }, 'callback finalisation sweep failed; will retry'),
      );
    });
    app.addHook('onClose', async () => stopSweep?.());
  }
  app.addHook('onClose', async () => bus.stop());
  return { app, services, bus, deps };
}
