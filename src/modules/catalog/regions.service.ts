import { createHash } from 'node:crypto';
import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { emitEvent } from '../../platform/outbox/outbox.ts';
import { notFound, validationFailed, versionConflict } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { requirePermission } from '../identity/index.ts';
import type { RegionFilter, RegionRecord } from './regions.repository.ts';
import { regionsRepository as repo } from './regions.repository.ts';
import type { RegionNode } from './domain/region-tree.ts';
import { buildCascader, regionPathOf } from './domain/region-tree.ts';
import type { AreaType, MarketTier, RegionLevel } from './domain/region-defaults.ts';
import { assertExportSize, MAX_EXPORT_ROWS } from './export-limit.ts';

export interface RegionView {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  marketTier: MarketTier | null;
  areaType: AreaType;
  tierSource: 'default' | 'admin';
  version: number;
  path: string;
}

export interface UpdateRegionInput {
  version: number;
  marketTier?: number | undefined;
  areaType?: AreaType | undefined;
}

/** The cascader as sent: serialised once, with a validator for conditional GETs. */
export interface CascaderDocument {
  json: string;
  etag: string;
}

const classOf = (r: RegionRecord) => ({
  marketTier: r.marketTier,
  areaType: r.areaType,
  tierSource: r.tierSource,
});

export function createRegionsService(deps: PlatformDeps) {
  const db = deps.database.db;
  // Region names and parents never change through the API, so one load per process serves every path.
  let nodes: Promise<Map<string, RegionNode>> | undefined;
  let cascader: Promise<CascaderDocument> | undefined;

  function nodeIndex(): Promise<Map<string, RegionNode>> {
    nodes ??= repo.nodes(db).then((rows) => {
      // Not cached while reference data is still missing (a database before its first seed).
      if (rows.length === 0) nodes = undefined;
      return new Map(rows.map((r) => [r.code, r]));
    });
    return nodes.catch((e: unknown) => {
      nodes = undefined;
      throw e;
    });
  }

  async function regionPaths(codes: readonly string[]): Promise<Map<string, string>> {
    const index = await nodeIndex();
    return new Map(codes.map((c) => [c, regionPathOf(c, (x) => index.get(x)?.name)]));
  }

  async function views(rows: RegionRecord[]): Promise<RegionView[]> {
    const paths = await regionPaths(rows.map((r) => r.code));
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      level: r.level as RegionLevel,
      parentCode: r.parentCode,
      marketTier: r.marketTier as MarketTier | null,
      areaType: r.areaType as AreaType,
      tierSource: r.tierSource as 'default' | 'admin',
      version: r.version,
      path: paths.get(r.code) ?? r.name,
    }));
  }

  async function buildCascaderDocument(): Promise<CascaderDocument> {
    const json = JSON.stringify(buildCascader([...(await nodeIndex()).values()]));
    return { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"` };
  }

  return {
    regionPaths,

    async listRegions(ctx: ServiceContext, q: RegionFilter & { page: number; pageSize: number }) {
      requirePermission(ctx, 'catalog.read');
      const { page, pageSize, ...filter } = q;
      const [total, rows] = await Promise.all([
        repo.count(db, filter),
        repo.rows(db, filter, pageSize, (page - 1) * pageSize),
      ]);
      return { items: await views(rows), total, page, pageSize };
    },

    async exportRegions(ctx: ServiceContext, filter: RegionFilter): Promise<RegionView[]> {
      requirePermission(ctx, 'catalog.read');
      assertExportSize(await repo.count(db, filter));
      return views(await repo.rows(db, filter, MAX_EXPORT_ROWS, 0));
    },

    /** Province → city → district for pickers; built once and kept until a region changes. */
    async regionCascader(ctx: ServiceContext): Promise<CascaderDocument> {
      requirePermission(ctx, 'catalog.read');
      cascader ??= buildCascaderDocument();
      return cascader.catch((e: unknown) => {
        cascader = undefined;
        throw e;
      });
    },

    async getRegion(ctx: ServiceContext, code: string): Promise<RegionView> {
      requirePermission(ctx, 'catalog.read');
      const row = await repo.findByCode(db, code);
      if (!row) throw notFound('Region', code);
      return (await views([row]))[0] as RegionView;
    },

    /** WO-7.1 reads the tier of the outlet's region; an administrator's setting survives every re-seed. */
    async updateRegion(ctx: ServiceContext, code: string, input: UpdateRegionInput): Promise<RegionView> {
      requirePermission(ctx, 'region.write');
      const current = await repo.findByCode(db, code);
      if (!current) throw notFound('Region', code);
      const errors: FieldError[] = [];
      if (input.marketTier === undefined && input.areaType === undefined) {
        errors.push({ path: '/marketTier', message: 'Send marketTier, areaType or both to change.' });
      }
      if (input.marketTier !== undefined && ![1, 2, 3, 4].includes(input.marketTier)) {
        errors.push({ path: '/marketTier', message: 'Choose market tier 1, 2, 3 or 4.' });
      }
      if (current.level === 'province') {
        errors.push({
          path: input.marketTier !== undefined ? '/marketTier' : '/areaType',
          message: `${current.name} is a province and has no tier or area type of its own; change its cities or districts.`,
        });
      }
      if (errors.length > 0) throw validationFailed(errors);
      const row = await inTransaction(deps, async (tx) => {
        const before = await repo.findByCode(tx, code, true);
        if (!before) throw notFound('Region', code);
        if (before.version !== input.version) throw versionConflict('Region', code, before.version);
        const after = await repo.updateVersioned(tx, code, input.version, {
          marketTier: input.marketTier ?? before.marketTier,
          areaType: input.areaType ?? before.areaType,
          tierSource: 'admin',
          updatedAt: ctx.now,
        });
        if (!after) throw versionConflict('Region', code, before.version);
        await writeAudit(tx, ctx, {
          entity: 'region',
          entityId: code,
          action: 'update',
          before: classOf(before),
          after: classOf(after),
          scopeRegionCode: code,
        });
        await emitEvent(tx, ctx, 'region.class_changed', {
          code,
          marketTier: after.marketTier,
          areaType: after.areaType,
          version: after.version,
        });
        return after;
      });
      cascader = undefined;
      return (await views([row]))[0] as RegionView;
    },
  };
}

export type RegionsService = ReturnType<typeof createRegionsService>;
