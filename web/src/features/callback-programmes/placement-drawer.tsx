import { Button, Descriptions, Divider, Drawer, Grid, Table, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAuth } from '../../app/auth-context';
import { LoadError } from '../../components/load-error';
import { TableSkeleton } from '../../components/page-skeleton';
import { formatDateTime } from '../../lib/format';
import { actorName } from '../../lib/labels';
import { useApi } from '../../lib/use-api';
import { PROGRAMME_PATHS } from './api';
import type { HomeCallback, PlacementDetail, ScheduledCallback } from './api';
import type { HomeCallbackTarget } from './home-callback-modal';
import { ChannelText, PartyTag, PlacementStatusTag, SatisfiedText } from './programme-bits';

interface Props {
  placementId: string | null;
  refreshKey: number;
  onClose: () => void;
  onRecord: (target: HomeCallbackTarget) => void;
}

/** One placement: who, since when, its callback schedule (done, due, overdue) and the calls made. */
export function PlacementDrawer({ placementId, refreshKey, onClose, onRecord }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const screens = Grid.useBreakpoint();
  const { data, error, reload } = useApi(
    placementId ? `placement:${placementId}:${refreshKey}` : null,
    (signal) => api.get<PlacementDetail>(PROGRAMME_PATHS.placement(placementId ?? ''), undefined, { signal }),
  );
  const placement = data && data.id === placementId ? data : undefined;
  const mayCall = can('home.callback');

  return (
    <Drawer
      open={placementId !== null}
      onClose={onClose}
      title={t('callbackProgrammes.placements.detailTitle')}
      size={screens.md ? 680 : '100%'}
      destroyOnHidden
    >
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !placement ? (
        <TableSkeleton rows={10} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'customer',
                label: t('callbackProgrammes.placements.customer'),
                children: (
                  <span>
                    {placement.customer.nameMasked}{' '}
                    <span className="mono small muted">{placement.customer.code}</span>
                  </span>
                ),
              },
              {
                key: 'worker',
                label: t('callbackProgrammes.placements.worker'),
                children: (
                  <span>
                    {placement.worker.nameMasked}{' '}
                    <span className="mono small muted">{placement.worker.code}</span>
                  </span>
                ),
              },
              {
                key: 'outlet',
                label: t('callbackProgrammes.placements.outlet'),
                children: placement.outlet.name,
              },
              {
                key: 'dates',
                label: t('callbackProgrammes.placements.period'),
                children: (
                  <span className="tabular">
                    {placement.startDate} – {placement.endDate ?? t('callbackProgrammes.placements.open')}{' '}
                    <PlacementStatusTag status={placement.status} />
                  </span>
                ),
              },
              ...(placement.note
                ? [{ key: 'note', label: t('callbackProgrammes.common.note'), children: placement.note }]
                : []),
            ]}
          />
          <Divider titlePlacement="start">{t('callbackProgrammes.placements.schedule')}</Divider>
          <Typography.Paragraph type="secondary" className="small">
            {t('callbackProgrammes.placements.scheduleThrough', {
              date: placement.scheduleThrough,
              version: placement.policyVersion,
            })}
          </Typography.Paragraph>
          <Table<ScheduledCallback>
            size="small"
            rowKey={(row) => `${row.party}:${row.sequence}`}
            dataSource={placement.schedule}
            pagination={placement.schedule.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            locale={{ emptyText: t('callbackProgrammes.placements.scheduleEmpty') }}
            columns={[
              {
                title: t('callbackProgrammes.home.dueDate'),
                dataIndex: 'dueDate',
                key: 'due',
                width: 120,
                render: (date: string) => <span className="tabular">{date}</span>,
              },
              {
                title: t('callbackProgrammes.home.callee'),
                key: 'party',
                render: (_, row) => (
                  <span>
                    <PartyTag party={row.party} />{' '}
                    {t('callbackProgrammes.home.sequence', { n: row.sequence })}
                  </span>
                ),
              },
              {
                title: t('callbackProgrammes.home.status'),
                key: 'status',
                width: 110,
                render: (_, row) =>
                  row.done ? (
                    <Tag color="success">{t('callbackProgrammes.home.done')}</Tag>
                  ) : row.overdue ? (
                    <Tag color="error">{t('callbackProgrammes.home.overdue')}</Tag>
                  ) : (
                    <Tag color="processing">{t('callbackProgrammes.home.pending')}</Tag>
                  ),
              },
              ...(mayCall
                ? [
                    {
                      title: t('common.actions'),
                      key: 'actions',
                      width: 110,
                      render: (_: unknown, row: ScheduledCallback) =>
                        row.done ? null : (
                          <Button
                            size="small"
                            icon={<PhoneOutlined />}
                            onClick={() =>
                              onRecord({
                                placementId: placement.id,
                                party: row.party,
                                sequence: row.sequence,
                                dueDate: row.dueDate,
                                customer: placement.customer,
                                worker: placement.worker,
                              })
                            }
                          >
                            {t('callbackProgrammes.home.record')}
                          </Button>
                        ),
                    },
                  ]
                : []),
            ]}
          />
          <Divider titlePlacement="start">{t('callbackProgrammes.placements.callbacks')}</Divider>
          <Table<HomeCallback>
            size="small"
            rowKey="id"
            dataSource={placement.callbacks}
            pagination={placement.callbacks.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            locale={{ emptyText: t('callbackProgrammes.placements.callbacksEmpty') }}
            columns={[
              {
                title: t('callbackProgrammes.home.calledAt'),
                dataIndex: 'at',
                key: 'at',
                width: 150,
                render: (at: string, row) => (
                  <div className="stacked">
                    <span className="tabular">{formatDateTime(at)}</span>
                    {row.onTime ? null : (
                      <Typography.Text type="warning" className="small">
                        {t('callbackProgrammes.home.lateBy', { due: row.dueDate })}
                      </Typography.Text>
                    )}
                  </div>
                ),
              },
              {
                title: t('callbackProgrammes.home.callee'),
                key: 'party',
                render: (_, row) => (
                  <span>
                    <PartyTag party={row.party} />{' '}
                    {t('callbackProgrammes.home.sequence', { n: row.sequence })}
                  </span>
                ),
              },
              {
                title: t('callbackProgrammes.home.result'),
                key: 'result',
                render: (_, row) => (
                  <div className="stacked">
                    <span>
                      <ChannelText channel={row.channel} /> · <SatisfiedText satisfied={row.satisfied} />
                    </span>
                    {row.note ? <span className="small muted">{row.note}</span> : null}
                  </div>
                ),
              },
              {
                title: t('callbackProgrammes.home.agent'),
                key: 'agent',
                width: 120,
                responsive: ['sm'],
                render: (_, row) => actorName(t, row.agent),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
