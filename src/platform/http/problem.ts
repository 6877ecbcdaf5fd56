import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCodes } from '../errors.ts';
import type { ErrorCode, FieldError } from '../errors.ts';

const titles: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Invalid input',
  BAD_REQUEST: 'Bad request',
  AUTH_REQUIRED: 'Login required',
  AUTH_INVALID_CREDENTIALS: 'Login failed',
  AUTH_INVALID_TOKEN: 'Invalid token',
  CSRF_FAILED: 'Missing or wrong CSRF token',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Conflict',
  VERSION_CONFLICT: 'Changed by someone else',
  ALREADY_EXISTS: 'Already exists',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency key reused',
  POLICY_NOT_RETROACTIVE: 'Policies cannot take effect in the past',
  ORDER_ILLEGAL_TRANSITION: 'Not possible in the order’s current state',
  ORDER_RULE_REFUSED: 'Refused by a service rule',
  CALLBACK_RULE_REFUSED: 'Refused by a callback rule',
  CALLBACK_STATE_CONFLICT: 'Not possible in the callback’s current state',
  AUTH_LOCKED: 'Account locked',
  PAYLOAD_TOO_LARGE: 'Request too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported content type',
  RATE_LIMITED: 'Too many requests',
  INTERNAL: 'Internal error',
  UNAVAILABLE: 'Service unavailable',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: readonly FieldError[];
  [extra: string]: unknown;
}

export function problemOf(error: AppError): Problem {
  return {
    type: `https://aftersales.dev/problems/${error.code.toLowerCase().replace(/_/g, '-')}`,
    title: titles[error.code],
    status: errorCodes[error.code],
    detail: error.message,
    code: error.code,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.details ?? {}),
  };
}

export function sendProblem(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.status(errorCodes[error.code]).type('application/problem+json').send(problemOf(error));
}

interface AjvError {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function fieldErrors(validation: AjvError[], context: string | undefined): FieldError[] {
  return validation.map((v) => {
    let path = v.instancePath ?? '';
    const missing = v.params?.missingProperty;
    const extra = v.params?.additionalProperty;
    if (typeof missing === 'string') path = `${path}/${missing}`;
    if (typeof extra === 'string') path = `${path}/${extra}`;
    const where = context && context !== 'body' ? `${context}${path || ''}` : path || '/';
    let message = v.message ?? 'is invalid';
    if (v.keyword === 'required') message = 'This field is required.';
    else if (v.keyword === 'additionalProperties') message = 'This field is not allowed here.';
    else message = `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
    return { path: where.startsWith('/') ? where : `/${where}`, message };
  });
}

/** Postgres errors that are the caller's fault, found anywhere on the cause chain (Drizzle wraps them). */
function databaseInputError(error: unknown): AppError | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '23505') return new AppError('ALREADY_EXISTS', 'A record with these values already exists.');
    if (code === '22P02' || code === '22003' || code === '22007' || code === '22008' || code === '22001') {
      return new AppError('VALIDATION_FAILED', 'A value is out of range or in the wrong format.');
    }
    if (code === '40001' || code === '40P01') {
      return new AppError(
        'CONFLICT',
        'Another change to the same records happened at the same time; try again.',
      );
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps every error to RFC 9457 problem+json in one place. Unknown errors are 500s with no internals shown. */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler(
    (error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof AppError) {
        if (error.status >= 500) request.log.error({ err: error }, error.message);
        return sendProblem(reply, error);
      }
      const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
      if (fe.validation) {
        const errors = fieldErrors(fe.validation, fe.validationContext);
        const summary = errors
          .slice(0, 5)
          .map((e) => `${e.path}: ${e.message}`)
          .join(' ');
        return sendProblem(
          reply,
          new AppError('VALIDATION_FAILED', `Check the input. ${summary}`, { errors }),
        );
      }
      switch (fe.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          return sendProblem(reply, new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.'));
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
          return sendProblem(
            reply,
            new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.'),
          );
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
          return sendProblem(reply, new AppError('BAD_REQUEST', 'The JSON body is empty.'));
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
        case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
          return sendProblem(reply, new AppError('BAD_REQUEST', 'The request body is not valid JSON.'));
      }
      if (fe.statusCode === 429) return sendProblem(reply, new AppError('RATE_LIMITED', fe.message));
      const dbError = databaseInputError(error);
      if (dbError) return sendProblem(reply, dbError);
      if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
        return sendProblem(reply, new AppError('BAD_REQUEST', fe.message));
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(
        reply,
        new AppError(
          'INTERNAL',
          `Something went wrong on our side. Quote request id ${request.id} to support.`,
        ),
      );
    },
  );
}
