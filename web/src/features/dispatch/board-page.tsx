import { Alert, Badge, Col, Empty, Row, Skeleton, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { BOARD_BUCKETS } from '../../api/work-orders';
import type { DispatchBoard } from '../../api/work-orders';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useApi } from '../../lib/use-api';
import { OrderCardView } from '../orders/shared/order-card';
import { ReportTab } from './report-tab';

function Board() {
  const { t } = useTranslation();
  const { data, error, reload } = useApi('dispatch-board', (signal) =>
    api.get<DispatchBoard>('/api/dispatch/board', undefined, { signal }),
  );
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <>
      {data.truncated ? (
        <Alert type="warning" showIcon title={t('dispatch.truncated')} style={{ marginBottom: 12 }} />
      ) : null}
      <Row gutter={[12, 12]} className="board-columns">
        {BOARD_BUCKETS.map((bucket) => {
          const column = data.buckets[bucket];
          const cards = [...column.cards].sort((a, b) => Number(b.overdue) - Number(a.overdue));
          return (
            <Col key={bucket} xs={24} md={12} xl={6}>
              <div className="board-column">
                <Space className="board-column-title" size={8}>
                  <Typography.Text strong>{t(`dispatch.buckets.${bucket}`)}</Typography.Text>
                  <Badge count={column.count} showZero color="#1677ff" />
                  {column.overdue > 0 ? (
                    <Typography.Text type="danger" className="small">
                      {t('dispatch.overdue', { count: column.overdue })}
                    </Typography.Text>
                  ) : null}
                </Space>
                {cards.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dispatch.empty')} />
                ) : (
                  <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                    {cards.map((card) => (
                      <OrderCardView key={card.orderId} card={card} />
                    ))}
                  </Space>
                )}
              </div>
            </Col>
          );
        })}
      </Row>
    </>
  );
}

/** The dispatcher's workbench: WO-15 buckets with counts, overdue first; start-of-day and backlog beside. */
export function DispatchBoardPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('dispatch.title')} />
      <Tabs
        items={[
          { key: 'board', label: t('dispatch.tabs.board'), children: <Board /> },
          {
            key: 'start',
            label: t('dispatch.tabs.startOfDay'),
            children: <ReportTab path="/api/dispatch/start-of-day" />,
          },
          {
            key: 'backlog',
            label: t('dispatch.tabs.backlog'),
            children: <ReportTab path="/api/dispatch/backlog" />,
          },
        ]}
      />
    </>
  );
}
