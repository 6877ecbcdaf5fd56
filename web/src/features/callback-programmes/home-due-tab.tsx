import { useState } from 'react';
import { App, Button, DatePicker, Grid, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth-context';
import { ListEmpty } from '../../components/list-empty';
import { LoadError } from '../../components/load-error';
import { TableSkeleton } from '../../components/page-skeleton';
import { formatDateTime } from '../../lib/format';
import { usePagedList } from '../../lib/use-paged-list';
import { useUrlParams } from '../../lib/use-url-params';
import { OutletSelect } from '../master/shared/outlet-select';
import { HOME_PARTIES, isHomeParty, PROGRAMME_PATHS } from './api';
import type { HomeDueItem, HomeDuePage } from './api';
import { HomeCallbackModal } from './home-callback-modal';
import type { HomeCallbackTarget } from './home-callback-modal';
import { businessToday, ChannelText, dateParam, PartyTag, SatisfiedText } from './programme-bits';

/** The server answers at most 92 days at a time. */
const MAX_RANGE_DAYS = 92;

function DueStatus({ row }: { row: HomeDueItem }) {
  const { t } = useTranslation();
  if (row.callback) {
    return (
      <div className="stacked">
        <span>
          <Tag color="success">{t('callbackProgrammes.home.done')}</Tag>
          <span className="tabular small">{formatDateTime(row.callback.at)}</span>
        </span>
        <span className="small">
          <ChannelText channel={row.callback.channel} /> ·{' '}
          <SatisfiedText satisfied={row.callback.satisfied} />
        </span>
      </div>
    );
  }
  return row.overdue ? (
    <Tag color="error">{t('callbackProgrammes.home.overdue')}</Tag>
  ) : (
    <Tag color="processing">{t('callbackProgrammes.home.pending')}</Tag>
  );
}

/** CB-8: customer and worker callbacks due in a date range, each recorded from its row. */
export function HomeDueTab() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const { message } = App.useApp();
  const { get, update } = useUrlParams();
  const screens = Grid.useBreakpoint();
  const today = businessToday();
  const from = dateParam(get('from'), today);
  const to = dateParam(get('to'), dayjs(from).add(6, 'day').format('YYYY-MM-DD'));
  const rawParty = get('party');
  const party = isHomeParty(rawParty) ? rawParty : '';
  const state = get('state');
  const done = state === 'done' ? true : state === 'open' ? false : undefined;
  const outletId = get('outletId');
  const allOutlets = me?.scope.kind !== 'outlet';
  const filtered = Boolean(party || state || outletId || get('from') || get('to'));
  const [recording, setRecording] = useState<HomeCallbackTarget | null>(null);

  const list = usePagedList<HomeDueItem>(PROGRAMME_PATHS.homeDue, { from, to, party, done, outletId });
  const page = list.data as HomeDuePage | undefined;
  const mayCall = can('home.callback');

  const columns: TableColumnsType<HomeDueItem> = [
    {
      title: t('callbackProgrammes.home.dueDate'),
      dataIndex: 'dueDate',
      key: 'dueDate',
      width: 120,
      render: (date: string, row) => (
        <div className="stacked">
          <span className="tabular">{date}</span>
          <span className="small muted">{t('callbackProgrammes.home.sequence', { n: row.sequence })}</span>
        </div>
      ),
    },
    {
      title: t('callbackProgrammes.home.callee'),
      key: 'callee',
      render: (_, row) => (
        <span>
          <PartyTag party={row.party} /> {row.partyNameMasked}
        </span>
      ),
    },
    {
      title: t('callbackProgrammes.home.placement'),
      key: 'placement',
      responsive: ['md'],
      render: (_, row) => (
        <div className="stacked">
          <span>
            {t('callbackProgrammes.home.placementPair', {
              customer: row.customer.nameMasked,
              worker: row.worker.nameMasked,
            })}
          </span>
          <span className="small muted">{row.outlet.name}</span>
        </div>
      ),
    },
    {
      title: t('callbackProgrammes.home.status'),
      key: 'status',
      width: 220,
      render: (_, row) => <DueStatus row={row} />,
    },
    ...(mayCall
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 120,
            render: (_: unknown, row: HomeDueItem) =>
              row.done ? null : (
                <Button
                  size="small"
                  type={row.overdue ? 'primary' : 'default'}
                  icon={<PhoneOutlined />}
                  onClick={() =>
                    setRecording({
                      placementId: row.placementId,
                      party: row.party,
                      sequence: row.sequence,
                      dueDate: row.dueDate,
                      customer: row.customer,
                      worker: row.worker,
                    })
                  }
                >
                  {t('callbackProgrammes.home.record')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <div className="filter-bar">
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          format="YYYY-MM-DD"
          aria-label={t('callbackProgrammes.home.range')}
          onChange={(range) => {
            const [start, end] = range ?? [];
            if (!start || !end) return;
            if (end.diff(start, 'day') + 1 > MAX_RANGE_DAYS) {
              void message.warning(t('callbackProgrammes.home.rangeTooLong', { days: MAX_RANGE_DAYS }));
              return;
            }
            update({ from: start.format('YYYY-MM-DD'), to: end.format('YYYY-MM-DD') }, { resetPage: true });
          }}
        />
        <Select
          allowClear
          value={party || undefined}
          placeholder={t('callbackProgrammes.home.partyPlaceholder')}
          options={HOME_PARTIES.map((value) => ({ value, label: t(`callbackProgrammes.parties.${value}`) }))}
          onChange={(value: string | undefined) => update({ party: value ?? null }, { resetPage: true })}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          value={state || undefined}
          placeholder={t('callbackProgrammes.home.statePlaceholder')}
          options={[
            { value: 'open', label: t('callbackProgrammes.home.stateOpen') },
            { value: 'done', label: t('callbackProgrammes.home.stateDone') },
          ]}
          onChange={(value: string | undefined) => update({ state: value ?? null }, { resetPage: true })}
          style={{ width: 140 }}
        />
        {allOutlets ? (
          <OutletSelect
            allowClear
            value={outletId || undefined}
            placeholder={t('callbackProgrammes.common.allOutlets')}
            onChange={(value) => update({ outletId: value ?? null }, { resetPage: true })}
            style={{ width: 240 }}
          />
        ) : null}
        {filtered ? (
          <Button
            type="link"
            onClick={() =>
              update({ from: null, to: null, party: null, state: null, outletId: null }, { resetPage: true })
            }
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </div>
      {page ? (
        <div className="programme-counts">
          <Typography.Text>
            {t('callbackProgrammes.home.countDue', { count: page.counts.due })}
          </Typography.Text>
          <Typography.Text type="success">
            {t('callbackProgrammes.home.countDone', { count: page.counts.done })}
          </Typography.Text>
          <Typography.Text type={page.counts.outstanding > 0 ? 'warning' : 'secondary'}>
            {t('callbackProgrammes.home.countOutstanding', { count: page.counts.outstanding })}
          </Typography.Text>
          <Typography.Text type="secondary" className="small">
            {t('callbackProgrammes.home.scheduleFoot', { version: page.policyVersion })}
          </Typography.Text>
        </div>
      ) : null}
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : list.loading && !list.data ? (
        <TableSkeleton rows={8} />
      ) : (
        <Table<HomeDueItem>
          size="small"
          rowKey={(row) => `${row.placementId}:${row.party}:${row.sequence}`}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={screens.md ? undefined : { x: 560 }}
          pagination={list.pagination}
          rowClassName={(row) => (row.overdue ? 'programme-row-overdue' : '')}
          locale={{
            emptyText: (
              <ListEmpty
                filtered={filtered}
                empty={t('callbackProgrammes.home.dueEmpty')}
                emptyFiltered={t('callbackProgrammes.home.dueEmptyFiltered')}
              />
            ),
          }}
        />
      )}
      <HomeCallbackModal
        target={recording}
        onClose={() => setRecording(null)}
        onRecorded={() => {
          setRecording(null);
          list.reload();
        }}
        onConflict={() => {
          setRecording(null);
          list.reload();
        }}
      />
    </>
  );
}
