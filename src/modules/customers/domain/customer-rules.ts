/**
 * MD-5 display mask of the street part of an address, enough to recognise a record on the phone: its first few
 * characters (digits hidden, since house numbers identify a home) and a fixed tail, so the length does not hint
 * at the address either. Names are masked with the catalog's `maskName`.
 */
export function maskAddressDetail(detail: string): string {
  const chars = [...detail.trim()];
  const keep = Math.min(6, Math.ceil(chars.length / 3));
  return `${chars
    .slice(0, keep)
    .join('')
    .replace(/[0-9０-９]/g, '*')}****`;
}

export const phoneLabels = ['mobile', 'home', 'work', 'other'] as const;
export type PhoneLabel = (typeof phoneLabels)[number];

export const salesChannels = ['mall', 'dealer', 'e_commerce', 'engineering', 'other'] as const;
export type SalesChannel = (typeof salesChannels)[number];

/** Customer number for the phone: C + business date + 6-digit sequence of that day (C20261123000123). */
export function customerCode(businessDate: string, sequence: number): string {
  return `C${businessDate.replace(/-/g, '')}${String(sequence).padStart(6, '0')}`;
}

/** Personal names and address lines: printable text only, so nothing hides in control characters. */
export function textProblem(value: string, what: string, max: number): string | undefined {
  const v = value.trim();
  if (v === '') return `Enter the ${what}.`;
  if (/[\p{Cc}\p{Cf}]/u.test(v)) return `The ${what} contains invisible control characters; retype it.`;
  if ([...v].length > max) return `The ${what} has at most ${max} characters.`;
  return undefined;
}
