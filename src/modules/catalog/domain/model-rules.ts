import type { FieldError } from '../../../platform/errors.ts';

/** MD-3 warranty terms are whole months; ten years covers the longest compressor and motor warranties. */
// Refrigerator and air-conditioner compressors carry 10–12 year warranties; 20 years bounds typos.
export const MAX_WARRANTY_MONTHS = 240;
export const MAX_KEY_PARTS = 20;

export interface WarrantyTerms {
  warrantyMonths: number;
  keyPartsWarrantyMonths: number;
  keyParts: readonly string[];
}

/** Trimmed, without blanks or repeats, in the order given. */
export function normaliseKeyParts(parts: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of parts) {
    const t = p.trim();
    if (t !== '' && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

/**
 * MD-3: the key-part warranty (主要部件保修) extends the whole-unit warranty (整机保修), never shortens it,
 * and a longer key-part warranty must say which parts it covers, or a unit's "key parts only" status
 * could not be explained to the customer.
 */
export function warrantyProblems(terms: WarrantyTerms): FieldError[] {
  const errors: FieldError[] = [];
  for (const [path, v] of [
    ['/warrantyMonths', terms.warrantyMonths],
    ['/keyPartsWarrantyMonths', terms.keyPartsWarrantyMonths],
  ] as const) {
    if (!Number.isInteger(v) || v < 0 || v > MAX_WARRANTY_MONTHS) {
      errors.push({ path, message: `Give whole months from 0 to ${MAX_WARRANTY_MONTHS}.` });
    }
  }
  if (errors.length > 0) return errors;
  if (terms.keyPartsWarrantyMonths < terms.warrantyMonths) {
    errors.push({
      path: '/keyPartsWarrantyMonths',
      message: `The key-part warranty covers at least the whole-unit warranty (${terms.warrantyMonths} months); raise it or lower the whole-unit warranty.`,
    });
  }
  if (terms.keyPartsWarrantyMonths > terms.warrantyMonths && terms.keyParts.length === 0) {
    errors.push({
      path: '/keyParts',
      message: 'Name the key parts the longer warranty covers, e.g. 压缩机 (compressor) or 电机 (motor).',
    });
  }
  if (terms.keyParts.length > MAX_KEY_PARTS) {
    errors.push({ path: '/keyParts', message: `List at most ${MAX_KEY_PARTS} key parts.` });
  }
  return errors;
}
