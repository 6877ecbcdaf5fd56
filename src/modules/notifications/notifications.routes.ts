import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import type { NotificationsService } from './notifications.service.ts';

export const notificationsRoutes: FastifyPluginAsyncTypebox<{ notifications: NotificationsService }> = async (
  app,
  { notifications },
) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications',
        querystring: Type.Object(
          { ...PageQuery, unread: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => notifications.listMine(request.ctx(), request.query),
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags: ['notifications'], params: IdParams } },
    async (request, reply) => {
      await notifications.markRead(request.ctx(), request.params.id);
      reply.code(204);
      return null;
    },
  );
};
