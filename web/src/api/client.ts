/** Thin typed fetch wrapper for the Aftersales API (same origin, cookie session, double-submit CSRF). */

export interface ProblemFieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem+json answer, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: ProblemFieldError[];
  /** Extension members of the problem (`existingId`, `currentVersion` …): the server spreads details there. */
  readonly extras: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail: string;
    errors: ProblemFieldError[];
    extras?: Record<string, unknown>;
  }) {
    super(init.detail || init.title || init.code);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.extras = init.extras ?? {};
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR';

const CSRF_COOKIE = 'as_csrf';
const CSRF_HEADER = 'x-csrf-token';
const LOGIN_PATH = '/api/auth/login';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** The session probe at start-up wants a plain 401, not a redirect. */
  redirectOn401?: boolean;
  /** Sent as `Idempotency-Key`: one per submit, so a retried click cannot create the record twice. */
  idempotencyKey?: string;
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [rawKey, ...rest] = part.trim().split('=');
    if (rawKey === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseFieldErrors(value: unknown): ProblemFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    isRecord(item) && typeof item.message === 'string'
      ? [{ path: typeof item.path === 'string' ? item.path : '', message: item.message }]
      : [],
  );
}

async function toApiError(response: Response): Promise<ApiError> {
  let payload: unknown = null;
  try {
    const text = await response.text();
    payload = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page is not problem+json; fall back to the status alone.
  }
  const body = isRecord(payload) ? payload : {};
  return new ApiError({
    status: response.status,
    code: typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
    title: typeof body.title === 'string' ? body.title : response.statusText,
    detail: typeof body.detail === 'string' ? body.detail : '',
    errors: parseFieldErrors(body.errors),
    extras: body,
  });
}

function redirectToLogin(): void {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  const next = encodeURIComponent(`${pathname}${search}`);
  window.location.assign(`/login?next=${next}`);
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: NETWORK_ERROR, title: '', detail: '', errors: [] });
  }

  if (!response.ok) {
    const apiError = await toApiError(response);
    if (response.status === 401 && path !== LOGIN_PATH && options.redirectOn401 !== false) {
      redirectToLogin();
    }
    throw apiError;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function csrfHeaders(): Record<string, string> {
  const csrf = readCookie(CSRF_COOKIE);
  return csrf ? { [CSRF_HEADER]: csrf } : {};
}

/** The file name from `Content-Disposition`, preferring the RFC 5987 UTF-8 form (Chinese file names). */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended);
    } catch {
      // A malformed escape falls through to the plain form.
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/**
 * Fetches a file and hands it to the browser as a download. Done with fetch rather than a plain link so a
 * refusal (say "too many rows, filter first") is shown as the problem detail instead of a raw JSON page.
 */
export async function downloadFile(
  path: string,
  query: Record<string, QueryValue>,
  fallbackName: string,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR, title: '', detail: '', errors: [] });
  }
  if (!response.ok) {
    const apiError = await toApiError(response);
    if (response.status === 401) redirectToLogin();
    throw apiError;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next tick: the click has started the download by then.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Sends a file as the raw request body (the import endpoints take no multipart). */
export async function uploadFile<T>(path: string, query: Record<string, QueryValue>, file: Blob): Promise<T> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        'content-type': 'application/octet-stream',
        ...csrfHeaders(),
      },
      body: file,
    });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR, title: '', detail: '', errors: [] });
  }
  if (!response.ok) {
    const apiError = await toApiError(response);
    if (response.status === 401) redirectToLogin();
    throw apiError;
  }
  return (await response.json()) as T;
}

export const api = {
  get<T>(
    path: string,
    query?: Record<string, QueryValue>,
    options?: Omit<RequestOptions, 'method' | 'query'>,
  ) {
    return request<T>(path, { ...options, method: 'GET', query });
  },
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) {
    return request<T>(path, { ...options, method: 'POST', body });
  },
  patch<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) {
    return request<T>(path, { ...options, method: 'PATCH', body });
  },
  put<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) {
    return request<T>(path, { ...options, method: 'PUT', body });
  },
  delete<T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>) {
    return request<T>(path, { ...options, method: 'DELETE' });
  },
};
