import { useState } from 'react';
import { Button, Card, Grid, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { ProductModel } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { ExportButton } from '../../../components/export-button';
import { ListEmpty } from '../../../components/list-empty';
import { LoadError } from '../../../components/load-error';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/page-skeleton';
import { formatFen } from '../../../lib/format';
import { useCategories } from '../../../lib/reference-data';
import { usePagedList } from '../../../lib/use-paged-list';
import { useUrlParams } from '../../../lib/use-url-params';
import { ActiveSwitch, activeFilterValue } from '../shared/active-switch';
import { CategoryLabel } from '../shared/category-label';
import { ModelFormModal } from './model-form-modal';

export function ModelsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { get, update } = useUrlParams();
  const screens = Grid.useBreakpoint();
  const categories = useCategories();
  // undefined: closed; null: creating; a model: editing it.
  const [editing, setEditing] = useState<ProductModel | null | undefined>(undefined);

  const q = get('q');
  const categoryCode = get('categoryCode');
  const active = activeFilterValue(get('active'));
  const filtered = Boolean(q || categoryCode || active !== undefined);
  const filters = { q, categoryCode, active };
  const list = usePagedList<ProductModel>('/api/models', filters);
  const writable = can('catalog.write');

  const columns: TableColumnsType<ProductModel> = [
    {
      title: t('models.code'),
      dataIndex: 'code',
      key: 'code',
      width: 150,
      render: (code: string) => <span className="mono">{code}</span>,
    },
    { title: t('models.name'), dataIndex: 'name', key: 'name', ellipsis: true },
    {
      title: t('models.category'),
      key: 'category',
      width: 120,
      responsive: ['sm'],
      render: (_, model) => <CategoryLabel code={model.categoryCode} />,
    },
    {
      title: t('models.warranty'),
      key: 'warranty',
      width: 110,
      responsive: ['md'],
      render: (_, model) => t('common.monthsValue', { count: model.warrantyMonths }),
    },
    {
      title: t('models.keyPartsWarranty'),
      key: 'keyPartsWarranty',
      width: 130,
      responsive: ['md'],
      render: (_, model) => t('common.monthsValue', { count: model.keyPartsWarrantyMonths }),
    },
    {
      title: t('models.keyParts'),
      key: 'keyParts',
      responsive: ['lg'],
      render: (_, model) => (
        <Space size={[4, 4]} wrap>
          {model.keyParts.map((part) => (
            <Tag key={part}>{part}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('models.dealerPrice'),
      key: 'dealerPrice',
      width: 120,
      align: 'right',
      responsive: ['md'],
      render: (_, model) =>
        model.dealerPriceFen === null ? (
          <Typography.Text type="secondary">{t('models.noPrice')}</Typography.Text>
        ) : (
          <span className="tabular">{formatFen(model.dealerPriceFen)}</span>
        ),
    },
    {
      title: t('models.status'),
      key: 'active',
      width: 100,
      render: (_, model) => (
        <ActiveSwitch
          active={model.active}
          writable={writable}
          deactivateConfirm={t('models.deactivateConfirm')}
          activateConfirm={t('models.activateConfirm')}
          onToggle={(next) =>
            api.patch<ProductModel>(`/api/models/${encodeURIComponent(model.id)}`, {
              version: model.version,
              active: next,
            })
          }
          onDone={list.reload}
        />
      ),
    },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, model: ProductModel) => (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(model)}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('models.title')}
        subtitle={t('models.subtitle')}
        extra={
          <Space wrap>
            <ExportButton path="/api/models" filters={filters} fileName="models" />
            {writable ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
                {t('models.create')}
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
            placeholder={t('models.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() }, { resetPage: true })}
            style={{ width: 240 }}
          />
          <Select
            allowClear
            value={categoryCode || undefined}
            placeholder={t('models.categoryPlaceholder')}
            options={categories.options}
            onChange={(value: string | undefined) =>
              update({ categoryCode: value ?? null }, { resetPage: true })
            }
            style={{ width: 180 }}
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
              onClick={() => update({ q: null, categoryCode: null, active: null }, { resetPage: true })}
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
          <Table<ProductModel>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            scroll={screens.md ? { x: 1100 } : undefined}
            pagination={list.pagination}
            locale={{
              emptyText: (
                <ListEmpty
                  filtered={filtered}
                  empty={t('models.empty')}
                  emptyFiltered={t('models.emptyFiltered')}
                />
              ),
            }}
          />
        )}
      </Card>
      <ModelFormModal
        open={editing !== undefined}
        model={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          list.reload();
        }}
        onConflict={() => {
          setEditing(undefined);
          list.reload();
        }}
      />
    </>
  );
}
