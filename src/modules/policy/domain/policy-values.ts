import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { policyCatalog } from './policy-catalog.ts';
import type { PolicyKey, PolicyValueOf } from './policy-catalog.ts';
import type { PolicyDefinition, PolicyIssue } from './policy-definition.ts';

export type PolicyValidation = { ok: true; value: unknown } | { ok: false; errors: PolicyIssue[] };

export interface PolicyVersionLike {
  version: number;
  effectiveFrom: Date;
  value: unknown;
}

const byKey = new Map<string, PolicyDefinition>(policyCatalog.map((d) => [d.key, d]));

export function findDefinition(key: string): PolicyDefinition | undefined {
  return byKey.get(key);
}

/** A fresh copy of a policy's default, typed by its schema (for seeding the first version). */
export function defaultPolicyValue<K extends PolicyKey>(key: K): PolicyValueOf<K> {
  const definition = byKey.get(key);
  if (!definition) throw new Error(`Unknown policy key "${key}".`);
  // The catalogue ties each key to its schema's static type (definePolicy), so the cast only restores it.
  return structuredClone(definition.defaultValue) as PolicyValueOf<K>;
}

/**
 * Checks a proposed value for `key` against its schema and cross-field rules. Paths are JSON pointers into
 * the value ('' is the value itself); messages are in English and say what to change.
 */
export function validatePolicyValue(key: string, value: unknown): PolicyValidation {
  const definition = byKey.get(key);
  if (!definition) {
    return {
      ok: false,
      errors: [{ path: '', message: `Unknown policy key "${key}"; pick one from the policy catalogue.` }],
    };
  }
  const schemaErrors = schemaIssues(definition.schema, value);
  if (schemaErrors.length > 0) return { ok: false, errors: schemaErrors };
  const refined = definition.refine?.(value) ?? [];
  if (refined.length > 0) return { ok: false, errors: [...refined] };
  return { ok: true, value };
}

/**
 * The version in force at `instant`: the latest `effectiveFrom` not after `instant`, ties going to the higher
 * version number. Never a version that starts in the future; undefined when none has started yet.
 */
export function selectEffective<V extends PolicyVersionLike>(
  versions: readonly V[],
  instant: Date,
): V | undefined {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new Error(`Invalid instant: expected a valid Date, got ${String(instant)}.`);
  }
  const atMs = instant.getTime();
  let best: V | undefined;
  for (const candidate of versions) {
    const from = candidate.effectiveFrom instanceof Date ? candidate.effectiveFrom.getTime() : Number.NaN;
    if (Number.isNaN(from)) {
      throw new Error(`Policy version ${candidate.version} has an invalid effectiveFrom.`);
    }
    if (from > atMs) continue;
    const bestFrom = best?.effectiveFrom.getTime();
    if (
      best === undefined ||
      bestFrom === undefined ||
      from > bestFrom ||
      (from === bestFrom && candidate.version > best.version)
    ) {
      best = candidate;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------
// Turning JSON-schema errors into sentences. TypeBox reports every failed branch of a union, which reads as
// noise ("must be equal to constant" three times); unions are therefore explained once, by their options or,
// for tagged objects, by re-checking the branch whose `kind` the value chose.

interface RawError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

type SchemaNode = Record<string, unknown>;

const unescapePointer = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');
const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function pointerSegments(pointer: string): string[] {
  return pointer.replace(/^#/, '').split('/').slice(1).map(unescapePointer);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function at(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[segment];
    else return undefined;
  }
  return node;
}

function schemaAt(schema: TSchema, schemaPath: string): SchemaNode {
  const node = at(schema, schemaPath);
  return isRecord(node) ? node : {};
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

const badCode = 'is not a valid code; use lower-case letters, digits and underscores, starting with a letter';

const entries = (limit: unknown): string => (limit === 1 ? '1 entry' : `${String(limit)} entries`);

const typeNames: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'a text value',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
};

/** How many instance levels a schema path descends (properties/x, items, …) before a given point. */
function instanceDepth(schemaSegments: readonly string[]): number {
  let depth = 0;
  for (let i = 0; i < schemaSegments.length; i++) {
    const segment = schemaSegments[i];
    if (segment === 'properties' || segment === 'patternProperties' || segment === 'prefixItems') {
      depth++;
      i++;
    } else if (segment === 'items' || segment === 'additionalProperties') {
      depth++;
    }
  }
  return depth;
}

function joinPointer(segments: readonly string[]): string {
  return segments.map((s) => `/${escapePointer(s)}`).join('');
}

/**
 * Unions and code maps are explained as a whole: TypeBox reports every failed union branch, and stops at the
 * first bad entry of a map, so both are re-checked here entry by entry or branch by branch.
 */
function delegatedNode(error: RawError): { kind: 'union' | 'record'; schemaPath: string } | undefined {
  const union = error.schemaPath.indexOf('/anyOf/');
  const record = error.schemaPath.indexOf('/patternProperties/');
  if (error.keyword === 'anyOf' && union < 0 && record < 0)
    return { kind: 'union', schemaPath: error.schemaPath };
  if (union < 0 && record < 0) return undefined;
  if (record < 0 || (union >= 0 && union < record)) {
    return { kind: 'union', schemaPath: error.schemaPath.slice(0, union) };
  }
  return { kind: 'record', schemaPath: error.schemaPath.slice(0, record) };
}

function schemaIssues(schema: TSchema, value: unknown, prefix = ''): PolicyIssue[] {
  const raw = [...Value.Errors(schema, value)] as RawError[];
  const issues: PolicyIssue[] = [];
  const done = new Set<string>();
  for (const error of raw) {
    if (error.keyword === 'boolean') continue; // repeated by the 'additionalProperties' error
    const delegated = delegatedNode(error);
    if (delegated) {
      const depth = instanceDepth(pointerSegments(delegated.schemaPath));
      const instancePath = joinPointer(pointerSegments(error.instancePath).slice(0, depth));
      const id = `${delegated.schemaPath}\u0000${instancePath}`;
      if (done.has(id)) continue;
      done.add(id);
      const node = schemaAt(schema, delegated.schemaPath);
      const explainNode = delegated.kind === 'union' ? explainUnion : explainRecord;
      issues.push(...explainNode(node, at(value, instancePath), prefix + instancePath));
      continue;
    }
    issues.push(...explain(schema, value, error, prefix));
  }
  const seen = new Set<string>();
  return issues.filter((i) => {
    const id = `${i.path}\u0000${i.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function explain(schema: TSchema, value: unknown, error: RawError, prefix: string): PolicyIssue[] {
  const path = prefix + error.instancePath;
  const node = schemaAt(schema, error.schemaPath);
  const actual = at(value, error.instancePath);
  const p = error.params;
  const one = (message: string): PolicyIssue[] => [{ path, message }];
  switch (error.keyword) {
    case 'type': {
      const expected = typeNames[String(p.type)] ?? String(p.type);
      return one(`must be ${expected}, got ${describe(actual)}`);
    }
    case 'minimum':
      return one(`must be at least ${String(p.limit)}, got ${describe(actual)}`);
    case 'maximum':
      return one(`must be at most ${String(p.limit)}, got ${describe(actual)}`);
    case 'exclusiveMinimum':
      return one(`must be greater than ${String(p.limit)}, got ${describe(actual)}`);
    case 'exclusiveMaximum':
      return one(`must be less than ${String(p.limit)}, got ${describe(actual)}`);
    case 'required': {
      const names = Array.isArray(p.requiredProperties) ? p.requiredProperties.map(String) : [];
      return names.map((name) => ({ path: `${path}/${escapePointer(name)}`, message: 'is required' }));
    }
    case 'additionalProperties': {
      const names = Array.isArray(p.additionalProperties) ? p.additionalProperties.map(String) : [];
      const allowed = isRecord(node.properties) ? Object.keys(node.properties) : [];
      const message =
        allowed.length > 0
          ? `is not a field of this setting; allowed fields: ${allowed.join(', ')}`
          : badCode;
      return names.map((name) => ({ path: `${path}/${escapePointer(name)}`, message }));
    }
    case 'minItems':
    case 'minProperties':
      return one(`must have at least ${entries(p.limit)}`);
    case 'maxItems':
    case 'maxProperties':
      return one(`must have at most ${entries(p.limit)}`);
    case 'uniqueItems':
      return one('must not contain the same entry twice');
    case 'minLength':
      return one(`must be at least ${String(p.limit)} characters long`);
    case 'maxLength':
      return one(`must be at most ${String(p.limit)} characters long`);
    case 'pattern':
      return one(
        typeof node.description === 'string'
          ? `must be ${node.description}, got ${describe(actual)}`
          : `must match the pattern ${String(p.pattern)}, got ${describe(actual)}`,
      );
    case 'const':
      return one(`must be ${JSON.stringify(p.allowedValue)}, got ${describe(actual)}`);
    case 'enum': {
      const allowed = Array.isArray(p.allowedValues) ? p.allowedValues : [];
      return one(
        `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(actual)}`,
      );
    }
    default:
      return one(error.message);
  }
}

function explainRecord(node: SchemaNode, actual: unknown, path: string): PolicyIssue[] {
  if (!isRecord(actual) || !isRecord(node.patternProperties)) return [];
  const patterns = Object.entries(node.patternProperties).map(
    ([p, sub]) => [new RegExp(p, 'u'), sub] as const,
  );
  const issues: PolicyIssue[] = [];
  for (const [key, entry] of Object.entries(actual)) {
    const entryPath = `${path}/${escapePointer(key)}`;
    const match = patterns.find(([pattern]) => pattern.test(key));
    if (match && isRecord(match[1])) issues.push(...schemaIssues(match[1] as TSchema, entry, entryPath));
    else if (!match && node.additionalProperties === false)
      issues.push({ path: entryPath, message: badCode });
  }
  return issues;
}

function explainUnion(node: SchemaNode, actual: unknown, path: string): PolicyIssue[] {
  const options = Array.isArray(node.anyOf) ? node.anyOf.filter(isRecord) : [];
  if (options.length > 0 && options.every((o) => 'const' in o)) {
    const allowed = options.map((o) => JSON.stringify(o.const)).join(', ');
    return [{ path, message: `must be one of ${allowed}, got ${describe(actual)}` }];
  }
  const kindOf = (o: SchemaNode): unknown => {
    const properties = isRecord(o.properties) ? o.properties : {};
    return isRecord(properties.kind) ? properties.kind.const : undefined;
  };
  const kinds = options.map(kindOf);
  if (options.length > 0 && kinds.every((k) => typeof k === 'string')) {
    if (!isRecord(actual)) return [{ path, message: `must be an object, got ${describe(actual)}` }];
    const chosen = options.find((o) => kindOf(o) === actual.kind);
    if (!chosen) {
      const allowed = kinds.map((k) => JSON.stringify(k)).join(', ');
      return [{ path: `${path}/kind`, message: `must be one of ${allowed}, got ${describe(actual.kind)}` }];
    }
    return schemaIssues(chosen as TSchema, actual, path);
  }
  return [{ path, message: `does not match any allowed form, got ${describe(actual)}` }];
}
