import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PlatformDeps } from '../../platform/deps.ts';
import type { DeskPorts } from './desk-ports.ts';
import { deskRoutes } from './desk.routes.ts';
import { createDeskService } from './desk.service.ts';
import { callbackProgrammesRoutes, createCallbackProgrammes } from './programmes.module.ts';

/** Callbacks (CB): the order callback desk with verdicts and appeals, dealer and home-service programmes. */
export function createCallbacksService(deps: PlatformDeps, ports: DeskPorts) {
  return {
    desk: createDeskService(deps, ports),
    programmes: createCallbackProgrammes(deps),
  };
}

export type CallbacksService = ReturnType<typeof createCallbacksService>;

export const callbacksRoutes: FastifyPluginAsyncTypebox<{ callbacks: CallbacksService }> = async (
  app,
  opts,
) => {
  await app.register(deskRoutes, { desk: opts.callbacks.desk });
  await app.register(callbackProgrammesRoutes, { programmes: opts.callbacks.programmes });
};
