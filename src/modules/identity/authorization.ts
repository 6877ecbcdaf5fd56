import type { Actor, ServiceContext } from '../../platform/auth/actor.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { Permission } from './domain/roles.ts';
import { hasPermission, isRole } from './domain/roles.ts';

/** Every use case starts here (SEC-1): no actor ⇒ 401, a role without the permission ⇒ 403. */
export function requirePermission(ctx: ServiceContext, permission: Permission): Actor {
  const actor = ctx.actor;
  if (!actor) throw new AppError('AUTH_REQUIRED', 'Log in to continue.');
  if (!isRole(actor.role) || !hasPermission(actor.role, permission))
    throw forbidden(permission.replace('.', ' '));
  return actor;
}

export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new AppError('AUTH_REQUIRED', 'Log in to continue.');
  return ctx.actor;
}
