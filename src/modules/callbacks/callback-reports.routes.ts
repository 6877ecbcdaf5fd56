import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { CallbackReports } from './callback-reports.service.ts';
import { ReportSummaryQuery } from './programmes-schemas.ts';

/** Callback reports: totals, a month series for charts and per-outlet rows (CB-2, CB-3, CB-6). */
export const callbackReportsRoutes: FastifyPluginAsyncTypebox<{ reports: CallbackReports }> = async (
  app,
  { reports },
) => {
  app.get(
    '/callbacks/reports/summary',
    {
      schema: {
        tags: ['callbacks'],
        summary:
          'Callback rate, first-callback latency, verdict mix, appeal and reversal rates by month and outlet',
        querystring: ReportSummaryQuery,
      },
    },
    async (request) => reports.summary(request.ctx(), request.query),
  );
};
