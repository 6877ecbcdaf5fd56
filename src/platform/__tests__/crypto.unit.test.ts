import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFieldCrypto } from '../crypto.ts';
import { maskPhone, normalisePhone } from '../phone.ts';

const secretA = 'a'.repeat(40);
const secretB = 'b'.repeat(40);

describe('field encryption (MD-5)', () => {
  it('MD-5 round-trips any text and never stores it in clear', () => {
    const c = createFieldCrypto([secretA]);
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 200 }), (s) => {
        const stored = c.encrypt(s);
        expect(c.decrypt(stored)).toBe(s);
        expect(stored.startsWith(`v1.${c.keyId}.`)).toBe(true);
      }),
    );
    expect(c.encrypt('+8613812345678')).not.toContain('13812345678');
  });

  it('MD-5 encrypts the same value differently each time (random IV)', () => {
    const c = createFieldCrypto([secretA]);
    expect(c.encrypt('+8613812345678')).not.toBe(c.encrypt('+8613812345678'));
  });

  it('MD-5 rejects a tampered ciphertext', () => {
    const c = createFieldCrypto([secretA]);
    const parts = c.encrypt('张三').split('.');
    parts[3] = Buffer.from('xxxx').toString('base64url');
    expect(() => c.decrypt(parts.join('.'))).toThrow();
  });

  it('MD-5 reads rows written under a previous key after rotation, and writes with the new key', () => {
    const old = createFieldCrypto([secretA]);
    const stored = old.encrypt('北京市海淀区中关村大街1号');
    const rotated = createFieldCrypto([secretB, secretA]);
    expect(rotated.decrypt(stored)).toBe('北京市海淀区中关村大街1号');
    expect(rotated.encrypt('x').split('.')[1]).not.toBe(old.keyId);
    expect(() => createFieldCrypto([secretB]).decrypt(stored)).toThrow(/AFTERSALES_SECRET_PREVIOUS/);
  });

  it('MD-5 blind index is deterministic, keyed and separated by purpose', () => {
    const a = createFieldCrypto([secretA]);
    const b = createFieldCrypto([secretB]);
    expect(a.blindIndex('phone', '+8613812345678')).toBe(a.blindIndex('phone', '+8613812345678'));
    expect(a.blindIndex('phone', '+8613812345678')).not.toBe(b.blindIndex('phone', '+8613812345678'));
    expect(a.blindIndex('phone', '+8613812345678')).not.toBe(a.blindIndex('id', '+8613812345678'));
  });
});

describe('phones', () => {
  it('normalises Chinese mobiles and landlines to E.164 and rejects invalid numbers', () => {
    expect(normalisePhone('138 1234 5678')).toEqual({ ok: true, e164: '+8613812345678' });
    expect(normalisePhone('010-62345678')).toEqual({ ok: true, e164: '+861062345678' });
    expect(normalisePhone('12345').ok).toBe(false);
    expect(normalisePhone('').ok).toBe(false);
  });

  it('masks as 138****5678', () => {
    expect(maskPhone('+8613812345678')).toBe('138****5678');
    expect(maskPhone('+862087654321')).toBe('020****4321');
    expect(maskPhone('+8675586543210')).toBe('075****3210');
  });
});
