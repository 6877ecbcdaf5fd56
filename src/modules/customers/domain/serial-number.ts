export type SerialResult = { ok: true; serial: string } | { ok: false; message: string };

export const SERIAL_MAX_LENGTH = 64;

/**
 * MD-3: serial numbers (条码/机号) are compared exactly, so they are stored in one form: full-width characters
 * typed with a Chinese IME folded to ASCII (NFKC), surrounding blanks trimmed, letters upper-cased. Blanks or
 * control characters inside are refused rather than removed, because they usually mean two codes were pasted.
 */
export function normaliseSerial(input: string): SerialResult {
  const value = input.normalize('NFKC').trim().toUpperCase();
  if (value === '') return { ok: false, message: 'Enter the serial number printed on the unit’s label.' };
  if (/[\s\p{Cc}\p{Cf}]/u.test(value)) {
    return {
      ok: false,
      message: 'A serial number has no spaces or control characters; enter one serial number at a time.',
    };
  }
  if (value.length > SERIAL_MAX_LENGTH) {
    return { ok: false, message: `A serial number has at most ${SERIAL_MAX_LENGTH} characters.` };
  }
  return { ok: true, serial: value };
}
