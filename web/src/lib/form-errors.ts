import type { FormInstance } from 'antd';
import { fieldErrors } from './errors';

/**
 * Pins a problem+json answer's field errors onto the form fields they name, so the message sits
 * next to the input that needs fixing. Paths the form does not have are left to the banner.
 */
export function pinFieldErrors<T extends object>(
  form: FormInstance<T>,
  error: unknown,
  fields: readonly (keyof T & string)[],
  rename: (path: (string | number)[]) => string | number = (path) => path[0] ?? '',
): void {
  const known = new Set<string>(fields);
  const pinned = fieldErrors(error)
    .map((entry) => ({ name: String(rename(entry.name)), errors: entry.errors }))
    .filter((entry): entry is { name: keyof T & string; errors: string[] } => known.has(entry.name));
  // antd's NamePath<T> is a deep conditional type TypeScript cannot relate to `keyof T`; the filter above
  // already proved every name is a top-level field of T.
  if (pinned.length > 0) form.setFields(pinned as Parameters<FormInstance<T>['setFields']>[0]);
}
