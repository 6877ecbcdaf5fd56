import { eq, inArray, or, sql } from 'drizzle-orm';
import type { PlatformDeps } from '../../platform/deps.ts';
import { maskName } from '../catalog/index.ts';
import { engineers, outlets } from './outlets.tables.ts';

/** An engineer as other modules may show them: code, masked name (MD-5) and their outlet. */
export interface EngineerRef {
  id: string;
  code: string;
  nameMasked: string;
  active: boolean;
  outletId: string;
  outletName: string;
  outletRegionCode: string;
}

/**
 * Read port for modules that refer to engineers (CB-8: a home-service worker is an engineer record of the
 * outlet that placed them). Callers check their own permission and scope; this port checks none.
 */
export function createEngineerDirectory(deps: PlatformDeps) {
  const db = deps.database.db;
  return {
    async refs(ids: readonly string[]): Promise<Map<string, EngineerRef>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({
          id: engineers.id,
          code: engineers.code,
          nameEnc: engineers.nameEnc,
          active: engineers.active,
          outletId: engineers.outletId,
          outletName: outlets.name,
          outletRegionCode: outlets.regionCode,
        })
        .from(engineers)
        .innerJoin(outlets, eq(outlets.id, engineers.outletId))
        .where(inArray(engineers.id, [...new Set(ids)]));
      return new Map(
        rows.map(({ nameEnc, ...r }) => [r.id, { ...r, nameMasked: maskName(deps.crypto.decrypt(nameEnc)) }]),
      );
    },

    /** Ids of the outlets whose district is under one of the region code prefixes (regional scopes). */
    async outletIdsUnder(prefixes: readonly string[]): Promise<string[]> {
      if (prefixes.length === 0) return [];
      const rows = await db
        .select({ id: outlets.id })
        .from(outlets)
        .where(or(...prefixes.map((p) => sql`${outlets.regionCode} like ${`${p}%`}`)));
      return rows.map((r) => r.id);
    },
  };
}

export type EngineerDirectory = ReturnType<typeof createEngineerDirectory>;
