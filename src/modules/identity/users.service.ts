import type { Scope, ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { AppError, forbidden, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { normalisePhone } from '../../platform/phone.ts';
import { identityRepository as repo } from './identity.repository.ts';
import type { UserFilter, UserRow } from './identity.repository.ts';
import type { OutletDirectory } from './identity.ports.ts';
import { requireActor, requirePermission } from './authorization.ts';
import type { Role } from './domain/roles.ts';
import { isRole, roles } from './domain/roles.ts';
import { canManageUser, canSeeUser, validateScopeForRole } from './domain/scope-rules.ts';
import { passwordProblems } from './domain/login-rules.ts';
import { hashPassword } from './password.ts';
import type { UserView } from './user-view.ts';
import { auditableUser, scopeOfRow, toUserView } from './user-view.ts';

export const PHONE_INDEX_PURPOSE = 'phone';

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: string;
  scope: Scope;
  password: string;
  phone?: string | undefined;
}

export interface UpdateUserInput {
  version: number;
  displayName?: string | undefined;
  role?: string | undefined;
  scope?: Scope | undefined;
  active?: boolean | undefined;
  phone?: string | null | undefined;
}

const principal = (ctx: ServiceContext) => {
  const a = requireActor(ctx);
  return { userId: a.userId, role: a.role as Role, scope: a.scope };
};

export function createUsersService(deps: PlatformDeps, outlets: OutletDirectory) {
  const { database, crypto } = deps;
  const db = database.db;

  async function views(rows: UserRow[], now: Date): Promise<UserView[]> {
    const outletIds = [...new Set(rows.flatMap((r) => (r.scopeOutletId ? [r.scopeOutletId] : [])))];
    const names = outletIds.length ? await outlets.names(outletIds) : new Map<string, string>();
    return rows.map((r) => toUserView(r, crypto, now, names));
  }

  /** Reads that a caller may not see look exactly like missing records (404), never like forbidden ones. */
  async function loadVisible(ctx: ServiceContext, id: string): Promise<UserRow> {
    const row = await repo.findById(db, id);
    if (!row || !canSeeUser(principal(ctx), { id: row.id, scope: scopeOfRow(row) }))
      throw notFound('User', id);
    return row;
  }

  async function checkRoleAndScope(
    role: string,
    scope: Scope,
  ): Promise<{ role: Role; errors: FieldError[] }> {
    if (!isRole(role)) {
      return { role: 'agent', errors: [{ path: '/role', message: `Use one of: ${roles.join(', ')}.` }] };
    }
    const errors = validateScopeForRole(role, scope);
    if (scope.kind === 'outlet' && errors.length === 0 && !(await outlets.exists(scope.outletId))) {
      errors.push({ path: '/scope/outletId', message: `Outlet ${scope.outletId} does not exist.` });
    }
    return { role, errors };
  }

  function encryptPhone(phone: string | undefined | null, errors: FieldError[]) {
    if (phone === undefined) return undefined;
    if (phone === null || phone.trim() === '') return { phoneEnc: null, phoneIdx: null };
    const parsed = normalisePhone(phone);
    if (!parsed.ok) {
      errors.push({ path: '/phone', message: parsed.message });
      return undefined;
    }
    return {
      phoneEnc: crypto.encrypt(parsed.e164),
      phoneIdx: crypto.blindIndex(PHONE_INDEX_PURPOSE, parsed.e164),
    };
  }

  return {
    async list(ctx: ServiceContext, q: { page: number; pageSize: number; q?: string; role?: string }) {
      const actor = requirePermission(ctx, 'user.read');
      const filter: UserFilter = { q: q.q, role: q.role };
      if (actor.role === 'outlet') {
        if (actor.scope.kind !== 'outlet') throw forbidden('list users');
        filter.outletId = actor.scope.outletId;
      }
      const { rows, total } = await repo.list(db, filter, q.page, q.pageSize);
      return { items: await views(rows, ctx.now), total, page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: ServiceContext, id: string): Promise<UserView> {
      requireActor(ctx);
      const row = await loadVisible(ctx, id);
      return (await views([row], ctx.now))[0] as UserView;
    },

    /** MD-5: the full phone is shown only on request, and every such read is audited. */
    async revealPhone(ctx: ServiceContext, id: string): Promise<{ phone: string | null }> {
      requirePermission(ctx, 'user.reveal');
      const row = await loadVisible(ctx, id);
      const phone = row.phoneEnc ? crypto.decrypt(row.phoneEnc) : null;
      await inTransaction(deps, (tx) =>
        writeAudit(tx, ctx, {
          entity: 'user',
          entityId: id,
          action: 'reveal_personal_data',
          after: { fields: ['phone'] },
          scopeOutletId: row.scopeOutletId,
        }),
      );
      return { phone };
    },

    async findByPhone(ctx: ServiceContext, phone: string): Promise<UserView[]> {
      requirePermission(ctx, 'user.read');
      const parsed = normalisePhone(phone);
      if (!parsed.ok) throw validationFailed([{ path: '/phone', message: parsed.message }]);
      const rows = await repo.findByPhoneIndex(db, crypto.blindIndex(PHONE_INDEX_PURPOSE, parsed.e164));
      const p = principal(ctx);
      return views(
        rows.filter((r) => canSeeUser(p, { id: r.id, scope: scopeOfRow(r) })),
        ctx.now,
      );
    },

    async create(ctx: ServiceContext, input: CreateUserInput): Promise<UserView> {
      requirePermission(ctx, 'user.write');
      const errors: FieldError[] = [];
      const username = input.username.trim();
      if (!/^[A-Za-z0-9._-]{3,40}$/.test(username)) {
        errors.push({ path: '/username', message: 'Use 3–40 letters, digits, dots, dashes or underscores.' });
      }
      const displayName = input.displayName.trim();
      if (displayName.length === 0) errors.push({ path: '/displayName', message: 'Enter a display name.' });
      for (const m of passwordProblems(input.password, username))
        errors.push({ path: '/password', message: m });
      const { role, errors: scopeErrors } = await checkRoleAndScope(input.role, input.scope);
      errors.push(...scopeErrors);
      const phone = encryptPhone(input.phone, errors);
      if (errors.length > 0) throw validationFailed(errors);
      if (!canManageUser(principal(ctx), { role, scope: input.scope })) {
        throw forbidden(`create a ${role} user in this scope`);
      }
      const passwordHash = await hashPassword(input.password);
      const row = await inTransaction(deps, async (tx) => {
        if (await repo.findByUsername(tx, username)) {
          throw new AppError('ALREADY_EXISTS', `The username ${username} is taken.`, {
            errors: [{ path: '/username', message: 'This username is taken.' }],
          });
        }
        const created = await repo.insert(tx, {
          id: newId('usr', ctx.now),
          username,
          displayName,
          role,
          scopeKind: input.scope.kind,
          scopeOutletId: input.scope.kind === 'outlet' ? input.scope.outletId : null,
          scopeRegionCodes: input.scope.kind === 'regions' ? [...input.scope.regionCodes] : [],
          phoneEnc: phone?.phoneEnc ?? null,
          phoneIdx: phone?.phoneIdx ?? null,
          passwordHash,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        await writeAudit(tx, ctx, {
          entity: 'user',
          entityId: created.id,
          action: 'create',
          after: auditableUser(created),
          scopeOutletId: created.scopeOutletId,
        });
        return created;
      });
      return (await views([row], ctx.now))[0] as UserView;
    },

    async update(ctx: ServiceContext, id: string, input: UpdateUserInput): Promise<UserView> {
      requirePermission(ctx, 'user.write');
      const current = await loadVisible(ctx, id);
      const p = principal(ctx);
      if (!canManageUser(p, { role: current.role as Role, scope: scopeOfRow(current) })) {
        throw forbidden('change this user');
      }
      const errors: FieldError[] = [];
      const nextRole = input.role ?? current.role;
      const nextScope = input.scope ?? scopeOfRow(current);
      const { role, errors: scopeErrors } = await checkRoleAndScope(nextRole, nextScope);
      errors.push(...scopeErrors);
      if (input.displayName !== undefined && input.displayName.trim() === '') {
        errors.push({ path: '/displayName', message: 'Enter a display name.' });
      }
      if (id === p.userId && input.active === false) {
        errors.push({ path: '/active', message: 'You cannot deactivate your own account.' });
      }
      const phone = encryptPhone(input.phone, errors);
      if (errors.length > 0) throw validationFailed(errors);
      if (!canManageUser(p, { role, scope: nextScope }))
        throw forbidden(`make this user a ${role} in this scope`);
      const row = await inTransaction(deps, async (tx) => {
        const before = await repo.findById(tx, id, true);
        if (!before) throw notFound('User', id);
        if (before.version !== input.version) throw versionConflict('User', id, before.version);
        const after = await repo.updateVersioned(tx, id, input.version, {
          displayName: input.displayName?.trim() ?? before.displayName,
          role,
          scopeKind: nextScope.kind,
          scopeOutletId: nextScope.kind === 'outlet' ? nextScope.outletId : null,
          scopeRegionCodes: nextScope.kind === 'regions' ? [...nextScope.regionCodes] : [],
          active: input.active ?? before.active,
          ...(phone ?? {}),
          updatedAt: ctx.now,
        });
        if (!after) throw versionConflict('User', id, before.version);
        // A deactivated user or one moved to another role/scope must not keep acting on old sessions.
        if (!after.active || after.role !== before.role || after.scopeKind !== before.scopeKind) {
          await repo.deleteSessionsOfUser(tx, id);
        }
        await writeAudit(tx, ctx, {
          entity: 'user',
          entityId: id,
          action: 'update',
          before: auditableUser(before),
          after: auditableUser(after),
          scopeOutletId: after.scopeOutletId,
        });
        return after;
      });
      return (await views([row], ctx.now))[0] as UserView;
    },

    async unlock(ctx: ServiceContext, id: string): Promise<UserView> {
      requirePermission(ctx, 'user.write');
      const current = await loadVisible(ctx, id);
      if (!canManageUser(principal(ctx), { role: current.role as Role, scope: scopeOfRow(current) })) {
        throw forbidden('unlock this user');
      }
      const row = await inTransaction(deps, async (tx) => {
        await repo.setLoginState(tx, id, { failedLogins: 0, lockedUntil: null });
        await writeAudit(tx, ctx, {
          entity: 'user',
          entityId: id,
          action: 'unlock',
          before: { lockedUntil: current.lockedUntil },
          scopeOutletId: current.scopeOutletId,
        });
        return { ...current, failedLogins: 0, lockedUntil: null };
      });
      return (await views([row], ctx.now))[0] as UserView;
    },

    /** Sets a new password and ends the user's sessions (used by admins and the CLI). */
    async resetPassword(ctx: ServiceContext, id: string, password: string): Promise<void> {
      requirePermission(ctx, 'user.write');
      const current = await loadVisible(ctx, id);
      if (!canManageUser(principal(ctx), { role: current.role as Role, scope: scopeOfRow(current) })) {
        throw forbidden('reset this user’s password');
      }
      const problems = passwordProblems(password, current.username);
      if (problems.length)
        throw validationFailed(problems.map((message) => ({ path: '/password', message })));
      const passwordHash = await hashPassword(password);
      await inTransaction(deps, async (tx) => {
        const updated = await repo.updateVersioned(tx, id, current.version, {
          passwordHash,
          updatedAt: ctx.now,
        });
        if (!updated) throw versionConflict('User', id, current.version);
        await repo.setLoginState(tx, id, { failedLogins: 0, lockedUntil: null });
        await repo.deleteSessionsOfUser(tx, id);
        await writeAudit(tx, ctx, {
          entity: 'user',
          entityId: id,
          action: 'reset_password',
          scopeOutletId: current.scopeOutletId,
        });
      });
    },

    async findIdByUsername(username: string): Promise<string | undefined> {
      return (await repo.findByUsername(db, username))?.id;
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
