import { useState } from 'react';
import { Card, DatePicker, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth-context';
import { PageHeader } from '../../components/page-header';
import { useApi } from '../../lib/use-api';
import { usePagedList } from '../../lib/use-paged-list';
import { useUrlParams } from '../../lib/use-url-params';
import { isDealerTier, PROGRAMME_PATHS } from './api';
import type { DealerReport, DealerScheduleItem, DealerSchedulePage } from './api';
import { DealerCallbackModal } from './dealer-callback-modal';
import { DealerSchedule } from './dealer-schedule';
import { DealerTierReport } from './dealer-tier-report';
import { businessMonth, businessToday, monthParam } from './programme-bits';
import { TierAssignmentForm } from './tier-assignment-form';
import './programmes.css';

/** CB-7 dealer callbacks: the month's schedule by tier, the calls, the per-tier report and the monthly lists. */
export function DealerCallbacksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { get, update } = useUrlParams();
  const currentMonth = businessMonth();
  const month = monthParam(get('month'), currentMonth);
  const rawTier = get('tier');
  const tier = isDealerTier(rawTier) ? rawTier : '';
  const q = get('q');
  const dueOnly = get('due') === '1';
  const writable = can('dealer.write');
  const tab = writable && get('tab') === 'assignment' ? 'assignment' : 'schedule';
  const [recording, setRecording] = useState<DealerScheduleItem | null>(null);
  const [reportTick, setReportTick] = useState(0);

  const list = usePagedList<DealerScheduleItem>(PROGRAMME_PATHS.dealerSchedule, {
    month,
    tier,
    q,
    due: dueOnly ? true : undefined,
  });
  const report = useApi(`dealer-report:${month}:${reportTick}`, (signal) =>
    api.get<DealerReport>(PROGRAMME_PATHS.dealerReport, { month }, { signal }),
  );

  const refresh = () => {
    list.reload();
    setReportTick((value) => value + 1);
  };

  // Calls are recorded at the moment they are made, so they only belong to the current month's plan.
  const recordBlocked = !can('dealer.callback')
    ? null
    : month !== currentMonth
      ? t('callbackProgrammes.dealers.recordOnlyNow', { month: currentMonth })
      : undefined;

  const schedule = (
    <DealerSchedule
      list={list}
      q={q}
      tier={tier}
      dueOnly={dueOnly}
      onFilter={(patch) => update(patch, { resetPage: true })}
      recordBlocked={recordBlocked}
      onRecord={setRecording}
    />
  );

  return (
    <>
      <PageHeader
        title={t('callbackProgrammes.dealers.title')}
        subtitle={t('callbackProgrammes.dealers.subtitle')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('callbackProgrammes.common.month')}</Typography.Text>
            <DatePicker
              picker="month"
              format="YYYY-MM"
              allowClear={false}
              value={dayjs(`${month}-01`)}
              disabledDate={(value) => value.format('YYYY-MM') > currentMonth}
              onChange={(value) =>
                update(
                  {
                    month: value && value.format('YYYY-MM') !== currentMonth ? value.format('YYYY-MM') : null,
                  },
                  { resetPage: true },
                )
              }
              aria-label={t('callbackProgrammes.common.month')}
            />
          </Space>
        }
      />
      <DealerTierReport
        report={report.data?.month === month ? report.data : undefined}
        error={report.error}
        onRetry={report.reload}
      />
      <Card style={{ marginTop: 16 }}>
        {writable ? (
          <Tabs
            activeKey={tab}
            onChange={(key) => update({ tab: key === 'assignment' ? key : null })}
            items={[
              { key: 'schedule', label: t('callbackProgrammes.dealers.scheduleTab'), children: schedule },
              {
                key: 'assignment',
                label: t('callbackProgrammes.dealers.assignmentTab'),
                children: <TierAssignmentForm onAssigned={refresh} />,
              },
            ]}
          />
        ) : (
          schedule
        )}
      </Card>
      <DealerCallbackModal
        dealer={recording}
        today={(list.data as DealerSchedulePage | undefined)?.today ?? businessToday()}
        onClose={() => setRecording(null)}
        onRecorded={() => {
          setRecording(null);
          refresh();
        }}
      />
    </>
  );
}
