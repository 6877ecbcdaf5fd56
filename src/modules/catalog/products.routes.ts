import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sendXlsx, toXlsxBuffer } from '../../platform/files/xlsx-export.ts';
import { IdParams, PageQuery } from '../../platform/http/schemas.ts';
import type { CatalogService } from './catalog.service.ts';
import { CategoryCode, Lang, Search, Version } from './catalog-schemas.ts';
import { localeOf, modelColumns } from './catalog-exports.ts';
import { MAX_KEY_PARTS, MAX_WARRANTY_MONTHS } from './domain/model-rules.ts';

const Months = Type.Integer({ minimum: 0, maximum: MAX_WARRANTY_MONTHS });
const ModelFilters = {
  q: Type.Optional(Search),
  categoryCode: Type.Optional(CategoryCode),
  active: Type.Optional(Type.Boolean()),
};
const ModelFields = {
  code: Type.String({ minLength: 1, maxLength: 40 }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  categoryCode: CategoryCode,
  warrantyMonths: Months,
  keyPartsWarrantyMonths: Months,
  keyParts: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: MAX_KEY_PARTS }),
  dealerPriceFen: Type.Union([Type.Integer({ minimum: 0, maximum: 2_000_000_000 }), Type.Null()]),
  active: Type.Boolean(),
};

export const productsRoutes: FastifyPluginAsyncTypebox<{ catalog: CatalogService }> = async (
  app,
  { catalog },
) => {
  app.get(
    '/product-lines',
    { schema: { tags: ['products'], summary: 'Product lines (MD-2)' } },
    async (request) => catalog.listProductLines(request.ctx()),
  );

  app.get(
    '/product-categories',
    {
      schema: {
        tags: ['products'],
        summary: 'Product categories, each in its line (MD-2)',
        querystring: Type.Object({ lineCode: Type.Optional(CategoryCode) }, { additionalProperties: false }),
      },
    },
    async (request) => catalog.listProductCategories(request.ctx(), request.query.lineCode),
  );

  app.get(
    '/models',
    {
      schema: {
        tags: ['products'],
        summary: 'Product models with warranty terms (MD-1, MD-3)',
        querystring: Type.Object({ ...PageQuery, ...ModelFilters }, { additionalProperties: false }),
      },
    },
    async (request) => catalog.listModels(request.ctx(), request.query),
  );

  app.get(
    '/models/export.xlsx',
    {
      schema: {
        tags: ['products'],
        summary: 'The model list as an Excel file (same filters)',
        querystring: Type.Object(
          { ...ModelFilters, lang: Type.Optional(Lang) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { lang, ...filter } = request.query;
      const ctx = request.ctx();
      const locale = localeOf(request, lang);
      const [rows, categories] = await Promise.all([
        catalog.exportModels(ctx, filter),
        catalog.listProductCategories(ctx),
      ]);
      const names = new Map(categories.map((c) => [c.code, locale === 'zh-CN' ? c.nameZh : c.nameEn]));
      const columns = modelColumns(locale, (code) => names.get(code) ?? code);
      const sheet = locale === 'zh-CN' ? '产品型号' : 'Models';
      return sendXlsx(reply, 'models.xlsx', await toXlsxBuffer(sheet, columns, rows, locale));
    },
  );

  app.post(
    '/models',
    {
      schema: {
        tags: ['products'],
        summary: 'Add a model',
        body: Type.Object(
          {
            code: ModelFields.code,
            name: ModelFields.name,
            categoryCode: ModelFields.categoryCode,
            warrantyMonths: ModelFields.warrantyMonths,
            keyPartsWarrantyMonths: ModelFields.keyPartsWarrantyMonths,
            keyParts: Type.Optional(ModelFields.keyParts),
            dealerPriceFen: Type.Optional(ModelFields.dealerPriceFen),
            active: Type.Optional(ModelFields.active),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return catalog.createModel(request.ctx(), request.body);
    },
  );

  app.get(
    '/models/:id',
    { schema: { tags: ['products'], summary: 'One model', params: IdParams } },
    async (request) => catalog.getModel(request.ctx(), request.params.id),
  );

  app.patch(
    '/models/:id',
    {
      schema: {
        tags: ['products'],
        summary: 'Change a model (send the version you read)',
        params: IdParams,
        body: Type.Object(
          {
            version: Version,
            code: Type.Optional(ModelFields.code),
            name: Type.Optional(ModelFields.name),
            categoryCode: Type.Optional(ModelFields.categoryCode),
            warrantyMonths: Type.Optional(ModelFields.warrantyMonths),
            keyPartsWarrantyMonths: Type.Optional(ModelFields.keyPartsWarrantyMonths),
            keyParts: Type.Optional(ModelFields.keyParts),
            dealerPriceFen: Type.Optional(ModelFields.dealerPriceFen),
            active: Type.Optional(ModelFields.active),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => catalog.updateModel(request.ctx(), request.params.id, request.body),
  );
};
