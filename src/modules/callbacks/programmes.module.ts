import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PlatformDeps } from '../../platform/deps.ts';
import { callbackReportsRoutes } from './callback-reports.routes.ts';
import { createCallbackReports } from './callback-reports.service.ts';
import { createDealerTierAssignment } from './dealer-callbacks.assignment.service.ts';
import { dealerCallbacksRoutes } from './dealer-callbacks.routes.ts';
import { createDealerCallbacks } from './dealer-callbacks.service.ts';
import { homeServiceRoutes } from './home-service.routes.ts';
import { createHomeService } from './home-service.service.ts';
import { createHomeStatistics } from './home-service.statistics.service.ts';

/** CB-7 dealer callbacks, CB-8 home-service callbacks and the callback reports. */
export function createCallbackProgrammes(deps: PlatformDeps) {
  return {
    dealers: createDealerCallbacks(deps),
    dealerAssignment: createDealerTierAssignment(deps),
    home: createHomeService(deps),
    homeStatistics: createHomeStatistics(deps),
    reports: createCallbackReports(deps),
  };
}

export type CallbackProgrammes = ReturnType<typeof createCallbackProgrammes>;

export const callbackProgrammesRoutes: FastifyPluginAsyncTypebox<{ programmes: CallbackProgrammes }> = async (
  app,
  { programmes },
) => {
  await app.register(dealerCallbacksRoutes, {
    dealers: programmes.dealers,
    assignment: programmes.dealerAssignment,
  });
  await app.register(homeServiceRoutes, { home: programmes.home, statistics: programmes.homeStatistics });
  await app.register(callbackReportsRoutes, { reports: programmes.reports });
};
