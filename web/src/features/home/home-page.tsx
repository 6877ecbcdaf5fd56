import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth-context';
import { PageHeader } from '../../components/page-header';
import { roleLabel, scopeLabel } from '../../lib/labels';
import { AdminWorkbench } from './admin-workbench';
import { MasterShortcuts } from './master-shortcuts';
import { UpcomingWorkbench } from './upcoming-workbench';

/** The landing page: each role sees its own workbench (UI.md "Shape"). */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader
        title={t(`workbench.${me.role}.title`)}
        subtitle={
          <Space size={8} wrap>
            <span>{me.displayName}</span>
            <Tag color="blue" variant="filled">
              {roleLabel(t, me.role)}
            </Tag>
            <Tag variant="outlined">{scopeLabel(t, me.scope)}</Tag>
          </Space>
        }
      />
      {me.role === 'admin' ? (
        <AdminWorkbench />
      ) : (
        <>
          <MasterShortcuts />
          <UpcomingWorkbench />
        </>
      )}
    </>
  );
}
