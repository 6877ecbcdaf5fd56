import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function BrandLogo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#2f6bd1" />
      <path
        d="M9 17.5l4.5 4.5L23 11"
        fill="none"
        stroke="#fff"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function BrandMark() {
  const { t } = useTranslation();
  return (
    <Link to="/" className="brand-mark">
      <BrandLogo />
      <span className="brand-mark-name">{t('app.name')}</span>
    </Link>
  );
}
