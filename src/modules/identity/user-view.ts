import type { Scope } from '../../platform/auth/actor.ts';
import { maskPhone } from '../../platform/phone.ts';
import type { FieldCrypto } from '../../platform/crypto.ts';
import type { UserRow } from './identity.repository.ts';
import type { Role } from './domain/roles.ts';
import { isRole, permissionsOf } from './domain/roles.ts';

export type ScopeView =
  | { kind: 'all' }
  | { kind: 'outlet'; outletId: string; outletName: string }
  | { kind: 'regions'; regionCodes: string[] };

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: ScopeView;
  phoneMasked: string | null;
  locked: boolean;
  active: boolean;
  createdAt: string;
  version: number;
}

export interface MeView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: ScopeView;
  locale: string;
  permissions: string[];
}

export function scopeOfRow(row: UserRow): Scope {
  if (row.scopeKind === 'outlet' && row.scopeOutletId) return { kind: 'outlet', outletId: row.scopeOutletId };
  if (row.scopeKind === 'regions') return { kind: 'regions', regionCodes: row.scopeRegionCodes };
  return { kind: 'all' };
}

export function scopeView(scope: Scope, outletNames: Map<string, string>): ScopeView {
  if (scope.kind === 'outlet') {
    return {
      kind: 'outlet',
      outletId: scope.outletId,
      outletName: outletNames.get(scope.outletId) ?? scope.outletId,
    };
  }
  if (scope.kind === 'regions') return { kind: 'regions', regionCodes: [...scope.regionCodes] };
  return { kind: 'all' };
}

function roleOf(row: UserRow): Role {
  if (!isRole(row.role)) throw new Error(`User ${row.id} has unknown role ${row.role}`);
  return row.role;
}

export function toUserView(
  row: UserRow,
  crypto: FieldCrypto,
  now: Date,
  outletNames: Map<string, string>,
): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: roleOf(row),
    scope: scopeView(scopeOfRow(row), outletNames),
    phoneMasked: row.phoneEnc ? maskPhone(crypto.decrypt(row.phoneEnc)) : null,
    locked: row.lockedUntil !== null && row.lockedUntil.getTime() > now.getTime(),
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export function toMeView(row: UserRow, outletNames: Map<string, string>): MeView {
  const role = roleOf(row);
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role,
    scope: scopeView(scopeOfRow(row), outletNames),
    locale: row.locale,
    permissions: permissionsOf(role),
  };
}

/** What the audit trail may hold about a user: no phone, no hash. */
export function auditableUser(row: UserRow): Record<string, unknown> {
  return {
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    scope: scopeOfRow(row),
    active: row.active,
    locale: row.locale,
    hasPhone: row.phoneEnc !== null,
    version: row.version,
  };
}
