import { Empty, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { ContactRecord, TimelineEntry } from '../../../api/work-orders';
import { CodeLabel } from '../../../components/code-label';
import { LoadError } from '../../../components/load-error';
import { formatDateTime } from '../../../lib/format';
import { actorName, localized } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';

const orderPath = (id: string, tail: string) => `/api/work-orders/${encodeURIComponent(id)}/${tail}`;

/** Every event as a sentence in the UI language. */
export function OrderTimeline({ orderId, refresh }: { orderId: string; refresh: string | number }) {
  const { t, i18n } = useTranslation();
  const { data, error } = useApi(`timeline:${orderId}:${refresh}`, (signal) =>
    api.get<{ items: TimelineEntry[] }>(orderPath(orderId, 'timeline'), undefined, { signal }),
  );
  if (error) return <LoadError error={error} />;
  if (!data) return <Skeleton active />;
  if (data.items.length === 0) return <Empty description={t('orders.detail.timelineEmpty')} />;
  return (
    <Timeline
      items={data.items.map((entry) => ({
        key: entry.id,
        content: (
          <div>
            <Typography.Text strong>{localized(entry.label, i18n.language)}</Typography.Text>{' '}
            <Typography.Text type="secondary" className="tabular small">
              {formatDateTime(entry.at)} · {actorName(t, entry.actor)}
            </Typography.Text>
            <div>{localized(entry.text, i18n.language)}</div>
          </div>
        ),
      }))}
    />
  );
}

/** WO-8 repeat contacts with their trip assessment. */
export function OrderContacts({ orderId, refresh }: { orderId: string; refresh: string | number }) {
  const { t } = useTranslation();
  const { data, error, loading } = useApi(`contacts:${orderId}:${refresh}`, (signal) =>
    api.get<{ items: ContactRecord[] }>(orderPath(orderId, 'contacts'), undefined, { signal }),
  );
  if (error) return <LoadError error={error} />;
  return (
    <Table<ContactRecord>
      rowKey="id"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('orders.detail.contactsEmpty') }}
      columns={[
        {
          title: t('orders.fields.createdAt'),
          dataIndex: 'at',
          render: (at: string) => <span className="tabular">{formatDateTime(at)}</span>,
        },
        {
          title: t('orders.fields.channel'),
          dataIndex: 'channel',
          render: (code: string) => <CodeLabel group="orders.channels" code={code} />,
        },
        {
          title: t('orders.intake.contactReason'),
          dataIndex: 'reason',
          render: (code: string) => <CodeLabel group="orders.contactReasons" code={code} />,
        },
        {
          title: t('orders.detail.reason'),
          key: 'trip',
          render: (_, c) =>
            c.trip && c.tripCause ? (
              <Tag color="red">
                <CodeLabel group="orders.tripCauses" code={c.tripCause} />
              </Tag>
            ) : (
              <Tag>{t('orders.intake.tripNo')}</Tag>
            ),
        },
      ]}
    />
  );
}
