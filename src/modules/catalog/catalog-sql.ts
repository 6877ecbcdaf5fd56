import { or, sql } from 'drizzle-orm';
import type { AnyColumn, SQL } from 'drizzle-orm';

/** `%q%` for ILIKE with the caller's own % and _ taken literally. */
export const containsPattern = (q: string): string => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** Region codes under any of the prefixes (2, 4 or 6 digits, from `regionPrefixes`); none ⇒ no rows. */
export function regionCodeUnder(column: AnyColumn, prefixes: readonly string[]): SQL | undefined {
  if (prefixes.length === 0) return sql`false`;
  return or(...prefixes.map((p) => sql`${column} like ${`${p.replace(/[^0-9]/g, '')}%`}`));
}

/** A unique-index violation anywhere on the cause chain (Drizzle wraps the driver's error). */
export function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
