import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { exportLocale, sendXlsx } from '../../platform/files/xlsx-export.ts';
import type { ImportsService } from './imports.service.ts';

const EntityParams = Type.Object({
  entity: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z-]+$' }),
});
const FILE_TYPES = [
  'application/octet-stream',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const importsRoutes: FastifyPluginAsyncTypebox<{ imports: ImportsService }> = async (
  app,
  { imports },
) => {
  // Files are uploaded as the raw request body: no multipart parsing, and the size limit applies here only.
  app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.get(
    '/imports',
    { schema: { tags: ['imports'], summary: 'What can be imported, with its columns' } },
    async (request) => imports.describe(request.ctx()),
  );

  app.get(
    '/imports/:entity/template.xlsx',
    {
      schema: {
        tags: ['imports'],
        summary: 'An empty workbook with the columns and one example row',
        params: EntityParams,
        querystring: Type.Object(
          { lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')])) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const locale = exportLocale(request.query.lang, undefined);
      const buffer = await imports.template(request.ctx(), request.params.entity, locale);
      return sendXlsx(reply, `${request.params.entity}-template.xlsx`, buffer);
    },
  );

  app.post(
    '/imports/:entity',
    {
      schema: {
        tags: ['imports'],
        summary: 'Import an xlsx or CSV (UTF-8) file all-or-nothing; dryRun=true only reports',
        description: `Send the file as the request body with Content-Type ${FILE_TYPES.join(' or ')}.`,
        params: EntityParams,
        querystring: Type.Object(
          {
            dryRun: Type.Boolean({ default: true }),
            fileName: Type.Optional(Type.String({ maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const body = request.body;
      return imports.run(request.ctx(), request.params.entity, Buffer.isBuffer(body) ? body : undefined, {
        dryRun: request.query.dryRun,
        fileName: request.query.fileName,
      });
    },
  );
};
