import { Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionAvailability } from '../../../api/work-orders';
import { codeText } from '../../../components/code-label';
import { reasonText } from '../../../lib/errors';

/** The actions allowed now; refused ones stay visible, greyed, and say why on hover (UI.md "Detail pages"). */
export function OrderActions({
  actions,
  onPick,
}: {
  actions: ActionAvailability[];
  onPick: (action: string) => void;
}) {
  const { t } = useTranslation();
  // A role that may never do something is not shown the button at all; state refusals are explained.
  const shown = actions.filter((a) => a.allowed || a.reason?.code !== 'FORBIDDEN');
  if (shown.length === 0)
    return <Typography.Text type="secondary">{t('orders.detail.noActions')}</Typography.Text>;
  const primary = shown.find((a) => a.allowed)?.action;
  return (
    <Space wrap className="order-actions">
      {shown.map((a) => (
        <Tooltip key={a.action} title={a.allowed ? undefined : reasonText(a.reason)}>
          <Button
            type={a.action === primary ? 'primary' : 'default'}
            danger={a.action === 'cancel'}
            disabled={!a.allowed}
            onClick={() => onPick(a.action)}
          >
            {codeText('orders.actions', a.action)}
          </Button>
        </Tooltip>
      ))}
    </Space>
  );
}
