import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string };

/** Phones are stored E.164; the `max` metadata is needed because the default accepts invalid numbers. */
export function normalisePhone(input: string, defaultCountry: 'CN' = 'CN'): PhoneResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, message: 'Enter a phone number.' };
  const parsed = parsePhoneNumberFromString(trimmed, defaultCountry);
  if (!parsed || !parsed.isValid()) {
    return {
      ok: false,
      message: `"${trimmed}" is not a valid phone number (e.g. 13812345678 or 010-62345678).`,
    };
  }
  return { ok: true, e164: parsed.number };
}

/** `+8613812345678` → `138****5678`; landlines keep area code and last four. */
export function maskPhone(e164: string): string {
  // Chinese landlines are written with the trunk 0 (020-…, 0755-…); mobiles start with 1 and have none.
  const national = e164.startsWith('+86')
    ? e164.startsWith('+861')
      ? e164.slice(3)
      : `0${e164.slice(3)}`
    : e164;
  if (national.length <= 7) return `${national.slice(0, 2)}****`;
  return `${national.slice(0, 3)}****${national.slice(-4)}`;
}
