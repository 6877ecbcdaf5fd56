import { createHash } from 'node:crypto';
import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { newId, newSecretToken } from '../../platform/ids.ts';
import { formatBusiness } from '../../platform/time.ts';
import { identityRepository as repo } from './identity.repository.ts';
import type { OutletDirectory } from './identity.ports.ts';
import { afterFailedLogin, afterSuccessfulLogin, isLocked } from './domain/login-rules.ts';
import type { LockoutPolicy } from './domain/login-rules.ts';
import { requireActor } from './authorization.ts';
import { dummyPasswordHash, verifyPassword } from './password.ts';
import type { MeView } from './user-view.ts';
import { scopeOfRow, toMeView } from './user-view.ts';

export const LOCKOUT_POLICY_KEY = 'security.login_lockout';
export const SESSION_IDLE_HOURS = 12;
const TOUCH_EVERY_MS = 60_000;

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

export interface LoginInput {
  username: string;
  password: string;
  ip?: string | undefined;
  userAgent?: string | undefined;
}

export interface LoginResult {
  me: MeView;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface AuthenticatedSession {
  actor: Actor;
  csrfToken: string;
}

export const supportedLocales = ['zh-CN', 'en-US'] as const;

export function createAuthService(deps: PlatformDeps, outlets: OutletDirectory) {
  const { database, clock } = deps;
  const db = database.db;

  async function meOf(row: Parameters<typeof toMeView>[0]): Promise<MeView> {
    const scope = scopeOfRow(row);
    const names = scope.kind === 'outlet' ? await outlets.names([scope.outletId]) : new Map<string, string>();
    return toMeView(row, names);
  }

  const actorOf = (row: Parameters<typeof scopeOfRow>[0], via: Actor['via']): Actor => ({
    userId: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    scope: scopeOfRow(row),
    via,
  });

  return {
    async login(ctx: ServiceContext, input: LoginInput): Promise<LoginResult> {
      const now = ctx.now;
      const user = await repo.findByUsername(db, input.username);
      if (!user || !user.active) {
        await verifyPassword(await dummyPasswordHash(), input.password);
        throw new AppError('AUTH_INVALID_CREDENTIALS', 'The username or password is wrong.');
      }
      if (isLocked(user, now)) {
        throw lockedError(user.lockedUntil as Date, deps.businessTimeZone);
      }
      const ok = await verifyPassword(user.passwordHash, input.password);
      if (!ok) {
        const policy = await deps.policies.at<LockoutPolicy>(LOCKOUT_POLICY_KEY, now);
        const outcome = afterFailedLogin(user, policy.value, now);
        await inTransaction(deps, async (tx) => {
          await repo.setLoginState(tx, user.id, outcome.next);
          if (outcome.lockedNow) {
            const sys = { ...ctx, actor: null };
            await writeAudit(tx, sys, {
              entity: 'user',
              entityId: user.id,
              action: 'lock',
              after: { lockedUntil: outcome.next.lockedUntil, policyVersion: policy.version },
              reason: `${policy.value.maxFailures} failed logins`,
              scopeOutletId: user.scopeOutletId,
            });
            await emitEvent(tx, sys, 'user.locked', {
              userId: user.id,
              username: user.username,
              lockedUntil: outcome.next.lockedUntil?.toISOString() ?? null,
              outletId: user.scopeOutletId,
              ip: input.ip ?? null,
            });
          }
        });
        await deps.sleep(outcome.delayMs);
        if (outcome.lockedNow) throw lockedError(outcome.next.lockedUntil as Date, deps.businessTimeZone);
        throw new AppError('AUTH_INVALID_CREDENTIALS', 'The username or password is wrong.');
      }
      const sessionToken = newSecretToken();
      const csrfToken = newSecretToken(24);
      const expiresAt = new Date(now.getTime() + SESSION_IDLE_HOURS * 3_600_000);
      await inTransaction(deps, async (tx) => {
        await repo.setLoginState(tx, user.id, { ...afterSuccessfulLogin(), lastLoginAt: now });
        await repo.insertSession(tx, {
          id: sha256(sessionToken),
          userId: user.id,
          csrfToken,
          createdAt: now,
          expiresAt,
          lastSeenAt: now,
          ip: input.ip ?? null,
          userAgent: input.userAgent?.slice(0, 300) ?? null,
        });
        await writeAudit(
          tx,
          { ...ctx, actor: actorOf(user, 'session') },
          {
            entity: 'user',
            entityId: user.id,
            action: 'login',
            after: { ip: input.ip ?? null },
            scopeOutletId: user.scopeOutletId,
          },
        );
      });
      return { me: await meOf(user), sessionToken, csrfToken, expiresAt };
    },

    async logout(ctx: ServiceContext, sessionToken: string): Promise<void> {
      await inTransaction(deps, async (tx) => {
        await repo.deleteSession(tx, sha256(sessionToken));
        if (ctx.actor) {
          await writeAudit(tx, ctx, { entity: 'user', entityId: ctx.actor.userId, action: 'logout' });
        }
      });
    },

    async authenticateSession(sessionToken: string): Promise<AuthenticatedSession | undefined> {
      const now = clock.now();
      const found = await repo.findSession(db, sha256(sessionToken), now);
      if (!found || !found.user.active) return undefined;
      if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await repo.touchSession(
          db,
          found.session.id,
          now,
          new Date(now.getTime() + SESSION_IDLE_HOURS * 3_600_000),
        );
      }
      return { actor: actorOf(found.user, 'session'), csrfToken: found.session.csrfToken };
    },

    async authenticateToken(token: string): Promise<Actor | undefined> {
      const now = clock.now();
      const found = await repo.findToken(db, sha256(token), now);
      if (!found || !found.user.active) return undefined;
      if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
        await repo.touchToken(db, found.token.id, now);
      }
      return actorOf(found.user, 'token');
    },

    async me(ctx: ServiceContext): Promise<MeView> {
      const actor = requireActor(ctx);
      const row = await repo.findById(db, actor.userId);
      if (!row) throw new AppError('AUTH_REQUIRED', 'Your account no longer exists. Log in again.');
      return meOf(row);
    },

    async updatePreferences(ctx: ServiceContext, input: { locale: string }): Promise<MeView> {
      const actor = requireActor(ctx);
      if (!(supportedLocales as readonly string[]).includes(input.locale)) {
        throw validationFailed([{ path: '/locale', message: `Use one of ${supportedLocales.join(', ')}.` }]);
      }
      const row = await inTransaction(deps, async (tx) => {
        const before = await repo.findById(tx, actor.userId, true);
        if (!before) throw notFound('user', actor.userId);
        const after = await repo.updateVersioned(tx, before.id, before.version, {
          locale: input.locale,
          updatedAt: ctx.now,
        });
        if (!after) throw new AppError('CONFLICT', 'Your account changed while saving; try again.');
        await writeAudit(tx, ctx, {
          entity: 'user',
          entityId: before.id,
          action: 'update_preferences',
          before: { locale: before.locale },
          after: { locale: after.locale },
          scopeOutletId: before.scopeOutletId,
        });
        return after;
      });
      return meOf(row);
    },

    async createToken(
      ctx: ServiceContext,
      input: { name: string; expiresInDays?: number | undefined },
    ): Promise<{ id: string; name: string; token: string; prefix: string; expiresAt: string | null }> {
      const actor = requireActor(ctx);
      if (actor.via === 'token')
        throw new AppError('FORBIDDEN', 'A token cannot create other tokens; log in.');
      const token = `as_${newSecretToken()}`;
      const expiresAt = input.expiresInDays
        ? new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000)
        : null;
      const row = await inTransaction(deps, async (tx) => {
        const created = await repo.insertToken(tx, {
          id: newId('tok', ctx.now),
          userId: actor.userId,
          name: input.name,
          tokenHash: sha256(token),
          prefix: token.slice(0, 10),
          createdAt: ctx.now,
          expiresAt,
        });
        await writeAudit(tx, ctx, {
          entity: 'api_token',
          entityId: created.id,
          action: 'create',
          after: { name: created.name, prefix: created.prefix, expiresAt },
        });
        return created;
      });
      return {
        id: row.id,
        name: row.name,
        token,
        prefix: row.prefix,
        expiresAt: expiresAt?.toISOString() ?? null,
      };
    },

    async listTokens(ctx: ServiceContext) {
      const actor = requireActor(ctx);
      const rows = await repo.listTokens(db, actor.userId);
      return rows.map((t) => ({
        id: t.id,
        name: t.name,
        prefix: t.prefix,
        createdAt: t.createdAt.toISOString(),
        expiresAt: t.expiresAt?.toISOString() ?? null,
        lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
        revokedAt: t.revokedAt?.toISOString() ?? null,
      }));
    },

    async revokeToken(ctx: ServiceContext, id: string): Promise<void> {
      const actor = requireActor(ctx);
      await inTransaction(deps, async (tx) => {
        const row = await repo.revokeToken(tx, id, actor.userId, ctx.now);
        if (!row) throw notFound('API token', id);
        await writeAudit(tx, ctx, { entity: 'api_token', entityId: id, action: 'revoke' });
      });
    },
  };
}

function lockedError(until: Date, tz: string): AppError {
  return new AppError(
    'AUTH_LOCKED',
    `This account is locked after repeated failed logins until ${formatBusiness(until, tz)}. Ask an administrator to unlock it, or try again then.`,
    { details: { lockedUntil: until.toISOString() } },
  );
}

export type AuthService = ReturnType<typeof createAuthService>;
