import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Breadcrumb, Card, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { BandDecision, OutletDetail } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { LoadError } from '../../../components/load-error';
import { PageHeader } from '../../../components/page-header';
import { PageSkeleton } from '../../../components/page-skeleton';
import { useApi } from '../../../lib/use-api';
import { useUrlParams } from '../../../lib/use-url-params';
import { BandPanel } from './band-panel';
import { CoverageEditor } from './coverage-editor';
import { OutletEngineersTab } from './outlet-engineers-tab';
import { OutletSummaryTab } from './outlet-summary';
import { DispatchSuspensionTag, OutletStatusTag, OutletTypeTag } from './outlet-tags';
import { SuspensionPanel } from './suspension-panel';

const TABS = ['summary', 'coverage', 'band', 'suspension', 'engineers'] as const;

export function OutletDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { get, update } = useUrlParams();
  const rawTab = get('tab');
  const tab = TABS.find((value) => value === rawTab) ?? 'summary';
  const { data, error, loading, reload } = useApi(`outlet:${id}`, (signal) =>
    api.get<OutletDetail>(`/api/outlets/${encodeURIComponent(id)}`, undefined, { signal }),
  );
  const outlet = data && data.id === id ? data : undefined;
  const writable = can('outlet.write');
  const [bandDecision, setBandDecision] = useState<BandDecision | null>(null);

  const crumbs = (
    <Breadcrumb
      className="detail-crumbs"
      items={[
        { key: 'list', title: <Link to="/master/outlets">{t('outlets.backToList')}</Link> },
        { key: 'this', title: outlet?.name ?? id },
      ]}
    />
  );

  if (error) {
    return (
      <>
        {crumbs}
        <LoadError error={error} onRetry={reload} />
      </>
    );
  }
  if (!outlet) return loading ? <PageSkeleton /> : null;

  return (
    <>
      {crumbs}
      <PageHeader
        title={outlet.name}
        subtitle={
          <Space size={8} wrap>
            <Typography.Text className="mono">{outlet.code}</Typography.Text>
            <OutletTypeTag type={outlet.type} />
            <OutletStatusTag status={outlet.status} />
            <DispatchSuspensionTag outlet={outlet} />
            <Typography.Text type="secondary">{outlet.regionPath}</Typography.Text>
          </Space>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key === 'summary' ? null : key, page: null, pageSize: null })}
          destroyOnHidden
          items={[
            {
              key: 'summary',
              label: t('outlets.tabSummary'),
              children: <OutletSummaryTab outlet={outlet} />,
            },
            {
              key: 'coverage',
              label: t('outlets.tabCoverage'),
              // Keyed by version so a save (or a conflict reload) starts the editor from the stored coverage.
              children: (
                <CoverageEditor key={outlet.version} outlet={outlet} writable={writable} onSaved={reload} />
              ),
            },
            {
              key: 'band',
              label: t('outlets.tabBand'),
              children: (
                <BandPanel
                  key={outlet.version}
                  outlet={outlet}
                  writable={writable}
                  decision={bandDecision}
                  onDecided={(decision) => {
                    setBandDecision(decision);
                    reload();
                  }}
                />
              ),
            },
            {
              key: 'suspension',
              label: t('outlets.suspension.tab'),
              children: (
                <SuspensionPanel key={outlet.version} outlet={outlet} writable={writable} onSaved={reload} />
              ),
            },
            {
              key: 'engineers',
              label: t('outlets.tabEngineers', { count: outlet.engineerCount }),
              children: <OutletEngineersTab outletId={outlet.id} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
