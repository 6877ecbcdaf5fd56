import { Ajv } from 'ajv';
import type { Options } from 'ajv';
import addFormatsImport from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';

// ajv-formats is CommonJS with a default export; under NodeNext it arrives as the module object.
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;

const base: Options = { removeAdditional: false, useDefaults: true, allErrors: true, strict: false };

/**
 * Two validators. Query strings and path parameters arrive as text, so they are coerced ("20" → 20). JSON
 * bodies are not: coercion would turn `null` into 0 or "" in a `Type.Union([Integer, Null])` field, and a
 * client that sends "5" for a number should hear about it rather than be silently "fixed".
 */
export function registerValidators(app: FastifyInstance): void {
  const coercing = addFormats(new Ajv({ ...base, coerceTypes: 'array' }));
  const strict = addFormats(new Ajv({ ...base, coerceTypes: false }));
  app.setValidatorCompiler(({ schema, httpPart }: { schema: FastifySchema; httpPart?: string }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema as object),
  );
}
