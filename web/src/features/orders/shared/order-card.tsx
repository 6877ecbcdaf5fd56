import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card, Flex, Tag, Typography } from 'antd';
import { ClockCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OrderCard } from '../../../api/work-orders';
import { CodeLabel } from '../../../components/code-label';
import { formatDateTime } from '../../../lib/format';
import { localized } from '../../../lib/labels';
import { SlaTag, StatusTag } from './order-tags';

/** One order on a board or a phone: number, district, category, window, SLA (UI.md "Dispatcher board"). */
export function OrderCardView({ card, footer }: { card: OrderCard; footer?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const window = card.appointment;
  return (
    <Card size="small" className={card.overdue ? 'order-card overdue' : 'order-card'}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Link to={`/orders/${card.orderId}`} className="mono order-card-number">
          {card.number}
        </Link>
        <SlaTag state={card.slaState} />
      </Flex>
      <Flex gap={6} wrap style={{ marginTop: 6 }}>
        <StatusTag status={card.status} />
        <Tag variant="outlined">{localized(card.categoryName, i18n.language)}</Tag>
        <Tag variant="outlined">
          <CodeLabel group="orders.types" code={card.orderType} />
        </Tag>
        {card.overdue ? <Tag color="red">{t('dispatch.overdueTag')}</Tag> : null}
      </Flex>
      <div className="order-card-line">
        <EnvironmentOutlined /> {card.districtPath}
      </div>
      <div className="order-card-line tabular">
        <ClockCircleOutlined />{' '}
        {window ? `${window.date} ${window.start}–${window.end}` : t('dispatch.noWindow')}
        {card.slaDeadline ? (
          <Typography.Text type="secondary" className="small">
            {' '}
            · {t('orders.fields.slaDeadline')} {formatDateTime(card.slaDeadline)}
          </Typography.Text>
        ) : null}
      </div>
      {card.faultDescription ? <div className="order-card-fault">{card.faultDescription}</div> : null}
      {footer}
    </Card>
  );
}
