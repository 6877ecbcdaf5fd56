import { useNavigate } from 'react-router';
import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ORDER_STATUSES, SLA_STATES } from '../../../api/work-orders';
import type { OrderListItem } from '../../../api/work-orders';
import { CodeLabel, codeText } from '../../../components/code-label';
import { ExportButton } from '../../../components/export-button';
import { LoadError } from '../../../components/load-error';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { useCategories } from '../../../lib/reference-data';
import { usePagedList } from '../../../lib/use-paged-list';
import { useUrlParams } from '../../../lib/use-url-params';
import { SlaTag, StatusTag } from '../shared/order-tags';

/** Orders in my scope; filters live in the URL (UI.md "List pages"). */
export function OrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const categories = useCategories();
  const { get, update } = useUrlParams();
  const filters = { status: get('status'), slaState: get('slaState'), number: get('number') };
  const list = usePagedList<OrderListItem>('/api/work-orders', filters);
  const set = (name: string, value: string | undefined) =>
    update({ [name]: value ?? null }, { resetPage: true });

  return (
    <>
      <PageHeader
        title={t('orders.list.title')}
        subtitle={t('orders.list.subtitle')}
        extra={<ExportButton path="/api/work-orders" filters={filters} fileName={t('orders.list.title')} />}
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            defaultValue={filters.number}
            placeholder={t('orders.list.numberPlaceholder')}
            style={{ width: 220 }}
            onSearch={(value) => set('number', value.trim() || undefined)}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('common.statusPlaceholder')}
            value={filters.status || undefined}
            onChange={(value?: string) => set('status', value)}
            options={ORDER_STATUSES.map((code) => ({
              value: code,
              label: codeText('orders.statuses', code),
            }))}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('orders.list.slaPlaceholder')}
            value={filters.slaState || undefined}
            onChange={(value?: string) => set('slaState', value)}
            options={SLA_STATES.map((code) => ({ value: code, label: codeText('orders.slaStates', code) }))}
          />
          <Button onClick={() => update({ status: null, slaState: null, number: null }, { resetPage: true })}>
            {t('common.clearFilters')}
          </Button>
        </Flex>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        <Table<OrderListItem>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={list.pagination}
          onRow={(order) => ({
            onClick: () => void navigate(`/orders/${order.id}`),
            className: 'clickable-row',
          })}
          locale={{ emptyText: <Typography.Text type="secondary">{t('orders.list.empty')}</Typography.Text> }}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('orders.fields.number'),
              dataIndex: 'number',
              render: (number: string) => <span className="mono">{number}</span>,
            },
            {
              title: t('orders.fields.status'),
              dataIndex: 'status',
              render: (status: string) => <StatusTag status={status} />,
            },
            {
              title: t('orders.fields.type'),
              dataIndex: 'orderType',
              render: (code: string) => <CodeLabel group="orders.types" code={code} />,
            },
            {
              title: t('orders.fields.category'),
              dataIndex: 'categoryCode',
              render: (code: string) => categories.nameOf(code) ?? code,
            },
            { title: t('orders.fields.customer'), dataIndex: 'customerNameMasked' },
            { title: t('orders.fields.outlet'), dataIndex: 'outletName', ellipsis: true },
            {
              title: t('orders.fields.sla'),
              key: 'sla',
              render: (_, order) => <SlaTag state={order.slaState} />,
            },
            {
              title: t('orders.fields.slaDeadline'),
              dataIndex: 'slaDeadline',
              render: (at: string | null) => <span className="tabular">{formatDateTime(at)}</span>,
            },
            {
              title: t('orders.fields.createdAt'),
              dataIndex: 'createdAt',
              render: (at: string) => <span className="tabular">{formatDateTime(at)}</span>,
            },
          ]}
        />
      </Card>
    </>
  );
}
