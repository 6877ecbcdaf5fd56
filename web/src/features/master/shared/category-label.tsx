import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../../../lib/reference-data';

/** A product category's name in the UI language (the server carries nameZh / nameEn). */
export function CategoryLabel({ code }: { code: string }) {
  const { t } = useTranslation();
  const { nameOf, loading } = useCategories();
  const name = nameOf(code);
  if (name !== null) return <>{name}</>;
  if (loading) return null;
  return (
    <Tooltip title={t('audit.unknownCode')}>
      <Typography.Text code>{code}</Typography.Text>
    </Tooltip>
  );
}
