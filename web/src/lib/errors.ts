import type { TFunction } from 'i18next';
import { ApiError, NETWORK_ERROR } from '../api/client';

/** The sentence a person sees for a failed request: the server's problem detail when it gave one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('errors.network');
    if (error.detail) return error.detail;
    if (error.title) return error.title;
    return t('errors.requestFailed', { status: error.status });
  }
  if (error instanceof Error && error.message) return error.message;
  return t('errors.loadFailed');
}

/** Maps problem+json field errors (`/body/value`, `value`, `scope.outletId`) onto antd form field names. */
export function fieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiError)) return [];
  return error.errors
    .map((item) => {
      const segments = item.path
        .replace(/^\/?body\/?/, '')
        .split(/[/.]/)
        .filter((segment) => segment.length > 0)
        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
      return { name: segments, errors: [item.message] };
    })
    .filter((entry) => entry.name.length > 0);
}
