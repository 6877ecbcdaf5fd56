import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../api/work-orders';
import { CodeLabel } from '../../../components/code-label';
import { formatDateTime } from '../../../lib/format';
import { localized } from '../../../lib/labels';

export function OrderSummary({ order }: { order: OrderDetail }) {
  const { t, i18n } = useTranslation();
  const c = order.customer;
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label={t('orders.fields.customer')}>
        {c ? `${c.nameMasked} · ${c.phoneMasked ?? '—'}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.fields.address')}>
        {c?.address ? `${c.address.regionPath} ${c.address.detailMasked}` : order.regionPath}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.fields.type')}>
        <CodeLabel group="orders.types" code={order.orderType} />
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.fields.mode')}>
        <CodeLabel group="orders.modes" code={order.serviceMode} />
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.fields.channel')}>
        <CodeLabel group="orders.channels" code={order.channel} />
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.fields.category')}>
        {order.categoryName ? localized(order.categoryName, i18n.language) : order.categoryCode}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.fields.unit')}>
        {order.unit ? (
          <span>
            {order.unit.modelName ?? order.unit.modelCode}{' '}
            <Typography.Text type="secondary" className="mono">
              {order.unit.serialNumber}
            </Typography.Text>
          </span>
        ) : (
          '—'
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.fields.requestedAt')}>
        <span className="tabular">{formatDateTime(order.customerRequestedAt)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.fields.outlet')}>{order.outlet?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('orders.fields.engineer')}>{order.engineer?.name ?? '—'}</Descriptions.Item>
      {order.dispatchOverrideReason ? (
        <Descriptions.Item label={t('orders.fields.overrideReason')} span="filled">
          {t('orders.fields.proposedOutlet')}: {order.proposedOutlet?.name ?? '—'} ·{' '}
          {order.dispatchOverrideReason}
        </Descriptions.Item>
      ) : null}
      {order.closingBasis ? (
        <Descriptions.Item label={t('orders.fields.closingBasis')}>
          <CodeLabel group="orders.closingBases" code={order.closingBasis} />
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('orders.fields.createdAt')}>
        <span className="tabular">{formatDateTime(order.createdAt)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('orders.fields.fault')} span="filled">
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {order.faultDescription}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}
