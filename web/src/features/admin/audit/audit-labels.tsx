import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { optionalLabel } from '../../../i18n/i18n';

function CodeLabel({ group, code }: { group: 'audit.entities' | 'audit.actions'; code: string }) {
  const { t } = useTranslation();
  const label = optionalLabel(group, code);
  if (label !== null) return <>{label}</>;
  // A code the dictionary does not know yet is shown as a code, visibly marked, not passed off as a label.
  return (
    <Tooltip title={t('audit.unknownCode')}>
      <Typography.Text code>{code}</Typography.Text>
    </Tooltip>
  );
}

export function AuditEntityLabel({ code }: { code: string }) {
  return <CodeLabel group="audit.entities" code={code} />;
}

export function AuditActionLabel({ code }: { code: string }) {
  return <CodeLabel group="audit.actions" code={code} />;
}
