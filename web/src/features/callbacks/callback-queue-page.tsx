import { Link, useNavigate } from 'react-router';
import {
  Button,
  Card,
  DatePicker,
  Flex,
  Grid,
  Input,
  Pagination,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CALLERS, QUEUE_VIEWS, TASK_STATUSES } from '../../api/callbacks';
import type { QueueItem, QueueView } from '../../api/callbacks';
import { useMe } from '../../app/auth-context';
import { ListEmpty } from '../../components/list-empty';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { TableSkeleton } from '../../components/page-skeleton';
import { SimpleList } from '../../components/simple-list';
import { formatDateTime } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import { useUrlParams } from '../../lib/use-url-params';
import { PlanReasonTag, TaskStatusTag, VerdictTag } from './callback-tags';
import './callbacks.css';

const isView = (value: string): value is QueueView => (QUEUE_VIEWS as readonly string[]).includes(value);

function ResultCell({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  return (
    <div className="stacked">
      <Space size={4} wrap>
        <TaskStatusTag status={item.status} />
        {item.verdict ? <VerdictTag verdict={item.verdict} /> : null}
      </Space>
      {item.finalAt ? (
        <Typography.Text type="secondary" className="small tabular">
          {t('callbacks.queue.finalSince', { at: formatDateTime(item.finalAt) })}
        </Typography.Text>
      ) : item.appealWindowClosesAt && item.status === 'judged' ? (
        <Typography.Text type="warning" className="small tabular">
          {t('callbacks.queue.windowUntil', { at: formatDateTime(item.appealWindowClosesAt) })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** One task as a card: on a phone the table's six columns would need sideways scrolling (UI.md). */
function QueueCard({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  return (
    <Link to={`/callbacks/${item.id}`} className="callback-queue-card">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <span className="mono tabular">{item.orderNumber}</span>
        {item.overdue ? <Tag color="red">{t('callbacks.queue.overdue')}</Tag> : null}
      </Flex>
      <Typography.Text type="secondary" className="small">
        {item.outletName} · {t('callbacks.queue.columns.due')} {formatDateTime(item.dueAt)}
      </Typography.Text>
      <ResultCell item={item} />
    </Link>
  );
}

/**
 * The callback desk (CB-3): the callback agent's workbench, overdue first; outlet users see their own
 * outlet's results here (the server filters by scope) and open a task to appeal.
 */
export function CallbackQueuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const outletUser = me.scope.kind === 'outlet';
  const { get, update } = useUrlParams();
  // Everyone starts on the calls due: outlets call back the orders HQ does not sample, and find results under "all".
  const requested = get('view');
  const view: QueueView = isView(requested) ? requested : 'due';
  const filters = { view, caller: get('caller'), status: get('status'), month: get('month'), q: get('q') };
  const list = usePagedList<QueueItem>('/api/callbacks/queue', filters);
  const set = (name: string, value: string | undefined) =>
    update({ [name]: value ?? null }, { resetPage: true });
  const filtered = Boolean(filters.caller || filters.status || filters.month || filters.q);
  const narrow = Grid.useBreakpoint().md === false;
  const empty = (
    <ListEmpty
      filtered={filtered}
      empty={t(`callbacks.queue.empty.${view}`)}
      emptyFiltered={t('callbacks.queue.empty.filtered')}
    />
  );

  return (
    <>
      <PageHeader
        title={t('callbacks.queue.title')}
        subtitle={outletUser ? t('callbacks.queue.subtitleOutlet') : t('callbacks.queue.subtitle')}
      />
      <Card className="callback-queue">
        <Tabs
          activeKey={view}
          onChange={(key) => update({ view: key, status: null }, { resetPage: true })}
          items={QUEUE_VIEWS.map((key) => ({ key, label: t(`callbacks.views.${key}`) }))}
        />
        <Flex gap={8} wrap className="filter-bar">
          <Input.Search
            key={filters.q}
            allowClear
            defaultValue={filters.q}
            placeholder={t('callbacks.queue.searchPlaceholder')}
            aria-label={t('callbacks.queue.searchPlaceholder')}
            style={{ width: 200 }}
            onSearch={(value) => set('q', value.trim() || undefined)}
          />
          <Select
            allowClear
            style={{ width: 170 }}
            placeholder={t('callbacks.queue.callerPlaceholder')}
            value={filters.caller || undefined}
            onChange={(value?: string) => set('caller', value)}
            options={CALLERS.map((code) => ({ value: code, label: t(`callbacks.callers.${code}`) }))}
          />
          {view === 'all' || view === 'mine' ? (
            <Select
              allowClear
              style={{ width: 150 }}
              placeholder={t('callbacks.queue.statusPlaceholder')}
              value={filters.status || undefined}
              onChange={(value?: string) => set('status', value)}
              options={TASK_STATUSES.map((code) => ({ value: code, label: t(`callbacks.statuses.${code}`) }))}
            />
          ) : null}
          <DatePicker
            picker="month"
            allowClear
            placeholder={t('callbacks.queue.monthPlaceholder')}
            value={filters.month ? dayjs(`${filters.month}-01`) : null}
            onChange={(value) => set('month', value ? value.format('YYYY-MM') : undefined)}
          />
          <Button
            onClick={() => update({ caller: null, status: null, month: null, q: null }, { resetPage: true })}
          >
            {t('common.clearFilters')}
          </Button>
        </Flex>
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        {narrow && !list.data ? (
          <TableSkeleton />
        ) : narrow ? (
          <>
            <SimpleList<QueueItem>
              dataSource={list.data?.items ?? []}
              rowKey={(item) => item.id}
              locale={{ emptyText: empty }}
              renderItem={(item) => (
                <SimpleList.Item>
                  <QueueCard item={item} />
                </SimpleList.Item>
              )}
            />
            <Pagination {...list.pagination} simple className="callback-queue-pager" />
          </>
        ) : (
          <Table<QueueItem>
            rowKey="id"
            size="middle"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            pagination={list.pagination}
            rowClassName={(item) => (item.overdue ? 'callback-row-overdue' : '')}
            onRow={(item) => ({
              onClick: () => void navigate(`/callbacks/${item.id}`),
              className: 'clickable-row',
            })}
            locale={{ emptyText: empty }}
            scroll={{ x: 1000 }}
            columns={[
              {
                title: t('callbacks.queue.columns.order'),
                dataIndex: 'orderNumber',
                render: (number: string, item) => (
                  <div className="stacked">
                    <Link
                      to={`/callbacks/${item.id}`}
                      className="mono tabular"
                      onClick={(e) => e.stopPropagation()}
                    >
                      {number}
                    </Link>
                    {item.lateEntry ? (
                      <span>
                        <Tag color="orange" variant="outlined">
                          {t('callbacks.queue.lateEntry')}
                        </Tag>
                      </span>
                    ) : null}
                  </div>
                ),
              },
              { title: t('callbacks.queue.columns.outlet'), dataIndex: 'outletName' },
              {
                title: t('callbacks.queue.columns.plan'),
                key: 'plan',
                render: (_, item) => (
                  <div className="stacked">
                    <span>
                      <PlanReasonTag reason={item.planReason} rounds={item.rounds} />
                    </span>
                    <Typography.Text type="secondary" className="small">
                      {t(`callbacks.callers.${item.caller}`)}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                title: t('callbacks.queue.columns.due'),
                dataIndex: 'dueAt',
                render: (at: string, item) => (
                  <div className="stacked">
                    <Typography.Text type={item.overdue ? 'danger' : undefined} className="tabular">
                      {formatDateTime(at)}
                    </Typography.Text>
                    {item.overdue ? (
                      <span>
                        <Tag color="red">{t('callbacks.queue.overdue')}</Tag>
                      </span>
                    ) : null}
                  </div>
                ),
              },
              {
                title: t('callbacks.queue.columns.attempts'),
                key: 'attempts',
                render: (_, item) => (
                  <div className="stacked">
                    <span>
                      {item.attemptCount > 0
                        ? t('callbacks.queue.attempts', { count: item.attemptCount })
                        : t('callbacks.queue.noAttempts')}
                    </span>
                    {item.lastAttemptAt ? (
                      <Typography.Text type="secondary" className="small tabular">
                        {t('callbacks.queue.lastAttempt', { at: formatDateTime(item.lastAttemptAt) })}
                      </Typography.Text>
                    ) : null}
                    {item.rounds > 1 ? (
                      <Typography.Text type="secondary" className="small">
                        {t('callbacks.queue.rounds', { answered: item.roundsAnswered, rounds: item.rounds })}
                      </Typography.Text>
                    ) : null}
                  </div>
                ),
              },
              {
                title: t('callbacks.queue.columns.result'),
                key: 'result',
                render: (_, item) => <ResultCell item={item} />,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
