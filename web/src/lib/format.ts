import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Business rules and every displayed time use the service company's zone, not the browser's (POL-2). */
export const BUSINESS_TZ = 'Asia/Shanghai';
export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = dayjs(iso);
  return at.isValid() ? at.tz(BUSINESS_TZ).format(DATE_TIME_FORMAT) : '—';
}

/**
 * Pickers work in the browser's zone; these two helpers treat the picked wall-clock time as
 * business time so that "2025-01-01 09:00" means 09:00 in Shanghai wherever the admin sits.
 */
export function businessWallClockNow(): dayjs.Dayjs {
  return dayjs(dayjs().tz(BUSINESS_TZ).format('YYYY-MM-DDTHH:mm:00'));
}

export function wallClockToBusinessIso(picked: dayjs.Dayjs): string {
  return dayjs.tz(picked.format('YYYY-MM-DDTHH:mm:00'), BUSINESS_TZ).toISOString();
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Money is integer fen end to end; floats never touch it. */
export function formatFen(fen: number | bigint): string {
  const big = typeof fen === 'bigint' ? fen : BigInt(Math.trunc(fen));
  const negative = big < 0n;
  const abs = negative ? -big : big;
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${groupThousands(yuan.toString())}.${cents}`;
}

export function formatNumber(value: number, maxFractionDigits = 2): string {
  const fixed = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(maxFractionDigits)));
  const [intPart = '', fraction] = fixed.split('.');
  const sign = intPart.startsWith('-') ? '-' : '';
  const grouped = groupThousands(intPart.replace('-', ''));
  return fraction ? `${sign}${grouped}.${fraction}` : `${sign}${grouped}`;
}

/** Ratios are stored as fractions (0.1) and read as percentages (10%). */
export function formatRatio(ratio: number): string {
  return `${formatNumber(ratio * 100, 2)}%`;
}

export function compactJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A business-calendar day (YYYY-MM-DD) as the instant it starts, or the instant the next day starts. */
export function businessDayStartIso(day: string): string {
  return dayjs.tz(day, BUSINESS_TZ).startOf('day').toISOString();
}

export function businessDayEndIso(day: string): string {
  return dayjs.tz(day, BUSINESS_TZ).add(1, 'day').startOf('day').toISOString();
}

/**
 * A revealed number as people read it aloud: mainland mobiles as `138 1234 5678`, landlines with their
 * area code restored (`020 8765 4321`); anything else is shown as stored.
 */
export function formatPhone(e164: string | null | undefined): string | undefined {
  if (!e164) return undefined;
  const national = e164.startsWith('+86') ? e164.slice(3) : null;
  if (national === null) return e164;
  if (/^1\d{10}$/.test(national))
    return `${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
  // Beijing, Shanghai, Tianjin, Chongqing and the 02x cities have two-digit area codes after the 0.
  const areaLength = /^(10|2\d)/.test(national) ? 2 : 3;
  return `0${national.slice(0, areaLength)} ${national.slice(areaLength)}`;
}
