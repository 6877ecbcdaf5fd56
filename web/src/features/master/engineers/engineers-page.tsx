import { useState } from 'react';
import { Button, Card, Input, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Engineer } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { ExportButton } from '../../../components/export-button';
import { ListEmpty } from '../../../components/list-empty';
import { LoadError } from '../../../components/load-error';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/page-skeleton';
import { useCategories } from '../../../lib/reference-data';
import { usePagedList } from '../../../lib/use-paged-list';
import { useUrlParams } from '../../../lib/use-url-params';
import { activeFilterValue } from '../shared/active-switch';
import { OutletSelect } from '../shared/outlet-select';
import { EngineerDrawer } from './engineer-drawer';
import { EngineerFormModal } from './engineer-form-modal';
import { EngineerTable } from './engineer-table';

export function EngineersPage() {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const { get, update } = useUrlParams();
  const categories = useCategories();
  const [editing, setEditing] = useState<Engineer | null | undefined>(undefined);
  const [refreshKey, setRefreshKey] = useState(0);

  const q = get('q');
  const outletId = get('outletId');
  const categoryCode = get('categoryCode');
  const active = activeFilterValue(get('active'));
  const openId = get('id') || null;
  const filtered = Boolean(q || outletId || categoryCode || active !== undefined);
  const filters = { q, outletId, categoryCode, active };
  const list = usePagedList<Engineer>('/api/engineers', filters);
  const writable = can('engineer.write');
  // Outlet staff see one outlet only; the outlet filter would offer nothing else.
  const outletScoped = me?.scope.kind === 'outlet';

  return (
    <>
      <PageHeader
        title={t('engineers.title')}
        subtitle={t('engineers.subtitle')}
        extra={
          <Space wrap>
            <ExportButton path="/api/engineers" filters={filters} fileName="engineers" />
            {writable ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t('engineers.create')}
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
            placeholder={t('engineers.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() }, { resetPage: true })}
            style={{ width: 200 }}
          />
          {outletScoped ? null : (
            <OutletSelect
              allowClear
              value={outletId || undefined}
              placeholder={t('engineers.outletPlaceholder')}
              onChange={(value) => update({ outletId: value ?? null }, { resetPage: true })}
              style={{ width: 260 }}
            />
          )}
          <Select
            allowClear
            value={categoryCode || undefined}
            placeholder={t('engineers.categoryPlaceholder')}
            options={categories.options}
            onChange={(value: string | undefined) =>
              update({ categoryCode: value ?? null }, { resetPage: true })
            }
            style={{ width: 160 }}
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
            style={{ width: 130 }}
          />
          {filtered ? (
            <Button
              type="link"
              onClick={() =>
                update({ q: null, outletId: null, categoryCode: null, active: null }, { resetPage: true })
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
          <EngineerTable
            items={list.data?.items ?? []}
            loading={list.loading}
            pagination={list.pagination}
            showOutlet={!outletScoped}
            onOpen={(engineer) => update({ id: engineer.id })}
            empty={
              <ListEmpty
                filtered={filtered}
                empty={t('engineers.empty')}
                emptyFiltered={t('engineers.emptyFiltered')}
              />
            }
          />
        )}
      </Card>
      <EngineerFormModal
        open={editing !== undefined}
        engineer={editing ?? null}
        outletId={outletId || undefined}
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
      />
      <EngineerDrawer
        engineerId={openId}
        refreshKey={refreshKey}
        onClose={() => update({ id: null })}
        onEdit={(engineer) => setEditing(engineer)}
        onChanged={list.reload}
      />
    </>
  );
}
