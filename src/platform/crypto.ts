import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Field encryption for personal data (MD-5): AES-256-GCM, stored as `v1.<keyId>.<iv>.<ciphertext>.<tag>`
 * (base64url parts). The key id lets old rows be read after a rotation: the newest secret encrypts, every
 * listed secret decrypts. Look-ups use an HMAC blind index, so the plaintext never has to be searchable.
 */
export interface FieldCrypto {
  readonly keyId: string;
  encrypt(plaintext: string): string;
  decrypt(stored: string): string;
  /** Deterministic keyed digest of a normalised value; `purpose` separates e.g. phones from ID numbers. */
  blindIndex(purpose: string, normalised: string): string;
}

interface DerivedKey {
  id: string;
  enc: Buffer;
  idx: Buffer;
}

function derive(secret: string): DerivedKey {
  const ikm = Buffer.from(secret, 'utf8');
  const enc = Buffer.from(hkdfSync('sha256', ikm, 'aftersales', 'field-encryption-v1', 32));
  const idx = Buffer.from(hkdfSync('sha256', ikm, 'aftersales', 'blind-index-v1', 32));
  const id = createHash('sha256').update(enc).digest('hex').slice(0, 8);
  return { id, enc, idx };
}

/** `secrets[0]` is current; the rest only decrypt rows written before a rotation. */
export function createFieldCrypto(secrets: readonly string[]): FieldCrypto {
  if (secrets.length === 0) throw new Error('At least one secret is required for field encryption.');
  const keys = secrets.map(derive);
  const current = keys[0] as DerivedKey;
  const byId = new Map(keys.map((k) => [k.id, k]));
  return {
    keyId: current.id,
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.enc, iv);
      const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [
        'v1',
        current.id,
        iv.toString('base64url'),
        ct.toString('base64url'),
        tag.toString('base64url'),
      ].join('.');
    },
    decrypt(stored) {
      const [version, keyId, iv, ct, tag] = stored.split('.');
      if (version !== 'v1' || !keyId || iv === undefined || ct === undefined || !tag) {
        throw new Error('Not an encrypted field value.');
      }
      const key = byId.get(keyId);
      if (!key)
        throw new Error(`No secret for key id ${keyId}: add the old secret to AFTERSALES_SECRET_PREVIOUS.`);
      const decipher = createDecipheriv('aes-256-gcm', key.enc, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    blindIndex(purpose, normalised) {
      return createHmac('sha256', current.idx).update(`${purpose}:${normalised}`).digest('base64url');
    },
  };
}

export const SECRET_FILE = 'secret.key';

/**
 * The embedded default has no operator to set a secret, so one is generated into the data directory on
 * first start. Returns whether it was created, so start-up can say so (it must be backed up with the data).
 */
export function loadOrCreateSecretFile(dataDir: string): { secret: string; created: boolean; file: string } {
  const file = path.join(dataDir, SECRET_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return { secret: fs.readFileSync(file, 'utf8').trim(), created: false, file };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return { secret, created: true, file };
}
