import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sendXlsx, toXlsxBuffer } from '../../platform/files/xlsx-export.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import type { CatalogService } from './catalog.service.ts';
import { Lang, RegionCode, Search, Version } from './catalog-schemas.ts';
import { dealerColumns, localeOf } from './catalog-exports.ts';
import { dealerTiers, MONTH_PATTERN } from './domain/dealer-tiers.ts';

const Tier = Type.Union(dealerTiers.map((t) => Type.Literal(t)));
const DealerFilters = {
  q: Type.Optional(Search),
  regionCode: Type.Optional(RegionCode),
  tier: Type.Optional(Tier),
  active: Type.Optional(Type.Boolean()),
  phone: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
};
const Code = Type.String({ minLength: 1, maxLength: 40 });
const Name = Type.String({ minLength: 1, maxLength: 100 });
const ContactName = Type.Union([Type.String({ maxLength: 40 }), Type.Null()]);
const ContactPhone = Type.Union([Type.String({ maxLength: 30 }), Type.Null()]);

export const dealersRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (
  app,
  { catalog },
) => {
  app.get(
    '/dealers',
    {
      schema: {
        tags: ['dealers'],
        summary: 'Dealers in my regions, contacts masked (CB-7, MD-5)',
        querystring: Type.Object({ ...PageQuery, ...DealerFilters }, { additionalProperties: false }),
      },
    },
    async (request) => catalog.listDealers(request.ctx(), request.query),
  );

  app.get(
    '/dealers/export.xlsx',
    {
      schema: {
        tags: ['dealers'],
        summary: 'The dealer list as an Excel file (same filters, contacts masked)',
        querystring: Type.Object(
          { ...DealerFilters, lang: Type.Optional(Lang) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { lang, ...filter } = request.query;
      const locale = localeOf(request, lang);
      const rows = await catalog.exportDealers(request.ctx(), filter);
      const sheet = locale === 'zh-CN' ? '经销商' : 'Dealers';
      return sendXlsx(reply, 'dealers.xlsx', await toXlsxBuffer(sheet, dealerColumns(locale), rows, locale));
    },
  );

  app.post(
    '/dealers',
    {
      schema: {
        tags: ['dealers'],
        summary: 'Add a dealer with its tier for the current month',
        body: Type.Object(
          {
            code: Code,
            name: Name,
            regionCode: RegionCode,
            contactName: Type.Optional(ContactName),
            contactPhone: Type.Optional(ContactPhone),
            tier: Tier,
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return catalog.createDealer(request.ctx(), request.body);
    },
  );

  app.get(
    '/dealers/:id',
    { schema: { tags: ['dealers'], summary: 'One dealer with its monthly tier history', params: IdParams } },
    async (request) => catalog.getDealer(request.ctx(), request.params.id),
  );

  app.patch(
    '/dealers/:id',
    {
      schema: {
        tags: ['dealers'],
        summary: 'Change a dealer (send the version you read); tiers change through /tiers',
        params: IdParams,
        body: Type.Object(
          {
            version: Version,
            code: Type.Optional(Code),
            name: Type.Optional(Name),
            regionCode: Type.Optional(RegionCode),
            contactName: Type.Optional(ContactName),
            contactPhone: Type.Optional(ContactPhone),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => catalog.updateDealer(request.ctx(), request.params.id, request.body),
  );

  app.post(
    '/dealers/:id/reveal',
    {
      // Every reveal is its own audited event, and a stored replay would keep the plain number.
      config: { idempotent: false },
      schema: {
        tags: ['dealers'],
        summary: 'Show the contact’s full name and phone (audited)',
        params: IdParams,
      },
    },
    async (request) => catalog.revealDealerContact(request.ctx(), request.params.id),
  );

  app.post(
    '/dealers/:id/tiers',
    {
      schema: {
        tags: ['dealers'],
        summary: 'Decide a dealer’s tier for a month (CB-7)',
        params: IdParams,
        body: Type.Object(
          {
            month: Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM' }),
            tier: Tier,
            reason: Type.String({ minLength: 1, maxLength: 500 }),
            replace: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return catalog.decideDealerTier(request.ctx(), request.params.id, request.body);
    },
  );
};
