import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { CoverageGap } from '../../../api/master-data';
import { CodeLabel } from '../../../components/code-label';
import { ListEmpty } from '../../../components/list-empty';
import { LoadError } from '../../../components/load-error';
import { TableSkeleton } from '../../../components/page-skeleton';
import { RegionCascader } from '../../../components/region-cascader';
import { useApi } from '../../../lib/use-api';
import { useUrlParams } from '../../../lib/use-url-params';

/** NET-2: covered districts that lack a backup, i.e. fewer active outlets than the policy asks for. */
export function CoverageGaps() {
  const { t } = useTranslation();
  const { get, update } = useUrlParams();
  const regionCode = get('gapRegion');
  const { data, error, loading, reload } = useApi(`coverage-gaps:${regionCode}`, (signal) =>
    api.get<CoverageGap[]>('/api/outlets/coverage-gaps', { regionCode }, { signal }),
  );

  return (
    <Card>
      <Alert type="info" showIcon title={t('outlets.gapsHelp')} style={{ marginBottom: 16 }} />
      <div className="filter-bar">
        <RegionCascader
          anyLevel
          value={regionCode || undefined}
          placeholder={t('outlets.gapRegionPlaceholder')}
          onChange={(code) => update({ gapRegion: code ?? null })}
          style={{ width: 260 }}
        />
      </div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <TableSkeleton rows={6} />
      ) : (
        <Table<CoverageGap>
          size="small"
          rowKey="regionCode"
          dataSource={data ?? []}
          loading={loading}
          pagination={(data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{
            emptyText: (
              <ListEmpty
                filtered={false}
                empty={t('outlets.gapsEmpty')}
                emptyFiltered={t('outlets.gapsEmpty')}
              />
            ),
          }}
          columns={[
            {
              title: t('outlets.gapDistrict'),
              key: 'district',
              render: (_, gap) => (
                <div className="stacked">
                  <span>{gap.regionPath}</span>
                  <Typography.Text type="secondary" className="mono small">
                    {gap.regionCode}
                  </Typography.Text>
                </div>
              ),
            },
            {
              title: t('outlets.gapCount'),
              key: 'count',
              width: 130,
              render: (_, gap) =>
                gap.activeOutletCount === undefined ? null : (
                  <Typography.Text type="danger" className="tabular">
                    {gap.activeOutletCount} / {gap.requiredOutletCount ?? '—'}
                  </Typography.Text>
                ),
            },
            {
              title: t('outlets.gapOutlets'),
              key: 'outlets',
              render: (_, gap) =>
                gap.outlets.length === 0 ? (
                  <Typography.Text type="secondary">{t('outlets.gapNone')}</Typography.Text>
                ) : (
                  <Space orientation="vertical" size={2}>
                    {gap.outlets.map((outlet) => (
                      <Space key={outlet.id} size={6} wrap>
                        <Link to={`/master/outlets/${encodeURIComponent(outlet.id)}?tab=coverage`}>
                          {outlet.name}
                        </Link>
                        <Tag color={outlet.role === 'primary' ? 'blue' : 'default'}>
                          <CodeLabel group="enums.coverageRoles" code={outlet.role} />
                        </Tag>
                        {outlet.status && outlet.status !== 'active' ? (
                          <Tag color="orange">
                            <CodeLabel group="enums.outletStatuses" code={outlet.status} />
                          </Tag>
                        ) : null}
                      </Space>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
