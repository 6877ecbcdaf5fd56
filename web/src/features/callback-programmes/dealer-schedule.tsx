import { Button, Grid, Input, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ListEmpty } from '../../components/list-empty';
import { LoadError } from '../../components/load-error';
import { TableSkeleton } from '../../components/page-skeleton';
import { formatDateTime } from '../../lib/format';
import type { PagedList } from '../../lib/use-paged-list';
import { DEALER_TIERS, periodToCover } from './api';
import type { DealerPeriod, DealerScheduleItem, DealerSchedulePage, DealerTier } from './api';
import { DisabledReason, ProgrammeTierTag, SatisfiedText } from './programme-bits';

const short = (date: string) => date.slice(5);

function PeriodTag({ period }: { period: DealerPeriod }) {
  const { t } = useTranslation();
  const range = `${short(period.startDate)}–${short(period.dueDate)}`;
  if (period.covered) {
    return (
      <Tooltip
        title={t('callbackProgrammes.dealers.coveredAt', { at: formatDateTime(period.coveredBy?.at) })}
      >
        <Tag color="success" icon={<CheckOutlined />}>
          {range}
        </Tag>
      </Tooltip>
    );
  }
  if (period.overdue) {
    return (
      <Tooltip title={t('callbackProgrammes.dealers.overdueHint', { due: period.dueDate })}>
        <Tag color="error">
          {range} {t('callbackProgrammes.dealers.missed')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={t('callbackProgrammes.dealers.dueHint', { due: period.dueDate })}>
      <Tag color="processing">
        {range} {t('callbackProgrammes.dealers.pending')}
      </Tag>
    </Tooltip>
  );
}

interface Props {
  list: PagedList<DealerScheduleItem>;
  q: string;
  tier: DealerTier | '';
  dueOnly: boolean;
  onFilter: (patch: { q?: string | null; tier?: string | null; due?: string | null }) => void;
  /** null hides the action (the role may not call dealers); a string disables it with that reason. */
  recordBlocked: string | null | undefined;
  onRecord: (dealer: DealerScheduleItem) => void;
}

/** CB-7: the month's schedule, one row per dealer, its periods covered, pending or missed. */
export function DealerSchedule({ list, q, tier, dueOnly, onFilter, recordBlocked, onRecord }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const page = list.data as DealerSchedulePage | undefined;
  const filtered = Boolean(q || tier || dueOnly);

  const columns: TableColumnsType<DealerScheduleItem> = [
    {
      title: t('callbackProgrammes.dealers.dealer'),
      key: 'dealer',
      render: (_, row) => (
        <div className="stacked">
          <span>{row.name}</span>
          <span className="mono small muted">{row.code}</span>
        </div>
      ),
    },
    {
      title: t('callbackProgrammes.dealers.region'),
      dataIndex: 'regionPath',
      key: 'region',
      ellipsis: true,
      responsive: ['lg'],
    },
    {
      title: t('callbackProgrammes.dealers.tier'),
      key: 'tier',
      width: 120,
      render: (_, row) => (
        <Tooltip title={t('callbackProgrammes.dealers.tierSince', { date: row.tierSince })}>
          <span>
            <ProgrammeTierTag tier={row.tier} />
          </span>
        </Tooltip>
      ),
    },
    {
      title: t('callbackProgrammes.dealers.periods'),
      key: 'periods',
      render: (_, row) =>
        !row.calledBack ? (
          <Tooltip title={t('callbackProgrammes.dealers.blacklistRule')}>
            <Typography.Text type="secondary">
              {t('callbackProgrammes.dealers.notCalledBack')}
            </Typography.Text>
          </Tooltip>
        ) : row.periods.length === 0 ? (
          <Typography.Text type="secondary">{t('callbackProgrammes.dealers.noPeriod')}</Typography.Text>
        ) : (
          <div className="programme-periods">
            {row.periods.map((period) => (
              <PeriodTag key={period.startDate} period={period} />
            ))}
          </div>
        ),
    },
    {
      title: t('callbackProgrammes.dealers.lastCallback'),
      key: 'last',
      width: 190,
      responsive: ['md'],
      render: (_, row) =>
        row.lastCallback ? (
          <div className="stacked">
            <span className="tabular">{formatDateTime(row.lastCallback.at)}</span>
            <span className="small">
              {row.lastCallback.answered ? (
                <SatisfiedText satisfied={row.lastCallback.satisfied} />
              ) : (
                <Typography.Text type="warning">{t('callbackProgrammes.dealers.answeredNo')}</Typography.Text>
              )}
            </span>
          </div>
        ) : (
          <Typography.Text type="secondary">{t('callbackProgrammes.dealers.never')}</Typography.Text>
        ),
    },
    ...(recordBlocked === null
      ? []
      : [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 160,
            render: (_: unknown, row: DealerScheduleItem) =>
              // C dealers are not called back: the periods column already says so, with the reason.
              !row.calledBack ? null : recordBlocked ? (
                <DisabledReason reason={recordBlocked}>
                  <Button size="small" icon={<PhoneOutlined />} disabled>
                    {t('callbackProgrammes.dealers.record')}
                  </Button>
                </DisabledReason>
              ) : (
                <Button
                  size="small"
                  type={page && periodToCover(row.periods, page.today) ? 'primary' : 'default'}
                  icon={<PhoneOutlined />}
                  onClick={() => onRecord(row)}
                >
                  {t('callbackProgrammes.dealers.record')}
                </Button>
              ),
          },
        ]),
  ];

  return (
    <>
      <div className="filter-bar">
        <Input.Search
          key={q}
          allowClear
          defaultValue={q}
          placeholder={t('callbackProgrammes.dealers.searchPlaceholder')}
          onSearch={(value) => onFilter({ q: value.trim() || null })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          value={tier || undefined}
          placeholder={t('callbackProgrammes.dealers.tierPlaceholder')}
          options={DEALER_TIERS.map((value) => ({ value, label: t(`callbackProgrammes.tiers.${value}`) }))}
          onChange={(value: string | undefined) => onFilter({ tier: value ?? null })}
          style={{ width: 150 }}
        />
        <Space size={8}>
          <Switch
            checked={dueOnly}
            onChange={(checked) => onFilter({ due: checked ? '1' : null })}
            aria-label={t('callbackProgrammes.dealers.dueOnly')}
          />
          <span>{t('callbackProgrammes.dealers.dueOnly')}</span>
        </Space>
        {filtered ? (
          <Button type="link" onClick={() => onFilter({ q: null, tier: null, due: null })}>
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </div>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : list.loading && !list.data ? (
        <TableSkeleton rows={8} />
      ) : (
        <Table<DealerScheduleItem>
          size="small"
          rowKey="dealerId"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={screens.md ? undefined : { x: 640 }}
          pagination={list.pagination}
          footer={
            page
              ? () => (
                  <Typography.Text type="secondary" className="small">
                    {t('callbackProgrammes.dealers.scheduleFoot', {
                      today: page.today,
                      version: page.policyVersion,
                    })}
                  </Typography.Text>
                )
              : undefined
          }
          locale={{
            emptyText: (
              <ListEmpty
                filtered={filtered}
                empty={t('callbackProgrammes.dealers.scheduleEmpty')}
                emptyFiltered={
                  dueOnly
                    ? t('callbackProgrammes.dealers.nothingDue')
                    : t('callbackProgrammes.dealers.emptyFiltered')
                }
              />
            ),
          }}
        />
      )}
    </>
  );
}
