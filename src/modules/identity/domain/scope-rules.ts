import type { FieldError } from '../../../platform/errors.ts';
import type { Role, Scope } from './roles.ts';
import { scopeKindOfRole } from './roles.ts';

export interface Principal {
  userId: string;
  role: Role;
  scope: Scope;
}

/** SEC-1: a role's scope must be of the role's kind, and non-empty where it names things. */
export function validateScopeForRole(role: Role, scope: Scope): FieldError[] {
  const expected = scopeKindOfRole[role];
  if (scope.kind !== expected) {
    return [
      { path: '/scope/kind', message: `Role ${role} works in scope "${expected}", not "${scope.kind}".` },
    ];
  }
  if (scope.kind === 'regions' && scope.regionCodes.length === 0) {
    return [{ path: '/scope/regionCodes', message: 'Name at least one region code.' }];
  }
  if (scope.kind === 'regions' && scope.regionCodes.some((c) => !/^\d{6}$/.test(c))) {
    return [{ path: '/scope/regionCodes', message: 'Region codes are 6-digit administrative codes.' }];
  }
  return [];
}

/** Outlet managers manage the dispatchers and engineers of their own outlet; admins manage everyone. */
export function canManageUser(actor: Principal, target: { role: Role; scope: Scope }): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'outlet' || actor.scope.kind !== 'outlet') return false;
  return (
    (target.role === 'dispatcher' || target.role === 'engineer') &&
    target.scope.kind === 'outlet' &&
    target.scope.outletId === actor.scope.outletId
  );
}

/** Who may see a user record: HQ everyone, an outlet manager their own outlet's staff, anyone themselves. */
export function canSeeUser(actor: Principal, target: { id: string; scope: Scope }): boolean {
  if (actor.userId === target.id) return true;
  if (actor.role === 'admin' || actor.role === 'center') return true;
  if (actor.role === 'outlet' && actor.scope.kind === 'outlet') {
    return target.scope.kind === 'outlet' && target.scope.outletId === actor.scope.outletId;
  }
  return false;
}

/**
 * Whether a record that belongs to an outlet in a region is inside the actor's scope. Region scopes match
 * by prefix of the 6-digit code: a province code `440000` covers `440300` (a city) and `440305` (a district).
 */
export function inScope(
  scope: Scope,
  record: { outletId?: string | null; regionCode?: string | null },
): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'outlet':
      return record.outletId != null && record.outletId === scope.outletId;
    case 'regions':
      return (
        record.regionCode != null && scope.regionCodes.some((c) => regionContains(c, record.regionCode ?? ''))
      );
  }
}

export function regionContains(scopeCode: string, code: string): boolean {
  if (scopeCode.endsWith('0000')) return code.slice(0, 2) === scopeCode.slice(0, 2);
  if (scopeCode.endsWith('00')) return code.slice(0, 4) === scopeCode.slice(0, 4);
  return code === scopeCode;
}

/** SQL LIKE patterns equivalent to regionContains, so lists can filter in the database. */
export function regionPrefixes(scopeCodes: readonly string[]): string[] {
  return scopeCodes.map((c) => (c.endsWith('0000') ? c.slice(0, 2) : c.endsWith('00') ? c.slice(0, 4) : c));
}
