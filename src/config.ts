import path from 'node:path';
import { AppError } from './platform/errors.ts';

export interface Config {
  /** `postgres://…` selects the PostgreSQL server; absent selects embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  /** Master secret for field encryption and blind indexes; absent ⇒ a key file in dataDir. */
  secret: string | undefined;
  businessTimeZone: string;
  demo: boolean;
  logLevel: string;
  /** Where uploaded files live (photos, attachments). */
  filesDir: string;
  /** Behind https: cookies get the Secure flag. */
  secureCookies: boolean;
  /** Per minute: sign-in attempts per client address, new orders per account (0 = no limit). */
  loginPerMinute: number;
  intakePerMinute: number;
}

function intFrom(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new AppError('BAD_REQUEST', `${name} must be an integer between ${min} and ${max}, got "${raw}".`);
  }
  return n;
}

function boolFrom(raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new AppError('BAD_REQUEST', 'DATABASE_URL must start with postgres:// or postgresql://.');
  }
  const dataDir = path.resolve(env.AFTERSALES_DATA_DIR?.trim() || 'data');
  const secret = env.AFTERSALES_SECRET?.trim() || undefined;
  if (secret !== undefined && secret.length < 32) {
    throw new AppError('BAD_REQUEST', 'AFTERSALES_SECRET must be at least 32 characters long.');
  }
  return {
    databaseUrl,
    dataDir,
    port: intFrom('PORT', env.PORT, 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    secret,
    businessTimeZone: env.AFTERSALES_TIME_ZONE?.trim() || 'Asia/Shanghai',
    // The embedded database is the demo/evaluation path, so it seeds demo data unless told not to.
    demo: boolFrom(env.AFTERSALES_DEMO, databaseUrl === undefined),
    // The embedded demo keeps the terminal readable; a server deployment logs every request.
    logLevel: env.LOG_LEVEL?.trim() || (databaseUrl ? 'info' : 'warn'),
    filesDir: path.resolve(env.AFTERSALES_FILES_DIR?.trim() || path.join(dataDir, 'files')),
    secureCookies: boolFrom(env.AFTERSALES_SECURE_COOKIES, false),
    loginPerMinute: intFrom('AFTERSALES_LOGIN_PER_MINUTE', env.AFTERSALES_LOGIN_PER_MINUTE, 30, 0, 1_000_000),
    intakePerMinute: intFrom(
      'AFTERSALES_INTAKE_PER_MINUTE',
      env.AFTERSALES_INTAKE_PER_MINUTE,
      600,
      0,
      10_000_000,
    ),
  };
}
