import type { Actor } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { inArray } from 'drizzle-orm';
import { createCatalogLookup, maskName } from '../catalog/index.ts';
import { customers } from './customers.tables.ts';
import { createCustomerReader } from './customer-view.ts';

/** A customer as other modules may show them: code and masked name (MD-5), never the name itself. */
export interface CustomerRef {
  id: string;
  code: string;
  nameMasked: string;
}

/**
 * Read port for modules that refer to customers (CB-8 home-service placements): whether the caller may see
 * a customer (the same SEC-1 reach as the customer screens) and masked names for lists. Callers check their
 * own permission; this port checks none.
 */
export function createCustomerDirectory(deps: PlatformDeps) {
  const db = deps.database.db;
  const reader = createCustomerReader(deps, createCatalogLookup(db));

  async function refs(ids: readonly string[]): Promise<Map<string, CustomerRef>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: customers.id, code: customers.code, nameEnc: customers.nameEnc })
      .from(customers)
      .where(inArray(customers.id, [...new Set(ids)]));
    return new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, code: r.code, nameMasked: maskName(deps.crypto.decrypt(r.nameEnc)) },
      ]),
    );
  }

  return {
    refs,
    /** The customer when it exists and is in the actor's reach; undefined otherwise (as if missing). */
    async visible(actor: Actor, id: string): Promise<CustomerRef | undefined> {
      try {
        await reader.loadVisible(actor, id);
      } catch (e) {
        if (e instanceof AppError && e.code === 'NOT_FOUND') return undefined;
        throw e;
      }
      return (await refs([id])).get(id);
    },
  };
}

export type CustomerDirectory = ReturnType<typeof createCustomerDirectory>;
