import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth-context';
import { ListEmpty } from '../../components/list-empty';
import { LoadError } from '../../components/load-error';
import { TableSkeleton } from '../../components/page-skeleton';
import { formatDateTime } from '../../lib/format';
import { actorName } from '../../lib/labels';
import { useApi } from '../../lib/use-api';
import { usePagedList } from '../../lib/use-paged-list';
import { useUrlParams } from '../../lib/use-url-params';
import { OutletSelect } from '../master/shared/outlet-select';
import { HOME_CHANNELS, PROGRAMME_PATHS } from './api';
import type { HomeArchive, HomeStatistics, PartyStatistics } from './api';
import {
  businessMonth,
  DisabledReason,
  formatPercent,
  isConflict,
  monthParam,
  pinProgrammeErrors,
  useIssueText,
  useProblemText,
  WhyPopover,
} from './programme-bits';

interface Row {
  key: string;
  label: string;
  customer: ReactNode;
  worker: ReactNode;
}

/** The month's statistics table (月度统计表): one column per party. */
export function StatisticsTable({
  customer,
  worker,
  policyVersion,
}: {
  customer: PartyStatistics;
  worker: PartyStatistics;
  policyVersion: number;
}) {
  const { t } = useTranslation();
  const satisfaction = (stats: PartyStatistics) => (
    <Space size={4}>
      <span className="tabular">{formatPercent(stats.satisfaction)}</span>
      <WhyPopover title={t('callbackProgrammes.stats.satisfactionWhy')}>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('callbackProgrammes.stats.satisfactionRule', {
            satisfied: stats.satisfied,
            asked: stats.asked,
            done: stats.done,
          })}
        </Typography.Paragraph>
        <div className="muted small">
          {t('callbackProgrammes.stats.policyLine', { version: policyVersion })}
        </div>
      </WhyPopover>
    </Space>
  );
  const count = (value: number) => <span className="tabular">{value}</span>;
  const rows: Row[] = [
    {
      key: 'due',
      label: t('callbackProgrammes.stats.due'),
      customer: count(customer.due),
      worker: count(worker.due),
    },
    {
      key: 'done',
      label: t('callbackProgrammes.stats.done'),
      customer: count(customer.done),
      worker: count(worker.done),
    },
    {
      key: 'onTime',
      label: t('callbackProgrammes.stats.onTime'),
      customer: count(customer.doneOnTime),
      worker: count(worker.doneOnTime),
    },
    {
      key: 'late',
      label: t('callbackProgrammes.stats.late'),
      customer: count(customer.doneLate),
      worker: count(worker.doneLate),
    },
    {
      key: 'outstanding',
      label: t('callbackProgrammes.stats.outstanding'),
      customer: count(customer.outstanding),
      worker: count(worker.outstanding),
    },
    {
      key: 'satisfaction',
      label: t('callbackProgrammes.stats.satisfaction'),
      customer: satisfaction(customer),
      worker: satisfaction(worker),
    },
    ...HOME_CHANNELS.map((channel) => ({
      key: `channel:${channel}`,
      label: t('callbackProgrammes.stats.byChannel', {
        channel: t(`callbackProgrammes.channels.${channel}`),
      }),
      customer: count(customer.byChannel[channel]),
      worker: count(worker.byChannel[channel]),
    })),
  ];
  const columns: TableColumnsType<Row> = [
    { title: t('callbackProgrammes.stats.metric'), dataIndex: 'label', key: 'label' },
    {
      title: t('callbackProgrammes.parties.customer'),
      dataIndex: 'customer',
      key: 'customer',
      align: 'right',
      width: '30%',
    },
    {
      title: t('callbackProgrammes.parties.worker'),
      dataIndex: 'worker',
      key: 'worker',
      align: 'right',
      width: '30%',
    },
  ];
  return <Table<Row> size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} />;
}

function ArchiveForm({ stats, onArchived }: { stats: HomeStatistics; onArchived: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const issueText = useIssueText();
  const [form] = Form.useForm<{ summary: string }>();
  const [error, setError] = useState<unknown>(null);
  const [pinned, setPinned] = useState(0);
  const problemText = useProblemText();
  const [saving, setSaving] = useState(false);
  const firstDay = dayjs(`${stats.month}-01`).add(1, 'month').format('YYYY-MM-DD');
  const blocked = stats.archived
    ? t('callbackProgrammes.archive.alreadyArchived', { month: stats.month })
    : !stats.monthOver
      ? t('callbackProgrammes.archive.notOver', { month: stats.month, date: firstDay })
      : stats.outletId !== null
        ? t('callbackProgrammes.archive.outletFiltered')
        : null;

  const archive = async (summary: string) => {
    setSaving(true);
    setError(null);
    try {
      await api.post<HomeArchive>(PROGRAMME_PATHS.homeArchives, { month: stats.month, summary });
      void message.success(t('callbackProgrammes.archive.done', { month: stats.month }));
      form.resetFields();
      onArchived();
    } catch (caught) {
      if (isConflict(caught)) {
        void message.warning(t('callbackProgrammes.archive.alreadyArchived', { month: stats.month }));
        onArchived();
        return;
      }
      setError(caught);
      setPinned(pinProgrammeErrors(form, caught, ['summary'], issueText));
    } finally {
      setSaving(false);
    }
  };

  const onFinish = ({ summary }: { summary: string }) =>
    // An archive holds the figures as they are now and cannot be redone.
    modal.confirm({
      title: t('callbackProgrammes.archive.confirmTitle', { month: stats.month }),
      content: t('callbackProgrammes.archive.confirmBody'),
      okText: t('callbackProgrammes.archive.submit'),
      cancelText: t('common.cancel'),
      onOk: () => archive(summary.trim()),
    });

  const button = (
    <Button
      type="primary"
      htmlType="submit"
      icon={<InboxOutlined />}
      loading={saving}
      disabled={blocked !== null}
    >
      {t('callbackProgrammes.archive.submitMonth', { month: stats.month })}
    </Button>
  );

  return (
    <Form<{ summary: string }> form={form} layout="vertical" disabled={saving} onFinish={onFinish}>
      {error ? (
        <Alert type="error" showIcon title={problemText(error, pinned)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        label={t('callbackProgrammes.archive.summary')}
        name="summary"
        rules={[
          { required: true, whitespace: true, message: t('callbackProgrammes.archive.summaryRequired') },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 12 }}
          maxLength={20000}
          showCount
          placeholder={t('callbackProgrammes.archive.summaryPlaceholder')}
          disabled={blocked !== null}
        />
      </Form.Item>
      {blocked ? (
        <Space wrap>
          <DisabledReason reason={blocked}>{button}</DisabledReason>
          <Typography.Text type="secondary">{blocked}</Typography.Text>
        </Space>
      ) : (
        button
      )}
    </Form>
  );
}

function ArchiveList({ refreshKey }: { refreshKey: number }) {
  const { t } = useTranslation();
  const list = usePagedList<HomeArchive>(PROGRAMME_PATHS.homeArchives, {});
  const { reload } = list;
  useEffect(() => {
    if (refreshKey > 0) reload();
  }, [refreshKey, reload]);
  const party = (stats: PartyStatistics) => (
    <span className="tabular">
      {stats.done}/{stats.due} · {formatPercent(stats.satisfaction)}
    </span>
  );
  const columns: TableColumnsType<HomeArchive> = [
    {
      title: t('callbackProgrammes.common.month'),
      dataIndex: 'month',
      key: 'month',
      width: 90,
      render: (month: string) => <span className="tabular">{month}</span>,
    },
    {
      title: (
        <Tooltip title={t('callbackProgrammes.archive.cellHint')}>
          {t('callbackProgrammes.parties.customer')}
        </Tooltip>
      ),
      key: 'customer',
      render: (_, row) => party(row.statistics.customer),
    },
    {
      title: (
        <Tooltip title={t('callbackProgrammes.archive.cellHint')}>
          {t('callbackProgrammes.parties.worker')}
        </Tooltip>
      ),
      key: 'worker',
      render: (_, row) => party(row.statistics.worker),
    },
  ];
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  if (list.loading && !list.data) return <TableSkeleton rows={4} />;
  return (
    <Table<HomeArchive>
      size="small"
      rowKey="month"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={list.loading}
      pagination={list.pagination}
      expandable={{
        expandedRowRender: (row) => (
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <Typography.Text type="secondary" className="small">
                {t('callbackProgrammes.archive.archivedLine', {
                  name: actorName(t, row.archivedBy),
                  at: formatDateTime(row.archivedAt),
                })}
              </Typography.Text>
            </Col>
            <Col span={24}>
              <Typography.Text strong>{t('callbackProgrammes.archive.summary')}</Typography.Text>
              <Typography.Paragraph className="programme-summary-text">{row.summary}</Typography.Paragraph>
            </Col>
            <Col span={24}>
              <StatisticsTable
                customer={row.statistics.customer}
                worker={row.statistics.worker}
                policyVersion={row.statistics.policyVersion}
              />
            </Col>
          </Row>
        ),
      }}
      locale={{
        emptyText: (
          <ListEmpty filtered={false} empty={t('callbackProgrammes.archive.empty')} emptyFiltered={null} />
        ),
      }}
    />
  );
}

/** CB-8 monthly statistics per party, the written summary and the archive (资料归档). */
export function HomeStatisticsTab() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const { get, update } = useUrlParams();
  const currentMonth = businessMonth();
  const month = monthParam(get('month'), currentMonth);
  const outletId = get('outletId');
  const allOutlets = me?.scope.kind !== 'outlet';
  // Archives cover every outlet and are kept by the service center (HQ scope only).
  const hq = me?.scope.kind === 'all';
  const [tick, setTick] = useState(0);
  const stats = useApi(`home-stats:${month}:${outletId}:${tick}`, (signal) =>
    api.get<HomeStatistics>(PROGRAMME_PATHS.homeStatistics, { month, outletId }, { signal }),
  );
  const current = stats.data && stats.data.month === month ? stats.data : undefined;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={hq ? 14 : 24}>
        <div className="filter-bar">
          <DatePicker
            picker="month"
            format="YYYY-MM"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            disabledDate={(value) => value.format('YYYY-MM') > currentMonth}
            onChange={(value) =>
              update({
                month: value && value.format('YYYY-MM') !== currentMonth ? value.format('YYYY-MM') : null,
              })
            }
            aria-label={t('callbackProgrammes.common.month')}
          />
          {allOutlets ? (
            <OutletSelect
              allowClear
              value={outletId || undefined}
              placeholder={t('callbackProgrammes.common.allOutlets')}
              onChange={(value) => update({ outletId: value ?? null })}
              style={{ width: 240 }}
            />
          ) : null}
          {current ? (
            <Space size={4}>
              {current.monthOver ? (
                <Tag>{t('callbackProgrammes.stats.monthOver')}</Tag>
              ) : (
                <Tag color="processing">{t('callbackProgrammes.stats.monthRunning')}</Tag>
              )}
              {current.archived ? <Tag color="success">{t('callbackProgrammes.stats.archived')}</Tag> : null}
            </Space>
          ) : null}
        </div>
        {stats.error ? (
          <LoadError error={stats.error} onRetry={stats.reload} />
        ) : !current ? (
          <TableSkeleton rows={10} />
        ) : (
          <StatisticsTable
            customer={current.customer}
            worker={current.worker}
            policyVersion={current.policyVersion}
          />
        )}
      </Col>
      {hq ? (
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {can('home.write') ? (
              <Card size="small" title={t('callbackProgrammes.archive.title')}>
                {current ? (
                  <ArchiveForm
                    key={`${current.month}:${String(current.archived)}`}
                    stats={current}
                    onArchived={() => setTick((v) => v + 1)}
                  />
                ) : (
                  <TableSkeleton rows={4} />
                )}
              </Card>
            ) : null}
            <Card size="small" title={t('callbackProgrammes.archive.listTitle')}>
              <ArchiveList refreshKey={tick} />
            </Card>
          </Space>
        </Col>
      ) : null}
    </Row>
  );
}
