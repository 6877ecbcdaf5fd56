import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useAuth } from '../../app/auth-context';
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
  const { can } = useAuth();
  // Roles whose workbench has shipped land on it directly (UI.md "Each role lands on its workbench").
  if (me.role === 'agent' && can('order.create')) return <Navigate to="/orders/new" replace />;
  if (me.role === 'dispatcher' && can('order.monitor')) return <Navigate to="/dispatch/board" replace />;
  if (me.role === 'engineer' && can('order.field')) return <Navigate to="/engineer/jobs" replace />;
  if (me.role === 'callback' && can('callback.read')) return <Navigate to="/callbacks" replace />;
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
