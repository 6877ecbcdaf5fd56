export { callbacksRoutes, createCallbacksService } from './callbacks.module.ts';
export type { CallbacksService } from './callbacks.module.ts';
