import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { DispatchBulk } from './dispatch-bulk.service.ts';
import { MAX_BULK_ITEMS } from './dispatch-bulk.service.ts';
import { Id, Version } from './orders-schemas.ts';

const tags = ['dispatch'];
const CategoryCode = Type.String({ pattern: '^[a-z_]{2,40}$', maxLength: 40 });

const Items = Type.Array(Type.Object({ orderId: Id, version: Version }, { additionalProperties: false }), {
  minItems: 1,
  maxItems: MAX_BULK_ITEMS,
});

const BulkAcceptBody = Type.Object({ items: Items }, { additionalProperties: false });
const BulkAssignBody = Type.Object({ items: Items, engineerId: Id }, { additionalProperties: false });
const EngineersQuery = Type.Object(
  {
    outletId: Type.Optional(Id),
    categoryCode: Type.Array(CategoryCode, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);

/**
 * Bulk actions of the dispatcher board. Partial success is the normal answer (200 with a result per order);
 * the request as a whole fails only when it is malformed or the role may not take the action at all.
 */
export const dispatchBulkRoutes: FastifyPluginAsyncTypebox<{ bulk: DispatchBulk }> = async (
  app,
  { bulk },
) => {
  app.get(
    '/dispatch/engineers',
    {
      schema: {
        tags,
        summary:
          'Engineers of my outlet with open load, ranked by WO-13 for the categories of the selected orders',
        querystring: EngineersQuery,
      },
    },
    async (request) => bulk.engineers(request.ctx(), request.query),
  );

  app.post(
    '/dispatch/bulk-accept',
    {
      schema: {
        tags,
        summary: `Accept up to ${MAX_BULK_ITEMS} orders (send each version you read); a result per order (WO-9)`,
        body: BulkAcceptBody,
      },
    },
    async (request) => bulk.accept(request.ctx(), request.body),
  );

  app.post(
    '/dispatch/bulk-assign',
    {
      schema: {
        tags,
        summary: `Assign up to ${MAX_BULK_ITEMS} orders to one engineer; a result per order (WO-13)`,
        body: BulkAssignBody,
      },
    },
    async (request) => bulk.assign(request.ctx(), request.body),
  );
};
