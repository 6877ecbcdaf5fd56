import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.ts';
import { AppError } from '../../platform/errors.ts';
import { exportLocale, MAX_EXPORT_ROWS, sendXlsx, toXlsxBuffer } from '../../platform/files/xlsx-export.ts';
import { formatBusiness } from '../../platform/time.ts';
import type { AuditService } from './audit.service.ts';

const Word = Type.String({ minLength: 1, maxLength: 64 });

const Filters = {
  entity: Type.Optional(Word),
  entityId: Type.Optional(Word),
  actorId: Type.Optional(Word),
  action: Type.Optional(Word),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
};

export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService; timeZone: string }> = async (
  app,
  { audit, timeZone },
) => {
  app.get(
    '/audit/export.xlsx',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit list as an Excel file (same filters)',
        querystring: Type.Object(
          { ...Filters, lang: Type.Optional(Type.Union([Type.Literal('zh-CN'), Type.Literal('en-US')])) },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { from, to, lang, ...rest } = request.query;
      const result = await audit.list(request.ctx(), {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        page: 1,
        pageSize: MAX_EXPORT_ROWS,
      });
      if (result.total > MAX_EXPORT_ROWS) {
        throw new AppError(
          'BAD_REQUEST',
          `The export would hold ${result.total} rows; narrow the filters to at most ${MAX_EXPORT_ROWS}.`,
        );
      }
      const locale = exportLocale(lang, undefined);
      const buffer = await toXlsxBuffer(
        locale === 'zh-CN' ? '审计日志' : 'Audit log',
        [
          {
            header: { 'zh-CN': '时间', 'en-US': 'Time' },
            value: (r) => formatBusiness(new Date(r.at), timeZone),
            width: 18,
          },
          { header: { 'zh-CN': '操作人', 'en-US': 'Actor' }, value: (r) => r.actor?.displayName ?? '' },
          { header: { 'zh-CN': '角色', 'en-US': 'Role' }, value: (r) => r.actorRole ?? '' },
          { header: { 'zh-CN': '对象', 'en-US': 'Entity' }, value: (r) => r.entity },
          { header: { 'zh-CN': '对象编号', 'en-US': 'Entity id' }, value: (r) => r.entityId, width: 28 },
          { header: { 'zh-CN': '动作', 'en-US': 'Action' }, value: (r) => r.action },
          { header: { 'zh-CN': '原因', 'en-US': 'Reason' }, value: (r) => r.reason ?? '' },
          {
            header: { 'zh-CN': '变更后', 'en-US': 'After' },
            value: (r) => (r.after ? JSON.stringify(r.after) : ''),
            width: 60,
          },
        ],
        result.items,
        locale,
      );
      return sendXlsx(reply, 'audit.xlsx', buffer);
    },
  );

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The append-only audit trail (SEC-3)',
        querystring: Type.Object(
          {
            ...PageQuery,
            entity: Type.Optional(Word),
            entityId: Type.Optional(Word),
            actorId: Type.Optional(Word),
            action: Type.Optional(Word),
            from: Type.Optional(Type.String({ format: 'date-time' })),
            to: Type.Optional(Type.String({ format: 'date-time' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      return audit.list(request.ctx(), {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
    },
  );
};
