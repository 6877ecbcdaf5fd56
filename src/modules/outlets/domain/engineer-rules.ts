import type { FieldError } from '../../../platform/errors.ts';

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

export type IdNumberResult = { ok: true; value: string } | { ok: false; message: string };

/**
 * The 18-character resident ID number (居民身份证号, GB 11643; residence permits use the same form) with its
 * ISO 7064 MOD 11-2 check character. A typo is caught here rather than stored encrypted, where no one would see it.
 */
export function normaliseIdNumber(input: string): IdNumberResult {
  const value = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { ok: false, message: 'Enter the 18-character ID number: 17 digits and a final digit or X.' };
  }
  const sum = weights.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  if (checkChars[sum % 11] !== value[17]) {
    return { ok: false, message: 'This ID number’s check character does not match; check the digits.' };
  }
  return { ok: true, value };
}

export const skillLevels = [1, 2, 3] as const;

/** WO-13: skills are per product category, one level each; `exists` says whether a category is known. */
export function skillProblems(
  skills: readonly { categoryCode: string; level: number }[],
  exists: (code: string) => boolean,
): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  skills.forEach((s, i) => {
    if (seen.has(s.categoryCode)) {
      out.push({ path: `/skills/${i}/categoryCode`, message: `${s.categoryCode} is listed twice.` });
    } else if (!exists(s.categoryCode)) {
      out.push({
        path: `/skills/${i}/categoryCode`,
        message: `Product category ${s.categoryCode} does not exist.`,
      });
    }
    if (!(skillLevels as readonly number[]).includes(s.level)) {
      out.push({ path: `/skills/${i}/level`, message: 'Use level 1 (junior), 2 or 3 (senior).' });
    }
    seen.add(s.categoryCode);
  });
  return out;
}

/** A certificate cannot expire before it was issued. */
export function certificateDateProblem(c: {
  issuedOn?: string | null;
  expiresOn?: string | null;
}): string | undefined {
  if (c.issuedOn && c.expiresOn && c.expiresOn < c.issuedOn)
    return 'The expiry date is before the issue date.';
  return undefined;
}
