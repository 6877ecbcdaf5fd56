import { Type } from 'typebox';
import type { Static, TSchema } from 'typebox';

/** How a policy value is measured; shown next to the value in the admin screen. */
export type PolicyUnit =
  | 'hours'
  | 'days'
  | 'working_days'
  | 'minutes'
  | 'months'
  | 'fen'
  | 'ratio'
  | 'multiplier'
  | 'count'
  | 'km'
  | 'time_of_day'
  | 'day_of_month'
  | 'day_of_week'
  | 'timezone'
  | 'points'
  | 'percent_points'
  | 'table'
  | 'text';

export interface LocalizedText {
  'zh-CN': string;
  'en-US': string;
}

/** One problem with a proposed value: a JSON pointer into the value and a sentence a person can act on. */
export interface PolicyIssue {
  path: string;
  message: string;
}

export interface PolicyDefinition {
  /** Dotted lower-case, e.g. `wo.sla.standard`. */
  key: string;
  /** DOMAIN.md rule IDs this value parameterises; empty only for operational settings outside DOMAIN.md. */
  rules: readonly string[];
  schema: TSchema;
  defaultValue: unknown;
  unit: PolicyUnit;
  label: LocalizedText;
  description: LocalizedText;
  /**
   * Cross-field checks JSON Schema cannot express (ordered thresholds, weights summing to 1). Called only
   * with a value that already passed `schema`.
   */
  refine?: (value: unknown) => readonly PolicyIssue[];
}

/** A definition that keeps its key and value type, so defaults are type-checked against their schema. */
export type TypedPolicyDefinition<K extends string, S extends TSchema> = PolicyDefinition & {
  key: K;
  schema: S;
  defaultValue: Static<S>;
};

export function definePolicy<const K extends string, S extends TSchema>(
  definition: Omit<PolicyDefinition, 'key' | 'schema' | 'defaultValue' | 'refine'> & {
    key: K;
    schema: S;
    defaultValue: Static<S>;
    refine?: (value: Static<S>) => readonly PolicyIssue[];
  },
): TypedPolicyDefinition<K, S> {
  const { refine, ...rest } = definition;
  // Catalogue defaults are shared by every caller; freezing turns an accidental edit into an error.
  deepFreeze(rest.defaultValue);
  if (!refine) return rest;
  // Sound because validatePolicyValue runs refine only after the schema check succeeded.
  return { ...rest, refine: (value: unknown) => refine(value as Static<S>) };
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

// Schema builders shared by the catalogue. Every object is closed and every number bounded, so a typo in a
// field name or a negative duration is rejected instead of silently ignored.

export const CODE_PATTERN = '^[a-z][a-z0-9_]*$';

export const closed = <P extends Record<string, TSchema>>(properties: P) =>
  Type.Object(properties, { additionalProperties: false });

export const intIn = (minimum: number, maximum: number) => Type.Integer({ minimum, maximum });

export const numberIn = (minimum: number, maximum: number) => Type.Number({ minimum, maximum });

export const ratio = () => Type.Number({ minimum: 0, maximum: 1 });

/** Money in integer fen, up to 100 million yuan. */
export const fen = (maximum = 10_000_000_000) => Type.Integer({ minimum: 0, maximum });

export const code = () =>
  Type.String({ pattern: CODE_PATTERN, description: 'a lower-case code such as "air_conditioner"' });

export const timeOfDay = () =>
  Type.String({
    pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
    description: 'a 24-hour time of day written HH:mm, e.g. "12:00"',
  });

/** A map from codes (product categories, …) to values; at least one entry. */
export const codeMap = <V extends TSchema>(value: V) =>
  Type.Record(Type.String({ pattern: CODE_PATTERN }), value, {
    additionalProperties: false,
    minProperties: 1,
  });

/** One value per market tier (DOMAIN §0: 1 big cities … 4 towns/villages). */
export const byTier = <V extends TSchema>(value: V) =>
  closed({ tier1: value, tier2: value, tier3: value, tier4: value });

export const issue = (path: string, message: string): PolicyIssue => ({ path, message });

/** Issues for values that must not decrease along `order` (e.g. thresholds, cumulative shares). */
export function nonDecreasing(
  value: Record<string, number>,
  order: readonly string[],
  strict = false,
): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  for (let i = 1; i < order.length; i++) {
    const prevKey = order[i - 1] as string;
    const key = order[i] as string;
    const prev = value[prevKey];
    const current = value[key];
    if (prev === undefined || current === undefined) continue;
    if (strict ? current <= prev : current < prev) {
      issues.push(
        issue(
          `/${key}`,
          `must be ${strict ? 'greater than' : 'at least'} ${prevKey} (${prev}), got ${current}`,
        ),
      );
    }
  }
  return issues;
}
