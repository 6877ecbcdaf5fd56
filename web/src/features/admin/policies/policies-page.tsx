import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Empty, Grid, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ExportButton } from '../../../components/export-button';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { PolicyItem } from '../../../api/types';
import { LoadError } from '../../../components/load-error';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/page-skeleton';
import { formatDateTime } from '../../../lib/format';
import { localized } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { PolicyDrawer } from './policy-drawer';
import { PolicyValue } from './policy-value';

/** Lets long dotted keys wrap at the dots instead of mid-word. */
function BreakableKey({ value }: { value: string }) {
  const parts = value.split('.');
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          {index < parts.length - 1 ? (
            <>
              .<wbr />
            </>
          ) : null}
        </span>
      ))}
    </>
  );
}

export function PoliciesPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const screens = Grid.useBreakpoint();
  const q = params.get('q') ?? '';
  const openKey = params.get('key');
  const { data, error, loading, reload } = useApi('policies', (signal) =>
    api.get<{ items: PolicyItem[] }>('/api/policies', undefined, { signal }),
  );

  const updateParams = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(patch)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };

  const rows = useMemo(() => {
    const items = data?.items ?? [];
    const needle = q.trim().toLowerCase();
    if (!needle) return items;
    return items.filter((item) =>
      [item.key, item.label['zh-CN'], item.label['en-US'], ...item.rules].some((text) =>
        text.toLowerCase().includes(needle),
      ),
    );
  }, [data, q]);

  const columns: TableColumnsType<PolicyItem> = [
    {
      title: t('policies.label'),
      key: 'label',
      width: screens.md ? 270 : 150,
      render: (_, item) => (
        <div className="policy-name-cell">
          <Typography.Link onClick={() => updateParams({ key: item.key })}>
            {localized(item.label, i18n.language)}
          </Typography.Link>
          <Typography.Text type="secondary" className="mono small">
            <BreakableKey value={item.key} />
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('policies.rules'),
      key: 'rules',
      width: 150,
      responsive: ['lg'],
      render: (_, item) => (
        <Space size={[4, 4]} wrap>
          {item.rules.map((rule) => (
            <Tag key={rule} className="mono" variant="outlined">
              {rule}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('policies.unit'),
      key: 'unit',
      width: 100,
      responsive: ['md'],
      render: (_, item) => t(`units.${item.unit}`),
    },
    {
      title: t('policies.currentValue'),
      key: 'value',
      render: (_, item) => <PolicyValue unit={item.unit} value={item.current?.value} />,
    },
    {
      title: t('policies.effectiveFrom'),
      key: 'effectiveFrom',
      width: 150,
      responsive: ['md'],
      render: (_, item) => <span className="tabular">{formatDateTime(item.current?.effectiveFrom)}</span>,
    },
    {
      title: t('policies.version'),
      key: 'version',
      width: 170,
      responsive: ['sm'],
      render: (_, item) => (
        <Space size={4} wrap>
          {item.current ? (
            <Tag color="blue">{t('policies.versionShort', { version: item.current.version })}</Tag>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          )}
          {item.scheduled ? (
            <Tooltip title={t('policies.scheduledAt', { at: formatDateTime(item.scheduled.effectiveFrom) })}>
              <Tag color="gold">{t('policies.scheduledTag', { version: item.scheduled.version })}</Tag>
            </Tooltip>
          ) : null}
          <Typography.Text type="secondary" className="small">
            {t('policies.versionCount', { count: item.versionCount })}
          </Typography.Text>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('policies.title')}
        subtitle={t('policies.subtitle')}
        extra={<ExportButton path="/api/policies" filters={{}} fileName="policies" />}
      />
      <Card>
        <div className="filter-bar">
          <Input.Search
            allowClear
            defaultValue={q}
            key={q}
            placeholder={t('policies.searchPlaceholder')}
            onSearch={(value) => updateParams({ q: value.trim() || null })}
            style={{ maxWidth: 360 }}
          />
          {data ? (
            <Typography.Text type="secondary">{t('common.total', { count: rows.length })}</Typography.Text>
          ) : null}
        </div>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <TableSkeleton rows={10} />
        ) : (
          <Table<PolicyItem>
            size="small"
            rowKey="key"
            columns={columns}
            dataSource={rows}
            loading={loading}
            tableLayout="fixed"
            // Below md the optional columns hide instead of forcing a sideways scroll.
            scroll={screens.md ? { x: 1040 } : undefined}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            onRow={(item) => ({
              onClick: (event) => {
                // Let links and popovers inside the row act on their own.
                if ((event.target as HTMLElement).closest('a, button')) return;
                updateParams({ key: item.key });
              },
              className: 'clickable-row',
            })}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={q ? t('policies.emptyFiltered') : t('policies.empty')}
                />
              ),
            }}
          />
        )}
      </Card>
      <PolicyDrawer policyKey={openKey} onClose={() => updateParams({ key: null })} onChanged={reload} />
    </>
  );
}
