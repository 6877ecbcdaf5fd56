import type { Me, Role } from '../../../api/types';
import { ROLES } from '../../../api/types';

/** An outlet-scoped manager may only staff their own outlet, with outlet roles. */
export function assignableRoles(me: Me): readonly Role[] {
  return me.scope.kind === 'outlet' ? ['dispatcher', 'engineer'] : ROLES;
}

export function fixedOutletOf(me: Me): { id: string; name: string } | undefined {
  return me.scope.kind === 'outlet' ? { id: me.scope.outletId, name: me.scope.outletName } : undefined;
}

export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,40}$/;
// Mainland mobile numbers, optionally written with the +86 country code.
export const PHONE_PATTERN = /^(\+?86)?1\d{10}$/;

export function normalisePhone(raw: string | undefined): string | undefined {
  const compact = (raw ?? '').replace(/[\s-]/g, '');
  return compact === '' ? undefined : compact;
}
