import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAX_APPEAL_FILE_BYTES, appealFileTypes } from './desk-appeal-files.service.ts';
import type { DeskService } from './desk.service.ts';
import {
  AppealBody,
  AppealFileQuery,
  AttemptBody,
  AuditBody,
  AuditQuery,
  FileParams,
  MonthEndQuery,
  OrderParams,
  QueueQuery,
  TaskParams,
  VerdictBody,
} from './desk-schemas.ts';

const tags = ['callbacks'];

/** The order-callback desk (CB-1..CB-6, WO-6.1). Shapes: desk-schemas.ts. */
export const deskRoutes: FastifyPluginAsyncTypebox<{ desk: DeskService }> = async (app, { desk }) => {
  // Appeal files arrive as the raw body; the service checks the bytes, the size limit applies here.
  app.addContentTypeParser(
    /^(image\/[\w.+-]+|application\/pdf)/,
    { parseAs: 'buffer', bodyLimit: MAX_APPEAL_FILE_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get(
    '/callbacks/queue',
    {
      schema: {
        tags,
        summary: 'CB-3 the callback queue: due, overdue, appealed, mine or all, by due time',
        querystring: QueueQuery,
      },
    },
    async (request) => desk.reads.queue(request.ctx(), request.query),
  );

  app.get(
    '/callbacks/audit',
    {
      schema: {
        tags,
        summary: 'CB-3 the day’s completion entries and verdicts for the supervisors’ same-day audit',
        querystring: AuditQuery,
      },
    },
    async (request) => desk.reads.auditList(request.ctx(), request.query.date),
  );

  app.post(
    '/callbacks/audit',
    {
      schema: {
        tags,
        summary: 'CB-3 mark completion entries and verdicts audited',
        body: AuditBody,
      },
    },
    async (request) => desk.decisions.markAudited(request.ctx(), request.body),
  );

  app.get(
    '/callbacks/month-end',
    {
      schema: {
        tags,
        summary: 'CB-2 月清月毕: the month’s open and overdue callbacks per outlet',
        querystring: MonthEndQuery,
      },
    },
    async (request) => desk.reads.monthEnd(request.ctx(), request.query.month),
  );

  app.post(
    '/callbacks/finalise-due',
    {
      schema: {
        tags,
        summary: 'CB-3 finalise every result whose appeal window closed unappealed (the worker does it too)',
      },
    },
    async (request) => desk.decisions.finaliseDue(request.ctx(), { record: true }),
  );

  app.get(
    '/callbacks/by-order/:orderId',
    { schema: { tags, summary: 'The callback task of an order', params: OrderParams } },
    async (request) => desk.reads.byOrder(request.ctx(), request.params.orderId),
  );

  app.get(
    '/callbacks/:id',
    {
      schema: {
        tags,
        summary:
          'A callback task: plan, order, masked customer, CB-4 questions, calls, verdicts, appeals, evidence, what I may do',
        params: TaskParams,
      },
    },
    async (request) => desk.reads.get(request.ctx(), request.params.id),
  );

  app.post(
    '/callbacks/:id/reveal',
    {
      // Every reveal is its own audited event, and a stored replay would keep the plain number.
      config: { idempotent: false },
      schema: {
        tags,
        summary: 'The customer’s full name, phones and the order’s address (customer.reveal, audited)',
        params: TaskParams,
      },
    },
    async (request) => desk.reads.reveal(request.ctx(), request.params.id),
  );

  app.post(
    '/callbacks/:id/attempts',
    {
      schema: {
        tags,
        summary: 'CB-5 record a call (slot from the clock); CB-4 answers when someone who knows answered',
        params: TaskParams,
        body: AttemptBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return desk.calls.recordAttempt(request.ctx(), request.params.id, request.body);
    },
  );

  app.post(
    '/callbacks/:id/verdict',
    {
      schema: {
        tags,
        summary: 'CB-6 record the verdict with its reasons and evidence; CB-1 its settlement effect',
        params: TaskParams,
        body: VerdictBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return desk.decisions.recordVerdict(request.ctx(), request.params.id, request.body);
    },
  );

  app.post(
    '/callbacks/:id/appeal',
    {
      schema: {
        tags,
        summary: 'CB-3 the outlet appeals the result, once, within the window',
        params: TaskParams,
        body: AppealBody,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return desk.decisions.appeal(request.ctx(), request.params.id, request.body);
    },
  );

  app.post(
    '/callbacks/:id/appeal/files',
    {
      bodyLimit: MAX_APPEAL_FILE_BYTES,
      schema: {
        tags,
        summary: `Attach a file to the pending appeal (${Object.keys(appealFileTypes).join(', ')}; at most ${MAX_APPEAL_FILE_BYTES / 1024 / 1024} MB)`,
        description: 'Send the file bytes as the request body with their Content-Type; ?fileName= labels it.',
        params: TaskParams,
        querystring: AppealFileQuery,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return desk.files.upload(request.ctx(), request.params.id, {
        contentType: request.headers['content-type'],
        body: request.body,
        fileName: request.query.fileName,
      });
    },
  );

  app.get(
    '/callbacks/:id/appeal/files/:fileId',
    { schema: { tags, summary: 'An appeal file itself', params: FileParams } },
    async (request, reply) => {
      const { file, stream } = await desk.reads.openFile(
        request.ctx(),
        request.params.id,
        request.params.fileId,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(stream);
    },
  );
};
