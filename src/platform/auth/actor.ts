/** Scopes bound what a user may see (SEC-1): everything, one outlet, or a set of regions. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'outlet'; outletId: string }
  | { kind: 'regions'; regionCodes: readonly string[] };

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: string;
  scope: Scope;
  via: 'session' | 'token' | 'system';
}

/** Every use case receives who is acting and when; `now` comes from the injected clock, once per request. */
export interface ServiceContext {
  actor: Actor | null;
  now: Date;
  requestId: string | undefined;
}

export const systemContext = (now: Date): ServiceContext => ({
  actor: {
    userId: 'system',
    username: 'system',
    displayName: 'System',
    role: 'admin',
    scope: { kind: 'all' },
    via: 'system',
  },
  now,
  requestId: undefined,
});
