import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  theme,
} from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { VERDICTS } from '../../api/callbacks';
import type { AuditDocument, AuditList, AuditResult } from '../../api/callbacks';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { TableSkeleton } from '../../components/page-skeleton';
import { errorMessage } from '../../lib/errors';
import { businessWallClockNow, formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useUrlParams } from '../../lib/use-url-params';
import { VerdictTag } from './callback-tags';
import './callbacks.css';

const keyOf = (d: Pick<AuditDocument, 'kind' | 'id'>) => `${d.kind}:${d.id}`;

/**
 * CB-3 客服主管当日单据当日审核: the day's completion entries and verdicts, the ones still to audit selectable,
 * and how the day stands (audited in time, late, missed).
 */
export function CallbackAuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const { get, update } = useUrlParams();
  const date = get('date') || businessWallClockNow().format('YYYY-MM-DD');
  const { data, error, loading, reload } = useApi(`callback-audit:${date}`, (signal) =>
    api.get<AuditList>('/api/callbacks/audit', { date }, { signal }),
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const mark = async () => {
    if (!data) return;
    const documents = data.documents
      .filter((d) => selected.includes(keyOf(d)))
      .map((d) => ({ kind: d.kind, id: d.id }));
    if (documents.length === 0) return;
    setBusy(true);
    try {
      const result = await api.post<AuditResult>('/api/callbacks/audit', { documents });
      void message.success(t('callbacks.audit.done', { count: result.audited.length }));
      setSelected([]);
      reload();
    } catch (caught) {
      void message.error(errorMessage(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('callbacks.audit.title')}
        subtitle={t('callbacks.audit.subtitle')}
        extra={
          <DatePicker
            allowClear={false}
            aria-label={t('callbacks.audit.date')}
            value={dayjs(date)}
            onChange={(value) => {
              setSelected([]);
              update({ date: value ? value.format('YYYY-MM-DD') : null });
            }}
          />
        }
      />
      {error ? <LoadError error={error} onRetry={reload} /> : null}
      {data ? (
        <>
          {data.missed ? (
            <Alert
              type="error"
              showIcon
              className="callback-audit-missed"
              title={t('callbacks.audit.missed')}
              description={t('callbacks.audit.missedHint', { count: data.outstanding })}
            />
          ) : null}
          <Row gutter={[12, 12]} className="callback-counters">
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('callbacks.audit.counters.documents')} value={data.documents.length} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('callbacks.audit.counters.outstanding')}
                  value={data.outstanding}
                  styles={{ content: { color: data.outstanding > 0 ? token.colorWarning : undefined } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('callbacks.audit.counters.inTime')} value={data.auditedInTime} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('callbacks.audit.counters.late')}
                  value={data.auditedLate}
                  styles={{ content: { color: data.auditedLate > 0 ? token.colorError : undefined } }}
                />
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
      <Card className="callback-audit-card">
        <Flex justify="space-between" align="center" gap={8} wrap className="filter-bar">
          <Space size={8} wrap>
            {data ? (
              <Typography.Text type="secondary" className="tabular">
                {t('callbacks.audit.deadline', { at: formatDateTime(data.deadline) })}
              </Typography.Text>
            ) : null}
            {data
              ? VERDICTS.map((verdict) => (
                  <Space key={verdict} size={2}>
                    <VerdictTag verdict={verdict} />
                    <span className="tabular">{data.byVerdict[verdict]}</span>
                  </Space>
                ))
              : null}
          </Space>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={selected.length === 0}
            loading={busy}
            onClick={() => void mark()}
            className="callback-mark-audited"
          >
            {selected.length > 0
              ? t('callbacks.audit.markAuditedCount', { count: selected.length })
              : t('callbacks.audit.markAudited')}
          </Button>
        </Flex>
        {!data && loading ? (
          <TableSkeleton />
        ) : (
          <Table<AuditDocument>
            rowKey={keyOf}
            size="middle"
            loading={loading}
            dataSource={data?.documents ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            rowSelection={{
              selectedRowKeys: selected,
              onChange: (keys) => setSelected(keys.map(String)),
              getCheckboxProps: (d) => ({ disabled: d.auditedAt !== null }),
            }}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('callbacks.audit.empty')}</Typography.Text>,
            }}
            columns={[
              {
                title: t('callbacks.audit.columns.kind'),
                dataIndex: 'kind',
                render: (kind: AuditDocument['kind'], d) => (
                  <Space size={4} wrap>
                    <Tag color={kind === 'verdict' ? 'blue' : 'default'}>
                      {t(`callbacks.audit.kinds.${kind}`)}
                    </Tag>
                    {d.lateEntry && kind === 'completion_entry' ? (
                      <Tag color="orange" variant="outlined">
                        {t('callbacks.audit.lateEntry')}
                      </Tag>
                    ) : null}
                  </Space>
                ),
              },
              {
                title: t('callbacks.audit.columns.order'),
                dataIndex: 'orderNumber',
                render: (number: string, d) => (
                  <Link to={`/callbacks/${d.taskId}`} className="mono tabular">
                    {number}
                  </Link>
                ),
              },
              { title: t('callbacks.audit.columns.outlet'), dataIndex: 'outletName' },
              {
                title: t('callbacks.audit.columns.at'),
                dataIndex: 'at',
                render: (at: string) => <span className="tabular">{formatDateTime(at)}</span>,
              },
              {
                title: t('callbacks.audit.columns.agent'),
                key: 'agent',
                render: (_, d) => d.agent?.displayName ?? '—',
              },
              {
                title: t('callbacks.audit.columns.verdict'),
                dataIndex: 'verdict',
                render: (verdict: AuditDocument['verdict']) =>
                  verdict ? <VerdictTag verdict={verdict} /> : '—',
              },
              {
                title: t('callbacks.audit.columns.audited'),
                key: 'audited',
                render: (_, d) =>
                  d.auditedAt ? (
                    <Typography.Text type="success" className="small tabular">
                      {t('callbacks.audit.auditedBy', {
                        name: d.auditedBy?.displayName ?? '',
                        at: formatDateTime(d.auditedAt),
                      })}
                    </Typography.Text>
                  ) : (
                    <Tag>{t('callbacks.audit.notAudited')}</Tag>
                  ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
