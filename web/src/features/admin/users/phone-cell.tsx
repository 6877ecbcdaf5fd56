import { useState } from 'react';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth-context';
import { errorMessage } from '../../../lib/errors';

/** Masked by default; the full number is fetched on demand because every reveal is audited (MD-5). */
export function PhoneCell({ userId, masked }: { userId: string; masked: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  if (!masked) return <Typography.Text type="secondary">{t('users.noPhone')}</Typography.Text>;

  const reveal = async () => {
    setLoading(true);
    try {
      const result = await api.post<{ phone: string | null }>(
        `/api/users/${encodeURIComponent(userId)}/reveal`,
      );
      setRevealed(result.phone ?? masked);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Space size={4} onClick={(event) => event.stopPropagation()}>
      <span className="tabular">{revealed ?? masked}</span>
      {!can('user.reveal') ? null : revealed ? (
        <Button
          size="small"
          type="text"
          icon={<EyeInvisibleOutlined />}
          onClick={() => setRevealed(null)}
          aria-label={t('users.hide')}
        />
      ) : (
        <Tooltip title={t('users.revealTooltip')}>
          <Button
            size="small"
            type="link"
            icon={<EyeOutlined />}
            loading={loading}
            onClick={() => void reveal()}
          >
            {t('users.reveal')}
          </Button>
        </Tooltip>
      )}
    </Space>
  );
}
