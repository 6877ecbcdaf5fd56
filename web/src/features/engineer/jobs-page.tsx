import { useState } from 'react';
import { App, Button, Empty, Flex, Segmented, Skeleton, Space, Typography } from 'antd';
import { AimOutlined, CheckOutlined, EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CustomerReveal } from '../../api/master-data';
import type { EngineerJobs, OrderCard, OrderDetail } from '../../api/work-orders';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { errorMessage } from '../../lib/errors';
import { useApi } from '../../lib/use-api';
import { OrderCardView } from '../orders/shared/order-card';

/** The customer's number and address are personal data: revealed (audited) only when the engineer taps. */
async function revealFor(orderId: string): Promise<{ phone?: string; address?: string }> {
  const order = await api.get<OrderDetail>(`/api/work-orders/${encodeURIComponent(orderId)}`);
  if (!order.customer) return {};
  const reveal = await api.post<CustomerReveal>(
    `/api/customers/${encodeURIComponent(order.customer.id)}/reveal`,
  );
  const address = reveal.addresses.find((a) => a.id === order.customer?.address?.id)?.detail;
  return {
    phone: reveal.phones[0]?.number,
    address: address
      ? `${order.customer.address?.regionPath.replace(/ \/ /g, '') ?? ''}${address}`
      : undefined,
  };
}

function JobCard({ card, onChanged }: { card: OrderCard; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (what: string, job: () => Promise<void>) => {
    setBusy(what);
    try {
      await job();
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(null);
    }
  };
  const call = () =>
    run('call', async () => {
      const { phone } = await revealFor(card.orderId);
      if (phone) window.location.href = `tel:${phone}`;
    });
  const go = () =>
    run('nav', async () => {
      const { address } = await revealFor(card.orderId);
      if (address)
        window.open(`https://uri.amap.com/search?keyword=${encodeURIComponent(address)}`, '_blank');
    });
  const arrive = () =>
    run('arrive', async () => {
      const order = await api.get<OrderDetail>(`/api/work-orders/${encodeURIComponent(card.orderId)}`);
      await api.post(`/api/work-orders/${encodeURIComponent(card.orderId)}/start-visit`, {
        version: order.version,
      });
      onChanged();
    });

  return (
    <OrderCardView
      card={card}
      footer={
        <Flex gap={8} wrap className="job-buttons">
          <Button size="large" icon={<PhoneOutlined />} loading={busy === 'call'} onClick={() => void call()}>
            {t('engineerJobs.call')}
          </Button>
          <Button
            size="large"
            icon={<EnvironmentOutlined />}
            loading={busy === 'nav'}
            onClick={() => void go()}
          >
            {t('engineerJobs.navigate')}
          </Button>
          <Button
            size="large"
            type="primary"
            icon={<AimOutlined />}
            loading={busy === 'arrive'}
            onClick={() => void arrive()}
          >
            {t('engineerJobs.arrived')}
          </Button>
          <Button
            size="large"
            icon={<CheckOutlined />}
            onClick={() => void navigate(`/orders/${card.orderId}`)}
          >
            {t('engineerJobs.complete')}
          </Button>
        </Flex>
      }
    />
  );
}

/** Today's and tomorrow's jobs, one per card, thumb-sized buttons; built for a 375 px screen. */
export function EngineerJobsPage() {
  const { t } = useTranslation();
  const [day, setDay] = useState<'today' | 'tomorrow'>('today');
  const { data, error, reload } = useApi(`jobs:${day}`, (signal) =>
    api.get<EngineerJobs>('/api/engineer/jobs', { day }, { signal }),
  );
  return (
    <div className="engineer-jobs">
      <PageHeader title={t('engineerJobs.title')} subtitle={data?.date} />
      <Segmented
        block
        size="large"
        value={day}
        onChange={(value) => setDay(value === 'tomorrow' ? 'tomorrow' : 'today')}
        options={[
          { value: 'today', label: t('engineerJobs.today') },
          { value: 'tomorrow', label: t('engineerJobs.tomorrow') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {!data && !error ? <Skeleton active /> : null}
      {data ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {data.visits.length === 0 ? <Empty description={t('engineerJobs.empty')} /> : null}
          {data.visits.map((card) => (
            <JobCard key={card.orderId} card={card} onChanged={reload} />
          ))}
          {data.withoutWindow.length > 0 ? (
            <Typography.Title level={5}>{t('engineerJobs.withoutWindow')}</Typography.Title>
          ) : null}
          {data.withoutWindow.map((card) => (
            <JobCard key={card.orderId} card={card} onChanged={reload} />
          ))}
        </Space>
      ) : null}
    </div>
  );
}
