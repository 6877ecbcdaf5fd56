import { useState } from 'react';
import { Button, Card, Grid, Input, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DEALER_TIERS, isDealerTier } from '../../../api/master-data';
import type { Dealer } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { codeText } from '../../../components/code-label';
import { ExportButton } from '../../../components/export-button';
import { ListEmpty } from '../../../components/list-empty';
import { LoadError } from '../../../components/load-error';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/page-skeleton';
import { RegionCascader } from '../../../components/region-cascader';
import { usePagedList } from '../../../lib/use-paged-list';
import { useUrlParams } from '../../../lib/use-url-params';
import { activeFilterValue } from '../shared/active-switch';
import { DealerContact, DealerTierTag } from './dealer-bits';
import { DealerDrawer } from './dealer-drawer';
import { DealerFormModal } from './dealer-form-modal';

export function DealersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { get, update } = useUrlParams();
  const screens = Grid.useBreakpoint();
  // undefined: closed; null: creating; a dealer: editing it.
  const [editing, setEditing] = useState<Dealer | null | undefined>(undefined);
  const [refreshKey, setRefreshKey] = useState(0);

  const q = get('q');
  const rawTier = get('tier');
  const tier = isDealerTier(rawTier) ? rawTier : '';
  const regionCode = get('regionCode');
  const active = activeFilterValue(get('active'));
  const openId = get('id') || null;
  const filtered = Boolean(q || tier || regionCode || active !== undefined);
  const filters = { q, tier, regionCode, active };
  const list = usePagedList<Dealer>('/api/dealers', filters);
  const writable = can('dealer.write');

  const columns: TableColumnsType<Dealer> = [
    {
      title: t('dealers.code'),
      dataIndex: 'code',
      key: 'code',
      width: 120,
      responsive: ['sm'],
      render: (code: string) => <span className="mono">{code}</span>,
    },
    { title: t('dealers.name'), dataIndex: 'name', key: 'name', ellipsis: true },
    {
      title: t('dealers.region'),
      dataIndex: 'regionPath',
      key: 'region',
      ellipsis: true,
      responsive: ['md'],
    },
    {
      title: t('dealers.contact'),
      key: 'contact',
      width: 250,
      responsive: ['sm'],
      render: (_, dealer) => <DealerContact dealer={dealer} />,
    },
    {
      title: t('dealers.tier'),
      key: 'tier',
      width: 120,
      render: (_, dealer) => <DealerTierTag tier={dealer.tier} />,
    },
    {
      title: t('dealers.status'),
      key: 'active',
      width: 90,
      responsive: ['md'],
      render: (_, dealer) => (dealer.active ? t('common.active') : t('common.inactive')),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('dealers.title')}
        subtitle={t('dealers.subtitle')}
        extra={
          <Space wrap>
            <ExportButton path="/api/dealers" filters={filters} fileName="dealers" />
            {writable ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t('dealers.create')}
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
            placeholder={t('dealers.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() }, { resetPage: true })}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            value={tier || undefined}
            placeholder={t('dealers.tierPlaceholder')}
            options={DEALER_TIERS.map((value) => ({ value, label: codeText('enums.dealerTiers', value) }))}
            onChange={(value: string | undefined) => update({ tier: value ?? null }, { resetPage: true })}
            style={{ width: 150 }}
          />
          <RegionCascader
            anyLevel
            value={regionCode || undefined}
            onChange={(code) => update({ regionCode: code ?? null }, { resetPage: true })}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            value={active === undefined ? undefined : String(active)}
            placeholder={t('common.statusPlaceholder')}
            options={[
              { value: 'true', label: t('common.active') },
              { value: 'false', label: t('common.inactive') },
            ]}
            onChange={(value: string | undefined) => update({ active: value ?? null }, { resetPage: true })}
            style={{ width: 140 }}
          />
          {filtered ? (
            <Button
              type="link"
              onClick={() =>
                update({ q: null, tier: null, regionCode: null, active: null }, { resetPage: true })
              }
            >
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </div>
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : list.loading && !list.data ? (
          <TableSkeleton rows={10} />
        ) : (
          <Table<Dealer>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            scroll={screens.md ? { x: 960 } : undefined}
            pagination={list.pagination}
            onRow={(dealer) => ({
              onClick: (event) => {
                if ((event.target as HTMLElement).closest('a, button')) return;
                update({ id: dealer.id });
              },
              className: 'clickable-row',
            })}
            locale={{
              emptyText: (
                <ListEmpty
                  filtered={filtered}
                  empty={t('dealers.empty')}
                  emptyFiltered={t('dealers.emptyFiltered')}
                />
              ),
            }}
          />
        )}
      </Card>
      <DealerFormModal
        open={editing !== undefined}
        dealer={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={(saved) => {
          setEditing(undefined);
          setRefreshKey((value) => value + 1);
          list.reload();
          update({ id: saved.id });
        }}
        onConflict={() => {
          setEditing(undefined);
          setRefreshKey((value) => value + 1);
          list.reload();
        }}
        onOpenExisting={(id) => {
          setEditing(undefined);
          update({ id });
        }}
      />
      <DealerDrawer
        dealerId={openId}
        refreshKey={refreshKey}
        onClose={() => update({ id: null })}
        onEdit={(dealer) => setEditing(dealer)}
        onChanged={list.reload}
      />
    </>
  );
}
