import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, ServiceContext } from '../auth/actor.ts';
import type { Clock } from '../clock.ts';
import { AppError } from '../errors.ts';

export const SESSION_COOKIE = 'as_session';
export const CSRF_COOKIE = 'as_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export interface Authenticator {
  authenticateSession(token: string): Promise<{ actor: Actor; csrfToken: string } | undefined>;
  authenticateToken(token: string): Promise<Actor | undefined>;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    ctx(): ServiceContext;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a login (login itself, health, docs). */
    public?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves who is calling: a Bearer token (integrations) or the session cookie (the console). Cookie-authenticated
 * writes must echo the CSRF token (double submit), since a browser sends cookies on cross-site requests too.
 */
export function registerAuth(app: FastifyInstance, auth: Authenticator, clock: Clock): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('ctx', function (this: FastifyRequest): ServiceContext {
    return { actor: this.actor, now: clock.now(), requestId: this.id };
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    // Documentation and unmatched URLs (answered 404 by the not-found handler) need no login.
    const isPublic =
      request.routeOptions.config?.public === true ||
      request.routeOptions.url === undefined ||
      request.url.startsWith('/api/docs');
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const actor = match?.[1] ? await auth.authenticateToken(match[1]) : undefined;
      if (!actor) throw new AppError('AUTH_INVALID_TOKEN', 'The API token is invalid, expired or revoked.');
      request.actor = actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const session = await auth.authenticateSession(cookie);
      if (session) {
        if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
          throw new AppError(
            'CSRF_FAILED',
            `Send the ${CSRF_HEADER} header with the value of the ${CSRF_COOKIE} cookie on every change.`,
          );
        }
        request.actor = session.actor;
        request.sessionToken = cookie;
        return;
      }
    }
    if (!isPublic) throw new AppError('AUTH_REQUIRED', 'Log in to continue.');
  });
}
