import type { Scope } from '../../../platform/auth/actor.ts';

export type { Scope };

/** DOMAIN §0: the people who use the console. */
export const roles = [
  'admin',
  'agent',
  'callback',
  'complaints',
  'dispatcher',
  'engineer',
  'outlet',
  'regional',
  'center',
  'parts',
  'settlement',
  'dealer',
] as const;

export type Role = (typeof roles)[number];

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

export type ScopeKind = Scope['kind'];

/** Which scope each role works in (SEC-1): outlet staff see one outlet, regional managers their regions. */
export const scopeKindOfRole: Record<Role, ScopeKind> = {
  admin: 'all',
  agent: 'all',
  callback: 'all',
  complaints: 'all',
  center: 'all',
  parts: 'all',
  settlement: 'all',
  regional: 'regions',
  dealer: 'regions',
  outlet: 'outlet',
  dispatcher: 'outlet',
  engineer: 'outlet',
};

export const permissions = [
  'policy.read',
  'policy.write',
  'user.read',
  'user.write',
  'user.reveal',
  'audit.read',
  'outlet.read',
  'outlet.write',
  'notification.read',
  'catalog.read',
  'catalog.write',
  'region.write',
  'calendar.write',
  'dealer.read',
  'dealer.write',
  'customer.read',
  'customer.write',
  'customer.reveal',
  'customer.merge',
  'engineer.read',
  'engineer.write',
  'engineer.reveal',
  'import.run',
  'order.read',
  'order.create',
  'order.dispatch',
  'order.accept',
  'order.assign',
  'order.field',
  'order.close',
  'order.contact',
  'order.monitor',
  'callback.read',
  'callback.call',
  'callback.judge',
  'callback.appeal',
  'callback.audit',
  'callback.report',
  'dealer.callback',
  'home.read',
  'home.write',
  'home.callback',
] as const;

export type Permission = (typeof permissions)[number];

const everyone: readonly Role[] = roles;
const hq: readonly Role[] = ['admin', 'center'];

const grants: Record<Permission, readonly Role[]> = {
  'policy.read': ['admin', 'center', 'regional', 'settlement', 'parts'],
  'policy.write': ['admin'],
  'user.read': [...hq, 'outlet'],
  'user.write': ['admin', 'outlet'],
  'user.reveal': [...hq, 'outlet'],
  'audit.read': hq,
  'outlet.read': [
    ...hq,
    'agent',
    'callback',
    'complaints',
    'regional',
    'parts',
    'settlement',
    'outlet',
    'dispatcher',
    'engineer',
  ],
  'outlet.write': [...hq, 'regional'],
  'notification.read': everyone,
  'catalog.read': everyone,
  'catalog.write': [...hq, 'parts'],
  'region.write': ['admin'],
  'calendar.write': ['admin'],
  'dealer.read': [...hq, 'agent', 'callback', 'complaints', 'regional', 'settlement', 'parts'],
  'dealer.write': hq,
  'customer.read': [...hq, 'agent', 'callback', 'complaints', 'regional', 'outlet', 'dispatcher', 'engineer'],
  'customer.write': [...hq, 'agent', 'outlet', 'dispatcher'],
  'customer.reveal': [...hq, 'agent', 'callback', 'complaints', 'outlet', 'dispatcher', 'engineer'],
  'customer.merge': hq,
  'engineer.read': [...hq, 'regional', 'agent', 'outlet', 'dispatcher', 'engineer'],
  'engineer.write': [...hq, 'outlet'],
  'engineer.reveal': [...hq, 'outlet', 'dispatcher'],
  'import.run': hq,
  'order.read': [
    ...hq,
    'agent',
    'callback',
    'complaints',
    'regional',
    'outlet',
    'dispatcher',
    'engineer',
    'settlement',
  ],
  'order.create': [...hq, 'agent', 'outlet', 'dispatcher'],
  'order.dispatch': [...hq, 'agent'],
  'order.accept': [...hq, 'outlet', 'dispatcher'],
  'order.assign': [...hq, 'outlet', 'dispatcher'],
  'order.field': [...hq, 'outlet', 'dispatcher', 'engineer'],
  'order.close': [...hq, 'outlet', 'dispatcher'],
  'order.contact': [...hq, 'agent', 'callback', 'complaints', 'outlet', 'dispatcher'],
  'order.monitor': [...hq, 'regional', 'outlet', 'dispatcher'],
  // CB: the call center's callback agents judge; outlets see their own results, call back what HQ does not
  // sample (CB-2) and appeal (CB-3); supervisors (center) audit the day's documents.
  'callback.read': [...hq, 'callback', 'agent', 'regional', 'settlement', 'outlet', 'dispatcher'],
  'callback.call': [...hq, 'callback', 'agent', 'outlet', 'dispatcher'],
  'callback.judge': [...hq, 'callback'],
  'callback.appeal': ['admin', 'outlet', 'dispatcher'],
  'callback.audit': hq,
  'callback.report': [...hq, 'callback', 'regional', 'settlement'],
  'dealer.callback': [...hq, 'callback', 'agent'],
  // CB-8 home-service placements belong to the home-service outlet that placed the worker.
  'home.read': [...hq, 'callback', 'agent', 'outlet', 'dispatcher'],
  'home.write': [...hq, 'outlet', 'dispatcher'],
  'home.callback': [...hq, 'callback', 'outlet', 'dispatcher'],
};

export function permissionsOf(role: Role): Permission[] {
  return permissions.filter((p) => grants[p].includes(role));
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return grants[permission].includes(role);
}
