import { useState } from 'react';
import { App, Button, Empty, Flex, Segmented, Skeleton, Space, Typography } from 'antd';
import {
  AimOutlined,
  CheckOutlined,
  EnvironmentOutlined,
  FormOutlined,
  PhoneOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CustomerReveal } from '../../api/master-data';
import type { EngineerJobs, OrderCard, OrderDetail } from '../../api/work-orders';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { errorMessage } from '../../lib/errors';
import { useApi } from '../../lib/use-api';
import type { FieldOrder } from '../orders/field/field-api';
import { fieldOrderOf, orderPath } from '../orders/field/field-api';
import { allows, fieldRules, mayRecordResult } from '../orders/field/field-rules';
import { PartRequestModal } from '../orders/field/part-forms';
import { ResultModal } from '../orders/field/result-form';
import { OrderCardView } from '../orders/shared/order-card';
import { CompleteModal } from './complete-modal';

type JobForm = 'result' | 'part' | 'complete';

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

/**
 * One job with thumb-sized buttons for what the engineer does on it now: call, navigate, arrive (start the
 * visit), record an outcome, request a part, complete with notes and photos. Each form reads the order
 * first, so it sends the version it saw.
 */
function JobCard({ card, onChanged }: { card: OrderCard; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [form, setForm] = useState<{ kind: JobForm; order: FieldOrder } | null>(null);

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
  const load = () => api.get<OrderDetail>(orderPath(card.orderId));
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
      const order = await load();
      await api.post(orderPath(card.orderId, 'start-visit'), { version: order.version });
      void message.success(t('orderField.engineer.startedVisit'));
      onChanged();
    });
  const open = (kind: JobForm) =>
    run(kind, async () => {
      setForm({ kind, order: fieldOrderOf(await load()) });
    });
  const close = () => setForm(null);
  const done = (text: string) => () => {
    setForm(null);
    void message.success(text);
    onChanged();
  };
  // A stale version: read the order again so the next try sends the current one.
  const restale = () =>
    void load()
      .then((order) => setForm((f) => (f ? { ...f, order: fieldOrderOf(order) } : f)))
      .catch(() => undefined);

  const status = card.status;
  return (
    <>
      <OrderCardView
        card={card}
        footer={
          <Flex gap={8} wrap className="job-buttons">
            <Button
              size="large"
              icon={<PhoneOutlined />}
              loading={busy === 'call'}
              onClick={() => void call()}
            >
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
            {allows(fieldRules.startVisit, status) ? (
              <Button
                size="large"
                type="primary"
                icon={<AimOutlined />}
                loading={busy === 'arrive'}
                onClick={() => void arrive()}
              >
                {t('engineerJobs.arrived')}
              </Button>
            ) : null}
            {mayRecordResult(status) ? (
              <Button
                size="large"
                icon={<FormOutlined />}
                loading={busy === 'result'}
                onClick={() => void open('result')}
              >
                {t('orderField.engineer.recordResult')}
              </Button>
            ) : null}
            {allows(fieldRules.requestPart, status) ? (
              <Button
                size="large"
                icon={<ToolOutlined />}
                loading={busy === 'part'}
                onClick={() => void open('part')}
              >
                {t('orderField.engineer.requestPart')}
              </Button>
            ) : null}
            {allows(fieldRules.complete, status) ? (
              <Button
                size="large"
                type="primary"
                icon={<CheckOutlined />}
                loading={busy === 'complete'}
                onClick={() => void open('complete')}
              >
                {t('engineerJobs.complete')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      {form?.kind === 'result' ? (
        <ResultModal
          order={form.order}
          open
          initialCode={status === 'in_progress' ? 'AWAITING_PARTS' : undefined}
          onClose={close}
          onDone={done(t('orderField.engineer.recorded'))}
          onStale={restale}
        />
      ) : null}
      {form?.kind === 'part' ? (
        <PartRequestModal
          order={form.order}
          open
          onClose={close}
          onDone={done(t('orderField.engineer.recorded'))}
        />
      ) : null}
      <CompleteModal
        order={form?.kind === 'complete' ? form.order : null}
        onClose={close}
        onDone={done(t('orderField.engineer.completed'))}
        onStale={restale}
      />
    </>
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
          {data.otherDays.length > 0 ? (
            <Typography.Title level={5}>{t('engineerJobs.otherDays')}</Typography.Title>
          ) : null}
          {data.otherDays.map((card) => (
            <JobCard key={card.orderId} card={card} onChanged={reload} />
          ))}
        </Space>
      ) : null}
    </div>
  );
}
