import type { TFunction } from 'i18next';
import { ApiError, NETWORK_ERROR } from '../api/client';
import { currentLocale, optionalLabel } from '../i18n/i18n';

/**
 * The server writes problem details in English. In another language a refusal the dictionary knows (the
 * order rule's reason code, then the error code) is shown in that language; what it does not know falls
 * back to the server's own sentence, which is always specific.
 */
function localizedProblem(error: ApiError): string | null {
  if (currentLocale() === 'en-US') return null;
  const reason = typeof error.extras.reason === 'string' ? error.extras.reason : null;
  const byReason = reason ? optionalLabel('errors.reasons', reason) : null;
  if (byReason) return byReason;
  // Field-level problems carry their own messages; only a whole-request refusal gets the code's sentence.
  return error.errors.length > 0 ? null : optionalLabel('errors.codes', error.code);
}

/**
 * The refusal behind a greyed action (`{ code, message }` from an `allowed` block), in the UI language when
 * the dictionary knows its code, else the server's own sentence.
 */
export function reasonText(reason: { code: string; message: string } | null | undefined): string | undefined {
  if (!reason) return undefined;
  if (currentLocale() !== 'en-US') {
    const label = optionalLabel('errors.reasons', reason.code);
    if (label) return label;
  }
  return reason.message;
}

/** The sentence a person sees for a failed request: the server's problem detail when it gave one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('errors.network');
    const localized = localizedProblem(error);
    if (localized) return localized;
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
