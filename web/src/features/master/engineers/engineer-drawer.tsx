import { Button, Descriptions, Drawer, Grid, Space, Table, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Certificate, Engineer } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { LoadError } from '../../../components/load-error';
import { TableSkeleton } from '../../../components/page-skeleton';
import { useApi } from '../../../lib/use-api';
import { ActiveSwitch } from '../shared/active-switch';
import { EngineerPerson, isExpired, SkillTags } from './engineer-bits';

interface Props {
  engineerId: string | null;
  refreshKey: number;
  onClose: () => void;
  onEdit: (engineer: Engineer) => void;
  onChanged: () => void;
}

export function EngineerDrawer({ engineerId, refreshKey, onClose, onEdit, onChanged }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const screens = Grid.useBreakpoint();
  const { data, error, reload } = useApi(
    engineerId ? `engineer:${engineerId}:${refreshKey}` : null,
    (signal) =>
      api.get<Engineer>(`/api/engineers/${encodeURIComponent(engineerId ?? '')}`, undefined, { signal }),
  );
  const engineer = data && data.id === engineerId ? data : undefined;
  const writable = can('engineer.write');

  return (
    <Drawer
      open={engineerId !== null}
      onClose={onClose}
      title={engineer ? `${engineer.code} · ${t('engineers.detailTitle')}` : t('engineers.detailTitle')}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
      extra={
        engineer && writable ? (
          <Space>
            <ActiveSwitch
              active={engineer.active}
              writable
              deactivateConfirm={t('engineers.deactivateConfirm')}
              activateConfirm={t('engineers.activateConfirm')}
              onToggle={(next) =>
                api.patch<Engineer>(`/api/engineers/${encodeURIComponent(engineer.id)}`, {
                  version: engineer.version,
                  active: next,
                })
              }
              onDone={() => {
                reload();
                onChanged();
              }}
            />
            <Button icon={<EditOutlined />} onClick={() => onEdit(engineer)}>
              {t('common.edit')}
            </Button>
          </Space>
        ) : null
      }
    >
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !engineer ? (
        <TableSkeleton rows={8} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'code',
                label: t('engineers.code'),
                children: <span className="mono">{engineer.code}</span>,
              },
              {
                key: 'person',
                label: `${t('engineers.name')} / ${t('engineers.phone')}`,
                children: <EngineerPerson engineer={engineer} show="both" />,
              },
              {
                key: 'outlet',
                label: t('engineers.outlet'),
                children: (
                  <Link to={`/master/outlets/${encodeURIComponent(engineer.outletId)}`}>
                    {engineer.outletName}
                  </Link>
                ),
              },
              {
                key: 'skills',
                label: t('engineers.skills'),
                children: <SkillTags skills={engineer.skills} />,
              },
              { key: 'hiredOn', label: t('engineers.hiredOn'), children: engineer.hiredOn ?? '—' },
              {
                key: 'status',
                label: t('engineers.status'),
                children: engineer.active ? (
                  <Tag color="green">{t('common.active')}</Tag>
                ) : (
                  <Tag>{t('common.inactive')}</Tag>
                ),
              },
            ]}
          />
          <Table<Certificate>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={engineer.certificates}
            title={() => t('engineers.certificates')}
            locale={{ emptyText: t('engineers.noCertificates') }}
            columns={[
              { title: t('engineers.certName'), dataIndex: 'name', key: 'name' },
              {
                title: t('engineers.certNumber'),
                dataIndex: 'number',
                key: 'number',
                render: (n: string) => <span className="mono">{n}</span>,
              },
              {
                title: t('engineers.issuedOn'),
                dataIndex: 'issuedOn',
                key: 'issuedOn',
                render: (d: string | null) => d ?? '—',
              },
              {
                title: t('engineers.expiresOn'),
                key: 'expiresOn',
                render: (_, certificate) =>
                  certificate.expiresOn ? (
                    <Space size={4}>
                      <span className="tabular">{certificate.expiresOn}</span>
                      {isExpired(certificate.expiresOn) ? (
                        <Tag color="red">{t('engineers.expired')}</Tag>
                      ) : null}
                    </Space>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
