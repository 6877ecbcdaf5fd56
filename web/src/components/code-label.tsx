import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { optionalLabel } from '../i18n/i18n';
import type { LabelGroup } from '../i18n/i18n';

/**
 * The dictionary label of a server code. A code the dictionary does not know yet is shown as a code,
 * visibly marked, not passed off as a label (UI.md: no raw enum values passed off as words).
 */
export function CodeLabel({ group, code }: { group: LabelGroup; code: string | number }) {
  const { t } = useTranslation();
  const label = optionalLabel(group, code);
  if (label !== null) return <>{label}</>;
  return (
    <Tooltip title={t('audit.unknownCode')}>
      <Typography.Text code>{code}</Typography.Text>
    </Tooltip>
  );
}

/** Plain-text form for places that need a string (select options, confirmations). */
export function codeText(group: LabelGroup, code: string | number): string {
  return optionalLabel(group, code) ?? String(code);
}
