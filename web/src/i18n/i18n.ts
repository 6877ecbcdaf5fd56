import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { zhCN } from './zh-CN.ts';
import { enUS } from './en-US.ts';
import type { Messages } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en-US';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

// Before sign-in there is no account to hold the preference, so the browser keeps it.
const STORAGE_KEY = 'aftersales.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en-US';
}

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // Storage can be blocked (private mode, policies); the default language is a safe answer.
    return DEFAULT_LOCALE;
  }
}

function applySideEffects(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not being able to remember the choice is harmless.
  }
}

const initialLocale = readStoredLocale();

void i18next.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    'en-US': { translation: enUS },
  },
  lng: initialLocale,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
});
applySideEffects(initialLocale);

export const i18n = i18next;

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE;
}

export async function changeLocale(locale: Locale): Promise<void> {
  applySideEffects(locale);
  await i18next.changeLanguage(locale);
}

/** Dictionary groups that label codes coming from the server. */
export type LabelGroup =
  | 'audit.entities'
  | 'audit.actions'
  | 'enums.regionLevels'
  | 'enums.areaTypes'
  | 'enums.tierSources'
  | 'enums.calendarSources'
  | 'enums.outletTypes'
  | 'enums.outletStatuses'
  | 'enums.serviceTypes'
  | 'enums.salesChannels'
  | 'enums.dealerTiers'
  | 'enums.warrantyStatuses'
  | 'enums.phoneLabels'
  | 'enums.coverageRoles'
  | 'enums.qualificationGaps'
  | 'enums.importEntities'
  | 'enums.grades'
  | 'enums.bands'
  | 'enums.skillLevels'
  | 'orders.statuses'
  | 'orders.types'
  | 'orders.channels'
  | 'orders.modes'
  | 'orders.slaStates'
  | 'orders.closingBases'
  | 'orders.redispatchReasons'
  | 'orders.contactReasons'
  | 'orders.tripCauses'
  | 'orders.resultCodes'
  | 'orders.actions'
  | 'orders.reasonCodes'
  | 'errors.codes'
  | 'errors.reasons';

/**
 * Labels for codes the server may add before the dictionary knows them (audit entities/actions, enums).
 * Returns null for unknown codes so the caller can mark them instead of inventing a label.
 */
export function optionalLabel(group: LabelGroup, code: string | number): string | null {
  // Work-order codes may hold i18next separators ('close:completed', 'WO-8.1'); their keys use '_' instead.
  const safe = group.startsWith('orders.') ? String(code).replace(/[.:]/g, '_') : code;
  const key = `${group}.${safe}`;
  if (!i18next.exists(key)) return null;
  // The key is only known at run time; exists() above proved it is in the dictionary.
  return i18next.t(key as never);
}
