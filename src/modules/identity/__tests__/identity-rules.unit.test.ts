import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { afterFailedLogin, isLocked, passwordProblems } from '../domain/login-rules.ts';
import { hasPermission, permissionsOf, roles, scopeKindOfRole } from '../domain/roles.ts';
import {
  canManageUser,
  canSeeUser,
  inScope,
  regionContains,
  validateScopeForRole,
} from '../domain/scope-rules.ts';

const policy = { maxFailures: 5, lockMinutes: 15, slowdownAfter: 3, slowdownStepMs: 500 };
const now = new Date('2026-11-23T02:00:00Z');

describe('roles and scopes (SEC-1)', () => {
  it('SEC-1 every DOMAIN §0 role exists with a scope kind', () => {
    expect([...roles].sort()).toEqual([
      'admin',
      'agent',
      'callback',
      'center',
      'complaints',
      'dealer',
      'dispatcher',
      'engineer',
      'outlet',
      'parts',
      'regional',
      'settlement',
    ]);
    for (const r of roles) expect(['all', 'outlet', 'regions']).toContain(scopeKindOfRole[r]);
  });

  it('SEC-1 outlet staff work in one outlet, regional managers in regions, HQ everywhere', () => {
    expect(validateScopeForRole('dispatcher', { kind: 'outlet', outletId: 'out_1' })).toEqual([]);
    expect(validateScopeForRole('dispatcher', { kind: 'all' })[0]?.path).toBe('/scope/kind');
    expect(validateScopeForRole('regional', { kind: 'regions', regionCodes: [] })[0]?.path).toBe(
      '/scope/regionCodes',
    );
    expect(validateScopeForRole('regional', { kind: 'regions', regionCodes: ['44'] })[0]?.path).toBe(
      '/scope/regionCodes',
    );
    expect(validateScopeForRole('center', { kind: 'all' })).toEqual([]);
  });

  it('SEC-1 only admins change policies; only HQ reads the audit trail', () => {
    for (const r of roles) {
      expect(hasPermission(r, 'policy.write')).toBe(r === 'admin');
      expect(hasPermission(r, 'audit.read')).toBe(r === 'admin' || r === 'center');
    }
    expect(permissionsOf('engineer')).not.toContain('user.read');
  });

  it('SEC-1 an outlet sees its own records; a region scope covers its cities and districts by code', () => {
    const outletScope = { kind: 'outlet', outletId: 'out_a' } as const;
    expect(inScope(outletScope, { outletId: 'out_a' })).toBe(true);
    expect(inScope(outletScope, { outletId: 'out_b' })).toBe(false);
    expect(inScope(outletScope, { outletId: null, regionCode: '440106' })).toBe(false);
    const gd = { kind: 'regions', regionCodes: ['440000'] } as const;
    expect(inScope(gd, { regionCode: '440106' })).toBe(true);
    expect(inScope(gd, { regionCode: '110108' })).toBe(false);
    expect(regionContains('440100', '440106')).toBe(true);
    expect(regionContains('440100', '440305')).toBe(false);
    expect(regionContains('440106', '440106')).toBe(true);
    expect(inScope({ kind: 'all' }, {})).toBe(true);
  });

  it('SEC-2 an outlet manager manages only dispatchers and engineers of the own outlet; admins everyone', () => {
    const manager = {
      userId: 'u1',
      role: 'outlet' as const,
      scope: { kind: 'outlet' as const, outletId: 'out_a' },
    };
    expect(canManageUser(manager, { role: 'engineer', scope: { kind: 'outlet', outletId: 'out_a' } })).toBe(
      true,
    );
    expect(canManageUser(manager, { role: 'engineer', scope: { kind: 'outlet', outletId: 'out_b' } })).toBe(
      false,
    );
    expect(canManageUser(manager, { role: 'outlet', scope: { kind: 'outlet', outletId: 'out_a' } })).toBe(
      false,
    );
    expect(canManageUser(manager, { role: 'admin', scope: { kind: 'all' } })).toBe(false);
    const admin = { userId: 'u0', role: 'admin' as const, scope: { kind: 'all' as const } };
    expect(canManageUser(admin, { role: 'admin', scope: { kind: 'all' } })).toBe(true);
    expect(canSeeUser(manager, { id: 'x', scope: { kind: 'outlet', outletId: 'out_b' } })).toBe(false);
    expect(canSeeUser(manager, { id: 'u1', scope: { kind: 'outlet', outletId: 'out_a' } })).toBe(true);
  });
});

describe('login lockout', () => {
  it('slows down from the 3rd failure and locks at the 5th for 15 minutes', () => {
    let state = { failedLogins: 0, lockedUntil: null as Date | null };
    const delays: number[] = [];
    let locked = false;
    for (let i = 0; i < 5; i++) {
      const r = afterFailedLogin(state, policy, now);
      delays.push(r.delayMs);
      state = r.next;
      locked = r.lockedNow;
    }
    expect(delays).toEqual([0, 0, 500, 1000, 1500]);
    expect(locked).toBe(true);
    expect(state.lockedUntil?.toISOString()).toBe('2026-11-23T02:15:00.000Z');
    expect(isLocked(state, new Date('2026-11-23T02:14:59Z'))).toBe(true);
    expect(isLocked(state, new Date('2026-11-23T02:15:00Z'))).toBe(false);
  });

  it('starts counting again after a lock has expired, and never waits more than 5 s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (n) => {
        const r = afterFailedLogin(
          { failedLogins: n, lockedUntil: null },
          { ...policy, maxFailures: 2000 },
          now,
        );
        expect(r.delayMs).toBeLessThanOrEqual(5000);
      }),
    );
    const expired = { failedLogins: 4, lockedUntil: new Date('2026-11-23T01:00:00Z') };
    expect(afterFailedLogin(expired, policy, now).next.failedLogins).toBe(1);
  });

  it('rejects short passwords and passwords equal to the username', () => {
    expect(passwordProblems('short', 'bob')).toHaveLength(1);
    expect(passwordProblems('alice12345', 'Alice12345')).toHaveLength(1);
    expect(passwordProblems('a-long-passphrase', 'bob')).toEqual([]);
  });
});
