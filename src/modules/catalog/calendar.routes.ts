import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { CatalogService } from './catalog.service.ts';
import { DayParams } from './catalog-schemas.ts';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR } from './domain/calendar-rules.ts';

export const calendarRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (
  app,
  { catalog },
) => {
  app.get(
    '/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Statutory holidays and make-up workdays of a year (default: this year)',
        querystring: Type.Object(
          { year: Type.Optional(Type.Integer({ minimum: CALENDAR_MIN_YEAR, maximum: CALENDAR_MAX_YEAR })) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => catalog.getCalendar(request.ctx(), request.query.year),
  );

  app.put(
    '/calendar/:day',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Mark a day as a holiday or a make-up workday',
        params: DayParams,
        body: Type.Object(
          {
            kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]),
            name: Type.String({ minLength: 1, maxLength: 40 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => catalog.putCalendarDay(request.ctx(), request.params.day, request.body),
  );

  app.delete(
    '/calendar/:day',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Make a day ordinary again (weekday working, weekend off)',
        params: DayParams,
      },
    },
    async (request, reply) => {
      await catalog.deleteCalendarDay(request.ctx(), request.params.day);
      return reply.status(204).send();
    },
  );
};
