/** Shapes of the server's JSON, as agreed in the API contract. */

export const ROLES = [
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

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export type Scope =
  | { kind: 'all' }
  | { kind: 'outlet'; outletId: string; outletName: string }
  | { kind: 'regions'; regionCodes: string[] };

/** What the client sends: the server fills in the outlet's name itself. */
export type ScopeInput =
  { kind: 'all' } | { kind: 'outlet'; outletId: string } | { kind: 'regions'; regionCodes: string[] };

export type LocaleCode = 'zh-CN' | 'en-US';

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function isWeekday(value: unknown): value is Weekday {
  return typeof value === 'string' && (WEEKDAYS as readonly string[]).includes(value);
}

/** Mirrors the server's rule (SEC-1): each role works in exactly one kind of scope. */
export const SCOPE_KIND_OF_ROLE: Record<Role, Scope['kind']> = {
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

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  locale: LocaleCode;
  permissions: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const POLICY_UNITS = [
  'hours',
  'days',
  'working_days',
  'minutes',
  'months',
  'fen',
  'ratio',
  'multiplier',
  'count',
  'km',
  'time_of_day',
  'day_of_month',
  'day_of_week',
  'timezone',
  'table',
  'percent_points',
  'points',
  'text',
] as const;

export type PolicyUnit = (typeof POLICY_UNITS)[number];

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface Localized {
  'zh-CN': string;
  'en-US': string;
}

export interface PolicyCurrent {
  version: number;
  value: JsonValue;
  effectiveFrom: string;
}

export interface PolicyItem {
  key: string;
  rules: string[];
  unit: PolicyUnit;
  label: Localized;
  description: Localized;
  current: PolicyCurrent | null;
  /** The next version already saved with a future effective time, if any (list only). */
  scheduled?: { version: number; effectiveFrom: string } | null;
  versionCount: number;
}

export interface ActorRef {
  id: string;
  displayName: string;
}

export interface PolicyVersion {
  version: number;
  value: JsonValue;
  effectiveFrom: string;
  note: string;
  createdBy: ActorRef | null;
  createdAt: string;
}

export interface PolicyDetail extends PolicyItem {
  versions: PolicyVersion[];
  defaultValue?: JsonValue;
}

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: Scope;
  phoneMasked: string | null;
  locked: boolean;
  active: boolean;
  createdAt: string;
}

export interface UserDetail extends UserSummary {
  version: number;
}

export interface Outlet {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  status: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: ActorRef | null;
  entity: string;
  entityId: string;
  action: string;
  /** The actor's role at the time, when the server recorded it. */
  actorRole?: string | null;
  before: JsonValue | null;
  after: JsonValue | null;
}

export interface Health {
  status: 'ok';
  database: 'pglite' | 'postgres';
  migration: string;
}
