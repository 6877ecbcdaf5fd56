import { Button, Descriptions, Divider, Drawer, Empty, Grid, Space, Timeline, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { DealerDetail } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { LoadError } from '../../../components/load-error';
import { TableSkeleton } from '../../../components/page-skeleton';
import { formatDateTime } from '../../../lib/format';
import { actorName } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { ActiveSwitch } from '../shared/active-switch';
import { DealerContact, DealerTierTag } from './dealer-bits';
import { TierForm } from './tier-form';

interface Props {
  dealerId: string | null;
  /** Bumped by the page after an edit so the drawer reloads too. */
  refreshKey: number;
  onClose: () => void;
  onEdit: (dealer: DealerDetail) => void;
  onChanged: () => void;
}

export function DealerDrawer({ dealerId, refreshKey, onClose, onEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const screens = Grid.useBreakpoint();
  const { data, error, reload } = useApi(dealerId ? `dealer:${dealerId}:${refreshKey}` : null, (signal) =>
    api.get<DealerDetail>(`/api/dealers/${encodeURIComponent(dealerId ?? '')}`, undefined, { signal }),
  );
  const dealer = data && data.id === dealerId ? data : undefined;
  const writable = can('dealer.write');
  const history = [...(dealer?.tierHistory ?? [])].sort((a, b) => b.month.localeCompare(a.month));

  return (
    <Drawer
      open={dealerId !== null}
      onClose={onClose}
      title={dealer ? `${dealer.name} · ${t('dealers.detailTitle')}` : t('dealers.detailTitle')}
      size={screens.md ? 600 : '100%'}
      destroyOnHidden
      extra={
        dealer && writable ? (
          <Space>
            <ActiveSwitch
              active={dealer.active}
              writable
              deactivateConfirm={t('dealers.deactivateConfirm')}
              activateConfirm={t('dealers.activateConfirm')}
              onToggle={(next) =>
                api.patch<unknown>(`/api/dealers/${encodeURIComponent(dealer.id)}`, {
                  version: dealer.version,
                  active: next,
                })
              }
              onDone={() => {
                reload();
                onChanged();
              }}
            />
            <Button icon={<EditOutlined />} onClick={() => onEdit(dealer)}>
              {t('common.edit')}
            </Button>
          </Space>
        ) : null
      }
    >
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !dealer ? (
        <TableSkeleton rows={8} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'code',
                label: t('dealers.code'),
                children: <span className="mono">{dealer.code}</span>,
              },
              { key: 'name', label: t('dealers.name'), children: dealer.name },
              { key: 'region', label: t('dealers.region'), children: dealer.regionPath },
              { key: 'contact', label: t('dealers.contact'), children: <DealerContact dealer={dealer} /> },
              { key: 'tier', label: t('dealers.tier'), children: <DealerTierTag tier={dealer.tier} /> },
            ]}
          />
          <Divider titlePlacement="start">{t('dealers.tierHistory')}</Divider>
          {history.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dealers.tierHistoryEmpty')} />
          ) : (
            <Timeline
              items={history.map((decision) => ({
                key: decision.month,
                color: decision.tier === 'A' ? 'green' : decision.tier === 'C' ? 'red' : 'blue',
                title: (
                  <Space size={8}>
                    <Typography.Text strong className="tabular">
                      {decision.month}
                    </Typography.Text>
                    <DealerTierTag tier={decision.tier} />
                  </Space>
                ),
                content: (
                  <div className="stacked">
                    <span>{decision.reason}</span>
                    <Typography.Text type="secondary" className="small">
                      {t('dealers.decidedBy', {
                        name: actorName(t, decision.decidedBy),
                        at: formatDateTime(decision.decidedAt),
                      })}
                    </Typography.Text>
                  </div>
                ),
              }))}
            />
          )}
          {writable ? (
            <>
              <Divider titlePlacement="start">{t('dealers.setTier')}</Divider>
              <TierForm
                key={`${dealer.version}:${history.length}`}
                dealer={dealer}
                onDecided={() => {
                  reload();
                  onChanged();
                }}
              />
            </>
          ) : null}
        </>
      )}
    </Drawer>
  );
}
