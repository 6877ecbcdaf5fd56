import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { HomeService } from './home-service.service.ts';
import type { HomeStatistics } from './home-service.statistics.service.ts';
import {
  ArchiveListQuery,
  CreateArchiveBody,
  CreatePlacementBody,
  HomeDueQuery,
  HomeStatisticsQuery,
  PlacementListQuery,
  PlacementParams,
  RecordHomeCallbackBody,
  UpdatePlacementBody,
} from './programmes-schemas.ts';

const tags = ['callbacks'];

/** CB-8 home-service callbacks: placements, the due list, callbacks, monthly statistics and archives. */
export const homeServiceRoutes: FastifyPluginAsyncTypebox<{
  home: HomeService;
  statistics: HomeStatistics;
}> = async (app, { home, statistics }) => {
  app.get(
    '/callbacks/home/placements',
    {
      schema: {
        tags,
        summary: 'Home-service placements (worker with customer) of my outlets (CB-8)',
        querystring: PlacementListQuery,
      },
    },
    async (request) => home.listPlacements(request.ctx(), request.query),
  );

  app.post(
    '/callbacks/home/placements',
    {
      schema: {
        tags,
        summary: 'Place a worker with a customer from the start date (到岗日期) (CB-8)',
        body: CreatePlacementBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return home.createPlacement(request.ctx(), request.body);
    },
  );

  app.get(
    '/callbacks/home/placements/:id',
    {
      schema: {
        tags,
        summary: 'A placement with its callbacks and its callback schedule (CB-8)',
        params: PlacementParams,
      },
    },
    async (request) => home.getPlacement(request.ctx(), request.params.id),
  );

  app.patch(
    '/callbacks/home/placements/:id',
    {
      schema: {
        tags,
        summary: 'End a placement or change its note; send the version you read (CB-8)',
        params: PlacementParams,
        body: UpdatePlacementBody,
      },
    },
    async (request) => home.updatePlacement(request.ctx(), request.params.id, request.body),
  );

  app.post(
    '/callbacks/home/placements/:id/callbacks',
    {
      schema: {
        tags,
        summary: 'Record one scheduled callback of the customer or the worker (CB-8)',
        params: PlacementParams,
        body: RecordHomeCallbackBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return home.recordCallback(request.ctx(), request.params.id, request.body);
    },
  );

  app.get(
    '/callbacks/home/due',
    {
      schema: {
        tags,
        summary: 'Customer and worker callbacks due in a date range, with which are done (CB-8)',
        querystring: HomeDueQuery,
      },
    },
    async (request) => home.due(request.ctx(), request.query),
  );

  app.get(
    '/callbacks/home/statistics',
    {
      schema: {
        tags,
        summary: 'The month’s callback statistics per party (月度统计表, CB-8)',
        querystring: HomeStatisticsQuery,
      },
    },
    async (request) => statistics.statistics(request.ctx(), request.query),
  );

  app.get(
    '/callbacks/home/archives',
    {
      schema: {
        tags,
        summary: 'Archived months: statistics and written summary (CB-8; HQ)',
        querystring: ArchiveListQuery,
      },
    },
    async (request) => statistics.archives(request.ctx(), request.query),
  );

  app.post(
    '/callbacks/home/archives',
    {
      schema: {
        tags,
        summary: 'Archive a finished month’s statistics with the written summary, once (CB-8; HQ)',
        body: CreateArchiveBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return statistics.archive(request.ctx(), request.body);
    },
  );
};
