import type { FastifyInstance } from 'fastify';

/**
 * The console is served by the same origin as the API and loads nothing from elsewhere, so the policy can be
 * strict: own scripts only, no framing, no plugins. antd writes its styles at run time, hence inline styles.
 * Images may be data/blob URLs (photo previews before upload).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Security headers on every answer; HSTS only when served over HTTPS (`secure`). */
export function registerSecurityHeaders(app: FastifyInstance, options: { secure: boolean }): void {
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('x-frame-options', 'DENY');
    void reply.header('referrer-policy', 'same-origin');
    void reply.header('cross-origin-opener-policy', 'same-origin');
    void reply.header('permissions-policy', 'camera=(self), microphone=(), geolocation=(self), payment=()');
    // The API documentation page runs Swagger UI's own inline start-up script.
    if (!request.url.startsWith('/api/docs'))
      void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    if (options.secure) void reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // Personal data is in most answers: no shared cache may keep them.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      void reply.header('cache-control', 'no-store');
  });
}
