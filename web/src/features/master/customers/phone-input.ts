/**
 * Whether a typed number is complete enough to look up: a mainland mobile (11 digits starting with 1) or a
 * landline with its area code (0 + 10–11 digits), written with spaces, dashes, brackets or +86 / 0086.
 */
export function completePhone(raw: string): string | null {
  let digits = raw.replace(/[\s\-()（）]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.startsWith('86') && digits.length === 13) digits = digits.slice(2);
  if (!/^\d+$/.test(digits)) return null;
  if (/^1\d{10}$/.test(digits)) return digits;
  if (/^0\d{10,11}$/.test(digits)) return digits;
  return null;
}

/** Landlines can be 11 or 12 digits; a short pause lets the twelfth arrive before looking up. */
export function lookupDelayMs(digits: string): number {
  return digits.startsWith('0') && digits.length === 11 ? 600 : 0;
}

/** Something that looks like a phone number rather than a customer number (for search boxes). */
export function looksLikePhone(raw: string): boolean {
  return /^[+\d][\d\s\-()]{6,}$/.test(raw.trim()) && !/^c\d/i.test(raw.trim());
}
