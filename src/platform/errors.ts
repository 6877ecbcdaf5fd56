/**
 * One error type for the whole server. Services throw AppError with a code from this closed set; the HTTP
 * layer maps codes to statuses in one place (platform/http/problem.ts), so services never import HTTP types.
 */
export const errorCodes = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_INVALID_TOKEN: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  ALREADY_EXISTS: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  POLICY_NOT_RETROACTIVE: 422,
  /** A work-order action its current state does not allow (details: from, action, reason). */
  ORDER_ILLEGAL_TRANSITION: 409,
  /** A business rule refuses the action (WO-4/5/6/…); details.reason names the rule's refusal code. */
  ORDER_RULE_REFUSED: 422,
  /** A callback rule (CB-2..CB-6) refuses the action; details.rule and details.reason name the rule and refusal. */
  CALLBACK_RULE_REFUSED: 422,
  /** The callback task's state does not allow the action (already judged, appealed, final…); details as above. */
  CALLBACK_STATE_CONFLICT: 409,
  AUTH_LOCKED: 423,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly errors: readonly FieldError[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; errors?: readonly FieldError[]; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.errors = options.errors;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export const notFound = (what: string, id: string): AppError =>
  new AppError('NOT_FOUND', `${what} ${id} was not found.`, { details: { entity: what, id } });

export const forbidden = (action: string): AppError =>
  new AppError('FORBIDDEN', `Your role may not ${action}.`, { details: { action } });

export const validationFailed = (errors: readonly FieldError[], message?: string): AppError =>
  new AppError('VALIDATION_FAILED', message ?? errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
  });

export const versionConflict = (entity: string, id: string, currentVersion: number): AppError =>
  new AppError(
    'VERSION_CONFLICT',
    `${entity} ${id} was changed by someone else (now version ${currentVersion}). Reload it and apply your change again.`,
    { details: { entity, id, currentVersion } },
  );
