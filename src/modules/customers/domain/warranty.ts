import { addCalendarDays, parseBusinessDate } from '../../../platform/time.ts';

export type WarrantyStatus = 'in_warranty' | 'key_parts_only' | 'out_of_warranty';

/** The statutory 三包 windows (policy `md.sanbao.windows`). */
export interface SanbaoWindows {
  returnDays: number;
  exchangeDays: number;
}

export interface WarrantyTerms {
  /** Whole-unit warranty (整机保修) in months. */
  warrantyMonths: number;
  /** Key-part warranty (主要部件保修) in months. */
  keyPartsWarrantyMonths: number;
  keyParts?: readonly string[];
}

export interface WarrantyInput {
  /** 'YYYY-MM-DD', the purchase (invoice) date. */
  purchaseDate: string;
  /** The model's terms; null when the model has none, and then `defaultMonths` covers unit and key parts. */
  terms: WarrantyTerms | null;
  defaultMonths: { months: number; policyVersion: number };
  windows: SanbaoWindows & { policyVersion: number };
  /** 'YYYY-MM-DD', today in the business time zone. */
  today: string;
}

export interface WarrantyResult {
  status: WarrantyStatus;
  /** Last covered day of each period, inclusive ('YYYY-MM-DD'). */
  wholeUnitUntil: string;
  keyPartsUntil: string;
  returnWindowUntil: string;
  exchangeWindowUntil: string;
  /** The `md.sanbao.windows` version used (always read); `policies` lists every policy read. */
  policyVersion: number;
  policies: { key: string; version: number }[];
  explanation: { 'zh-CN': string; 'en-US': string };
}

const rank: Record<WarrantyStatus, number> = { in_warranty: 0, key_parts_only: 1, out_of_warranty: 2 };

/** Orders statuses from best to worst cover, for "the status never improves as time passes". */
export const warrantyRank = (s: WarrantyStatus): number => rank[s];

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * `date` plus `months` calendar months, the last day of the period (民法典 §202): the same day-of-month
 * in the target month, or that month's last day when it has no such day (2024-01-31 + 1 → 2024-02-29).
 */
export function addMonthsClamped(date: string, months: number): string {
  if (!Number.isSafeInteger(months) || months < 0) {
    throw new Error(`Invalid number of months ${String(months)}: expected a whole number ≥ 0.`);
  }
  const { year, month, day } = parseBusinessDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * MD-3: the warranty picture of a unit on `today`.
 *
 * Periods are counted the Chinese-law way (民法典 §201–202): the purchase day itself does not count, so a
 * 7-day return window for a purchase on 11-01 runs to 11-08 inclusive, and 12 months end on the same date a
 * year later. Key parts are covered at least as long as the whole unit (a model that lists a shorter key-part
 * period is read as "no extra key-part cover"), so a unit is never in warranty after its key-parts end.
 */
export function warrantyStatus(input: WarrantyInput): WarrantyResult {
  const { purchaseDate, today, windows } = input;
  const usesDefault = input.terms === null;
  const unitMonths = input.terms?.warrantyMonths ?? input.defaultMonths.months;
  const keyMonths = Math.max(unitMonths, input.terms?.keyPartsWarrantyMonths ?? input.defaultMonths.months);
  const wholeUnitUntil = addMonthsClamped(purchaseDate, unitMonths);
  const keyPartsUntil = addMonthsClamped(purchaseDate, keyMonths);
  const returnWindowUntil = addCalendarDays(purchaseDate, windows.returnDays);
  const exchangeWindowUntil = addCalendarDays(purchaseDate, windows.exchangeDays);

  const status: WarrantyStatus =
    today <= wholeUnitUntil ? 'in_warranty' : today <= keyPartsUntil ? 'key_parts_only' : 'out_of_warranty';

  const policies = [{ key: 'md.sanbao.windows', version: windows.policyVersion }];
  if (usesDefault)
    policies.push({ key: 'md.warranty.default_months', version: input.defaultMonths.policyVersion });

  const keyParts = input.terms?.keyParts?.filter((p) => p.trim() !== '') ?? [];
  const zhParts = keyParts.length ? `（${keyParts.join('、')}）` : '';
  const enParts = keyParts.length ? ` (${keyParts.join(', ')})` : '';
  const zhStatus = {
    in_warranty: '整机在保修期内（保内）',
    key_parts_only: '整机已过保，仅主要部件在保修期内',
    out_of_warranty: '已过保修期（保外）',
  }[status];
  const enStatus = {
    in_warranty: 'the whole unit is in warranty',
    key_parts_only: 'the whole-unit warranty has ended; only the key parts are still covered',
    out_of_warranty: 'the unit is out of warranty',
  }[status];
  const zhWindows =
    today <= returnWindowUntil
      ? `仍可按三包退货（至 ${returnWindowUntil}）或换货（至 ${exchangeWindowUntil}）`
      : today <= exchangeWindowUntil
        ? `退货期已过（至 ${returnWindowUntil}），仍可按三包换货（至 ${exchangeWindowUntil}）`
        : `三包退货期至 ${returnWindowUntil}、换货期至 ${exchangeWindowUntil}，均已过`;
  const enWindows =
    today <= returnWindowUntil
      ? `a 三包 return is possible until ${returnWindowUntil} and an exchange until ${exchangeWindowUntil}`
      : today <= exchangeWindowUntil
        ? `the return window ended on ${returnWindowUntil}; a 三包 exchange is possible until ${exchangeWindowUntil}`
        : `the 三包 return window (until ${returnWindowUntil}) and exchange window (until ${exchangeWindowUntil}) have passed`;
  const zhSource = usesDefault ? `型号未设置保修条款，按默认 ${unitMonths} 个月计` : '按型号保修条款';
  const enSource = usesDefault
    ? `the model has no warranty terms, so the default of ${unitMonths} months applies`
    : "per the model's warranty terms";

  return {
    status,
    wholeUnitUntil,
    keyPartsUntil,
    returnWindowUntil,
    exchangeWindowUntil,
    policyVersion: windows.policyVersion,
    policies,
    explanation: {
      'zh-CN':
        `购买日期 ${purchaseDate}，${zhSource}：整机保修 ${unitMonths} 个月至 ${wholeUnitUntil}，` +
        `主要部件${zhParts}保修 ${keyMonths} 个月至 ${keyPartsUntil}。截至 ${today}，${zhStatus}；${zhWindows}。` +
        `（三包期限政策第 ${windows.policyVersion} 版）`,
      'en-US':
        `Purchased ${purchaseDate}; ${enSource}: whole unit covered for ${unitMonths} months until ${wholeUnitUntil}, ` +
        `key parts${enParts} for ${keyMonths} months until ${keyPartsUntil}. As of ${today}, ${enStatus}; ${enWindows}. ` +
        `(三包 windows policy version ${windows.policyVersion})`,
    },
  };
}
