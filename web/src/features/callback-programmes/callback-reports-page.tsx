import type { ReactNode } from 'react';
import { App, Button, Card, Col, DatePicker, Empty, Row, Skeleton, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useApi } from '../../lib/use-api';
import { useUrlParams } from '../../lib/use-url-params';
import { useDuration } from '../orders/shared/order-tags';
import { OutletSelect } from '../master/shared/outlet-select';
import { PROGRAMME_PATHS, VERDICTS } from './api';
import type { CallbackMetrics, ReportSummary, Verdict } from './api';
import { ChartPanel, LineChart, MixBar, StackedBarChart } from './charts';
import { businessMonth, formatPercent, monthParam, WhyPopover } from './programme-bits';
import './programmes.css';

/** The server answers at most 24 months at a time. */
const MAX_MONTHS = 24;
const DEFAULT_MONTHS = 6;
const LINE_COLOR = '#1d4e89';
const VERDICT_COLORS: Record<Verdict, string> = {
  qualified: '#52c41a',
  unqualified: '#faad14',
  untrue: '#ff4d4f',
};

type OutletRow = ReportSummary['outlets'][number];
type MonthRow = ReportSummary['months'][number];

function useHours(): (hours: number | null) => string {
  const duration = useDuration();
  return (hours) => (hours === null ? '—' : duration(hours * 3_600_000));
}

function Kpi({
  title,
  value,
  foot,
  why,
}: {
  title: string;
  value: ReactNode;
  foot: ReactNode;
  why: ReactNode;
}) {
  return (
    <Card size="small" className="programme-kpi">
      <div className="programme-kpi-head">
        <span>{title}</span>
        <WhyPopover title={title}>{why}</WhyPopover>
      </div>
      <div className="programme-kpi-value">{value}</div>
      <div className="programme-kpi-foot">{foot}</div>
    </Card>
  );
}

/** A share shown as a percentage, with its rule and its fraction behind the "why". */
function RateKpi({
  title,
  rule,
  rate,
  numerator,
  denominator,
  foot,
  range,
}: {
  title: string;
  rule: string;
  rate: number | null;
  numerator: number;
  denominator: number;
  foot: ReactNode;
  range: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Kpi
      title={title}
      value={formatPercent(rate)}
      foot={foot}
      why={
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{rule}</Typography.Paragraph>
          <Typography.Text strong className="tabular">
            {t('callbackProgrammes.reports.fraction', { numerator, denominator, value: formatPercent(rate) })}
          </Typography.Text>
          {range}
        </>
      }
    />
  );
}

function KpiCards({ totals, range }: { totals: CallbackMetrics; range: string }) {
  const { t } = useTranslation();
  const hours = useHours();
  const { latency, appeals } = totals;
  const rangeLine = (
    <div className="muted small" style={{ marginTop: 8 }}>
      {range}
    </div>
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} sm={12} xl={6}>
        <RateKpi
          title={t('callbackProgrammes.reports.callbackRate')}
          rule={t('callbackProgrammes.reports.callbackRateRule')}
          rate={totals.callbackRate}
          numerator={totals.handled}
          denominator={totals.tasks}
          foot={t('callbackProgrammes.reports.callbackRateFoot', {
            handled: totals.handled,
            tasks: totals.tasks,
          })}
          range={rangeLine}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Kpi
          title={t('callbackProgrammes.reports.latency')}
          value={
            <span>
              {hours(latency.p50Hours)}
              <Typography.Text type="secondary" className="small" style={{ marginLeft: 6, fontWeight: 400 }}>
                p50
              </Typography.Text>
            </span>
          }
          foot={t('callbackProgrammes.reports.latencyFoot', {
            p90: hours(latency.p90Hours),
            measured: latency.measured,
          })}
          why={
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>
                {t('callbackProgrammes.reports.latencyRule', { measured: latency.measured })}
              </Typography.Paragraph>
              <ul>
                <li className="tabular">p50 {hours(latency.p50Hours)}</li>
                <li className="tabular">p90 {hours(latency.p90Hours)}</li>
                <li className="tabular">
                  {t('callbackProgrammes.reports.mean')} {hours(latency.meanHours)}
                </li>
              </ul>
              {rangeLine}
            </>
          }
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <RateKpi
          title={t('callbackProgrammes.reports.appealRate')}
          rule={t('callbackProgrammes.reports.appealRateRule')}
          rate={appeals.appealRate}
          numerator={appeals.appealed}
          denominator={appeals.nonQualifiedFirstVerdicts}
          foot={t('callbackProgrammes.reports.appealRateFoot', {
            appealed: appeals.appealed,
            base: appeals.nonQualifiedFirstVerdicts,
          })}
          range={rangeLine}
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <RateKpi
          title={t('callbackProgrammes.reports.reversalRate')}
          rule={t('callbackProgrammes.reports.reversalRateRule')}
          rate={appeals.reversalRate}
          numerator={appeals.reversed}
          denominator={appeals.decided}
          foot={t('callbackProgrammes.reports.reversalRateFoot', {
            reversed: appeals.reversed,
            decided: appeals.decided,
          })}
          range={rangeLine}
        />
      </Col>
    </Row>
  );
}

function verdictSegments(metrics: CallbackMetrics, label: (verdict: Verdict) => string) {
  return VERDICTS.map((verdict) => ({
    key: verdict,
    label: label(verdict),
    color: VERDICT_COLORS[verdict],
    value: metrics.verdicts[verdict],
  }));
}

function Charts({ report }: { report: ReportSummary }) {
  const { t } = useTranslation();
  const months = report.months.map((m) => m.month);
  const verdictLabel = (verdict: Verdict) => t(`callbackProgrammes.verdicts.${verdict}`);
  const noTasks = report.months.every((m) => m.tasks === 0);
  const noVerdicts = report.months.every((m) => m.verdicts.final === 0);

  const rateColumns: TableColumnsType<MonthRow> = [
    { title: t('callbackProgrammes.common.month'), dataIndex: 'month', key: 'month' },
    { title: t('callbackProgrammes.reports.tasks'), dataIndex: 'tasks', key: 'tasks', align: 'right' },
    { title: t('callbackProgrammes.reports.handled'), dataIndex: 'handled', key: 'handled', align: 'right' },
    {
      title: t('callbackProgrammes.reports.callbackRate'),
      key: 'rate',
      align: 'right',
      render: (_, row) => formatPercent(row.callbackRate),
    },
  ];
  const verdictColumns: TableColumnsType<MonthRow> = [
    { title: t('callbackProgrammes.common.month'), dataIndex: 'month', key: 'month' },
    {
      title: t('callbackProgrammes.reports.finalVerdicts'),
      key: 'final',
      align: 'right',
      render: (_, row) => row.verdicts.final,
    },
    ...VERDICTS.map((verdict) => ({
      title: verdictLabel(verdict),
      key: verdict,
      align: 'right' as const,
      render: (_: unknown, row: MonthRow) =>
        `${row.verdicts[verdict]} (${formatPercent(row.verdicts[`${verdict}Share` as const])})`,
    })),
  ];

  return (
    <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
      <Col xs={24} xl={12}>
        <ChartPanel
          title={t('callbackProgrammes.reports.rateChart')}
          empty={noTasks ? t('callbackProgrammes.reports.chartEmpty') : undefined}
          chart={
            <LineChart
              title={t('callbackProgrammes.reports.rateChart')}
              description={t('callbackProgrammes.reports.rateChartDesc', {
                from: report.from,
                to: report.to,
              })}
              categories={months}
              series={[
                {
                  key: 'rate',
                  label: t('callbackProgrammes.reports.callbackRate'),
                  color: LINE_COLOR,
                  values: report.months.map((m) => m.callbackRate),
                },
              ]}
              yMax={1}
              yTicks={[0, 0.25, 0.5, 0.75, 1]}
              formatY={(value) => `${Math.round(value * 100)}%`}
              xLabel={t('callbackProgrammes.common.month')}
              yLabel={t('callbackProgrammes.reports.callbackRate')}
            />
          }
          table={
            <Table<MonthRow>
              size="small"
              rowKey="month"
              columns={rateColumns}
              dataSource={report.months}
              pagination={false}
            />
          }
        />
      </Col>
      <Col xs={24} xl={12}>
        <ChartPanel
          title={t('callbackProgrammes.reports.verdictChart')}
          empty={noVerdicts ? t('callbackProgrammes.reports.verdictEmpty') : undefined}
          chart={
            <StackedBarChart
              title={t('callbackProgrammes.reports.verdictChart')}
              description={t('callbackProgrammes.reports.verdictChartDesc', {
                from: report.from,
                to: report.to,
              })}
              categories={months}
              series={VERDICTS.map((verdict) => ({
                key: verdict,
                label: verdictLabel(verdict),
                color: VERDICT_COLORS[verdict],
                values: report.months.map((m) => m.verdicts[verdict]),
              }))}
              xLabel={t('callbackProgrammes.common.month')}
              yLabel={t('callbackProgrammes.reports.finalVerdicts')}
            />
          }
          table={
            <Table<MonthRow>
              size="small"
              rowKey="month"
              columns={verdictColumns}
              dataSource={report.months}
              pagination={false}
            />
          }
        />
      </Col>
    </Row>
  );
}

function OutletTable({ report }: { report: ReportSummary }) {
  const { t } = useTranslation();
  const hours = useHours();
  const verdictLabel = (verdict: Verdict) => t(`callbackProgrammes.verdicts.${verdict}`);
  const byRatio = (pick: (row: OutletRow) => number | null) => (a: OutletRow, b: OutletRow) =>
    (pick(a) ?? -1) - (pick(b) ?? -1);
  const columns: TableColumnsType<OutletRow> = [
    {
      title: t('callbackProgrammes.reports.outlet'),
      dataIndex: 'outletName',
      key: 'outlet',
      fixed: 'left',
      width: 180,
      ellipsis: true,
      sorter: (a, b) => a.outletName.localeCompare(b.outletName, 'zh-CN'),
    },
    {
      title: t('callbackProgrammes.reports.tasks'),
      dataIndex: 'tasks',
      key: 'tasks',
      align: 'right',
      width: 80,
      // The busiest outlets first: they weigh most in the totals.
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.tasks - b.tasks,
    },
    {
      title: t('callbackProgrammes.reports.callbackRate'),
      key: 'rate',
      align: 'right',
      width: 140,
      sorter: byRatio((row) => row.callbackRate),
      render: (_, row) => (
        <div className="stacked">
          <span className="tabular">{formatPercent(row.callbackRate)}</span>
          <span className="small muted tabular">
            {row.handled}/{row.tasks}
          </span>
        </div>
      ),
    },
    {
      title: t('callbackProgrammes.reports.latencyP50'),
      key: 'p50',
      align: 'right',
      width: 130,
      sorter: (a, b) => (a.latency.p50Hours ?? Infinity) - (b.latency.p50Hours ?? Infinity),
      render: (_, row) => <span className="tabular">{hours(row.latency.p50Hours)}</span>,
    },
    {
      title: t('callbackProgrammes.reports.verdictMix'),
      key: 'mix',
      width: 220,
      render: (_, row) => (
        <div className="stacked">
          <MixBar
            label={t('callbackProgrammes.reports.verdictMix')}
            segments={verdictSegments(row, verdictLabel)}
          />
          <span className="small muted tabular">
            {t('callbackProgrammes.reports.mixLine', {
              qualified: row.verdicts.qualified,
              unqualified: row.verdicts.unqualified,
              untrue: row.verdicts.untrue,
            })}
          </span>
        </div>
      ),
    },
    {
      title: t('callbackProgrammes.reports.qualifiedShare'),
      key: 'qualified',
      align: 'right',
      width: 110,
      sorter: byRatio((row) => row.verdicts.qualifiedShare),
      render: (_, row) => <span className="tabular">{formatPercent(row.verdicts.qualifiedShare)}</span>,
    },
    {
      title: t('callbackProgrammes.reports.appealRate'),
      key: 'appeal',
      align: 'right',
      width: 110,
      sorter: byRatio((row) => row.appeals.appealRate),
      render: (_, row) => (
        <div className="stacked">
          <span className="tabular">{formatPercent(row.appeals.appealRate)}</span>
          <span className="small muted tabular">
            {row.appeals.appealed}/{row.appeals.nonQualifiedFirstVerdicts}
          </span>
        </div>
      ),
    },
    {
      title: t('callbackProgrammes.reports.reversalRate'),
      key: 'reversal',
      align: 'right',
      width: 110,
      sorter: byRatio((row) => row.appeals.reversalRate),
      render: (_, row) => (
        <div className="stacked">
          <span className="tabular">{formatPercent(row.appeals.reversalRate)}</span>
          <span className="small muted tabular">
            {row.appeals.reversed}/{row.appeals.decided}
          </span>
        </div>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('callbackProgrammes.reports.outletTitle')}
      style={{ marginTop: 16 }}
      extra={
        <Space size={12} wrap className="small">
          {VERDICTS.map((verdict) => (
            <span key={verdict}>
              <span
                className="programme-chart-swatch"
                style={{ background: VERDICT_COLORS[verdict], marginRight: 4, verticalAlign: -1 }}
                aria-hidden="true"
              />
              {verdictLabel(verdict)}
            </span>
          ))}
        </Space>
      }
    >
      <Table<OutletRow>
        size="small"
        rowKey="outletId"
        columns={columns}
        dataSource={report.outlets}
        scroll={{ x: 1100 }}
        pagination={
          report.outlets.length > 20
            ? {
                pageSize: 20,
                showSizeChanger: false,
                showTotal: (total) => t('common.total', { count: total }),
              }
            : false
        }
        locale={{ emptyText: t('callbackProgrammes.reports.outletEmpty') }}
      />
    </Card>
  );
}

/** Callback reports: callback rate, first-callback latency, verdict mix and appeals, by month and by outlet. */
export function CallbackReportsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { get, update } = useUrlParams();
  const currentMonth = businessMonth();
  const to = monthParam(get('to'), currentMonth);
  const from = monthParam(
    get('from'),
    dayjs(`${to}-01`)
      .subtract(DEFAULT_MONTHS - 1, 'month')
      .format('YYYY-MM'),
  );
  const outletId = get('outletId');
  const key = `callback-report:${from}:${to}:${outletId}`;
  const report = useApi(key, (signal) =>
    api.get<ReportSummary>(PROGRAMME_PATHS.reportSummary, { from, to, outletId }, { signal }),
  );
  const data = report.data && report.data.from === from && report.data.to === to ? report.data : undefined;
  const range = t('callbackProgrammes.reports.rangeLine', { from, to });

  return (
    <>
      <PageHeader
        title={t('callbackProgrammes.reports.title')}
        subtitle={t('callbackProgrammes.reports.subtitle')}
      />
      <div className="filter-bar">
        <DatePicker.RangePicker
          picker="month"
          format="YYYY-MM"
          allowClear={false}
          value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
          disabledDate={(value) => value.format('YYYY-MM') > currentMonth}
          aria-label={t('callbackProgrammes.reports.range')}
          onChange={(value) => {
            const [start, end] = value ?? [];
            if (!start || !end) return;
            if (end.diff(start, 'month') + 1 > MAX_MONTHS) {
              void message.warning(t('callbackProgrammes.reports.rangeTooLong', { months: MAX_MONTHS }));
              return;
            }
            update({ from: start.format('YYYY-MM'), to: end.format('YYYY-MM') });
          }}
        />
        <OutletSelect
          allowClear
          value={outletId || undefined}
          placeholder={t('callbackProgrammes.common.allOutlets')}
          onChange={(value) => update({ outletId: value ?? null })}
          style={{ width: 260 }}
        />
        {get('from') || get('to') || outletId ? (
          <Button type="link" onClick={() => update({ from: null, to: null, outletId: null })}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </div>
      {report.error ? (
        <LoadError error={report.error} onRetry={report.reload} />
      ) : !data ? (
        <div aria-busy="true">
          <Row gutter={[16, 16]}>
            {[0, 1, 2, 3].map((index) => (
              <Col key={index} xs={24} sm={12} xl={6}>
                <Card size="small">
                  <Skeleton active paragraph={{ rows: 2 }} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card style={{ marginTop: 16 }}>
            <Skeleton active paragraph={{ rows: 8 }} />
          </Card>
        </div>
      ) : data.totals.tasks === 0 ? (
        <Card>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              outletId ? t('callbackProgrammes.reports.emptyOutlet') : t('callbackProgrammes.reports.empty')
            }
          />
        </Card>
      ) : (
        <>
          <KpiCards totals={data.totals} range={range} />
          <Charts report={data} />
          <OutletTable report={data} />
        </>
      )}
    </>
  );
}
