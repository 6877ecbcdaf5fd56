import path from 'node:path';
import type { ServiceContext } from '../../platform/auth/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { inTransaction } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission } from '../identity/index.ts';
import { removeStoredFile, writeStoredFile } from '../work-orders/index.ts';
import { loadCase, loadVisibleTask, refused } from './desk-case.ts';
import type { DeskPorts } from './desk-ports.ts';
import { mayAddAppealFile } from './desk-rules.ts';
import { fileView } from './desk-view.ts';
import { deskRepository as repo } from './desk.repository.ts';

/** Evidence an outlet attaches to its appeal (CB-3 复议): photos of the work, signed forms, invoices as PDF. */
export const appealFileTypes = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
} as const;
type AppealFileType = keyof typeof appealFileTypes;

export const MAX_APPEAL_FILE_BYTES = 8 * 1024 * 1024;
export const MAX_FILES_PER_APPEAL = 10;

const ACCEPTED = Object.keys(appealFileTypes).join(', ');

const startsWith = (data: Buffer, bytes: readonly number[], offset = 0): boolean =>
  data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);

/** The type the bytes are, whatever the request claimed; undefined for anything not accepted. */
export function sniffAppealFile(data: Buffer): AppealFileType | undefined {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  if (startsWith(data, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return undefined;
}

const isAccepted = (value: string): value is AppealFileType => Object.hasOwn(appealFileTypes, value);

const unsupported = (reason: string, message: string) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', message, { details: { reason, accepted: ACCEPTED } });

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

export interface AppealFileUpload {
  contentType: string | undefined;
  body: unknown;
  fileName?: string | undefined;
}

export function createDeskAppealFiles(deps: PlatformDeps, ports: DeskPorts) {
  return {
    /** Adds a file to the appeal waiting for its second callback; type by the bytes, size-checked. */
    async upload(ctx: ServiceContext, id: string, upload: AppealFileUpload) {
      const actor = requirePermission(ctx, 'callback.appeal');
      await loadVisibleTask(deps.database.db, ctx, id, 'callback.appeal');
      const declared = (upload.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!isAccepted(declared) || (upload.body !== undefined && !Buffer.isBuffer(upload.body))) {
        throw unsupported(
          'TYPE_NOT_ACCEPTED',
          `Send the file as the request body with Content-Type ${ACCEPTED}.`,
        );
      }
      const data = Buffer.isBuffer(upload.body) ? upload.body : Buffer.alloc(0);
      if (data.length === 0) throw new AppError('BAD_REQUEST', 'The file is empty; send its bytes.');
      if (data.length > MAX_APPEAL_FILE_BYTES) {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          `Appeal files are at most ${MAX_APPEAL_FILE_BYTES / 1024 / 1024} MB each.`,
        );
      }
      const actual = sniffAppealFile(data);
      if (!actual)
        throw unsupported('NOT_ACCEPTED_CONTENT', 'The file is not a JPEG, PNG or WebP image or a PDF.');
      if (actual !== declared) {
        throw unsupported(
          'TYPE_MISMATCH',
          `The file is ${actual}, not ${declared}; send it with its own type.`,
        );
      }
      const fileId = newId('caf', ctx.now);
      let written: string | null = null;
      try {
        const row = await inTransaction(deps, async (tx) => {
          const task = await loadVisibleTask(tx, ctx, id, 'callback.appeal', true);
          const c = await loadCase(tx, task);
          const may = mayAddAppealFile(c);
          if (!may.ok) throw refused(may.rule, may.reason, may.message, may.details);
          const appeal = c.appeals.at(-1);
          if (!appeal) throw new Error('An appeal is pending but none was loaded.');
          if (c.files.filter((f) => f.appealId === appeal.id).length >= MAX_FILES_PER_APPEAL) {
            throw refused(
              'CB-3',
              'TOO_MANY_FILES',
              `An appeal takes at most ${MAX_FILES_PER_APPEAL} files; combine pages into one PDF.`,
            );
          }
          const key = path.posix.join('callbacks', task.id, `${fileId}.${appealFileTypes[actual]}`);
          await writeStoredFile(ports.filesDir, key, data);
          written = key;
          const saved = await repo.insertFile(tx, {
            id: fileId,
            appealId: appeal.id,
            fileName: cleanFileName(upload.fileName, `${fileId}.${appealFileTypes[actual]}`),
            contentType: actual,
            sizeBytes: data.length,
            storageKey: key,
            uploadedBy: actor.userId,
            uploadedAt: ctx.now,
          });
          await writeAudit(tx, ctx, {
            entity: 'callback_task',
            entityId: task.id,
            action: 'appeal_file_added',
            after: { appealId: appeal.id, fileId, contentType: actual, sizeBytes: data.length },
            scopeOutletId: task.outletId,
            scopeRegionCode: task.regionCode,
          });
          return saved;
        });
        return { file: fileView(row, id) };
      } catch (error) {
        // The row rolled back: the file must not outlive it.
        if (written) await removeStoredFile(ports.filesDir, written);
        throw error;
      }
    },
  };
}
