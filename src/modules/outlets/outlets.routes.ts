import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { exportLocale, sendXlsx } from '../../platform/files/xlsx-export.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import { serviceTypes } from '../catalog/index.ts';
import type { OutletsService } from './outlets.service.ts';
import { coverageRoles, outletStatuses, outletTypes } from './domain/outlet-rules.ts';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const RegionCode = Type.String({ pattern: '^[0-9]{6}$', maxLength: 6 });
const CategoryCode = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$' });
const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 });
const Id = IdParams.properties.id;
const Lang = Type.Optional(literals(['zh-CN', 'en-US']));

const OutletFilters = {
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(literals(outletStatuses)),
  type: Type.Optional(literals(outletTypes)),
  regionCode: Type.Optional(RegionCode),
  band: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
  grade: Type.Optional(literals(['A', 'B', 'C', 'D'])),
};

const Qualification = Type.Object(
  {
    licenceNumber: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
    licensedForRepair: Type.Optional(Type.Boolean()),
    hasPartsStore: Type.Optional(Type.Boolean()),
    technicianCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    acceptsManagement: Type.Optional(Type.Boolean()),
    hasServiceSystem: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const OutletFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  type: literals(outletTypes),
  parentId: Type.Optional(Type.Union([Id, Type.Null()])),
  regionCode: RegionCode,
  address: Type.Optional(Type.String({ maxLength: 200 })),
  lat: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
  lng: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
  serviceRadiusKm: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  status: Type.Optional(literals(outletStatuses)),
  phone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
  managerName: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
  qualification: Type.Optional(Qualification),
};
const OutletCode = Type.String({ minLength: 1, maxLength: 30 });

const EngineerFilters = {
  q: Type.Optional(Type.String({ maxLength: 100 })),
  categoryCode: Type.Optional(CategoryCode),
  active: Type.Optional(Type.Boolean()),
};

const Skills = Type.Array(
  Type.Object(
    { categoryCode: CategoryCode, level: Type.Integer({ minimum: 1, maximum: 3 }) },
    { additionalProperties: false },
  ),
  { maxItems: 50 },
);
const Certificates = Type.Array(
  Type.Object(
    {
      id: Type.Optional(Id),
      name: Type.String({ minLength: 1, maxLength: 100 }),
      number: Type.String({ minLength: 1, maxLength: 60 }),
      issuedOn: Type.Optional(Type.Union([DateString, Type.Null()])),
      expiresOn: Type.Optional(Type.Union([DateString, Type.Null()])),
    },
    { additionalProperties: false },
  ),
  { maxItems: 50 },
);
const PersonName = Type.String({ minLength: 1, maxLength: 40 });
const Phone = Type.Union([Type.String({ maxLength: 30 }), Type.Null()]);
const IdNumber = Type.Union([Type.String({ maxLength: 30 }), Type.Null()]);

export const outletsRoutes: FastifyPluginAsyncTypebox<{ outlets: OutletsService }> = async (
  app,
  { outlets },
) => {
  app.get(
    '/outlets',
    {
      schema: {
        tags: ['outlets'],
        summary: 'Outlets in my scope',
        querystring: Type.Object({ ...PageQuery, ...OutletFilters }, { additionalProperties: false }),
      },
    },
    async (request) => outlets.list(request.ctx(), request.query),
  );

  app.get(
    '/outlets/export.xlsx',
    {
      schema: {
        tags: ['outlets'],
        summary: 'The outlet list as an Excel file (same filters)',
        querystring: Type.Object({ ...OutletFilters, lang: Lang }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { lang, ...filters } = request.query;
      const locale = exportLocale(lang, undefined);
      const buffer = await outlets.exportXlsx(request.ctx(), filters, locale);
      return sendXlsx(reply, locale === 'zh-CN' ? '网点.xlsx' : 'outlets.xlsx', buffer);
    },
  );

  app.get(
    '/outlets/coverage-gaps',
    {
      schema: {
        tags: ['outlets'],
        summary: 'Covered districts with fewer active outlets than the policy minimum (NET-2)',
        querystring: Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false }),
      },
    },
    async (request) => outlets.coverageGaps(request.ctx(), request.query),
  );

  app.get(
    '/outlets/:id',
    { schema: { tags: ['outlets'], summary: 'An outlet with coverage and qualification', params: IdParams } },
    async (request) => outlets.get(request.ctx(), request.params.id),
  );

  app.post(
    '/outlets',
    {
      schema: {
        tags: ['outlets'],
        summary: 'Register an outlet (NET-1, NET-2)',
        body: Type.Object({ code: OutletCode, ...OutletFields }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return outlets.create(request.ctx(), request.body);
    },
  );

  app.patch(
    '/outlets/:id',
    {
      schema: {
        tags: ['outlets'],
        summary: 'Change an outlet (send the version you read)',
        params: IdParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
            code: Type.Optional(OutletCode),
            ...OutletFields,
            name: Type.Optional(OutletFields.name),
            type: Type.Optional(OutletFields.type),
            regionCode: Type.Optional(RegionCode),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => outlets.update(request.ctx(), request.params.id, request.body),
  );

  app.put(
    '/outlets/:id/coverage',
    {
      schema: {
        tags: ['outlets'],
        summary: 'Replace the districts and services an outlet covers (NET-2)',
        params: IdParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
            regions: Type.Array(
              Type.Object(
                { regionCode: RegionCode, role: literals(coverageRoles) },
                { additionalProperties: false },
              ),
              { maxItems: 500 },
            ),
            services: Type.Array(
              Type.Object(
                { categoryCode: CategoryCode, serviceType: literals(serviceTypes) },
                { additionalProperties: false },
              ),
              { maxItems: 200 },
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => outlets.setCoverage(request.ctx(), request.params.id, request.body),
  );

  app.post(
    '/outlets/:id/band',
    {
      schema: {
        tags: ['outlets'],
        summary: "Fix the year's volume band from last year's repair orders (NET-5)",
        params: IdParams,
        body: Type.Object(
          {
            year: Type.Integer({ minimum: 2000, maximum: 2200 }),
            lastYearRepairOrders: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => outlets.setBand(request.ctx(), request.params.id, request.body),
  );

  app.post(
    '/outlets/:id/dispatch-suspension',
    {
      schema: {
        tags: ['outlets'],
        summary: 'Suspend new dispatches to the outlet for N days after an audit finding (NET-10)',
        params: IdParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1 }),
            reason: Type.String({ minLength: 1, maxLength: 500 }),
            days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => outlets.suspendDispatch(request.ctx(), request.params.id, request.body),
  );

  app.post(
    '/outlets/:id/dispatch-suspension/lift',
    {
      schema: {
        tags: ['outlets'],
        summary: 'End a dispatch suspension early, with the reason (NET-10)',
        params: IdParams,
        body: Type.Object(
          { version: Type.Integer({ minimum: 1 }), reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => outlets.liftDispatchSuspension(request.ctx(), request.params.id, request.body),
  );

  app.get(
    '/outlets/:id/engineers',
    {
      // The search text may be a phone number: keep the URL out of the request log (MD-5).
      logLevel: 'warn',
      schema: {
        tags: ['engineers'],
        summary: "An outlet's engineers",
        params: IdParams,
        querystring: Type.Object({ ...PageQuery, ...EngineerFilters }, { additionalProperties: false }),
      },
    },
    async (request) => outlets.engineers.listForOutlet(request.ctx(), request.params.id, request.query),
  );

  app.get(
    '/engineers',
    {
      logLevel: 'warn',
      schema: {
        tags: ['engineers'],
        summary: 'Engineers in my scope; categoryCode finds those skilled for a product category (WO-13)',
        querystring: Type.Object(
          { ...PageQuery, outletId: Type.Optional(Id), ...EngineerFilters },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => outlets.engineers.list(request.ctx(), request.query),
  );

  app.get(
    '/engineers/export.xlsx',
    {
      logLevel: 'warn',
      schema: {
        tags: ['engineers'],
        summary: 'The engineer list as an Excel file (same filters)',
        querystring: Type.Object(
          { outletId: Type.Optional(Id), ...EngineerFilters, lang: Lang },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { lang, ...filters } = request.query;
      const locale = exportLocale(lang, undefined);
      const buffer = await outlets.engineers.exportXlsx(request.ctx(), filters, locale);
      return sendXlsx(reply, locale === 'zh-CN' ? '工程师.xlsx' : 'engineers.xlsx', buffer);
    },
  );

  app.get('/engineers/:id', { schema: { tags: ['engineers'], params: IdParams } }, async (request) =>
    outlets.engineers.get(request.ctx(), request.params.id),
  );

  app.post(
    '/engineers',
    {
      schema: {
        tags: ['engineers'],
        summary: 'Register an engineer of an outlet',
        body: Type.Object(
          {
            outletId: Id,
            name: PersonName,
            phone: Type.Optional(Phone),
            idNumber: Type.Optional(IdNumber),
            skills: Skills,
            certificates: Type.Optional(Certificates),
            hiredOn: Type.Optional(Type.Union([DateString, Type.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return outlets.engineers.create(request.ctx(), request.body);
    },
  );

  app.patch(
    '/engineers/:id',
    {
      schema: {
        tags: ['engineers'],
        summary: 'Change an engineer (send the version you read); certificates without an id are added',
        params: IdParams,
        body: Type.Object(
          {
            version: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
            name: Type.Optional(PersonName),
            phone: Type.Optional(Phone),
            idNumber: Type.Optional(IdNumber),
            skills: Type.Optional(Skills),
            certificates: Type.Optional(Certificates),
            active: Type.Optional(Type.Boolean()),
            hiredOn: Type.Optional(Type.Union([DateString, Type.Null()])),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => outlets.engineers.update(request.ctx(), request.params.id, request.body),
  );

  app.post(
    '/engineers/:id/reveal',
    {
      // Every reveal is its own audited event, and a stored replay would keep the plain number.
      config: { idempotent: false },
      schema: {
        tags: ['engineers'],
        summary: "Show the engineer's full name, phone and ID number (audited)",
        params: IdParams,
      },
    },
    async (request) => outlets.engineers.reveal(request.ctx(), request.params.id),
  );
};
