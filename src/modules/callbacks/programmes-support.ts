import type { Actor } from '../../platform/auth/actor.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import type { FieldError } from '../../platform/errors.ts';
import { businessDate, parseBusinessDate } from '../../platform/time.ts';
import { regionPrefixes } from '../identity/index.ts';
import type { DetailValue } from './domain/callback-codes.ts';
import { monthsBetween } from './domain/callback-time.ts';

/** Helpers shared by the callback programmes (CB-7, CB-8) and the callback reports. */

/** Region prefixes a regional scope covers; undefined for HQ scopes; none for outlet scopes. */
export function scopeRegionPrefixes(actor: Actor): readonly string[] | undefined {
  if (actor.scope.kind === 'all') return undefined;
  if (actor.scope.kind === 'regions') return regionPrefixes(actor.scope.regionCodes);
  return [];
}

export const todayOf = (now: Date, tz: string): string => businessDate(now, tz);
export const currentMonthOf = (now: Date, tz: string): string => businessDate(now, tz).slice(0, 7);

/**
 * A programme rule refuses the action: 422 CALLBACK_RULE_REFUSED, with the rule (CB-7, CB-8) and the
 * refusal's own code as `reason`, which the console translates.
 */
export const ruleRefused = (
  rule: string,
  reason: string,
  message: string,
  details: Record<string, DetailValue> = {},
  errors?: readonly FieldError[],
): AppError =>
  new AppError('CALLBACK_RULE_REFUSED', message, {
    details: { rule, reason, ...details },
    ...(errors ? { errors } : {}),
  });

export const paginate = <T>(rows: readonly T[], page: number, pageSize: number): T[] =>
  rows.slice((page - 1) * pageSize, page * pageSize);

export const iso = (d: Date): string => d.toISOString();

/**
 * The month asked for, or the current business month. Months from 2000-01 to twelve months ahead are
 * accepted; anything further out is a typo, answered 400 rather than a report of nothing.
 */
export function checkMonth(month: string | undefined, now: Date, tz: string, path = '/month'): string {
  const current = currentMonthOf(now, tz);
  if (month === undefined) return current;
  if (month < '2000-01' || monthsBetween(current, month) > 12) {
    throw validationFailed([
      { path, message: `Choose a month from 2000-01 to twelve months after ${current}, e.g. ${current}.` },
    ]);
  }
  return month;
}

/** A field problem when `date` is not a real calendar day from 2000-01-01 to 2099-12-31. */
export function dateProblem(date: string, path: string): FieldError | undefined {
  try {
    parseBusinessDate(date);
  } catch {
    return { path, message: `${date} is not a calendar day; use YYYY-MM-DD, e.g. 2026-03-09.` };
  }
  if (date < '2000-01-01' || date > '2099-12-31')
    return { path, message: 'Choose a day from 2000-01-01 to 2099-12-31.' };
  return undefined;
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

// C0 controls other than tab, line feed and carriage return, and DEL: invisible, and NUL cannot be stored.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Refuses free text with invisible control characters (400), before it reaches the database. */
export function assertPlainText(fields: readonly [string | null | undefined, string][]): void {
  const errors = fields
    .filter(([value]) => typeof value === 'string' && CONTROL.test(value))
    .map(([, path]) => ({ path, message: 'The text contains invisible control characters; retype it.' }));
  if (errors.length > 0) throw validationFailed(errors);
}
