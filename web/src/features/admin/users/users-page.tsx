import { useState } from 'react';
import { Button, Card, Empty, Grid, Input, Select, Space, Table } from 'antd';
import { ExportButton } from '../../../components/export-button';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Page, UserSummary } from '../../../api/types';
import { isRole, ROLES } from '../../../api/types';
import { useAuth } from '../../../app/auth-context';
import { LoadError } from '../../../components/load-error';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/page-skeleton';
import { formatDateTime } from '../../../lib/format';
import { roleLabel, scopeLabel } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { useUrlParams } from '../../../lib/use-url-params';
import { CreateUserModal } from './create-user-modal';
import { PhoneCell } from './phone-cell';
import { UserDrawer } from './user-drawer';
import { UserStatusTags } from './user-tags';

const PAGE_SIZES = [20, 50, 100];

export function UsersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { get, getInt, update } = useUrlParams();
  const [creating, setCreating] = useState(false);
  const screens = Grid.useBreakpoint();

  const q = get('q');
  const rawRole = get('role');
  const role = isRole(rawRole) ? rawRole : '';
  const page = getInt('page', 1);
  const pageSize = getInt('pageSize', 20);
  const openId = get('id') || null;
  const filtered = Boolean(q || role);

  const query = { q, role, page, pageSize };
  const { data, error, loading, reload } = useApi(`users:${JSON.stringify(query)}`, (signal) =>
    api.get<Page<UserSummary>>('/api/users', query, { signal }),
  );

  const columns: TableColumnsType<UserSummary> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      key: 'username',
      width: 140,
      responsive: ['sm'],
      render: (username: string) => <span className="mono">{username}</span>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName', width: 140 },
    { title: t('users.role'), key: 'role', width: 150, render: (_, user) => roleLabel(t, user.role) },
    {
      title: t('users.scope'),
      key: 'scope',
      ellipsis: true,
      responsive: ['md'],
      render: (_, user) => scopeLabel(t, user.scope),
    },
    {
      title: t('users.phone'),
      key: 'phone',
      width: 190,
      responsive: ['sm'],
      render: (_, user) => <PhoneCell userId={user.id} masked={user.phoneMasked} />,
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 130,
      render: (_, user) => <UserStatusTags user={user} />,
    },
    {
      title: t('users.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 140,
      responsive: ['lg'],
      render: (at: string) => <span className="tabular">{formatDateTime(at)}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Space>
            <ExportButton path="/api/users" filters={{ q, role }} fileName="users" />
            {can('user.write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('users.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        <div className="filter-bar">
          <Input.Search
            key={q}
            allowClear
            defaultValue={q}
            placeholder={t('users.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() }, { resetPage: true })}
            style={{ width: 260 }}
          />
          <Select
            allowClear
            value={role || undefined}
            placeholder={t('users.rolePlaceholder')}
            onChange={(value: string | undefined) => update({ role: value ?? null }, { resetPage: true })}
            options={ROLES.map((value) => ({ value, label: roleLabel(t, value) }))}
            style={{ width: 200 }}
          />
          {filtered ? (
            <Button type="link" onClick={() => update({ q: null, role: null }, { resetPage: true })}>
              {t('users.clearFilters')}
            </Button>
          ) : null}
        </div>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <TableSkeleton rows={10} />
        ) : (
          <Table<UserSummary>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            scroll={screens.md ? { x: 1000 } : undefined}
            onRow={(user) => ({
              onClick: (event) => {
                if ((event.target as HTMLElement).closest('a, button')) return;
                update({ id: user.id });
              },
              className: 'clickable-row',
            })}
            pagination={{
              current: data?.page ?? page,
              pageSize: data?.pageSize ?? pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: PAGE_SIZES,
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (nextPage, nextSize) =>
                update({ page: nextPage > 1 ? nextPage : null, pageSize: nextSize !== 20 ? nextSize : null }),
            }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={filtered ? t('users.emptyFiltered') : t('users.empty')}
                />
              ),
            }}
          />
        )}
      </Card>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          reload();
          update({ id: user.id });
        }}
      />
      <UserDrawer userId={openId} onClose={() => update({ id: null })} onChanged={reload} />
    </>
  );
}
