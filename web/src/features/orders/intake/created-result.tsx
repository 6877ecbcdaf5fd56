import { Link } from 'react-router';
import { Button, Card, Result, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../api/work-orders';
import { StatusTag } from '../shared/order-tags';

/** The new number, large and copyable: the agent reads it to the customer before hanging up. */
export function CreatedResult({ order, onAnother }: { order: OrderDetail; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Card className="intake-form-card">
      <Result
        status="success"
        title={t('orders.intake.created')}
        subTitle={
          <Space orientation="vertical" size={8} align="center">
            <Typography.Title level={2} copyable className="order-number-big mono" style={{ margin: 0 }}>
              {order.number}
            </Typography.Title>
            <Space size={8}>
              <StatusTag status={order.status} />
              {order.outlet ? <span>{order.outlet.name}</span> : null}
            </Space>
            <span>{t('orders.intake.createdHint')}</span>
          </Space>
        }
        extra={[
          <Link key="open" to={`/orders/${order.id}`}>
            <Button type="primary">{t('orders.intake.openOrder')}</Button>
          </Link>,
          <Button key="another" onClick={onAnother}>
            {t('orders.intake.another')}
          </Button>,
        ]}
      />
    </Card>
  );
}
