import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PlatformDeps } from '../../platform/deps.ts';

/** CB-7 dealer callbacks, CB-8 home-service callbacks and the callback reports. */
export function createCallbackProgrammes(deps: PlatformDeps) {
  void deps;
  return {};
}

export type CallbackProgrammes = ReturnType<typeof createCallbackProgrammes>;

export const callbackProgrammesRoutes: FastifyPluginAsyncTypebox<{ programmes: CallbackProgrammes }> = async (
  app,
  opts,
) => {
  void app;
  void opts;
};
