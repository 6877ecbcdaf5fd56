import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAX_PHOTO_BYTES, photoTypes } from './attachments-files.ts';
import { AttachmentParams, AttachmentQuery, ListQuery, OrderParams } from './field-schemas.ts';
import type { FieldService } from './field.service.ts';

const tags = ['work-orders'];

/** Photos on an order, uploaded as the raw request body (no multipart) and streamed back. */
export const fieldAttachmentRoutes: FastifyPluginAsyncTypebox<{ field: FieldService }> = async (
  app,
  { field },
) => {
  // Any image type reaches the service, which names the accepted ones; the size limit applies here only.
  app.addContentTypeParser(
    /^image\/[\w.+-]+/,
    { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/work-orders/:id/attachments',
    {
      bodyLimit: MAX_PHOTO_BYTES,
      schema: {
        tags,
        summary: `Attach a photo (${Object.keys(photoTypes).join(', ')}; at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB)`,
        description:
          'Send the image bytes as the request body with their Content-Type; ?kind= and ?fileName= label it.',
        params: OrderParams,
        querystring: AttachmentQuery,
      },
    },
    async (request, reply) => {
      reply.code(201);
      return field.attachments.upload(request.ctx(), request.params.id, {
        contentType: request.headers['content-type'],
        body: request.body,
        kind: request.query.kind ?? 'photo',
        fileName: request.query.fileName,
      });
    },
  );

  app.get(
    '/work-orders/:id/attachments',
    { schema: { tags, summary: 'Photos attached to an order', params: OrderParams, querystring: ListQuery } },
    async (request) => field.attachments.list(request.ctx(), request.params.id, request.query),
  );

  app.get(
    '/work-orders/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'The photo itself', params: AttachmentParams } },
    async (request, reply) => {
      const { attachment, stream } = await field.attachments.open(
        request.ctx(),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .header('content-type', attachment.contentType)
        .header('content-length', attachment.sizeBytes)
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .header('etag', `"${attachment.sha256}"`)
        .send(stream);
    },
  );
};
