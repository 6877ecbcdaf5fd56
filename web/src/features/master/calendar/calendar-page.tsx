import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Row, Space, Table, Tag, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { CalendarYear, HealthWithWarnings } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { LoadError } from '../../../components/load-error';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/page-skeleton';
import { BUSINESS_TZ } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { useUrlParams } from '../../../lib/use-url-params';
import { CalendarDayModal } from './calendar-day-modal';
import { calendarPeriods } from './calendar-periods';
import type { CalendarPeriod } from './calendar-periods';
import { MonthGrid } from './month-grid';

const MONTHS = Array.from({ length: 12 }, (_, month) => month);

export function CalendarPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { getInt, update } = useUrlParams();
  const today = dayjs().tz(BUSINESS_TZ).format('YYYY-MM-DD');
  const thisYear = Number(today.slice(0, 4));
  const year = getInt('year', thisYear);
  const [picked, setPicked] = useState<string | null>(null);
  const writable = can('calendar.write');

  const calendar = useApi(`calendar:${year}`, (signal) =>
    api.get<CalendarYear>('/api/calendar', { year }, { signal }),
  );
  const health = useApi('health', (signal) =>
    api.get<HealthWithWarnings>('/api/health', undefined, { signal }),
  );
  const nextYearMissing = (health.data?.warnings ?? []).some((w) => w.code === 'CALENDAR_NEXT_YEAR_MISSING');

  const days = useMemo(
    () => new Map((calendar.data?.days ?? []).map((entry) => [entry.day, entry])),
    [calendar.data],
  );
  const periods = useMemo(() => calendarPeriods(calendar.data?.days ?? []), [calendar.data]);

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={t('calendar.subtitle')}
        extra={
          <Space>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('calendar.prevYear')}
              onClick={() => update({ year: year - 1 })}
            />
            <Typography.Text strong className="calendar-year tabular">
              {t('calendar.year', { year })}
            </Typography.Text>
            <Button
              icon={<RightOutlined />}
              aria-label={t('calendar.nextYear')}
              onClick={() => update({ year: year + 1 })}
            />
          </Space>
        }
      />
      {nextYearMissing ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('calendar.missingTitle', { year: thisYear + 1 })}
          description={t('calendar.missingText', { year: thisYear + 1 })}
          action={
            year !== thisYear + 1 ? (
              <Button size="small" onClick={() => update({ year: thisYear + 1 })}>
                {t('calendar.goToYear', { year: thisYear + 1 })}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Flex gap={16} wrap align="center" className="calendar-legend">
        <span>
          <span className="legend-swatch is-holiday">{t('calendar.short.holiday')}</span>{' '}
          {t('calendar.legendHoliday')}
        </span>
        <span>
          <span className="legend-swatch is-workday">{t('calendar.short.workday')}</span>{' '}
          {t('calendar.legendWorkday')}
        </span>
        <span>
          <span className="legend-swatch is-weekend">6</span> {t('calendar.legendWeekend')}
        </span>
        <Typography.Text type="secondary">
          {writable ? t('calendar.editHint') : t('calendar.viewHint')}
        </Typography.Text>
      </Flex>
      {calendar.error ? (
        <LoadError error={calendar.error} onRetry={calendar.reload} />
      ) : calendar.loading && !calendar.data ? (
        <Card>
          <TableSkeleton rows={12} />
        </Card>
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {MONTHS.map((month) => (
              <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
                <MonthGrid year={year} month={month} days={days} today={today} onPick={setPicked} />
              </Col>
            ))}
          </Row>
          <Card title={t('calendar.listTitle', { year })} style={{ marginTop: 16 }}>
            {periods.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.emptyYear', { year })} />
            ) : (
              <PeriodTable periods={periods} onPick={setPicked} />
            )}
          </Card>
        </>
      )}
      <CalendarDayModal
        day={picked}
        entry={picked ? days.get(picked) : undefined}
        writable={writable}
        onClose={() => setPicked(null)}
        onChanged={() => {
          setPicked(null);
          calendar.reload();
          health.reload();
        }}
      />
    </>
  );
}

function PeriodTable({ periods, onPick }: { periods: CalendarPeriod[]; onPick: (day: string) => void }) {
  const { t } = useTranslation();
  return (
    <Table<CalendarPeriod>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={periods}
      columns={[
        { title: t('calendar.name'), dataIndex: 'name', key: 'name', width: 160 },
        {
          title: t('calendar.kind'),
          key: 'kind',
          width: 160,
          render: (_, period) => (
            <Tag color={period.kind === 'holiday' ? 'red' : 'blue'}>
              {t(`enums.calendarKinds.${period.kind}`)}
            </Tag>
          ),
        },
        {
          title: t('calendar.dates'),
          key: 'ranges',
          render: (_, period) => (
            <Space size={[8, 4]} wrap>
              {period.ranges.map(([from, to]) => (
                <Typography.Link key={from} className="tabular" onClick={() => onPick(from)}>
                  {from === to ? from.slice(5) : `${from.slice(5)} – ${to.slice(5)}`}
                </Typography.Link>
              ))}
            </Space>
          ),
        },
        {
          title: t('calendar.days'),
          key: 'count',
          width: 90,
          align: 'right',
          render: (_, period) => t('calendar.dayCount', { count: period.dayCount }),
        },
      ]}
    />
  );
}
