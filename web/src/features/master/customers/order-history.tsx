import { Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerOrder } from '../../../api/master-data';
import { formatDateTime } from '../../../lib/format';

/** MD-4: past orders; work orders ship later, so today this is the empty state saying so. */
export function OrderHistory({ orders }: { orders: CustomerOrder[] }) {
  const { t } = useTranslation();
  if (orders.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('customers.ordersEmpty')}
        className="compact-empty"
      />
    );
  }
  return (
    <Table<CustomerOrder>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={orders}
      columns={[
        {
          title: t('customers.orderNumber'),
          key: 'number',
          render: (_, order) => <span className="mono">{order.number ?? order.id}</span>,
        },
        {
          title: t('customers.orderCreatedAt'),
          key: 'createdAt',
          render: (_, order) => <span className="tabular">{formatDateTime(order.createdAt)}</span>,
        },
      ]}
    />
  );
}
