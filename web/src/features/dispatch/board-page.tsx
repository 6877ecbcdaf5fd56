import { useCallback, useState } from 'react';
import { Alert, Badge, Col, Empty, Row, Skeleton, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ACTION_BUCKETS, BOARD_BUCKETS } from '../../api/work-orders';
import type { ActionBucket, DispatchBoardWithActions } from '../../api/work-orders';
import { useAuth } from '../../app/auth-context';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { businessDayStartIso } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { OrderCardView } from '../orders/shared/order-card';
import { BulkActionBar } from './bulk-action-bar';
import type { BulkOutcome } from './bulk-action-bar';
import { BulkOutcomeList } from './bulk-outcome';
import { NewWorkColumn } from './new-work-column';
import { ReportTab } from './report-tab';

type Selection = Record<ActionBucket, ReadonlySet<string>>;
const NOTHING: Selection = { toAccept: new Set(), toAssign: new Set() };

function Board() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { data, error, reload } = useApi('dispatch-board', (signal) =>
    api.get<DispatchBoardWithActions>('/api/dispatch/board', undefined, { signal }),
  );
  const [selection, setSelection] = useState<Selection>(NOTHING);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const may: Record<ActionBucket, boolean> = { toAccept: can('order.accept'), toAssign: can('order.assign') };

  const toggle = useCallback((bucket: ActionBucket, ids: string[], checked: boolean) => {
    setSelection((current) => {
      const next = new Set(current[bucket]);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return { ...current, [bucket]: next };
    });
  }, []);

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Skeleton active paragraph={{ rows: 6 }} />;

  // Only cards still on the board count: a reload may have moved a selected order on.
  const selectedCards = (bucket: ActionBucket) =>
    data.buckets[bucket].cards.filter((card) => selection[bucket].has(card.orderId));

  const done = (result: BulkOutcome) => {
    setOutcome(result);
    const failed = new Set(result.result.results.filter((r) => !r.ok).map((r) => r.orderId));
    // Failed orders stay ticked so the dispatcher can retry them on the reloaded board.
    setSelection((current) => ({
      ...current,
      [result.bucket]: new Set([...current[result.bucket]].filter((id) => failed.has(id))),
    }));
    reload();
  };

  const todayStart = businessDayStartIso(data.today);
  const acting = ACTION_BUCKETS.some((bucket) => may[bucket]);

  return (
    <>
      {data.truncated ? (
        <Alert type="warning" showIcon title={t('dispatch.truncated')} style={{ marginBottom: 12 }} />
      ) : null}
      <Typography.Title level={5} className="section-title" style={{ marginTop: 0 }}>
        {t('dispatch.newWork')}
      </Typography.Title>
      {/* The action bar sticks only while the new-work section is in view. */}
      <section className="new-work">
        {acting ? (
          <BulkActionBar
            accept={may.toAccept ? selectedCards('toAccept') : null}
            assign={may.toAssign ? selectedCards('toAssign') : null}
            onClear={() => setSelection(NOTHING)}
            onDone={done}
          />
        ) : null}
        {outcome ? <BulkOutcomeList outcome={outcome} onClose={() => setOutcome(null)} /> : null}
        <Row gutter={[12, 12]} className="board-columns">
          {ACTION_BUCKETS.map((bucket) => (
            <Col key={bucket} xs={24} lg={12}>
              <NewWorkColumn
                bucket={bucket}
                column={data.buckets[bucket]}
                todayStart={todayStart}
                selected={may[bucket] ? selection[bucket] : undefined}
                onToggle={may[bucket] ? (ids, checked) => toggle(bucket, ids, checked) : undefined}
              />
            </Col>
          ))}
        </Row>
      </section>
      <Typography.Title level={5} className="section-title">
        {t('dispatch.watchBoard')}
      </Typography.Title>
      <Row gutter={[12, 12]} className="board-columns">
        {BOARD_BUCKETS.map((bucket) => {
          const column = data.buckets[bucket];
          const cards = [...column.cards].sort((a, b) => Number(b.overdue) - Number(a.overdue));
          return (
            // Four abreast only on wide screens: a card's SLA line does not wrap, and needs ~300px in English.
            <Col key={bucket} xs={24} md={12} xxl={6}>
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

/**
 * The dispatcher's workbench: new work to accept and to assign first (WO-9), with bulk actions; then the
 * WO-15 buckets with counts, overdue first; start-of-day and backlog beside.
 */
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
