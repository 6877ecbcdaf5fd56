import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PolicyService } from './policy.service.ts';

const KeyParams = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9_.]+$' }),
});

export const policyRoutes: FastifyPluginAsyncTypebox<{ policies: PolicyService }> = async (
  app,
  { policies },
) => {
  app.get(
    '/policies',
    { schema: { tags: ['policies'], summary: 'Every policy value with the version in force' } },
    async (request) => policies.list(request.ctx()),
  );

  app.get('/policies/:key', { schema: { tags: ['policies'], params: KeyParams } }, async (request) =>
    policies.get(request.ctx(), request.params.key),
  );

  app.post(
    '/policies/:key/versions',
    {
      config: { idempotent: true },
      schema: {
        tags: ['policies'],
        summary: 'Add a version of a policy value from a date on (POL-1)',
        params: KeyParams,
        body: Type.Object(
          {
            value: Type.Unknown(),
            effectiveFrom: Type.String({ format: 'date-time' }),
            note: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false, required: ['value', 'effectiveFrom', 'note'] },
        ),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return policies.addVersion(request.ctx(), request.params.key, request.body);
    },
  );
};
