import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import type { Database } from '../../platform/db/database.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { AppError, notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { PolicyReader, PolicyValue } from '../../platform/policy.ts';
import { requirePermission } from '../identity/index.ts';
import type { UserDirectory } from '../identity/index.ts';
import type { PolicyDefinition } from './domain/policy-definition.ts';
import { policyCatalog } from './domain/policy-catalog.ts';
import { findDefinition, selectEffective, validatePolicyValue } from './domain/policy-values.ts';
import type { PolicyVersionRow } from './policy.repository.ts';
import { policyRepository as repo } from './policy.repository.ts';

/** Defaults apply from long before any data, so every historical instant resolves to a version. */
export const DEFAULTS_EFFECTIVE_FROM = new Date('2000-01-01T00:00:00.000Z');
/** A version may start "now"; this much clock skew between browser and server is tolerated. */
const RETROACTIVE_TOLERANCE_MS = 5 * 60_000;
/** Other processes (several servers on one PostgreSQL) see a new version within this time. */
const CACHE_TTL_MS = 10_000;

interface CachedVersions {
  loadedAt: number;
  versions: PolicyVersionRow[];
}

/** The store behind `at(key, instant)`; created before the services because every service reads policy. */
export function createPolicyStore(
  database: Database,
  clockNow: () => Date,
): PolicyReader & { invalidate(key?: string): void } {
  const cache = new Map<string, CachedVersions>();
  return {
    async at<T>(key: string, instant: Date): Promise<PolicyValue<T>> {
      if (!findDefinition(key)) throw new Error(`Unknown policy key ${key}`);
      let entry = cache.get(key);
      const nowMs = clockNow().getTime();
      if (!entry || nowMs - entry.loadedAt > CACHE_TTL_MS) {
        entry = { loadedAt: nowMs, versions: await repo.versionsOf(database.db, key) };
        cache.set(key, entry);
      }
      const chosen = selectEffective(entry.versions, instant) as PolicyVersionRow | undefined;
      if (!chosen)
        throw new AppError(
          'UNAVAILABLE',
          `Policy ${key} has no version in force at ${instant.toISOString()}.`,
        );
      return { key, version: chosen.version, value: chosen.value as T, effectiveFrom: chosen.effectiveFrom };
    },
    invalidate(key) {
      if (key) cache.delete(key);
      else cache.clear();
    },
  };
}

export type PolicyStore = ReturnType<typeof createPolicyStore>;

/** Inserts version 1 (the DOMAIN.md default) of every catalogue key that has none yet; idempotent. */
export async function ensurePolicyDefaults(database: Database, now: Date): Promise<number> {
  const existing = await repo.keysWithVersions(database.db);
  const missing = policyCatalog.filter((d) => !existing.has(d.key));
  await repo.insertMany(
    database.db,
    missing.map((d) => ({
      id: newId('pol', now),
      key: d.key,
      version: 1,
      value: d.defaultValue,
      effectiveFrom: DEFAULTS_EFFECTIVE_FROM,
      note: 'Default from the domain specification',
      createdBy: null,
      createdAt: now,
    })),
  );
  return missing.length;
}

function describe(d: PolicyDefinition) {
  return { key: d.key, rules: [...d.rules], unit: d.unit, label: d.label, description: d.description };
}

export function createPolicyService(deps: PlatformDeps, store: PolicyStore, users: UserDirectory) {
  const db = deps.database.db;

  const versionView = (r: PolicyVersionRow, names: Map<string, string>) => ({
    version: r.version,
    value: r.value,
    effectiveFrom: r.effectiveFrom.toISOString(),
    note: r.note,
    createdBy: r.createdBy ? { id: r.createdBy, displayName: names.get(r.createdBy) ?? r.createdBy } : null,
    createdAt: r.createdAt.toISOString(),
  });

  const current = (versions: PolicyVersionRow[], now: Date) => {
    const c = selectEffective(versions, now) as PolicyVersionRow | undefined;
    return c ? { version: c.version, value: c.value, effectiveFrom: c.effectiveFrom.toISOString() } : null;
  };

  return {
    async list(ctx: ServiceContext) {
      requirePermission(ctx, 'policy.read');
      const rows = await repo.all(db);
      const byKey = new Map<string, PolicyVersionRow[]>();
      for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
      return {
        items: policyCatalog.map((d) => {
          const versions = byKey.get(d.key) ?? [];
          const next = versions.find((v) => v.effectiveFrom.getTime() > ctx.now.getTime());
          return {
            ...describe(d),
            current: current(versions, ctx.now),
            scheduled: next
              ? { version: next.version, effectiveFrom: next.effectiveFrom.toISOString() }
              : null,
            versionCount: versions.length,
          };
        }),
      };
    },

    async get(ctx: ServiceContext, key: string) {
      requirePermission(ctx, 'policy.read');
      const d = findDefinition(key);
      if (!d) throw notFound('Policy', key);
      const versions = await repo.versionsOf(db, key);
      const names = await users.displayNames([
        ...new Set(versions.flatMap((v) => (v.createdBy ? [v.createdBy] : []))),
      ]);
      return {
        ...describe(d),
        current: current(versions, ctx.now),
        versionCount: versions.length,
        defaultValue: d.defaultValue,
        schema: d.schema,
        versions: versions.map((v) => versionView(v, names)),
      };
    },

    /** POL-1: a change is a new version from a date on; past versions and the results that used them stay. */
    async addVersion(
      ctx: ServiceContext,
      key: string,
      input: { value: unknown; effectiveFrom: string; note: string; basedOnVersion: number },
    ) {
      const actor = requirePermission(ctx, 'policy.write');
      const d = findDefinition(key);
      if (!d) throw notFound('Policy', key);
      const checked = validatePolicyValue(key, input.value);
      if (!checked.ok) {
        throw validationFailed(
          checked.errors.map((e) => ({ path: `/value${e.path === '/' ? '' : e.path}`, message: e.message })),
          `The value does not fit policy ${key}: ${checked.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`,
        );
      }
      const effectiveFrom = new Date(input.effectiveFrom);
      if (Number.isNaN(effectiveFrom.getTime())) {
        throw validationFailed([
          { path: '/effectiveFrom', message: 'Give a date and time, e.g. 2027-01-01T00:00:00+08:00.' },
        ]);
      }
      if (effectiveFrom.getTime() < ctx.now.getTime() - RETROACTIVE_TOLERANCE_MS) {
        throw new AppError(
          'POLICY_NOT_RETROACTIVE',
          'A new version cannot take effect in the past: results already computed keep the version they used. Choose now or a later time.',
          { errors: [{ path: '/effectiveFrom', message: 'Choose now or a later time.' }] },
        );
      }
      const note = input.note.trim();
      if (note.length === 0)
        throw validationFailed([{ path: '/note', message: 'Say why the policy changes.' }]);
      const row = await inTransaction(deps, async (tx) => {
        await repo.lockKey(tx, key);
        const newest = await repo.maxVersion(tx, key);
        // Two administrators editing one policy: the second must see the first's version before adding one.
        if (input.basedOnVersion !== newest) throw versionConflict('Policy', key, newest);
        const version = newest + 1;
        const previous = selectEffective(await repo.versionsOf(tx, key), effectiveFrom) as
          PolicyVersionRow | undefined;
        const created = await repo.insert(tx, {
          id: newId('pol', ctx.now),
          key,
          version,
          value: checked.value,
          effectiveFrom,
          note,
          createdBy: actor.userId,
          createdAt: ctx.now,
        });
        await writeAudit(tx, ctx, {
          entity: 'policy',
          entityId: key,
          action: 'add_version',
          before: previous ? { version: previous.version, value: previous.value } : null,
          after: { version, value: checked.value, effectiveFrom: effectiveFrom.toISOString() },
          reason: note,
        });
        await emitEvent(tx, ctx, 'policy.version_added', {
          key,
          version,
          effectiveFrom: effectiveFrom.toISOString(),
        });
        return created;
      });
      store.invalidate(key);
      return versionView(row, new Map([[actor.userId, actor.displayName]]));
    },
  };
}

export type PolicyService = ReturnType<typeof createPolicyService>;
