import { Link } from 'react-router';
import { Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { SimpleList as List } from '../../components/simple-list';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { CodeLabel } from '../../components/code-label';
import { LoadError } from '../../components/load-error';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';

type Row = Record<string, unknown>;
const SECTIONS = ['contactNow', 'repeatContacts', 'items'] as const;

const text = (row: Row, key: string): string | null =>
  typeof row[key] === 'string' ? String(row[key]) : null;

function ReportRow({ row }: { row: Row }) {
  const orderId = text(row, 'orderId') ?? text(row, 'id');
  const number = text(row, 'number');
  const reason = text(row, 'reason');
  const cause = text(row, 'cause') ?? text(row, 'tripCause');
  const status = text(row, 'status');
  const at = text(row, 'contactAt') ?? text(row, 'at') ?? text(row, 'createdAt');
  return (
    <List.Item>
      <Space size={8} wrap>
        {orderId && number ? (
          <Link to={`/orders/${orderId}`} className="mono">
            {number}
          </Link>
        ) : null}
        {status ? <CodeLabel group="orders.statuses" code={status} /> : null}
        {reason ? <CodeLabel group="orders.contactReasons" code={reason} /> : null}
        {cause ? (
          <Tag color="red">
            <CodeLabel group="orders.tripCauses" code={cause} />
          </Tag>
        ) : null}
        {at ? (
          <Typography.Text type="secondary" className="tabular">
            {formatDateTime(at)}
          </Typography.Text>
        ) : null}
      </Space>
    </List.Item>
  );
}

/** Start-of-day and backlog reports: each list of orders as a short linked list. */
export function ReportTab({ path }: { path: string }) {
  const { t } = useTranslation();
  const { data, error } = useApi(path, (signal) => api.get<Row>(path, undefined, { signal }));
  if (error) return <LoadError error={error} />;
  if (!data) return <Skeleton active />;
  const sections = SECTIONS.filter((key) => Array.isArray(data[key]));
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {sections.map((key) => {
        const rows = (data[key] as unknown[]).filter((r): r is Row => typeof r === 'object' && r !== null);
        return (
          <Card key={key} size="small" title={`${t(`dispatch.sections.${key}`)} (${rows.length})`}>
            {rows.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.detail.listEmpty')} />
            ) : (
              <List size="small" dataSource={rows} renderItem={(row) => <ReportRow row={row} />} />
            )}
          </Card>
        );
      })}
    </Space>
  );
}
