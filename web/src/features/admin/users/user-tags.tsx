import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../api/types';

export function UserStatusTags({ user }: { user: Pick<UserSummary, 'active' | 'locked'> }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {user.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
      {user.locked ? <Tag color="red">{t('users.locked')}</Tag> : null}
    </Space>
  );
}
