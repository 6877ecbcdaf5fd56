import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { App, Card, Flex, Space, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth-context';
import type { OrderDetail } from '../../../api/work-orders';
import { codeText } from '../../../components/code-label';
import { LoadError } from '../../../components/load-error';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useApi } from '../../../lib/use-api';
import { OrderCallbackTab } from '../../callbacks/order-callback-tab';
import { SlaBadge } from '../shared/sla-badge';
import { StatusTag } from '../shared/order-tags';
import { ActionModal } from './action-modal';
import { fieldTabItems, useFieldData } from './field-tabs';
import { OrderActions } from './order-actions';
import { OrderContacts, OrderTimeline } from './order-records';
import { OrderSummary } from './order-summary';

/** Header with number, status, SLA and the actions allowed now; below, summary and records (UI.md). */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const [tick, setTick] = useState(0);
  const [action, setAction] = useState<string | null>(null);
  // The open tab is in the URL (?tab=parts) so a link can point at it and a reload keeps it.
  const [params, setParams] = useSearchParams();
  const fieldData = useFieldData(id, tick);
  const refresh = () => setTick((value) => value + 1);
  const {
    data: order,
    error,
    reload,
  } = useApi(`order:${id}:${tick}`, (signal) =>
    api.get<OrderDetail>(`/api/work-orders/${encodeURIComponent(id)}`, undefined, { signal }),
  );
  if (error && !order) return <LoadError error={error} onRetry={reload} />;
  if (!order) return <PageSkeleton />;

  return (
    <>
      <Link to="/orders" className="back-link">
        <ArrowLeftOutlined /> {t('orders.detail.back')}
      </Link>
      <Card className="order-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Space orientation="vertical" size={6}>
            <Space size={12} wrap align="center">
              <Typography.Title level={3} copyable className="mono" style={{ margin: 0 }}>
                {order.number}
              </Typography.Title>
              <StatusTag status={order.status} />
              <SlaBadge orderId={order.id} sla={order.sla} />
            </Space>
            <Typography.Text type="secondary">
              {order.regionPath} · {order.outlet?.name ?? '—'}
            </Typography.Text>
          </Space>
          <OrderActions actions={order.actions} onPick={setAction} />
        </Flex>
      </Card>
      <Card style={{ marginTop: 16 }}>
        <Tabs
          activeKey={params.get('tab') ?? 'summary'}
          onChange={(key) =>
            setParams(
              (previous) => {
                const next = new URLSearchParams(previous);
                if (key === 'summary') next.delete('tab');
                else next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={[
            { key: 'summary', label: t('orders.detail.summary'), children: <OrderSummary order={order} /> },
            {
              key: 'timeline',
              label: t('orders.detail.timeline'),
              children: <OrderTimeline orderId={order.id} refresh={tick} />,
            },
            {
              key: 'contacts',
              label: t('orders.detail.contacts'),
              children: <OrderContacts orderId={order.id} refresh={tick} />,
            },
            ...fieldTabItems({
              t,
              order,
              data: fieldData,
              canField: can('order.field'),
              onChanged: () => {
                void message.success(t('common.saved'));
                refresh();
              },
              onReload: refresh,
            }),
            ...(can('callback.read')
              ? [
                  {
                    key: 'callback',
                    label: t('callbacks.orderCard.tab'),
                    children: <OrderCallbackTab orderId={order.id} refresh={tick} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ActionModal
        order={order}
        action={action}
        onClose={() => setAction(null)}
        onDone={() => {
          void message.success(
            t('orders.detail.actionDone', { action: codeText('orders.actions', action ?? '') }),
          );
          setAction(null);
          refresh();
        }}
      />
    </>
  );
}
