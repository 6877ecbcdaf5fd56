import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Photos engineers attach (fault details, nameplates, finished work: WO-12). Only JPEG, PNG and WebP are
 * kept, recognised by their first bytes rather than the declared type, and stored under
 * `<filesDir>/orders/<orderId>/<attachmentId>.<ext>`.
 */

export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

export const photoTypes = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
} as const;
export type PhotoType = keyof typeof photoTypes;

export const attachmentKinds = ['photo', 'fault', 'nameplate', 'completion', 'invoice'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

const startsWith = (data: Buffer, bytes: readonly number[], offset = 0): boolean =>
  data.length >= offset + bytes.length && bytes.every((b, i) => data[offset + i] === b);

/** The image type the bytes are, whatever the request claimed; undefined for anything else. */
export function sniffPhotoType(data: Buffer): PhotoType | undefined {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(data, [0x52, 0x49, 0x46, 0x46]) && startsWith(data, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  return undefined;
}

export const isPhotoType = (value: string): value is PhotoType => Object.hasOwn(photoTypes, value);

export const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** The storage key is relative to the files directory, so the directory can move without touching rows. */
export const storageKeyOf = (orderId: string, attachmentId: string, type: PhotoType): string =>
  path.posix.join('orders', orderId, `${attachmentId}.${photoTypes[type]}`);

/** Resolves a key inside the files directory; a key that would leave it is refused. */
export function resolveKey(filesDir: string, key: string): string {
  const root = path.resolve(filesDir);
  const full = path.resolve(root, key);
  if (!full.startsWith(root + path.sep)) throw new Error(`Storage key ${key} leaves the files directory.`);
  return full;
}

/** Writes through a temporary name so a reader never sees half a file. */
export async function writeStoredFile(filesDir: string, key: string, data: Buffer): Promise<void> {
  const full = resolveKey(filesDir, key);
  await fs.promises.mkdir(path.dirname(full), { recursive: true });
  const tmp = `${full}.part`;
  await fs.promises.writeFile(tmp, data, { flag: 'wx' });
  await fs.promises.rename(tmp, full);
}

export async function removeStoredFile(filesDir: string, key: string): Promise<void> {
  await fs.promises.rm(resolveKey(filesDir, key), { force: true });
}

export function openStoredFile(filesDir: string, key: string): fs.ReadStream | undefined {
  const full = resolveKey(filesDir, key);
  return fs.existsSync(full) ? fs.createReadStream(full) : undefined;
}
