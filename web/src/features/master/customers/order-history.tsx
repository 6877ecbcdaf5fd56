import { Link } from 'react-router';
import { Empty, Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerOrder, Unit } from '../../../api/master-data';
import { CodeLabel } from '../../../components/code-label';
import { formatDateTime } from '../../../lib/format';
import { StatusTag } from '../../orders/shared/order-tags';

interface Props {
  orders: CustomerOrder[];
  /** The customer's units, to name the unit an order was for. */
  units: Unit[];
  total: number;
  truncated: boolean;
}

/**
 * MD-4: every order of the customer the caller may see, newest first; the number opens the order (its outlet
 * on hover). Four narrow columns, so it fits the intake look-up panel beside the order form.
 */
export function OrderHistory({ orders, units, total, truncated }: Props) {
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
  const unitOf = new Map(units.map((unit) => [unit.id, unit]));
  return (
    <>
      <Table<CustomerOrder>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={orders}
        scroll={{ x: 'max-content' }}
        className="order-history"
        columns={[
          {
            title: t('customers.orderNumberAndTime'),
            key: 'number',
            render: (_, order) => (
              <span className="stacked">
                <Tooltip title={order.outletName}>
                  <Link to={`/orders/${encodeURIComponent(order.id)}`} className="mono">
                    {order.number}
                  </Link>
                </Tooltip>
                <Typography.Text type="secondary" className="small tabular">
                  {formatDateTime(order.createdAt)}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t('customers.orderType'),
            key: 'type',
            render: (_, order) => <CodeLabel group="orders.types" code={order.orderType} />,
          },
          {
            title: t('customers.orderStatus'),
            key: 'status',
            render: (_, order) => <StatusTag status={order.status} />,
          },
          {
            title: t('customers.orderUnit'),
            key: 'unit',
            render: (_, order) => {
              if (!order.unitId) return <Typography.Text type="secondary">—</Typography.Text>;
              const unit = unitOf.get(order.unitId);
              return unit ? (
                <Tooltip title={unit.modelName}>
                  <Typography.Text className="mono" ellipsis style={{ maxWidth: 160 }}>
                    {unit.serialNumber}
                  </Typography.Text>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary">{t('customers.orderUnitElsewhere')}</Typography.Text>
              );
            },
          },
        ]}
      />
      {truncated ? (
        <Typography.Paragraph type="secondary" className="small" style={{ marginTop: 8 }}>
          {t('customers.ordersTruncated', { shown: orders.length, total })}
        </Typography.Paragraph>
      ) : null}
    </>
  );
}
