import type { PlatformDeps } from '../../platform/deps.ts';

export interface HealthWarning {
  code: string;
  message: string;
}

export function createCatalogService(deps: PlatformDeps) {
  const { database } = deps;
  return {
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
