import { useState } from 'react';
import { Button, Grid, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth-context';
import { ListEmpty } from '../../components/list-empty';
import { LoadError } from '../../components/load-error';
import { TableSkeleton } from '../../components/page-skeleton';
import { usePagedList } from '../../lib/use-paged-list';
import { useUrlParams } from '../../lib/use-url-params';
import { OutletSelect } from '../master/shared/outlet-select';
import { isPlacementStatus, PLACEMENT_STATUSES, PROGRAMME_PATHS } from './api';
import type { Placement } from './api';
import { HomeCallbackModal } from './home-callback-modal';
import type { HomeCallbackTarget } from './home-callback-modal';
import { PlacementDrawer } from './placement-drawer';
import { PlacementCreateModal, PlacementEndModal } from './placement-modals';
import { PlacementStatusTag } from './programme-bits';

/** CB-8 placements: who works at which customer's home since when; ending one stops its callbacks. */
export function PlacementsTab() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const { get, update } = useUrlParams();
  const screens = Grid.useBreakpoint();
  const rawStatus = get('status');
  const status = isPlacementStatus(rawStatus) ? rawStatus : '';
  const outletId = get('outletId');
  const openId = get('placement') || null;
  const allOutlets = me?.scope.kind !== 'outlet';
  const filtered = Boolean(status || outletId);
  const writable = can('home.write');
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<Placement | null>(null);
  const [recording, setRecording] = useState<HomeCallbackTarget | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);

  const list = usePagedList<Placement>(PROGRAMME_PATHS.placements, { status, outletId });
  const refresh = () => {
    list.reload();
    setRefreshKey((value) => value + 1);
  };

  const columns: TableColumnsType<Placement> = [
    {
      title: t('callbackProgrammes.placements.customer'),
      key: 'customer',
      render: (_, row) => (
        <div className="stacked">
          <span>{row.customer.nameMasked}</span>
          <span className="mono small muted">{row.customer.code}</span>
        </div>
      ),
    },
    {
      title: t('callbackProgrammes.placements.worker'),
      key: 'worker',
      render: (_, row) => (
        <div className="stacked">
          <span>{row.worker.nameMasked}</span>
          <span className="mono small muted">{row.worker.code}</span>
        </div>
      ),
    },
    {
      title: t('callbackProgrammes.placements.outlet'),
      key: 'outlet',
      ellipsis: true,
      responsive: ['lg'],
      render: (_, row) => row.outlet.name,
    },
    {
      title: t('callbackProgrammes.placements.period'),
      key: 'period',
      width: 210,
      render: (_, row) => (
        <span className="tabular">
          {row.startDate} – {row.endDate ?? t('callbackProgrammes.placements.open')}
        </span>
      ),
    },
    {
      title: t('callbackProgrammes.placements.status'),
      key: 'status',
      width: 100,
      render: (_, row) => <PlacementStatusTag status={row.status} />,
    },
    {
      title: t('callbackProgrammes.placements.callbacksMade'),
      dataIndex: 'callbacksMade',
      key: 'callbacksMade',
      width: 100,
      align: 'right',
      responsive: ['md'],
    },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, row: Placement) =>
              row.status === 'ended' ? null : (
                <Button size="small" icon={<StopOutlined />} onClick={() => setEnding(row)}>
                  {row.endDate
                    ? t('callbackProgrammes.placements.changeEnd')
                    : t('callbackProgrammes.placements.end')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="filter-bar">
        <Select
          allowClear
          value={status || undefined}
          placeholder={t('callbackProgrammes.placements.statusPlaceholder')}
          options={PLACEMENT_STATUSES.map((value) => ({
            value,
            label: t(`callbackProgrammes.placementStatuses.${value}`),
          }))}
          onChange={(value: string | undefined) => update({ status: value ?? null }, { resetPage: true })}
          style={{ width: 150 }}
        />
        {allOutlets ? (
          <OutletSelect
            allowClear
            value={outletId || undefined}
            placeholder={t('callbackProgrammes.common.allOutlets')}
            onChange={(value) => update({ outletId: value ?? null }, { resetPage: true })}
            style={{ width: 240 }}
          />
        ) : null}
        {filtered ? (
          <Button type="link" onClick={() => update({ status: null, outletId: null }, { resetPage: true })}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
        <div style={{ flex: 1 }} />
        {writable ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('callbackProgrammes.placements.create')}
          </Button>
        ) : null}
      </div>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : list.loading && !list.data ? (
        <TableSkeleton rows={8} />
      ) : (
        <Table<Placement>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={screens.md ? undefined : { x: 640 }}
          pagination={list.pagination}
          onRow={(row) => ({
            onClick: (event) => {
              if ((event.target as HTMLElement).closest('a, button')) return;
              update({ placement: row.id });
            },
            className: 'clickable-row',
          })}
          locale={{
            emptyText: (
              <ListEmpty
                filtered={filtered}
                empty={
                  writable
                    ? t('callbackProgrammes.placements.emptyWritable')
                    : t('callbackProgrammes.placements.empty')
                }
                emptyFiltered={t('callbackProgrammes.placements.emptyFiltered')}
              />
            ),
          }}
        />
      )}
      <PlacementCreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          refresh();
          update({ placement: created.id });
        }}
      />
      <PlacementEndModal
        placement={ending}
        onClose={() => setEnding(null)}
        onEnded={() => {
          setEnding(null);
          refresh();
        }}
        onConflict={() => {
          setEnding(null);
          refresh();
        }}
      />
      <PlacementDrawer
        placementId={openId}
        refreshKey={refreshKey}
        onClose={() => update({ placement: null })}
        onRecord={setRecording}
      />
      <HomeCallbackModal
        target={recording}
        onClose={() => setRecording(null)}
        onRecorded={() => {
          setRecording(null);
          refresh();
        }}
        onConflict={() => {
          setRecording(null);
          refresh();
        }}
      />
    </>
  );
}
