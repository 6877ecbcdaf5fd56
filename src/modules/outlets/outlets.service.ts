import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { inScope, regionPrefixes, requirePermission } from '../identity/index.ts';
import type { OutletDirectory } from '../identity/index.ts';
import type { OutletFilter, OutletRow } from './outlets.repository.ts';
import { outletsRepository as repo } from './outlets.repository.ts';

export interface OutletView {
  id: string;
  code: string;
  name: string;
  type: string;
  regionCode: string;
  status: string;
  version: number;
}

const view = (r: OutletRow): OutletView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  type: r.type,
  regionCode: r.regionCode,
  status: r.status,
  version: r.version,
});

export function createOutletsService(deps: PlatformDeps) {
  const db = deps.database.db;
  return {
    /** SEC-1: outlet staff see their own outlet, regional managers the outlets in their regions. */
    async list(ctx: ServiceContext, q: { page: number; pageSize: number; q?: string; status?: string }) {
      const actor = requirePermission(ctx, 'outlet.read');
      const filter: OutletFilter = { q: q.q, status: q.status };
      if (actor.scope.kind === 'outlet') filter.onlyId = actor.scope.outletId;
      if (actor.scope.kind === 'regions') filter.regionPrefixes = regionPrefixes(actor.scope.regionCodes);
      const { rows, total } = await repo.list(db, filter, q.page, q.pageSize);
      return { items: rows.map(view), total, page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: ServiceContext, id: string): Promise<OutletView> {
      const actor = requirePermission(ctx, 'outlet.read');
      const row = await repo.findById(db, id);
      if (!row || !inScope(actor.scope, { outletId: row.id, regionCode: row.regionCode })) {
        throw notFound('Outlet', id);
      }
      return view(row);
    },
  };
}

export type OutletsService = ReturnType<typeof createOutletsService>;

export function createOutletDirectory(deps: PlatformDeps): OutletDirectory {
  const db = deps.database.db;
  return {
    names: (ids) => repo.names(db, ids),
    exists: async (id) => (await repo.findById(db, id)) !== undefined,
  };
}
