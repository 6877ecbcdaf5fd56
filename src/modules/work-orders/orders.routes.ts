import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { exportLocale, sendXlsx } from '../../platform/files/xlsx-export.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { OrdersService } from './orders.service.ts';
import {
  AssignBody,
  CallbackBody,
  CancelBody,
  CloseBody,
  CompleteBody,
  ExportQuery,
  IntakeBody,
  ListQuery,
  ProposalBody,
  RedispatchBody,
  VersionBody,
} from './orders-schemas.ts';

const tags = ['work-orders'];

export const ordersRoutes: FastifyPluginAsyncTypebox<{ orders: OrdersService }> = async (app, { orders }) => {
  app.post(
    '/work-orders/proposal',
    {
      schema: {
        tags,
        summary: 'WO-13: the outlet proposed for a customer address, category and service type, with reasons',
        body: ProposalBody,
      },
    },
    async (request) => orders.proposal(request.ctx(), request.body),
  );

  app.post(
    '/work-orders',
    {
      config: { rateLimit: 'intake' },
      schema: {
        tags,
        summary:
          'Take an order (WO-1/2/3) and send it to the proposed outlet, or another with an override reason (WO-13)',
        body: IntakeBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return orders.create(request.ctx(), request.body);
    },
  );

  app.get(
    '/work-orders',
    { schema: { tags, summary: 'Work orders in my scope', querystring: ListQuery } },
    async (request) => orders.list(request.ctx(), request.query),
  );

  app.get(
    '/work-orders/export.xlsx',
    {
      schema: {
        tags,
        summary: 'The work-order list as an Excel file (same filters)',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const { lang, ...filters } = request.query;
      const locale = exportLocale(lang, undefined);
      const buffer = await orders.exportXlsx(request.ctx(), filters, locale);
      return sendXlsx(reply, locale === 'zh-CN' ? '工单.xlsx' : 'work-orders.xlsx', buffer);
    },
  );

  app.get(
    '/work-orders/:id',
    {
      schema: {
        tags,
        summary: 'An order with customer (masked), unit, outlet, engineer, SLA and the actions allowed now',
        params: IdParams,
      },
    },
    async (request) => orders.get(request.ctx(), request.params.id),
  );

  app.get(
    '/work-orders/:id/timeline',
    { schema: { tags, summary: 'Every event of the order, in order, in both languages', params: IdParams } },
    async (request) => orders.timeline(request.ctx(), request.params.id),
  );

  app.get(
    '/work-orders/:id/sla',
    {
      schema: {
        tags,
        summary: 'WO-7: why the SLA is what it is (rule, policy version, deductions)',
        params: IdParams,
      },
    },
    async (request) => orders.sla(request.ctx(), request.params.id),
  );

  app.get(
    '/work-orders/:id/engineer-suggestion',
    {
      schema: {
        tags,
        summary: 'WO-13: the qualified engineers of the order’s outlet, least loaded first, with reasons',
        params: IdParams,
      },
    },
    async (request) => orders.suggestEngineer(request.ctx(), request.params.id),
  );

  app.post(
    '/work-orders/:id/accept',
    {
      schema: {
        tags,
        summary: 'The outlet acknowledges the order (send the version you read)',
        params: IdParams,
        body: VersionBody,
      },
    },
    async (request) => orders.accept(request.ctx(), request.params.id, request.body.version),
  );

  app.post(
    '/work-orders/:id/assign',
    {
      schema: {
        tags,
        summary: 'Assign or reassign the engineer (WO-13)',
        params: IdParams,
        body: AssignBody,
      },
    },
    async (request) => orders.assign(request.ctx(), request.params.id, request.body),
  );

  app.post(
    '/work-orders/:id/redispatch',
    {
      schema: {
        tags,
        summary: 'Send the order to another outlet (改派) with a reason',
        params: IdParams,
        body: RedispatchBody,
      },
    },
    async (request) => orders.redispatch(request.ctx(), request.params.id, request.body),
  );

  app.post(
    '/work-orders/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an order before work starts, with a reason',
        params: IdParams,
        body: CancelBody,
      },
    },
    async (request) => orders.cancel(request.ctx(), request.params.id, request.body),
  );

  app.post(
    '/work-orders/:id/start-visit',
    {
      schema: {
        tags,
        summary: 'The engineer arrives on site (WO-14 first visit)',
        params: IdParams,
        body: VersionBody,
      },
    },
    async (request) => orders.startVisit(request.ctx(), request.params.id, request.body.version),
  );

  app.post(
    '/work-orders/:id/receive-unit',
    {
      schema: {
        tags,
        summary: 'Carry-in: the unit arrives at the outlet and work starts',
        params: IdParams,
        body: VersionBody,
      },
    },
    async (request) => orders.receiveUnit(request.ctx(), request.params.id, request.body.version),
  );

  app.post(
    '/work-orders/:id/complete',
    { schema: { tags, summary: 'Report the work complete', params: IdParams, body: CompleteBody } },
    async (request) => orders.complete(request.ctx(), request.params.id, request.body),
  );

  app.post(
    '/work-orders/:id/callbacks',
    {
      schema: {
        tags,
        summary: 'WO-6.1: record a satisfaction callback (an unsatisfied customer reopens the order)',
        params: IdParams,
        body: CallbackBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return orders.callback(request.ctx(), request.params.id, request.body);
    },
  );

  app.post(
    '/work-orders/:id/close',
    { schema: { tags, summary: 'Close the order on a WO-6 basis', params: IdParams, body: CloseBody } },
    async (request) => orders.close(request.ctx(), request.params.id, request.body),
  );
};
