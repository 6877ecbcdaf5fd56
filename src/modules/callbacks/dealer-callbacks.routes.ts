import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { DealerTierAssignment } from './dealer-callbacks.assignment.service.ts';
import type { DealerCallbacks } from './dealer-callbacks.service.ts';
import {
  DealerCallbackListQuery,
  DealerParams,
  DealerReportQuery,
  DealerScheduleQuery,
  RecordDealerCallbackBody,
  TierAssignmentBody,
} from './programmes-schemas.ts';

const tags = ['callbacks'];

/** CB-7 dealer callbacks: the month's schedule, calls, history, the per-tier report and the monthly tiers. */
export const dealerCallbacksRoutes: FastifyPluginAsyncTypebox<{
  dealers: DealerCallbacks;
  assignment: DealerTierAssignment;
}> = async (app, { dealers, assignment }) => {
  app.get(
    '/callbacks/dealers/schedule',
    {
      schema: {
        tags,
        summary: 'Dealers with their tier in force and the callback periods due in the month (CB-7)',
        querystring: DealerScheduleQuery,
      },
    },
    async (request) => dealers.schedule(request.ctx(), request.query),
  );

  app.get(
    '/callbacks/dealers/report',
    {
      schema: {
        tags,
        summary: 'Callback rate and satisfaction per dealer tier against the targets (CB-7)',
        querystring: DealerReportQuery,
      },
    },
    async (request) => dealers.report(request.ctx(), request.query),
  );

  app.post(
    '/callbacks/dealers/assignment',
    {
      schema: {
        tags,
        summary: 'Assign the month’s gold list and blacklist; every other dealer becomes B (CB-7)',
        body: TierAssignmentBody,
      },
    },
    async (request) => assignment.assign(request.ctx(), request.body),
  );

  app.get(
    '/callbacks/dealers/:dealerId/callbacks',
    {
      schema: {
        tags,
        summary: 'A dealer’s callbacks, newest first (CB-7)',
        params: DealerParams,
        querystring: DealerCallbackListQuery,
      },
    },
    async (request) => dealers.history(request.ctx(), request.params.dealerId, request.query),
  );

  app.post(
    '/callbacks/dealers/:dealerId/callbacks',
    {
      schema: {
        tags,
        summary: 'Record a call to a dealer; blacklisted (C) dealers are not called back (CB-7)',
        params: DealerParams,
        body: RecordDealerCallbackBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return dealers.record(request.ctx(), request.params.dealerId, request.body);
    },
  );
};
