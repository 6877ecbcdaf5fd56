import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.ts';
import type { AuditService } from './audit.service.ts';

const Word = Type.String({ minLength: 1, maxLength: 64 });

export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The append-only audit trail (SEC-3)',
        querystring: Type.Object(
          {
            ...PageQuery,
            entity: Type.Optional(Word),
            entityId: Type.Optional(Word),
            actorId: Type.Optional(Word),
            action: Type.Optional(Word),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      return audit.list(request.ctx(), {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
    },
  );
};
