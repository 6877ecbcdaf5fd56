import { createHash } from 'node:crypto';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import type { PlatformDeps } from '../deps.ts';
import { inTransaction } from '../deps.ts';
import { AppError } from '../errors.ts';
import { idempotencyKeys } from './idempotency.tables.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = '^[\\x21-\\x7e]{1,200}$';
const KEY_TTL_MS = 24 * 3_600_000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Honours Idempotency-Key; on by default for every POST (the handler must return its body, not call
     * reply.send). Set false only where a replay would be wrong: logins, audited reveals, secrets shown once,
     * multipart uploads whose bytes the request hash cannot see.
     */
    idempotent?: boolean;
  }
}

function requestHash(request: FastifyRequest): string {
  const hash = createHash('sha256').update(`${request.method} ${request.url}\n`);
  // Uploads arrive as raw bytes: the hash covers their type and content, so another file is another request.
  if (Buffer.isBuffer(request.body))
    hash.update(`${request.headers['content-type'] ?? ''}\n`).update(request.body);
  else hash.update(JSON.stringify(request.body ?? null));
  return hash.digest('base64url');
}

/**
 * Makes routes marked `config.idempotent` safe to retry: the key is claimed in the same transaction as the
 * change, so two concurrent requests with one key wait for each other and the second replays the first's
 * response. A failed request (4xx/5xx) rolls its claim back, so a retry runs again.
 */
export function registerIdempotency(app: FastifyInstance, deps: PlatformDeps): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!(route.config?.idempotent ?? methods.includes('POST'))) return;
    // Documented on the route, so the API reference (and the route inventory test) shows which writes
    // accept a key.
    const schema = (route.schema ??= {});
    const headers = (schema.headers ?? { type: 'object', properties: {} }) as {
      properties?: Record<string, unknown>;
    };
    schema.headers = {
      ...headers,
      properties: {
        ...headers.properties,
        [IDEMPOTENCY_HEADER]: {
          type: 'string',
          pattern: KEY_PATTERN,
          description:
            'A key of your choosing (1–200 visible ASCII characters); a retry with it returns the first result.',
        },
      },
    };
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
      // The header schema above has already refused a malformed key (400 with the header's path).
      const key = request.headers[IDEMPOTENCY_HEADER] as string | undefined;
      if (key === undefined) return handler.call(this, request, reply);
      const actorId = request.actor?.userId ?? 'anonymous';
      const hash = requestHash(request);
      const now = deps.clock.now();
      return inTransaction(deps, async (tx) => {
        const mine = and(eq(idempotencyKeys.actorId, actorId), eq(idempotencyKeys.key, key));
        const claim = {
          actorId,
          key,
          method: request.method,
          path: request.url,
          requestHash: hash,
          statusCode: 0,
          response: null,
          createdAt: now,
        };
        // One statement claims a new key or takes over an expired one; a live key returns no row.
        const claimed = await tx
          .insert(idempotencyKeys)
          .values(claim)
          .onConflictDoUpdate({
            target: [idempotencyKeys.actorId, idempotencyKeys.key],
            set: claim,
            setWhere: lt(idempotencyKeys.createdAt, new Date(now.getTime() - KEY_TTL_MS)),
          })
          .returning({ key: idempotencyKeys.key });
        if (claimed.length === 0) {
          const [first] = await tx.select().from(idempotencyKeys).where(mine).limit(1);
          if (!first || first.requestHash !== hash) {
            throw new AppError(
              'IDEMPOTENCY_KEY_REUSED',
              'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
            );
          }
          reply.code(first.statusCode).header('idempotent-replayed', 'true');
          return first.response;
        }
        const body: unknown = await handler.call(this, request, reply);
        // A handler that sent its own reply answered before this transaction committed; it must opt out.
        if (body === reply) throw new Error(`Idempotent route ${route.url} must return its body`);
        await tx
          .update(idempotencyKeys)
          .set({ statusCode: reply.statusCode, response: body ?? null })
          .where(mine);
        return body;
      });
    };
  });
}
