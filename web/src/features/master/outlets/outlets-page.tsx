import { Link, useNavigate } from 'react-router';
import { Button, Card, Grid, Input, Segmented, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  isOutletStatus,
  isOutletType,
  OUTLET_BANDS,
  OUTLET_GRADES,
  OUTLET_STATUSES,
  OUTLET_TYPES,
} from '../../../api/master-data';
import type { OutletSummary } from '../../../api/master-data';
import { codeText } from '../../../components/code-label';
import { ExportButton } from '../../../components/export-button';
import { ListEmpty } from '../../../components/list-empty';
import { LoadError } from '../../../components/load-error';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/page-skeleton';
import { RegionCascader } from '../../../components/region-cascader';
import { usePagedList } from '../../../lib/use-paged-list';
import { useUrlParams } from '../../../lib/use-url-params';
import { CoverageGaps } from './coverage-gaps';
import { BandText, DispatchSuspensionTag, GradeText, OutletStatusTag, OutletTypeTag } from './outlet-tags';

export function OutletsPage() {
  const { t } = useTranslation();
  const { get, update } = useUrlParams();
  const gaps = get('view') === 'gaps';

  return (
    <>
      <PageHeader title={t('outlets.title')} subtitle={t('outlets.subtitle')} />
      <Segmented
        className="view-switch"
        value={gaps ? 'gaps' : 'list'}
        options={[
          { value: 'list', label: t('outlets.tabList') },
          { value: 'gaps', label: t('outlets.tabGaps') },
        ]}
        onChange={(value) => update({ view: value === 'gaps' ? 'gaps' : null })}
      />
      {gaps ? <CoverageGaps /> : <OutletList />}
    </>
  );
}

function OutletList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { get, update } = useUrlParams();
  const screens = Grid.useBreakpoint();

  const q = get('q');
  const rawType = get('type');
  const type = isOutletType(rawType) ? rawType : '';
  const rawStatus = get('status');
  const status = isOutletStatus(rawStatus) ? rawStatus : '';
  const regionCode = get('regionCode');
  const rawBand = Number(get('band'));
  const band = OUTLET_BANDS.find((value) => value === rawBand) ?? '';
  const rawGrade = get('grade');
  const grade = OUTLET_GRADES.find((value) => value === rawGrade) ?? '';
  const filtered = Boolean(q || type || status || regionCode || band || grade);
  const filters = { q, type, status, regionCode, band, grade };
  const list = usePagedList<OutletSummary>('/api/outlets', filters);

  const open = (outlet: OutletSummary) => void navigate(`/master/outlets/${encodeURIComponent(outlet.id)}`);

  const columns: TableColumnsType<OutletSummary> = [
    {
      title: t('outlets.code'),
      dataIndex: 'code',
      key: 'code',
      width: 110,
      responsive: ['sm'],
      render: (code: string) => <span className="mono">{code}</span>,
    },
    {
      title: t('outlets.name'),
      key: 'name',
      width: 230,
      ellipsis: true,
      render: (_, outlet) => (
        <Link to={`/master/outlets/${encodeURIComponent(outlet.id)}`}>{outlet.name}</Link>
      ),
    },
    {
      title: t('outlets.type'),
      key: 'type',
      width: 130,
      responsive: ['md'],
      render: (_, o) => <OutletTypeTag type={o.type} />,
    },
    {
      title: t('outlets.status'),
      key: 'status',
      width: 110,
      render: (_, o) => (
        <Space size={4} wrap>
          <OutletStatusTag status={o.status} />
          <DispatchSuspensionTag outlet={o} />
        </Space>
      ),
    },
    {
      title: t('outlets.region'),
      dataIndex: 'regionPath',
      key: 'region',
      ellipsis: true,
      responsive: ['lg'],
    },
    {
      title: t('outlets.band'),
      key: 'band',
      width: 120,
      responsive: ['md'],
      render: (_, o) => <BandText outlet={o} />,
    },
    {
      title: t('outlets.grade'),
      key: 'grade',
      width: 120,
      responsive: ['lg'],
      render: (_, o) => <GradeText outlet={o} />,
    },
    {
      title: t('outlets.engineers'),
      dataIndex: 'engineerCount',
      key: 'engineers',
      width: 90,
      align: 'right',
      responsive: ['md'],
      render: (count: number) => <span className="tabular">{count}</span>,
    },
    {
      title: t('outlets.districts'),
      dataIndex: 'coveredDistrictCount',
      key: 'districts',
      width: 100,
      align: 'right',
      responsive: ['md'],
      render: (count: number) =>
        count === 0 ? (
          <Typography.Text type="warning">0</Typography.Text>
        ) : (
          <span className="tabular">{count}</span>
        ),
    },
  ];

  return (
    <Card
      title={t('outlets.tabList')}
      extra={<ExportButton path="/api/outlets" filters={filters} fileName="outlets" />}
    >
      <div className="filter-bar">
        <Input.Search
          key={q}
          allowClear
          defaultValue={q}
          placeholder={t('outlets.searchPlaceholder')}
          onSearch={(value) => update({ q: value.trim() }, { resetPage: true })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          value={type || undefined}
          placeholder={t('outlets.typePlaceholder')}
          options={OUTLET_TYPES.map((value) => ({ value, label: codeText('enums.outletTypes', value) }))}
          onChange={(value: string | undefined) => update({ type: value ?? null }, { resetPage: true })}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          value={status || undefined}
          placeholder={t('common.statusPlaceholder')}
          options={OUTLET_STATUSES.map((value) => ({
            value,
            label: codeText('enums.outletStatuses', value),
          }))}
          onChange={(value: string | undefined) => update({ status: value ?? null }, { resetPage: true })}
          style={{ width: 130 }}
        />
        <RegionCascader
          anyLevel
          value={regionCode || undefined}
          onChange={(code) => update({ regionCode: code ?? null }, { resetPage: true })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          value={band || undefined}
          placeholder={t('outlets.bandPlaceholder')}
          options={OUTLET_BANDS.map((value) => ({ value, label: codeText('enums.bands', value) }))}
          onChange={(value: number | undefined) => update({ band: value ?? null }, { resetPage: true })}
          style={{ width: 120 }}
        />
        <Select
          allowClear
          value={grade || undefined}
          placeholder={t('outlets.gradePlaceholder')}
          options={OUTLET_GRADES.map((value) => ({ value, label: codeText('enums.grades', value) }))}
          onChange={(value: string | undefined) => update({ grade: value ?? null }, { resetPage: true })}
          style={{ width: 120 }}
        />
        {filtered ? (
          <Button
            type="link"
            onClick={() =>
              update(
                { q: null, type: null, status: null, regionCode: null, band: null, grade: null },
                { resetPage: true },
              )
            }
          >
            {t('common.clearFilters')}
          </Button>
        ) : null}
      </div>
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : list.loading && !list.data ? (
        <TableSkeleton rows={10} />
      ) : (
        <Table<OutletSummary>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          scroll={screens.md ? { x: 1100 } : undefined}
          pagination={list.pagination}
          onRow={(outlet) => ({
            onClick: (event) => {
              if ((event.target as HTMLElement).closest('a, button')) return;
              open(outlet);
            },
            className: 'clickable-row',
          })}
          locale={{
            emptyText: (
              <ListEmpty
                filtered={filtered}
                empty={t('outlets.empty')}
                emptyFiltered={t('outlets.emptyFiltered')}
              />
            ),
          }}
        />
      )}
    </Card>
  );
}
