import { useEffect } from 'react';
import { Button, Card, Grid, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../api/master-data';
import { ExportButton } from '../../../components/export-button';
import { ListEmpty } from '../../../components/list-empty';
import { LoadError } from '../../../components/load-error';
import { TableSkeleton } from '../../../components/page-skeleton';
import { RegionCascader } from '../../../components/region-cascader';
import { formatDateTime } from '../../../lib/format';
import { usePagedList } from '../../../lib/use-paged-list';
import { useUrlParams } from '../../../lib/use-url-params';

interface Props {
  refreshKey: number;
}

/** Every customer, paged, with filters in the URL; a row opens the record in the drawer (`?id=`). */
export function CustomerList({ refreshKey }: Props) {
  const { t } = useTranslation();
  const { get, update } = useUrlParams();
  const screens = Grid.useBreakpoint();

  const phone = get('phone');
  const q = get('q');
  const regionCode = get('regionCode');
  const tag = get('tag');
  const filtered = Boolean(phone || q || regionCode || tag);
  const filters = { phone, q, regionCode, tag };
  const list = usePagedList<CustomerSummary>('/api/customers', filters);
  const { reload } = list;
  // A change made elsewhere on the page (created, merged, unit added) shows up in the rows too.
  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);

  const columns: TableColumnsType<CustomerSummary> = [
    {
      title: t('customers.code'),
      dataIndex: 'code',
      key: 'code',
      width: 170,
      render: (code: string) => <span className="mono">{code}</span>,
    },
    { title: t('customers.name'), dataIndex: 'nameMasked', key: 'name', width: 110 },
    {
      title: t('customers.primaryPhone'),
      dataIndex: 'primaryPhoneMasked',
      key: 'phone',
      width: 140,
      responsive: ['sm'],
      render: (masked: string | null) => <span className="tabular">{masked ?? '—'}</span>,
    },
    {
      title: t('customers.region'),
      dataIndex: 'regionPath',
      key: 'region',
      ellipsis: true,
      responsive: ['md'],
    },
    {
      title: t('customers.unitCount'),
      dataIndex: 'unitCount',
      key: 'units',
      width: 80,
      align: 'right',
      render: (count: number) => <span className="tabular">{count}</span>,
    },
    {
      title: t('customers.tags'),
      key: 'tags',
      responsive: ['lg'],
      render: (_, customer) => (
        <Space size={[4, 4]} wrap>
          {customer.tags.map((value) => (
            <Tag key={value} color="magenta">
              {value}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('customers.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 140,
      responsive: ['lg'],
      render: (at: string) => <span className="tabular">{formatDateTime(at)}</span>,
    },
  ];

  return (
    <Card
      title={t('customers.listTitle')}
      extra={<ExportButton path="/api/customers" filters={filters} fileName="customers" />}
      className="customer-list"
    >
      <div className="filter-bar">
        <Input.Search
          key={`phone:${phone}`}
          allowClear
          defaultValue={phone}
          inputMode="tel"
          placeholder={t('customers.phoneFilter')}
          onSearch={(value) => update({ phone: value.trim() }, { resetPage: true })}
          style={{ width: 220 }}
        />
        <Input.Search
          key={`q:${q}`}
          allowClear
          defaultValue={q}
          placeholder={t('customers.searchPlaceholder')}
          onSearch={(value) => update({ q: value.trim() }, { resetPage: true })}
          style={{ width: 200 }}
        />
        <RegionCascader
          anyLevel
          value={regionCode || undefined}
          onChange={(code) => update({ regionCode: code ?? null }, { resetPage: true })}
          style={{ width: 220 }}
        />
        <Input.Search
          key={`tag:${tag}`}
          allowClear
          defaultValue={tag}
          placeholder={t('customers.tagPlaceholder')}
          onSearch={(value) => update({ tag: value.trim() }, { resetPage: true })}
          style={{ width: 140 }}
        />
        {filtered ? (
          <Button
            type="link"
            onClick={() => update({ phone: null, q: null, regionCode: null, tag: null }, { resetPage: true })}
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </div>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : list.loading && !list.data ? (
        <TableSkeleton rows={8} />
      ) : (
        <Table<CustomerSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={screens.md ? { x: 960 } : undefined}
          pagination={list.pagination}
          onRow={(customer) => ({
            onClick: (event) => {
              if ((event.target as HTMLElement).closest('a, button')) return;
              update({ id: customer.id });
            },
            className: 'clickable-row',
          })}
          locale={{
            emptyText: (
              <ListEmpty
                filtered={filtered}
                empty={<Typography.Text type="secondary">{t('customers.empty')}</Typography.Text>}
                emptyFiltered={t('customers.emptyFiltered')}
              />
            ),
          }}
        />
      )}
    </Card>
  );
}
