import { ApiError } from '../../../api/client';

/** A duplicate (409) names the record it collides with; the server spreads that id into the problem. */
export function existingIdOf(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  for (const key of ['existingId', 'customerId', 'existingCustomerId', 'otherCustomerId', 'duplicateOf']) {
    const value = error.extras[key];
    if (typeof value === 'string' && value) return value;
  }
  return null;
}
