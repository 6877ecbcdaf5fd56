import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { exportLocale, sendXlsx } from '../../platform/files/xlsx-export.ts';
import { BacklogExportQuery, EngineerJobsQuery, OutletFilterQuery, SixFirstsQuery } from './field-schemas.ts';
import type { FieldService } from './field.service.ts';

const tags = ['dispatch'];

/** Dispatcher monitoring (WO-9, WO-10, WO-11, WO-14, WO-15) and the engineer's own day. */
export const monitoringRoutes: FastifyPluginAsyncTypebox<{ field: FieldService }> = async (
  app,
  { field },
) => {
  app.get(
    '/dispatch/board',
    {
      schema: {
        tags,
        summary:
          'Board: to accept and to assign, longest waiting first (WO-9); carry-in, tomorrow’s visits, special customers, awaiting parts, overdue first (WO-15)',
        querystring: OutletFilterQuery,
      },
    },
    async (request) => field.dispatch.board(request.ctx(), request.query),
  );

  app.get(
    '/dispatch/start-of-day',
    {
      schema: {
        tags,
        summary: 'Repeat contacts since my last shift and wrong-address re-dispatches to call now (WO-9)',
        querystring: OutletFilterQuery,
      },
    },
    async (request) => field.dispatch.startOfDay(request.ctx(), request.query),
  );

  app.get(
    '/dispatch/end-of-day',
    {
      schema: {
        tags,
        summary: 'Orders sent but not yet acknowledged (WO-9)',
        querystring: OutletFilterQuery,
      },
    },
    async (request) => field.dispatch.endOfDay(request.ctx(), request.query),
  );

  app.get(
    '/dispatch/backlog',
    {
      schema: {
        tags,
        summary: 'Open orders older than 2 / 3 days with the person responsible and escalation (WO-10)',
        querystring: OutletFilterQuery,
      },
    },
    async (request) => field.reports.backlog(request.ctx(), request.query),
  );

  app.get(
    '/dispatch/backlog/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The backlog as an Excel file for the morning meeting (WO-10)',
        querystring: BacklogExportQuery,
      },
    },
    async (request, reply) => {
      const { lang, ...filter } = request.query;
      const locale = exportLocale(lang, undefined);
      const buffer = await field.reports.backlogXlsx(request.ctx(), filter, locale);
      return sendXlsx(reply, locale === 'zh-CN' ? '遗留工单.xlsx' : 'backlog.xlsx', buffer);
    },
  );

  app.get(
    '/dispatch/parts-warnings',
    {
      schema: {
        tags,
        summary: 'Parts to request before the cut-off and arrived parts to fit today (WO-11)',
        querystring: OutletFilterQuery,
      },
    },
    async (request) => field.dispatch.partsWarnings(request.ctx(), request.query),
  );

  app.get(
    '/dispatch/six-firsts',
    {
      schema: {
        tags,
        summary: 'Six firsts: latency per order and per outlet median / p90 (WO-14)',
        querystring: SixFirstsQuery,
      },
    },
    async (request) => field.reports.sixFirsts(request.ctx(), request.query),
  );

  app.get(
    '/engineer/jobs',
    {
      schema: {
        tags: ['engineer'],
        summary: 'My visits today or tomorrow in window order, and my open orders without a window',
        querystring: EngineerJobsQuery,
      },
    },
    async (request) => field.engineer.jobs(request.ctx(), request.query.day ?? 'today'),
  );
};
