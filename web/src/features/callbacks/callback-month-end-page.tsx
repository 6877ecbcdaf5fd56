import { Link } from 'react-router';
import { Alert, Card, Col, DatePicker, Row, Space, Statistic, Table, Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { MonthEnd } from '../../api/callbacks';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { TableSkeleton } from '../../components/page-skeleton';
import { businessWallClockNow, formatDateTime, formatRatio } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useUrlParams } from '../../lib/use-url-params';
import './callbacks.css';

type OpenTask = MonthEnd['open'][number];
type OutletRow = MonthEnd['byOutlet'][number];

/** CB-2 月清月毕: of the month's callback tasks, how many were cleared in the month, and what is still open. */
export function CallbackMonthEndPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { get, update } = useUrlParams();
  const month = get('month') || businessWallClockNow().format('YYYY-MM');
  const { data, error, loading, reload } = useApi(`callback-month-end:${month}`, (signal) =>
    api.get<MonthEnd>('/api/callbacks/month-end', { month }, { signal }),
  );
  const outletName = (id: string) => data?.byOutlet.find((o) => o.outletId === id)?.outletName ?? id;
  const open = data ? data.total - data.clearedInMonth - data.clearedLate : 0;
  // Outlets that still owe callbacks come first: that is who the supervisor chases before the month ends.
  const outlets = [...(data?.byOutlet ?? [])].sort(
    (a, b) => b.overdue - a.overdue || b.open - a.open || a.outletName.localeCompare(b.outletName, 'zh-CN'),
  );

  return (
    <>
      <PageHeader
        title={t('callbacks.monthEnd.title')}
        subtitle={t('callbacks.monthEnd.subtitle')}
        extra={
          <DatePicker
            picker="month"
            allowClear={false}
            aria-label={t('callbacks.monthEnd.month')}
            value={dayjs(`${month}-01`)}
            onChange={(value) => update({ month: value ? value.format('YYYY-MM') : null })}
          />
        }
      />
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {data ? (
        <>
          {data.monthOver && open > 0 ? (
            <Alert
              type="error"
              showIcon
              className="callback-month-over"
              title={t('callbacks.monthEnd.monthOver')}
            />
          ) : (
            <Typography.Paragraph type="secondary" className="tabular">
              {t('callbacks.monthEnd.monthRunning', { date: data.lastDate, at: formatDateTime(data.endsAt) })}
            </Typography.Paragraph>
          )}
          <Row gutter={[12, 12]} className="callback-counters">
            <Col xs={12} md={6} xl={4}>
              <Card size="small">
                <Statistic title={t('callbacks.monthEnd.total')} value={data.total} />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={5}>
              <Card size="small">
                <Statistic title={t('callbacks.monthEnd.clearedInMonth')} value={data.clearedInMonth} />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={5}>
              <Card size="small">
                <Statistic title={t('callbacks.monthEnd.clearedLate')} value={data.clearedLate} />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={5}>
              <Card size="small">
                <Statistic
                  title={t('callbacks.monthEnd.open')}
                  value={open}
                  styles={{ content: { color: open > 0 ? token.colorWarning : undefined } }}
                />
              </Card>
            </Col>
            <Col xs={24} md={24} xl={5}>
              <Card size="small">
                <Statistic
                  title={t('callbacks.monthEnd.clearedShare')}
                  value={data.clearedShare === null ? '—' : formatRatio(data.clearedShare)}
                />
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={10}>
          <Card title={t('callbacks.monthEnd.byOutlet')} className="callback-month-card">
            {!data && loading ? (
              <TableSkeleton />
            ) : (
              <Table<OutletRow>
                rowKey="outletId"
                size="small"
                loading={loading}
                dataSource={outlets}
                pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
                locale={{ emptyText: t('callbacks.monthEnd.emptyOutlets') }}
                columns={[
                  { title: t('callbacks.monthEnd.columns.outlet'), dataIndex: 'outletName' },
                  {
                    title: t('callbacks.monthEnd.columns.total'),
                    dataIndex: 'total',
                    align: 'right',
                    render: (n: number) => <span className="tabular">{n}</span>,
                  },
                  {
                    title: t('callbacks.monthEnd.columns.open'),
                    dataIndex: 'open',
                    align: 'right',
                    render: (n: number) => (
                      <Typography.Text type={n > 0 ? 'warning' : undefined} className="tabular">
                        {n}
                      </Typography.Text>
                    ),
                  },
                  {
                    title: t('callbacks.monthEnd.columns.overdue'),
                    dataIndex: 'overdue',
                    align: 'right',
                    render: (n: number) => (
                      <Typography.Text type={n > 0 ? 'danger' : undefined} className="tabular">
                        {n}
                      </Typography.Text>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xxl={14}>
          <Card title={t('callbacks.monthEnd.openTasks')} className="callback-month-card">
            {!data && loading ? (
              <TableSkeleton />
            ) : (
              <Table<OpenTask>
                rowKey="taskId"
                size="small"
                loading={loading}
                dataSource={data?.open ?? []}
                pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
                scroll={{ x: 640 }}
                locale={{ emptyText: t('callbacks.monthEnd.emptyOpen') }}
                columns={[
                  {
                    title: t('callbacks.monthEnd.columns.order'),
                    dataIndex: 'orderNumber',
                    render: (number: string, task) => (
                      <Link to={`/callbacks/${task.taskId}`} className="mono tabular">
                        {number}
                      </Link>
                    ),
                  },
                  {
                    title: t('callbacks.monthEnd.columns.outlet'),
                    dataIndex: 'outletId',
                    render: (id: string) => outletName(id),
                  },
                  {
                    title: t('callbacks.monthEnd.columns.caller'),
                    dataIndex: 'caller',
                    render: (caller: OpenTask['caller']) => t(`callbacks.callers.${caller}`),
                  },
                  {
                    title: t('callbacks.monthEnd.columns.due'),
                    dataIndex: 'dueAt',
                    render: (at: string, task) => (
                      <Typography.Text type={task.overdue ? 'danger' : undefined} className="tabular">
                        {formatDateTime(at)}
                      </Typography.Text>
                    ),
                  },
                  {
                    title: t('callbacks.monthEnd.columns.state'),
                    key: 'state',
                    render: (_, task) => (
                      <Space size={4} wrap>
                        {task.overdue ? <Tag color="red">{t('callbacks.queue.overdue')}</Tag> : null}
                        {task.dueAfterMonthEnd ? (
                          <Tag color="orange">{t('callbacks.monthEnd.dueAfterMonthEnd')}</Tag>
                        ) : null}
                      </Space>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
