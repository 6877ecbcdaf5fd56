import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Prefixed, time-ordered text ids (`usr_…`, `out_…`): readable in logs and support calls, and roughly
 * sortable by creation so b-tree inserts stay local.
 */
export function newId(prefix: string, now: Date = new Date()): string {
  let t = now.getTime();
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = alphabet[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(10);
  let rand = '';
  for (const b of bytes) rand += alphabet[b % 32];
  return `${prefix}_${time}${rand}`;
}

export function newSecretToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
