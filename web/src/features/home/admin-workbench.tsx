import { Link } from 'react-router';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { SimpleList as List } from '../../components/simple-list';
import { AuditOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { AuditEntry, Page, PolicyItem, UserSummary } from '../../api/types';
import { useAuth } from '../../app/auth-context';
import { LoadError } from '../../components/load-error';
import { TableSkeleton } from '../../components/page-skeleton';
import { formatDateTime } from '../../lib/format';
import { actorName } from '../../lib/labels';
import { useApi } from '../../lib/use-api';
import { AuditActionLabel, AuditEntityLabel } from '../admin/audit/audit-labels';

export function AdminWorkbench() {
  const { t } = useTranslation();
  const { can } = useAuth();

  const users = useApi(can('user.read') ? 'users' : null, (signal) =>
    api.get<Page<UserSummary>>('/api/users', { page: 1, pageSize: 1 }, { signal }),
  );
  const policies = useApi(can('policy.read') ? 'policies' : null, (signal) =>
    api.get<{ items: PolicyItem[] }>('/api/policies', undefined, { signal }),
  );
  const audit = useApi(can('audit.read') ? 'audit' : null, (signal) =>
    api.get<Page<AuditEntry>>('/api/audit', { page: 1, pageSize: 6 }, { signal }),
  );

  const unset = policies.data?.items.filter((item) => item.current === null).length ?? 0;

  return (
    <Row gutter={[16, 16]}>
      {can('user.read') ? (
        <Col xs={24} md={12}>
          <Card
            title={
              <span>
                <TeamOutlined /> {t('workbench.adminCards.users')}
              </span>
            }
            extra={<Link to="/admin/users">{t('workbench.adminCards.manage')}</Link>}
          >
            {users.error ? (
              <LoadError error={users.error} onRetry={users.reload} />
            ) : (
              <Statistic
                loading={users.loading}
                value={users.data?.total ?? 0}
                suffix={
                  <Typography.Text type="secondary">{t('workbench.adminCards.usersHint')}</Typography.Text>
                }
              />
            )}
          </Card>
        </Col>
      ) : null}
      {can('policy.read') ? (
        <Col xs={24} md={12}>
          <Card
            title={
              <span>
                <SettingOutlined /> {t('workbench.adminCards.policies')}
              </span>
            }
            extra={<Link to="/admin/policies">{t('workbench.adminCards.manage')}</Link>}
          >
            {policies.error ? (
              <LoadError error={policies.error} onRetry={policies.reload} />
            ) : (
              <Statistic
                loading={policies.loading}
                value={policies.data?.items.length ?? 0}
                suffix={
                  <Typography.Text type={unset > 0 ? 'warning' : 'secondary'}>
                    {unset > 0
                      ? t('workbench.adminCards.policiesUnset', { count: unset })
                      : t('workbench.adminCards.policiesHint')}
                  </Typography.Text>
                }
              />
            )}
          </Card>
        </Col>
      ) : null}
      {can('audit.read') ? (
        <Col span={24}>
          <Card
            title={
              <span>
                <AuditOutlined /> {t('workbench.adminCards.audit')}
              </span>
            }
            extra={<Link to="/admin/audit">{t('workbench.adminCards.viewAll')}</Link>}
          >
            <Typography.Paragraph type="secondary">
              {t('workbench.adminCards.auditHint')}
            </Typography.Paragraph>
            {audit.error ? (
              <LoadError error={audit.error} onRetry={audit.reload} />
            ) : audit.loading && !audit.data ? (
              <TableSkeleton rows={4} />
            ) : (
              <List
                size="small"
                dataSource={audit.data?.items ?? []}
                locale={{ emptyText: t('audit.empty') }}
                renderItem={(entry) => (
                  <List.Item>
                    <Typography.Text type="secondary" className="tabular">
                      {formatDateTime(entry.at)}
                    </Typography.Text>
                    <span className="audit-line">
                      {actorName(t, entry.actor)} · <AuditActionLabel code={entry.action} /> ·{' '}
                      <AuditEntityLabel code={entry.entity} />{' '}
                      <Typography.Text code>{entry.entityId}</Typography.Text>
                    </span>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      ) : null}
    </Row>
  );
}
