import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { exportLocale, sendXlsx } from '../../platform/files/xlsx-export.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import type { CustomersService } from './customers.service.ts';
import { phoneLabels, salesChannels } from './domain/customer-rules.ts';
import { MAX_ADDRESSES, MAX_PHONES } from './customer-input.ts';

const literals = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Id = IdParams.properties.id;
const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
const RegionCode = Type.String({ pattern: '^[0-9]{6}$', maxLength: 6 });
const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', maxLength: 10 });
const PhoneText = Type.String({ minLength: 1, maxLength: 30 });
const Lang = Type.Optional(literals(['zh-CN', 'en-US']));

const PhoneFields = {
  number: PhoneText,
  label: literals(phoneLabels),
  isPrimary: Type.Optional(Type.Boolean()),
};
const AddressFields = {
  regionCode: RegionCode,
  detail: Type.String({ minLength: 1, maxLength: 200 }),
  lat: Type.Optional(Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()])),
  lng: Type.Optional(Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()])),
  isDefault: Type.Optional(Type.Boolean()),
};
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { maxItems: 20 });
const Note = Type.Union([Type.String({ maxLength: 1000 }), Type.Null()]);

const CustomerFilters = {
  phone: Type.Optional(PhoneText),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  regionCode: Type.Optional(RegionCode),
  tag: Type.Optional(Type.String({ maxLength: 30 })),
};
const UnitFilters = {
  serial: Type.Optional(Type.String({ maxLength: 64 })),
  customerId: Type.Optional(Id),
  modelId: Type.Optional(Id),
};

const PhoneParams = Type.Object({ id: Id, phoneId: Id }, { additionalProperties: false });
const AddressParams = Type.Object({ id: Id, addressId: Id }, { additionalProperties: false });

/**
 * Routes whose query may carry a phone number log at warn level only, so the number never reaches the
 * request log in a URL (MD-5).
 */
const quiet = { logLevel: 'warn' as const };

export const customersRoutes: FastifyPluginAsyncTypebox<{ customers: CustomersService }> = async (
  app,
  { customers },
) => {
  app.get(
    '/customers',
    {
      ...quiet,
      schema: {
        tags: ['customers'],
        summary: 'Customers in my scope; phone= finds a customer by any of their numbers',
        querystring: Type.Object({ ...PageQuery, ...CustomerFilters }, { additionalProperties: false }),
      },
    },
    async (request) => customers.list(request.ctx(), request.query),
  );

  app.get(
    '/customers/export.xlsx',
    {
      ...quiet,
      schema: {
        tags: ['customers'],
        summary: 'The customer list as an Excel file (same filters; names and phones masked)',
        querystring: Type.Object({ ...CustomerFilters, lang: Lang }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { lang, ...filters } = request.query;
      const locale = exportLocale(lang, undefined);
      const buffer = await customers.exportXlsx(request.ctx(), filters, locale);
      return sendXlsx(reply, locale === 'zh-CN' ? '用户档案.xlsx' : 'customers.xlsx', buffer);
    },
  );

  app.get(
    '/customers/lookup',
    {
      ...quiet,
      schema: {
        tags: ['customers'],
        summary: 'Intake look-up by phone: every matching customer with all units and orders (MD-4)',
        querystring: Type.Object({ phone: PhoneText }, { additionalProperties: false }),
      },
    },
    async (request) => customers.lookupByPhone(request.ctx(), request.query.phone),
  );

  app.get(
    '/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary: 'A customer with phones, addresses, units and orders',
        params: IdParams,
      },
    },
    async (request) => customers.get(request.ctx(), request.params.id),
  );

  app.post(
    '/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'Register a customer (a phone used by another customer answers 409 with that customer’s id)',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 60 }),
            phones: Type.Array(Type.Object(PhoneFields, { additionalProperties: false }), {
              minItems: 1,
              maxItems: MAX_PHONES,
            }),
            addresses: Type.Array(Type.Object(AddressFields, { additionalProperties: false }), {
              minItems: 1,
              maxItems: MAX_ADDRESSES,
            }),
            tags: Type.Optional(Tags),
            note: Type.Optional(Note),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return customers.create(request.ctx(), request.body);
    },
  );

  app.patch(
    '/customers/:id',
    {
      schema: {
        tags: ['customers'],
        summary: 'Change a customer (send the version you read)',
        params: IdParams,
        body: Type.Object(
          {
            version: Version,
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
            tags: Type.Optional(Tags),
            note: Type.Optional(Note),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => customers.update(request.ctx(), request.params.id, request.body),
  );

  app.post(
    '/customers/:id/phones',
    {
      schema: {
        tags: ['customers'],
        summary: 'Add a phone number (send the customer version you read)',
        params: IdParams,
        body: Type.Object({ version: Version, ...PhoneFields }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return customers.addPhone(request.ctx(), request.params.id, request.body);
    },
  );

  app.delete(
    '/customers/:id/phones/:phoneId',
    {
      schema: {
        tags: ['customers'],
        summary: 'Remove a phone number (?version= the customer version you read)',
        params: PhoneParams,
        querystring: Type.Object({ version: Version }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      await customers.removePhone(
        request.ctx(),
        request.params.id,
        request.params.phoneId,
        request.query.version,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/customers/:id/addresses',
    {
      schema: {
        tags: ['customers'],
        summary: 'Add an address (send the customer version you read)',
        params: IdParams,
        body: Type.Object({ version: Version, ...AddressFields }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return customers.addAddress(request.ctx(), request.params.id, request.body);
    },
  );

  app.delete(
    '/customers/:id/addresses/:addressId',
    {
      schema: {
        tags: ['customers'],
        summary: 'Remove an address (?version= the customer version you read)',
        params: AddressParams,
        querystring: Type.Object({ version: Version }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      await customers.removeAddress(
        request.ctx(),
        request.params.id,
        request.params.addressId,
        request.query.version,
      );
      return reply.status(204).send();
    },
  );

  app.post(
    '/customers/:id/reveal',
    {
      // Every reveal is its own audited event, and a stored replay would keep the plain number.
      config: { idempotent: false },
      schema: {
        tags: ['customers'],
        summary: 'Show the full name, phones and addresses (audited, MD-5)',
        params: IdParams,
      },
    },
    async (request) => customers.reveal(request.ctx(), request.params.id),
  );

  app.post(
    '/customers/:id/merge',
    {
      schema: {
        tags: ['customers'],
        summary: 'Merge a duplicate customer (sourceId) into this one (send this customer’s version)',
        params: IdParams,
        body: Type.Object({ sourceId: Id, version: Version }, { additionalProperties: false }),
      },
    },
    async (request) => customers.merge(request.ctx(), request.params.id, request.body),
  );

  app.get(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Installed units in my scope (serial= matches the start of the serial number)',
        querystring: Type.Object({ ...PageQuery, ...UnitFilters }, { additionalProperties: false }),
      },
    },
    async (request) => customers.units.list(request.ctx(), request.query),
  );

  app.get(
    '/units/export.xlsx',
    {
      schema: {
        tags: ['units'],
        summary: 'The unit list as an Excel file (same filters)',
        querystring: Type.Object({ ...UnitFilters, lang: Lang }, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      const { lang, ...filters } = request.query;
      const locale = exportLocale(lang, undefined);
      const buffer = await customers.units.exportXlsx(request.ctx(), filters, locale);
      return sendXlsx(reply, locale === 'zh-CN' ? '产品档案.xlsx' : 'units.xlsx', buffer);
    },
  );

  app.get(
    '/units/:id',
    { schema: { tags: ['units'], summary: 'A unit with its warranty status (MD-3)', params: IdParams } },
    async (request) => customers.units.get(request.ctx(), request.params.id),
  );

  const UnitFields = {
    serialNumber: Type.String({ minLength: 1, maxLength: 100 }),
    modelId: Id,
    customerId: Id,
    addressId: Type.Optional(Type.Union([Id, Type.Null()])),
    purchaseDate: DateString,
    installDate: Type.Optional(Type.Union([DateString, Type.Null()])),
    salesChannel: literals(salesChannels),
    dealerId: Type.Optional(Type.Union([Id, Type.Null()])),
  };

  app.post(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Register a unit to a customer (MD-3)',
        body: Type.Object(UnitFields, { additionalProperties: false }),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return customers.units.create(request.ctx(), request.body);
    },
  );

  app.patch(
    '/units/:id',
    {
      schema: {
        tags: ['units'],
        summary: 'Change a unit (send the version you read)',
        params: IdParams,
        body: Type.Object(
          {
            version: Version,
            ...UnitFields,
            serialNumber: Type.Optional(UnitFields.serialNumber),
            modelId: Type.Optional(Id),
            customerId: Type.Optional(Id),
            purchaseDate: Type.Optional(DateString),
            salesChannel: Type.Optional(UnitFields.salesChannel),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => customers.units.update(request.ctx(), request.params.id, request.body),
  );
};
