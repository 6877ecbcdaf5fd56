import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { fieldAttachmentRoutes } from './field-attachments.routes.ts';
import { fieldOrderRoutes } from './field-orders.routes.ts';
import type { FieldService } from './field.service.ts';
import { monitoringRoutes } from './monitoring-dispatch.routes.ts';

export const fieldRoutes: FastifyPluginAsyncTypebox<{ field: FieldService }> = async (app, { field }) => {
  await app.register(fieldOrderRoutes, { field });
  // Its own plugin: the image body parser must not apply to the JSON routes.
  await app.register(fieldAttachmentRoutes, { field });
  await app.register(monitoringRoutes, { field });
};
