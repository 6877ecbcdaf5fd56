import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams } from '../../platform/http/schemas.ts';
import {
  AppointBody,
  ContactBody,
  ListQuery,
  OrderParams,
  PartBody,
  PartCancelBody,
  PartParams,
  PartPatchBody,
  RescheduleBody,
  ResultBody,
  TripsQuery,
} from './field-schemas.ts';
import type { RecordResultInput } from './field-results.service.ts';
import type { FieldService } from './field.service.ts';

const tags = ['work-orders'];

/** Appointments (WO-4), intermediate results (WO-5), parts (WO-7.6/WO-11), repeat contacts (WO-8). */
export const fieldOrderRoutes: FastifyPluginAsyncTypebox<{ field: FieldService }> = async (
  app,
  { field },
) => {
  app.get(
    '/work-orders/:id/appointments',
    {
      schema: {
        tags,
        summary: 'Appointments of an order, reschedules included (WO-4)',
        params: OrderParams,
        querystring: ListQuery,
      },
    },
    async (request) => field.appointments.list(request.ctx(), request.params.id, request.query),
  );

  app.post(
    '/work-orders/:id/appointments',
    {
      schema: {
        tags,
        summary: 'Agree a concrete window with the customer (WO-4); send the order version you read',
        params: OrderParams,
        body: AppointBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return field.appointments.appoint(request.ctx(), request.params.id, request.body);
    },
  );

  app.post(
    '/work-orders/:id/appointments/reschedule',
    {
      schema: {
        tags,
        summary:
          'Reschedule (改约): who asked, why, accepted? An outlet change not accepted is broken (WO-4)',
        params: OrderParams,
        body: RescheduleBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return field.appointments.reschedule(request.ctx(), request.params.id, request.body);
    },
  );

  app.get(
    '/work-orders/:id/results',
    {
      schema: {
        tags,
        summary: 'Intermediate results of an order (WO-5)',
        params: OrderParams,
        querystring: ListQuery,
      },
    },
    async (request) => field.results.list(request.ctx(), request.params.id, request.query),
  );

  app.post(
    '/work-orders/:id/results',
    {
      schema: {
        tags,
        summary: 'Record a contact outcome (WO-5.1–5.9) with the fields its code requires',
        params: OrderParams,
        body: ResultBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return field.results.record(request.ctx(), request.params.id, request.body as RecordResultInput);
    },
  );

  app.get(
    '/work-orders/:id/parts',
    {
      schema: {
        tags,
        summary: 'Part requests of an order, cancelled ones included',
        params: OrderParams,
        querystring: ListQuery,
      },
    },
    async (request) => field.parts.list(request.ctx(), request.params.id, request.query),
  );

  app.post(
    '/work-orders/:id/parts',
    {
      schema: {
        tags,
        summary: 'Request a part; division parts pause the SLA until they arrive (WO-7.6, WO-11)',
        params: OrderParams,
        body: PartBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return field.parts.request(request.ctx(), request.params.id, request.body);
    },
  );

  app.patch(
    '/work-orders/:id/parts/:partId',
    {
      schema: {
        tags,
        summary: 'Record shelf-off, station arrival, arrival at the outlet, fitting (send the part version)',
        params: PartParams,
        body: PartPatchBody,
      },
    },
    async (request) =>
      field.parts.update(request.ctx(), request.params.id, request.params.partId, request.body),
  );

  app.post(
    '/work-orders/:id/parts/:partId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a part request that is no longer needed (send the part version and a reason)',
        params: PartParams,
        body: PartCancelBody,
      },
    },
    async (request) =>
      field.parts.cancel(request.ctx(), request.params.id, request.params.partId, request.body),
  );

  app.get(
    '/work-orders/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Repeat contacts on an order with their trip assessment (WO-8)',
        params: OrderParams,
        querystring: ListQuery,
      },
    },
    async (request) => field.contacts.list(request.ctx(), request.params.id, request.query),
  );

  app.post(
    '/work-orders/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Log a customer contacting again; answers whether it is a trip and the apology to say first',
        params: OrderParams,
        body: ContactBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return field.contacts.log(request.ctx(), request.params.id, request.body);
    },
  );

  app.get(
    '/outlets/:id/trips',
    {
      schema: {
        tags: ['outlets'],
        summary: 'Trips charged to an outlet between two business dates, by cause (WO-8, NET-7)',
        params: IdParams,
        querystring: TripsQuery,
      },
    },
    async (request) => field.contacts.outletTrips(request.ctx(), request.params.id, request.query),
  );
};
