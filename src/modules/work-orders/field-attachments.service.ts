import os from 'node:os';
import path from 'node:path';
import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { AttachmentKind } from './attachments-files.ts';
import {
  MAX_PHOTO_BYTES,
  isPhotoType,
  openStoredFile,
  photoTypes,
  removeStoredFile,
  sha256Hex,
  sniffPhotoType,
  storageKeyOf,
  writeStoredFile,
} from './attachments-files.ts';
import { fieldQueries as q } from './field-queries.ts';
import type { AttachmentRow } from './field-queries.ts';
import { attachmentView, orderSummary, pageOf } from './field-views.ts';
import type { OrderStore } from './order-store.ts';

export interface PhotoUpload {
  contentType: string | undefined;
  body: unknown;
  kind: AttachmentKind;
  fileName?: string | undefined;
}

const ACCEPTED = Object.keys(photoTypes).join(', ');

function unsupported(reason: string, message: string): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', message, { details: { reason, accepted: ACCEPTED } });
}

/** A display name without folders or control characters; the stored file is named by its id anyway. */
function cleanFileName(name: string | undefined, fallback: string): string {
  const base = path.basename((name ?? '').replace(/\\/g, '/'));
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? fallback : clean;
}

/** A fresh folder per process when no files directory is configured (tests, tools). */
export const defaultFilesDir = (): string => path.join(os.tmpdir(), `aftersales-files-${process.pid}`);

/** Photos on an order: checked by their bytes, stored on disk, recorded with their SHA-256. */
export function createFieldAttachments(_deps: PlatformDeps, store: OrderStore, filesDir: string) {
  return {
    async upload(ctx: ServiceContext, orderId: string, upload: PhotoUpload) {
      await store.loadVisible(ctx, orderId, 'order.field');
      const declared = (upload.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!isPhotoType(declared) || (upload.body !== undefined && !Buffer.isBuffer(upload.body))) {
        throw unsupported(
          'TYPE_NOT_ACCEPTED',
          `Send the photo as the request body with Content-Type ${ACCEPTED}.`,
        );
      }
      const data = Buffer.isBuffer(upload.body) ? upload.body : Buffer.alloc(0);
      if (data.length === 0) throw new AppError('BAD_REQUEST', 'The photo is empty; send the image bytes.');
      if (data.length > MAX_PHOTO_BYTES) {
        throw new AppError('PAYLOAD_TOO_LARGE', `Photos are at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
      }
      const actual = sniffPhotoType(data);
      if (!actual) throw unsupported('NOT_AN_IMAGE', `The file is not a JPEG, PNG or WebP image.`);
      if (actual !== declared) {
        throw unsupported(
          'TYPE_MISMATCH',
          `The file is ${actual}, not ${declared}; send it with its own type.`,
        );
      }
      const id = newId('att', ctx.now);
      const key = storageKeyOf(orderId, id, actual);
      const out: { row?: AttachmentRow } = {};
      let written = false;
      try {
        const order = await store.mutate(ctx, orderId, 'order.field', undefined, async (before, tx) => {
          const sha256 = sha256Hex(data);
          await writeStoredFile(filesDir, key, data);
          written = true;
          const row = await q.insertAttachment(tx, {
            id,
            orderId: before.id,
            kind: upload.kind,
            fileName: cleanFileName(upload.fileName, `${id}.${photoTypes[actual]}`),
            contentType: actual,
            sizeBytes: data.length,
            sha256,
            storageKey: key,
            uploadedBy: ctx.actor?.userId ?? null,
            uploadedAt: ctx.now,
          });
          out.row = row;
          return {
            patch: {},
            event: {
              type: 'attachment_added',
              data: {
                attachmentId: id,
                kind: upload.kind,
                contentType: actual,
                sizeBytes: data.length,
                sha256,
              },
            },
          };
        });
        if (!out.row) throw new Error('The attachment was not saved.');
        return { attachment: attachmentView(out.row), order: orderSummary(order) };
      } catch (error) {
        // The row rolled back: the file must not outlive it.
        if (written) await removeStoredFile(filesDir, key);
        throw error;
      }
    },

    async list(ctx: ServiceContext, orderId: string, page: { page: number; pageSize: number }) {
      await store.loadVisible(ctx, orderId);
      const rows = await q.attachmentsOf(store.db, orderId);
      return pageOf(rows.map(attachmentView), page.page, page.pageSize);
    },

    /** The stored bytes, for streaming; scoped like the order. */
    async open(ctx: ServiceContext, orderId: string, attachmentId: string) {
      await store.loadVisible(ctx, orderId);
      const row = await q.findAttachment(store.db, orderId, attachmentId);
      if (!row) throw notFound('Attachment', attachmentId);
      const stream = openStoredFile(filesDir, row.storageKey);
      if (!stream) throw notFound('Attachment file', attachmentId);
      return { attachment: attachmentView(row), stream };
    },
  };
}
