import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sendXlsx, toXlsxBuffer } from '../../platform/files/xlsx-export.ts';
import { PageQuery } from '../../platform/http/schemas.ts';
import type { CatalogService } from './catalog.service.ts';
import { Lang, RegionCode, RegionParams, Search, Version } from './catalog-schemas.ts';
import { localeOf, regionColumns } from './catalog-exports.ts';

const Level = Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('district')]);
const AreaType = Type.Union([Type.Literal('urban'), Type.Literal('suburban')]);
const MarketTier = Type.Integer({ minimum: 1, maximum: 4 });

const RegionFilters = {
  parentCode: Type.Optional(RegionCode),
  level: Type.Optional(Level),
  q: Type.Optional(Search),
  marketTier: Type.Optional(MarketTier),
  areaType: Type.Optional(AreaType),
};

/** A conditional GET matches when any listed validator is ours (weak or strong). */
const matches = (header: string | undefined, etag: string): boolean =>
  header !== undefined &&
  header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === etag;
  });

export const regionsRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (
  app,
  { catalog },
) => {
  app.get(
    '/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'Regions with market tier and urban/suburban flag (WO-7.1)',
        querystring: Type.Object({ ...PageQuery, ...RegionFilters }, { additionalProperties: false }),
      },
    },
    async (request) => catalog.listRegions(request.ctx(), request.query),
  );

  app.get(
    '/regions/export.xlsx',
    {
      schema: {
        tags: ['regions'],
        summary: 'The region list as an Excel file (same filters)',
        querystring: Type.Object(
          { ...RegionFilters, lang: Type.Optional(Lang) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { lang, ...filter } = request.query;
      const locale = localeOf(request, lang);
      const rows = await catalog.exportRegions(request.ctx(), filter);
      const sheet = locale === 'zh-CN' ? '行政区划' : 'Regions';
      return sendXlsx(reply, 'regions.xlsx', await toXlsxBuffer(sheet, regionColumns(locale), rows, locale));
    },
  );

  app.get(
    '/regions/cascader',
    {
      schema: {
        tags: ['regions'],
        summary: 'Province → city → district options for a cascader (cacheable, ETag)',
      },
    },
    async (request, reply) => {
      const doc = await catalog.regionCascader(request.ctx());
      reply.header('etag', doc.etag).header('cache-control', 'private, max-age=3600, must-revalidate');
      if (matches(request.headers['if-none-match'], doc.etag)) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(doc.json);
    },
  );

  app.get(
    '/regions/:code',
    { schema: { tags: ['regions'], summary: 'One region', params: RegionParams } },
    async (request) => catalog.getRegion(request.ctx(), request.params.code),
  );

  app.patch(
    '/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: 'Set a region’s market tier or urban/suburban flag (send the version you read)',
        params: RegionParams,
        body: Type.Object(
          { version: Version, marketTier: Type.Optional(MarketTier), areaType: Type.Optional(AreaType) },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => catalog.updateRegion(request.ctx(), request.params.code, request.body),
  );
};
