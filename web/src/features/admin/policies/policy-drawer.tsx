import { useState } from 'react';
import { Alert, Button, Descriptions, Divider, Drawer, Grid, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { PolicyDetail, PolicyVersion } from '../../../api/types';
import { useAuth } from '../../../app/auth-context';
import { LoadError } from '../../../components/load-error';
import { TableSkeleton } from '../../../components/page-skeleton';
import { formatDateTime } from '../../../lib/format';
import { localized } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { AddVersionForm } from './add-version-form';
import { PolicyValue, PolicyValueTable } from './policy-value';

type VersionState = 'current' | 'scheduled' | 'superseded';

function versionState(detail: PolicyDetail, version: PolicyVersion, now: number): VersionState {
  if (detail.current?.version === version.version) return 'current';
  return Date.parse(version.effectiveFrom) > now ? 'scheduled' : 'superseded';
}

const STATE_COLOR: Record<VersionState, string> = {
  current: 'green',
  scheduled: 'gold',
  superseded: 'default',
};

interface Props {
  policyKey: string | null;
  onClose: () => void;
  onChanged: () => void;
}

export function PolicyDrawer({ policyKey, onClose, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const screens = Grid.useBreakpoint();
  const [adding, setAdding] = useState(false);
  const { data, error, loading, reload } = useApi(policyKey ? `policy:${policyKey}` : null, (signal) =>
    api.get<PolicyDetail>(`/api/policies/${encodeURIComponent(policyKey ?? '')}`, undefined, { signal }),
  );
  const detail = data && data.key === policyKey ? data : undefined;
  const label = detail ? localized(detail.label, i18n.language) : (policyKey ?? '');
  const isTable = detail ? detail.unit === 'table' || typeof detail.current?.value === 'object' : false;
  const now = Date.now();

  const columns: TableColumnsType<PolicyVersion> = detail
    ? [
        {
          title: t('policies.version'),
          key: 'version',
          width: 130,
          render: (_, version) => {
            const state = versionState(detail, version, now);
            return (
              <Space size={4} wrap>
                <Typography.Text strong>
                  {t('policies.versionShort', { version: version.version })}
                </Typography.Text>
                <Tag color={STATE_COLOR[state]}>{t(`policies.state.${state}`)}</Tag>
              </Space>
            );
          },
        },
        {
          title: t('policies.value'),
          key: 'value',
          render: (_, version) => <PolicyValue unit={detail.unit} value={version.value} />,
        },
        {
          title: t('policies.effectiveFrom'),
          key: 'effectiveFrom',
          width: 140,
          render: (_, version) => <span className="tabular">{formatDateTime(version.effectiveFrom)}</span>,
        },
        { title: t('policies.note'), dataIndex: 'note', key: 'note' },
        {
          title: t('policies.createdBy'),
          key: 'createdBy',
          width: 150,
          render: (_, version) => (
            <div className="stacked">
              <span>{version.createdBy?.displayName ?? t('common.system')}</span>
              <Typography.Text type="secondary" className="small tabular">
                {formatDateTime(version.createdAt)}
              </Typography.Text>
            </div>
          ),
        },
      ]
    : [];

  return (
    <Drawer
      open={policyKey !== null}
      onClose={() => {
        setAdding(false);
        onClose();
      }}
      size={screens.md ? 880 : '100%'}
      title={label}
      destroyOnHidden
      extra={
        detail && can('policy.write') && !adding ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('policies.addVersion')}
          </Button>
        ) : null
      }
    >
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !detail || (loading && !detail) ? (
        <TableSkeleton rows={8} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
            items={[
              {
                key: 'key',
                label: t('policies.key'),
                children: <Typography.Text code>{detail.key}</Typography.Text>,
              },
              {
                key: 'rules',
                label: t('policies.rules'),
                children: (
                  <Space size={[4, 4]} wrap>
                    {detail.rules.map((rule) => (
                      <Tag key={rule} className="mono">
                        {rule}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { key: 'unit', label: t('policies.unit'), children: t(`units.${detail.unit}`) },
              {
                key: 'description',
                label: t('policies.description'),
                children: localized(detail.description, i18n.language) || '—',
              },
              {
                key: 'current',
                label: t('policies.currentValue'),
                children:
                  detail.current && isTable ? (
                    <Typography.Text type="secondary">{t('policies.seeTable')}</Typography.Text>
                  ) : (
                    <PolicyValue unit={detail.unit} value={detail.current?.value} />
                  ),
              },
              {
                key: 'effectiveFrom',
                label: t('policies.effectiveFrom'),
                children: detail.current ? (
                  <span className="tabular">
                    {formatDateTime(detail.current.effectiveFrom)} ·{' '}
                    {t('policies.versionShort', { version: detail.current.version })}
                  </span>
                ) : (
                  t('policies.noCurrent')
                ),
              },
            ]}
          />
          {detail.current && isTable ? (
            // Table-shaped values get their own full-width block; inside the list they would squeeze the labels.
            <div className="policy-current-table">
              <PolicyValueTable unit={detail.unit} value={detail.current.value} />
            </div>
          ) : null}
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 16 }}
            title={t('policies.immutableTitle')}
            description={t('policies.immutableNotice')}
          />
          {!can('policy.write') ? (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('policies.readOnly')} />
          ) : null}
          {adding ? (
            <>
              <Divider titlePlacement="start">{t('policies.addVersion')}</Divider>
              <AddVersionForm
                detail={detail}
                label={label}
                onCancel={() => setAdding(false)}
                onConflict={reload}
                onAdded={() => {
                  setAdding(false);
                  reload();
                  onChanged();
                }}
              />
            </>
          ) : null}
          <Divider titlePlacement="start">{t('policies.history')}</Divider>
          <Table<PolicyVersion>
            size="small"
            rowKey="version"
            columns={columns}
            dataSource={detail.versions}
            pagination={false}
            scroll={{ x: 760 }}
            expandable={
              isTable
                ? {
                    expandedRowRender: (version) => (
                      <PolicyValueTable unit={detail.unit} value={version.value} />
                    ),
                  }
                : undefined
            }
            locale={{ emptyText: t('policies.historyEmpty') }}
          />
        </>
      )}
    </Drawer>
  );
}
