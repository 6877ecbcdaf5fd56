import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors.ts';
import { exportLocale, MAX_EXPORT_ROWS, sendXlsx, toXlsxBuffer } from '../../platform/files/xlsx-export.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/http/auth-plugin.ts';
import { IdParams, PageQuery, ScopeSchema } from '../../platform/http/schemas.ts';
import type { AuthService } from './auth.service.ts';
import { SESSION_IDLE_HOURS, supportedLocales } from './auth.service.ts';
import type { UsersService } from './users.service.ts';
import { roles } from './domain/roles.ts';

export interface IdentityRoutesOptions {
  auth: AuthService;
  users: UsersService;
  secureCookies: boolean;
}

const RoleSchema = Type.Union(roles.map((r) => Type.Literal(r)));
const Username = Type.String({ minLength: 1, maxLength: 40 });

export const identityRoutes: FastifyPluginAsyncTypebox<IdentityRoutesOptions> = async (app, opts) => {
  const { auth, users } = opts;
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: opts.secureCookies };

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: 'login', idempotent: false },
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password; sets the session cookie',
        body: Type.Object(
          { username: Username, password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const result = await auth.login(request.ctx(), {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      const maxAge = SESSION_IDLE_HOURS * 3600;
      reply.setCookie(SESSION_COOKIE, result.sessionToken, { ...cookieBase, httpOnly: true, maxAge });
      reply.setCookie(CSRF_COOKIE, result.csrfToken, { ...cookieBase, httpOnly: false, maxAge });
      return result.me;
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true, idempotent: false }, schema: { tags: ['auth'], summary: 'End the session' } },
    async (request, reply) => {
      if (request.sessionToken) await auth.logout(request.ctx(), request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, cookieBase).clearCookie(CSRF_COOKIE, cookieBase);
      return reply.status(204).send();
    },
  );

  app.get('/auth/me', { schema: { tags: ['auth'], summary: 'Who am I' } }, async (request) =>
    auth.me(request.ctx()),
  );

  app.patch(
    '/auth/me/preferences',
    {
      schema: {
        tags: ['auth'],
        summary: 'Remember my language',
        body: Type.Object(
          { locale: Type.Union(supportedLocales.map((l) => Type.Literal(l))) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => auth.updatePreferences(request.ctx(), request.body),
  );

  app.get('/auth/tokens', { schema: { tags: ['auth'], summary: 'My API tokens' } }, async (request) => ({
    items: await auth.listTokens(request.ctx()),
  }));

  app.post(
    '/auth/tokens',
    {
      // The secret is shown once and never stored, so a retry makes a new token rather than replaying it.
      config: { idempotent: false },
      schema: {
        tags: ['auth'],
        summary: 'Create a personal API token (shown once)',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 80 }),
            expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return auth.createToken(request.ctx(), request.body);
    },
  );

  app.delete(
    '/auth/tokens/:id',
    { schema: { tags: ['auth'], summary: 'Revoke an API token', params: IdParams } },
    async (request, reply) => {
      await auth.revokeToken(request.ctx(), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users in my scope',
        querystring: Type.Object(
          {
            ...PageQuery,
            q: Type.Optional(Type.String({ maxLength: 100 })),
            role: Type.Optional(RoleSchema),
            phone: Type.Optional(Type.String({ maxLength: 30 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { phone, ...rest } = request.query;
      if (phone !== undefined) {
        const items = await users.findByPhone(request.ctx(), phone);
        return { items, total: items.length, page: 1, pageSize: items.length };
      }
      return users.list(request.ctx(), rest);
    },
  );

  app.get(
    '/users/export.xlsx',
    {
      schema: {
        tags: ['users'],
        summary: 'The user list as an Excel file (same filters)',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 100 })),
            role: Type.Optional(RoleSchema),
            lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { lang, ...filter } = request.query;
      const result = await users.list(request.ctx(), { ...filter, page: 1, pageSize: MAX_EXPORT_ROWS });
      if (result.total > MAX_EXPORT_ROWS) {
        throw new AppError('BAD_REQUEST', `The export would hold ${result.total} rows; narrow the filters.`);
      }
      const locale = exportLocale(lang, undefined);
      const scopeText = (u: (typeof result.items)[number]) =>
        u.scope.kind === 'outlet'
          ? u.scope.outletName
          : u.scope.kind === 'regions'
            ? u.scope.regionCodes.join(', ')
            : '';
      const buffer = await toXlsxBuffer(
        locale === 'zh-CN' ? '用户' : 'Users',
        [
          { header: { 'zh-CN': '用户名', 'en-US': 'Username' }, value: (u) => u.username },
          { header: { 'zh-CN': '姓名', 'en-US': 'Display name' }, value: (u) => u.displayName, width: 24 },
          { header: { 'zh-CN': '角色', 'en-US': 'Role' }, value: (u) => u.role },
          { header: { 'zh-CN': '数据范围', 'en-US': 'Scope' }, value: scopeText, width: 28 },
          { header: { 'zh-CN': '电话', 'en-US': 'Phone' }, value: (u) => u.phoneMasked ?? '' },
          { header: { 'zh-CN': '启用', 'en-US': 'Active' }, value: (u) => (u.active ? '是' : '否') },
          { header: { 'zh-CN': '已锁定', 'en-US': 'Locked' }, value: (u) => (u.locked ? '是' : '否') },
          { header: { 'zh-CN': '创建时间', 'en-US': 'Created' }, value: (u) => u.createdAt.slice(0, 10) },
        ],
        result.items,
        locale,
      );
      return sendXlsx(reply, 'users.xlsx', buffer);
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        body: Type.Object(
          {
            username: Username,
            displayName: Type.String({ minLength: 1, maxLength: 60 }),
            role: RoleSchema,
            scope: ScopeSchema,
            password: Type.String({ minLength: 1, maxLength: 200 }),
            phone: Type.Optional(Type.String({ maxLength: 30 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return users.create(request.ctx(), request.body);
    },
  );

  app.get('/users/:id', { schema: { tags: ['users'], params: IdParams } }, async (request) =>
    users.get(request.ctx(), request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change a user (send the version you read)',
        params: IdParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
            role: Type.Optional(RoleSchema),
            scope: Type.Optional(ScopeSchema),
            active: Type.Optional(Type.Boolean()),
            phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => users.update(request.ctx(), request.params.id, request.body),
  );

  app.post(
    '/users/:id/reveal',
    {
      config: { idempotent: false },
      schema: { tags: ['users'], summary: 'Show the full phone number (audited)', params: IdParams },
    },
    async (request) => users.revealPhone(request.ctx(), request.params.id),
  );

  app.post('/users/:id/unlock', { schema: { tags: ['users'], params: IdParams } }, async (request) =>
    users.unlock(request.ctx(), request.params.id),
  );

  app.post(
    '/users/:id/password',
    {
      // The body is a password: not even its hash is kept for replay.
      config: { idempotent: false },
      schema: {
        tags: ['users'],
        summary: 'Set a new password and end the user’s sessions',
        params: IdParams,
        body: Type.Object(
          { password: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      if (request.actor?.via === 'token') {
        throw new AppError('FORBIDDEN', 'Passwords can only be reset from a logged-in session.');
      }
      await users.resetPassword(request.ctx(), request.params.id, request.body.password);
      return reply.status(204).send();
    },
  );
};
