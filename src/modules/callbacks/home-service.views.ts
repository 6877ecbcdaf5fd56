import type { Actor } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { businessDate } from '../../platform/time.ts';
import type { CustomerRef } from '../customers/index.ts';
import { createCustomerDirectory } from '../customers/index.ts';
import type { EngineerRef } from '../outlets/index.ts';
import { createEngineerDirectory, outletsRepository } from '../outlets/index.ts';
import { createUserDirectory, regionPrefixes } from '../identity/index.ts';
import type { HomeServiceChannel, HomeServiceParty } from './domain/callback-codes.ts';
import type { HomeCallbackRow, PlacementRow } from './home-service.repository.ts';
import { homeServiceRepository as repo } from './home-service.repository.ts';
import type { HomeCallbackView, PlacementView } from './programmes-schemas.ts';
import { iso } from './programmes-support.ts';

/** The masked reference shown when a customer or worker record is gone (merged away, deleted). */
const missing = (id: string) => ({ id, code: id, nameMasked: '—' });

export const placementStatus = (p: Pick<PlacementRow, 'startDate' | 'endDate'>, today: string) =>
  p.startDate > today ? 'upcoming' : p.endDate !== null && p.endDate < today ? 'ended' : 'ongoing';

/**
 * What CB-8 screens show of placements: customers and workers by code and masked name (MD-5), the worker's
 * outlet, and the scope rule (SEC-1): a placement belongs to the worker's outlet.
 */
export function createHomeViews(deps: PlatformDeps) {
  const db = deps.database.db;
  const customers = createCustomerDirectory(deps);
  const engineers = createEngineerDirectory(deps);
  const users = createUserDirectory(db);

  /** Outlets the actor sees placements of; undefined for every outlet. */
  async function scopeOutletIds(actor: Actor): Promise<readonly string[] | undefined> {
    switch (actor.scope.kind) {
      case 'all':
        return undefined;
      case 'outlet':
        return [actor.scope.outletId];
      case 'regions':
        return engineers.outletIdsUnder(regionPrefixes(actor.scope.regionCodes));
    }
  }

  async function visiblePlacement(actor: Actor, id: string, forUpdate = false): Promise<PlacementRow> {
    const row = await repo.findPlacement(db, id, forUpdate);
    const outlets = await scopeOutletIds(actor);
    if (!row || (outlets && !outlets.includes(row.outletId))) throw notFound('Placement', id);
    return row;
  }

  async function parties(rows: readonly Pick<PlacementRow, 'customerId' | 'workerId' | 'outletId'>[]) {
    const [c, w, o] = await Promise.all([
      customers.refs(rows.map((r) => r.customerId)),
      engineers.refs(rows.map((r) => r.workerId)),
      outletsRepository.names(db, [...new Set(rows.map((r) => r.outletId))]),
    ]);
    return {
      customer: (id: string): CustomerRef => c.get(id) ?? missing(id),
      worker: (id: string): Pick<EngineerRef, 'id' | 'code' | 'nameMasked'> => {
        const e = w.get(id);
        return e ? { id: e.id, code: e.code, nameMasked: e.nameMasked } : missing(id);
      },
      outlet: (id: string) => ({ id, name: o.get(id) ?? id }),
    };
  }

  async function placementViews(rows: readonly PlacementRow[], now: Date): Promise<PlacementView[]> {
    const today = businessDate(now, deps.businessTimeZone);
    const [names, counts] = await Promise.all([
      parties(rows),
      repo.callbackCounts(
        db,
        rows.map((r) => r.id),
      ),
    ]);
    return rows.map((r) => ({
      id: r.id,
      customer: names.customer(r.customerId),
      worker: names.worker(r.workerId),
      outlet: names.outlet(r.outletId),
      startDate: r.startDate,
      endDate: r.endDate,
      status: placementStatus(r, today),
      note: r.note,
      callbacksMade: counts.get(r.id) ?? 0,
      version: r.version,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    }));
  }

  async function callbackViews(rows: readonly HomeCallbackRow[]): Promise<HomeCallbackView[]> {
    const names = await users.displayNames([...new Set(rows.map((r) => r.agentId))]);
    return rows.map((r) => ({
      id: r.id,
      placementId: r.placementId,
      party: r.party as HomeServiceParty,
      sequence: r.sequence,
      dueDate: r.dueDate,
      at: iso(r.at),
      onTime: businessDate(r.at, deps.businessTimeZone) <= r.dueDate,
      channel: r.channel as HomeServiceChannel,
      agent: { id: r.agentId, displayName: names.get(r.agentId) ?? r.agentId },
      satisfied: r.satisfied,
      note: r.note,
    }));
  }

  return { customers, engineers, scopeOutletIds, visiblePlacement, parties, placementViews, callbackViews };
}

export type HomeViews = ReturnType<typeof createHomeViews>;
