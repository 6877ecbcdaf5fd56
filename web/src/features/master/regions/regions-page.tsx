import { useState } from 'react';
import { Breadcrumb, Button, Card, Cascader, Grid, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { AREA_TYPES, isAreaType, isRegionLevel, MARKET_TIERS, REGION_LEVELS } from '../../../api/master-data';
import type { CascaderNode, Region } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { CodeLabel, codeText } from '../../../components/code-label';
import { ExportButton } from '../../../components/export-button';
import { ListEmpty } from '../../../components/list-empty';
import { LoadError } from '../../../components/load-error';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/page-skeleton';
import { useRegionTree } from '../../../lib/reference-data';
import { usePagedList } from '../../../lib/use-paged-list';
import { useUrlParams } from '../../../lib/use-url-params';
import { RegionEditModal } from './region-edit-modal';
import { AreaTypeTag, MarketTierTag, TierSourceTag } from './region-tags';

/** Browsing stops at cities: a district has nothing below it to open. */
function withoutDistricts(nodes: CascaderNode[], depth = 0): CascaderNode[] {
  return nodes.map((node) => ({
    value: node.value,
    label: node.label,
    children: depth < 1 && node.children ? withoutDistricts(node.children, depth + 1) : undefined,
  }));
}

export function RegionsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { get, update } = useUrlParams();
  const screens = Grid.useBreakpoint();
  const tree = useRegionTree();
  const [editing, setEditing] = useState<Region | null>(null);

  const parentCode = get('parentCode');
  const q = get('q');
  const rawLevel = get('level');
  const level = isRegionLevel(rawLevel) ? rawLevel : '';
  const rawTier = Number(get('marketTier'));
  const marketTier = MARKET_TIERS.find((tier) => tier === rawTier) ?? '';
  const rawArea = get('areaType');
  const areaType = isAreaType(rawArea) ? rawArea : '';
  const filtered = Boolean(parentCode || q || level || marketTier || areaType);

  // With nothing chosen the list starts at the top of the tree, the provinces, rather than 3,800 rows.
  const filters = { parentCode, q, level: filtered ? level : 'province', marketTier, areaType };
  const list = usePagedList<Region>('/api/regions', filters);
  const writable = can('region.write');
  const parentPath = parentCode ? tree.pathOf(parentCode) : [];

  const columns: TableColumnsType<Region> = [
    {
      title: t('regions.name'),
      key: 'name',
      width: 200,
      render: (_, region) =>
        region.level === 'district' ? (
          region.name
        ) : (
          <Typography.Link
            onClick={() => update({ parentCode: region.code, level: null, q: null }, { resetPage: true })}
          >
            {region.name} <RightOutlined className="small" />
          </Typography.Link>
        ),
    },
    {
      title: t('regions.code'),
      dataIndex: 'code',
      key: 'code',
      width: 100,
      render: (code: string) => <span className="mono">{code}</span>,
    },
    {
      title: t('regions.level'),
      key: 'level',
      width: 90,
      responsive: ['sm'],
      render: (_, region) => <CodeLabel group="enums.regionLevels" code={region.level} />,
    },
    { title: t('regions.path'), dataIndex: 'path', key: 'path', ellipsis: true, responsive: ['lg'] },
    {
      title: t('regions.marketTier'),
      key: 'marketTier',
      width: 170,
      render: (_, region) => <MarketTierTag region={region} />,
    },
    {
      title: t('regions.areaType'),
      key: 'areaType',
      width: 120,
      responsive: ['md'],
      render: (_, region) =>
        region.level === 'province' ? null : <AreaTypeTag areaType={region.areaType} />,
    },
    {
      title: t('regions.tierSource'),
      key: 'tierSource',
      width: 160,
      responsive: ['md'],
      render: (_, region) =>
        region.level === 'province' ? null : <TierSourceTag source={region.tierSource} />,
    },
    ...(writable
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, region: Region) =>
              region.level === 'province' ? null : (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(region)}>
                  {t('regions.adjust')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  const crumbs = [
    {
      key: 'root',
      title: <a onClick={() => update({ parentCode: null }, { resetPage: true })}>{t('regions.country')}</a>,
    },
    ...parentPath.map((code, index) => ({
      key: code,
      title:
        index === parentPath.length - 1 ? (
          tree.labelOf(code).split(' / ').pop()
        ) : (
          <a onClick={() => update({ parentCode: code }, { resetPage: true })}>
            {tree.labelOf(code).split(' / ').pop()}
          </a>
        ),
    })),
  ];

  return (
    <>
      <PageHeader
        title={t('regions.title')}
        subtitle={t('regions.subtitle')}
        extra={<ExportButton path="/api/regions" filters={filters} fileName="regions" />}
      />
      <Card>
        <div className="filter-bar">
          <Cascader<CascaderNode>
            options={withoutDistricts(tree.options)}
            value={parentPath.length > 0 ? parentPath : undefined}
            changeOnSelect
            showSearch
            placeholder={t('regions.browsePlaceholder')}
            onChange={(path) =>
              update(
                { parentCode: path && path.length > 0 ? String(path[path.length - 1]) : null },
                { resetPage: true },
              )
            }
            style={{ width: 240 }}
          />
          <Input.Search
            key={q}
            allowClear
            defaultValue={q}
            placeholder={t('regions.searchPlaceholder')}
            onSearch={(value) => update({ q: value.trim() }, { resetPage: true })}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            value={level || undefined}
            placeholder={t('regions.levelPlaceholder')}
            options={REGION_LEVELS.map((value) => ({ value, label: codeText('enums.regionLevels', value) }))}
            onChange={(value: string | undefined) => update({ level: value ?? null }, { resetPage: true })}
            style={{ width: 140 }}
          />
          <Select
            allowClear
            value={marketTier || undefined}
            placeholder={t('regions.tierPlaceholder')}
            options={MARKET_TIERS.map((tier) => ({ value: tier, label: t(`enums.marketTiers.${tier}`) }))}
            onChange={(value: number | undefined) =>
              update({ marketTier: value ?? null }, { resetPage: true })
            }
            style={{ width: 190 }}
          />
          <Select
            allowClear
            value={areaType || undefined}
            placeholder={t('regions.areaPlaceholder')}
            options={AREA_TYPES.map((value) => ({ value, label: codeText('enums.areaTypes', value) }))}
            onChange={(value: string | undefined) => update({ areaType: value ?? null }, { resetPage: true })}
            style={{ width: 140 }}
          />
          {filtered ? (
            <Button
              type="link"
              onClick={() =>
                update(
                  { parentCode: null, q: null, level: null, marketTier: null, areaType: null },
                  { resetPage: true },
                )
              }
            >
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </div>
        <Breadcrumb items={crumbs} className="region-crumbs" />
        {writable ? null : (
          <Typography.Paragraph type="secondary" className="small">
            {t('common.readOnly')}
          </Typography.Paragraph>
        )}
        {list.error ? (
          <LoadError error={list.error} onRetry={list.reload} />
        ) : list.loading && !list.data ? (
          <TableSkeleton rows={10} />
        ) : (
          <Table<Region>
            size="small"
            rowKey="code"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.loading}
            scroll={screens.md ? { x: 1000 } : undefined}
            pagination={list.pagination}
            locale={{
              emptyText: (
                <ListEmpty
                  filtered={filtered}
                  empty={t('regions.empty')}
                  emptyFiltered={parentCode && !q ? t('regions.emptyChildren') : t('regions.empty')}
                />
              ),
            }}
          />
        )}
      </Card>
      <RegionEditModal
        region={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
        onConflict={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </>
  );
}
