import type { FieldError } from '../../../platform/errors.ts';
import { parseBusinessDate, parseHhMm } from '../../../platform/time.ts';

/** A field problem: JSON-pointer `path`, a stable `code` for the UI and tests, and an English message. */
export interface FieldIssue extends FieldError {
  code: string;
}

/** A plain JSON object, as the routes hand it over. */
export type JsonObject = Record<string, unknown>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Collects issues while reading untrusted input field by field, so that one answer lists every problem
 * instead of the first only. Readers return undefined when the field is unusable.
 */
export class IssueList {
  readonly issues: FieldIssue[] = [];

  add(path: string, code: string, message: string): undefined {
    this.issues.push({ path, code, message });
    return undefined;
  }

  get empty(): boolean {
    return this.issues.length === 0;
  }

  object(value: unknown, path: string, what: string): JsonObject | undefined {
    if (value === undefined || value === null) return this.add(path, 'REQUIRED', `Enter ${what}.`);
    if (!isJsonObject(value)) return this.add(path, 'INVALID', `${capital(what)} must be an object.`);
    return value;
  }

  text(value: unknown, path: string, what: string): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') {
      return this.add(path, 'REQUIRED', `Enter ${what}.`);
    }
    return value.trim();
  }

  optionalText(value: unknown, path: string, what: string): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string') {
      this.add(path, 'INVALID', `${capital(what)} must be text.`);
      return null;
    }
    return value.trim() === '' ? null : value.trim();
  }

  choice<T extends string>(value: unknown, options: readonly T[], path: string, what: string): T | undefined {
    if (value === undefined || value === null || value === '') {
      return this.add(path, 'REQUIRED', `Choose ${what}: ${options.join(', ')}.`);
    }
    if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
      return this.add(path, 'INVALID', `Choose ${what} from: ${options.join(', ')}.`);
    }
    return value as T;
  }

  bool(value: unknown, path: string, what: string): boolean | undefined {
    if (typeof value !== 'boolean') return this.add(path, 'REQUIRED', `Say whether ${what} (true or false).`);
    return value;
  }

  /** A field that must be `true`: an attestation the code's meaning depends on. */
  affirmed(value: unknown, path: string, message: string): true | undefined {
    if (value !== true) return this.add(path, 'MUST_BE_TRUE', message);
    return true;
  }

  date(value: unknown, path: string, what: string): string | undefined {
    if (value === undefined || value === null || value === '') {
      return this.add(path, 'REQUIRED', `Enter ${what} as YYYY-MM-DD.`);
    }
    if (typeof value !== 'string' || !isDate(value)) {
      return this.add(path, 'INVALID', `Enter ${what} as a calendar date YYYY-MM-DD.`);
    }
    return value;
  }

  integer(value: unknown, path: string, what: string, min: number, max: number): number | undefined {
    if (value === undefined || value === null) return this.add(path, 'REQUIRED', `Enter ${what}.`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.add(path, 'INVALID', `Enter ${what} as a whole number from ${min} to ${max}.`);
    }
    return value;
  }

  finiteNumber(value: unknown, path: string, what: string): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return this.add(path, value === undefined ? 'REQUIRED' : 'INVALID', `Enter ${what} as a number.`);
    }
    return value;
  }

  list(value: unknown, path: string, what: string): unknown[] | undefined {
    if (!Array.isArray(value) || value.length === 0) {
      return this.add(path, 'REQUIRED', `List at least one ${what}.`);
    }
    return value;
  }
}

export function isDate(value: string): boolean {
  try {
    parseBusinessDate(value);
    return true;
  } catch {
    return false;
  }
}

export function isHhMm(value: string): boolean {
  try {
    parseHhMm(value);
    return true;
  } catch {
    return false;
  }
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Throws for arguments only a programming mistake can produce (policy values, ids, instants). */
export function assertPositive(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`Invalid ${name}: expected a positive number, got ${String(value)}.`);
  }
}

export function assertWholeDays(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`Invalid ${name}: expected a whole number of days ≥ 0, got ${String(value)}.`);
  }
}

export function assertValidDate(value: Date, name: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new Error(`Invalid ${name}: expected a valid Date, got ${String(value)}.`);
  }
}
