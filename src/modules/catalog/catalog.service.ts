import type { PlatformDeps } from '../../platform/deps.ts';
import { createUserDirectory } from '../identity/index.ts';
import { createCalendarService } from './calendar.service.ts';
import { createDealerPresenter } from './dealer-view.ts';
import { createDealerTiersService } from './dealer-tiers.service.ts';
import { createDealersService } from './dealers.service.ts';
import { createProductsService } from './products.service.ts';
import { createRegionsService } from './regions.service.ts';

export interface HealthWarning {
  code: string;
  message: string;
}

/** Every catalogue use case: regions, holiday calendar, product archive (MD-1..3) and dealers (CB-7). */
export function createCatalogService(deps: PlatformDeps) {
  const { database } = deps;
  const regions = createRegionsService(deps);
  const users = createUserDirectory(database.db);
  return {
    ...regions,
    ...createCalendarService(deps),
    ...createProductsService(deps),
    ...createDealersService(deps, regions.regionPaths, users),
    ...createDealerTiersService(deps, createDealerPresenter(deps.crypto, regions.regionPaths, users)),

    /** Shown by GET /api/health: next year's statutory holidays must be loaded before the year starts. */
    async healthWarnings(now: Date): Promise<HealthWarning[]> {
      const nextYear = Number(now.toISOString().slice(0, 4)) + 1;
      const { rows } = await database.executeSql(
        `select count(*) as n from calendar_days where day >= $1::date and day < $2::date`,
        [`${nextYear}-01-01`, `${nextYear + 1}-01-01`],
      );
      return Number(rows[0]?.n) > 0
        ? []
        : [
            {
              code: 'CALENDAR_NEXT_YEAR_MISSING',
              message: `The holiday calendar has no days for ${nextYear}: add ${nextYear}'s statutory holidays and make-up workdays before the year starts.`,
            },
          ];
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
