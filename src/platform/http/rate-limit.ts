import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';

/** How many requests one caller may make in a window; `max: 0` turns the limit off. */
export interface RateLimit {
  max: number;
  windowMs: number;
}

/**
 * The limits by name. Login is counted per client address (guessing passwords across many accounts from one
 * place; the per-account lockout covers one account from many places); intake per signed-in caller, so one
 * runaway integration cannot flood the dispatchers' boards.
 */
export interface RateLimits {
  login: RateLimit;
  intake: RateLimit;
}

export type RateLimitName = keyof RateLimits;

export const defaultRateLimits: RateLimits = {
  login: { max: 30, windowMs: 60_000 },
  intake: { max: 600, windowMs: 60_000 },
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Counts requests to this route against the named limit (SEC: login and intake). */
    rateLimit?: RateLimitName;
  }
}

interface Window {
  startedAt: number;
  count: number;
}

/** Windows kept per limit before the oldest are swept: bounds memory under a flood of distinct callers. */
const MAX_TRACKED = 50_000;

function callerKey(name: RateLimitName, request: FastifyRequest): string {
  return name === 'login' ? `ip:${request.ip}` : `actor:${request.actor?.userId ?? `ip:${request.ip}`}`;
}

/**
 * Fixed-window counters in this process. One server process is the unit here (the embedded database allows
 * only one); behind several PostgreSQL-backed servers each counts its own share, which a proxy's limit
 * would then have to cap.
 */
export function registerRateLimits(app: FastifyInstance, clock: Clock, limits: RateLimits): void {
  const windows = new Map<RateLimitName, Map<string, Window>>([
    ['login', new Map()],
    ['intake', new Map()],
  ]);
  // preHandler: the caller is known (auth runs onRequest) and bad bodies were refused without counting.
  app.addHook('preHandler', async (request, reply) => {
    const name = request.routeOptions.config?.rateLimit;
    if (!name) return;
    const limit = limits[name];
    if (limit.max <= 0) return;
    const now = clock.now().getTime();
    const table = windows.get(name) as Map<string, Window>;
    const key = callerKey(name, request);
    let window = table.get(key);
    if (!window || now - window.startedAt >= limit.windowMs) {
      if (table.size >= MAX_TRACKED) {
        for (const [k, w] of table) if (now - w.startedAt >= limit.windowMs) table.delete(k);
        if (table.size >= MAX_TRACKED) table.clear();
      }
      window = { startedAt: now, count: 0 };
      table.set(key, window);
    }
    window.count += 1;
    const retryAfterS = Math.max(1, Math.ceil((window.startedAt + limit.windowMs - now) / 1000));
    void reply.header('ratelimit-limit', String(limit.max));
    void reply.header('ratelimit-remaining', String(Math.max(0, limit.max - window.count)));
    if (window.count > limit.max) {
      void reply.header('retry-after', String(retryAfterS));
      throw new AppError(
        'RATE_LIMITED',
        name === 'login'
          ? `Too many sign-in attempts from this address; try again in ${retryAfterS} s.`
          : `Too many new orders from this account (at most ${limit.max} per ${Math.round(limit.windowMs / 1000)} s); try again in ${retryAfterS} s.`,
        {
          details: { limit: name, max: limit.max, windowMs: limit.windowMs, retryAfterSeconds: retryAfterS },
        },
      );
    }
  });
}
