import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import type { OutletsService } from './outlets.service.ts';

export const outletsRoutes: FastifyPluginAsyncTypebox<{ outlets: OutletsService }> = async (
  app,
  { outlets },
) => {
  app.get(
    '/outlets',
    {
      schema: {
        tags: ['outlets'],
        summary: 'Outlets in my scope',
        querystring: Type.Object(
          {
            ...PageQuery,
            q: Type.Optional(Type.String({ maxLength: 100 })),
            status: Type.Optional(Type.String({ maxLength: 20 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => outlets.list(request.ctx(), request.query),
  );

  app.get('/outlets/:id', { schema: { tags: ['outlets'], params: IdParams } }, async (request) =>
    outlets.get(request.ctx(), request.params.id),
  );
};
