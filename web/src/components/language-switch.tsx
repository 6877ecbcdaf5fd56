import { App, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth-context';
import { currentLocale, isLocale } from '../i18n/i18n';
import { errorMessage } from '../lib/errors';

export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation();
  const { setLocale } = useAuth();
  const { message } = App.useApp();
  // Reading i18n.language through the hook re-renders this control when the language changes.
  const value = isLocale(i18n.language) ? i18n.language : currentLocale();

  return (
    <Segmented
      size={size}
      aria-label={t('lang.label')}
      value={value}
      options={[
        { label: t('lang.zhCN'), value: 'zh-CN' },
        { label: t('lang.enUS'), value: 'en-US' },
      ]}
      onChange={(next) => {
        if (!isLocale(next)) return;
        setLocale(next).catch((error: unknown) => {
          // The UI already switched; only remembering it on the account failed.
          void message.warning(t('lang.saveFailed', { detail: errorMessage(error, t) }));
        });
      }}
    />
  );
}
