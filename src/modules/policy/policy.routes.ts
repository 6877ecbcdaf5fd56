import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { exportLocale, sendXlsx, toXlsxBuffer } from '../../platform/files/xlsx-export.ts';
import type { PolicyService } from './policy.service.ts';

const KeyParams = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9_.]+$' }),
});

export const policyRoutes: FastifyPluginAsyncTypebox<{ policies: PolicyService }> = async (
  app,
  { policies },
) => {
  app.get(
    '/policies',
    { schema: { tags: ['policies'], summary: 'Every policy value with the version in force' } },
    async (request) => policies.list(request.ctx()),
  );

  app.get(
    '/policies/export.xlsx',
    {
      schema: {
        tags: ['policies'],
        summary: 'Every policy value in force, as an Excel file',
        querystring: Type.Object(
          { lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')])) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const locale = exportLocale(request.query.lang, undefined);
      const { items } = await policies.list(request.ctx());
      const buffer = await toXlsxBuffer(
        locale === 'zh-CN' ? '制度参数' : 'Policies',
        [
          { header: { 'zh-CN': '参数', 'en-US': 'Policy' }, value: (p) => p.label[locale], width: 30 },
          { header: { 'zh-CN': '键', 'en-US': 'Key' }, value: (p) => p.key, width: 34 },
          { header: { 'zh-CN': '规则', 'en-US': 'Rules' }, value: (p) => p.rules.join(', ') },
          { header: { 'zh-CN': '单位', 'en-US': 'Unit' }, value: (p) => p.unit },
          {
            header: { 'zh-CN': '当前值', 'en-US': 'Value in force' },
            value: (p) => JSON.stringify(p.current?.value ?? null),
            width: 50,
          },
          { header: { 'zh-CN': '版本', 'en-US': 'Version' }, value: (p) => p.current?.version ?? null },
          {
            header: { 'zh-CN': '生效时间', 'en-US': 'Effective from' },
            value: (p) => p.current?.effectiveFrom ?? '',
            width: 26,
          },
        ],
        items,
        locale,
      );
      return sendXlsx(reply, 'policies.xlsx', buffer);
    },
  );

  app.get('/policies/:key', { schema: { tags: ['policies'], params: KeyParams } }, async (request) =>
    policies.get(request.ctx(), request.params.key),
  );

  app.post(
    '/policies/:key/versions',
    {
      schema: {
        tags: ['policies'],
        summary: 'Add a version of a policy value from a date on (POL-1)',
        params: KeyParams,
        body: Type.Object(
          {
            value: Type.Unknown(),
            effectiveFrom: Type.String({ format: 'date-time' }),
            note: Type.String({ minLength: 1, maxLength: 500 }),
            basedOnVersion: Type.Integer({
              minimum: 0,
              maximum: 2_147_483_647,
              description:
                'The newest version number you read (0 if none); if someone added one since, 409 VERSION_CONFLICT.',
            }),
          },
          {
            additionalProperties: false,
            required: ['value', 'effectiveFrom', 'note', 'basedOnVersion'],
          },
        ),
      },
    },
    async (request, reply) => {
      reply.code(201);
      return policies.addVersion(request.ctx(), request.params.key, request.body);
    },
  );
};
