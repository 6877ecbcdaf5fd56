import { useState } from 'react';
import { App, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Dealer } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { CodeLabel } from '../../../components/code-label';
import { errorMessage } from '../../../lib/errors';
import { formatPhone } from '../../../lib/format';

const TIER_COLORS: Record<string, string> = { A: 'gold', B: 'blue', C: 'red' };

export function DealerTierTag({ tier }: { tier: string }) {
  return (
    <Tag color={TIER_COLORS[tier]}>
      <CodeLabel group="enums.dealerTiers" code={tier} />
    </Tag>
  );
}

/** Contact name and phone, masked; one audited reveal shows both (MD-5). */
export function DealerContact({
  dealer,
}: {
  dealer: Pick<Dealer, 'id' | 'contactName' | 'contactPhoneMasked'>;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<{
    contactName: string | null;
    contactPhone: string | null;
  } | null>(null);
  const [loading, setLoading] = useState(false);
  if (!dealer.contactName && !dealer.contactPhoneMasked) {
    return <Typography.Text type="secondary">{t('common.notRecorded')}</Typography.Text>;
  }

  const reveal = async () => {
    setLoading(true);
    try {
      setRevealed(
        await api.post<{ contactName: string | null; contactPhone: string | null }>(
          `/api/dealers/${encodeURIComponent(dealer.id)}/reveal`,
        ),
      );
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setLoading(false);
    }
  };

  const name = revealed ? revealed.contactName : dealer.contactName;
  const phone = revealed ? (formatPhone(revealed.contactPhone) ?? null) : dealer.contactPhoneMasked;
  return (
    <Space size={4} wrap onClick={(event) => event.stopPropagation()}>
      <span>{name ?? '—'}</span>
      <span className="tabular">{phone ?? ''}</span>
      {!can('dealer.read') ? null : revealed ? (
        <Button
          size="small"
          type="text"
          icon={<EyeInvisibleOutlined />}
          onClick={() => setRevealed(null)}
          aria-label={t('common.hide')}
        />
      ) : (
        <Tooltip title={t('common.revealTooltip')}>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            loading={loading}
            onClick={() => void reveal()}
          >
            {t('common.reveal')}
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}
