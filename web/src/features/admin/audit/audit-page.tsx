import { useRef, useState } from 'react';
import { Button, Card, DatePicker, Empty, Grid, Input, Select, Table, Typography } from 'antd';
import { ExportButton } from '../../../components/export-button';
import dayjs from 'dayjs';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { AuditEntry, Page, UserSummary } from '../../../api/types';
import { isRole } from '../../../api/types';
import { useAuth } from '../../../app/auth-context';
import { LoadError } from '../../../components/load-error';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/page-skeleton';
import { enUS } from '../../../i18n/en-US';
import { optionalLabel } from '../../../i18n/i18n';
import { businessDayEndIso, businessDayStartIso, formatDateTime } from '../../../lib/format';
import { actorName, isSystemActor, roleLabel } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { useUrlParams } from '../../../lib/use-url-params';
import { AuditDiff } from './audit-diff';
import { AuditActionLabel, AuditEntityLabel } from './audit-labels';

const ENTITY_CODES = Object.keys(enUS.audit.entities);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION_CODES = Object.keys(enUS.audit.actions);

interface ActorOption {
  value: string;
  label: string;
}

function ActorSelect({
  value,
  knownName,
  onChange,
}: {
  value: string;
  knownName?: string;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<ActorOption[]>([]);
  const timer = useRef<number | undefined>(undefined);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      api
        .get<Page<UserSummary>>('/api/users', { q, page: 1, pageSize: 20 })
        .then((page) =>
          setOptions(
            page.items.map((user) => ({ value: user.id, label: `${user.displayName} (${user.username})` })),
          ),
        )
        .catch(() => setOptions([]));
    }, 250);
  };

  const merged =
    value && !options.some((option) => option.value === value)
      ? [{ value, label: knownName ?? value }, ...options]
      : options;

  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: search }}
      value={value || undefined}
      options={merged}
      placeholder={t('audit.actorPlaceholder')}
      onOpenChange={(open) => {
        if (open && options.length === 0) search('');
      }}
      onChange={(next: string | undefined) => onChange(next ?? null)}
      style={{ width: 220 }}
    />
  );
}

export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { get, getInt, update } = useUrlParams();
  const screens = Grid.useBreakpoint();

  const entity = get('entity');
  const entityId = get('entityId');
  const actorId = get('actorId');
  const action = get('action');
  const fromDay = get('from');
  const toDay = get('to');
  const page = getInt('page', 1);
  const pageSize = getInt('pageSize', 20);
  const filtered = Boolean(entity || entityId || actorId || action || fromDay || toDay);

  // The URL keeps calendar days (readable, shareable); the API wants instants in business time.
  const query = {
    entity,
    entityId,
    actorId,
    action,
    from: DAY.test(fromDay) ? businessDayStartIso(fromDay) : undefined,
    to: DAY.test(toDay) ? businessDayEndIso(toDay) : undefined,
    page,
    pageSize,
  };
  const { data, error, loading, reload } = useApi(`audit:${JSON.stringify(query)}`, (signal) =>
    api.get<Page<AuditEntry>>('/api/audit', query, { signal }),
  );
  const knownActorName = data?.items.find((entry) => entry.actor?.id === actorId)?.actor?.displayName;

  // Codes seen in the data join the dictionary's, so a filter exists for every code on screen.
  const entityCodes = [
    ...new Set([
      ...ENTITY_CODES,
      ...(data?.items.map((entry) => entry.entity) ?? []),
      ...(entity ? [entity] : []),
    ]),
  ];
  const actionCodes = [
    ...new Set([
      ...ACTION_CODES,
      ...(data?.items.map((entry) => entry.action) ?? []),
      ...(action ? [action] : []),
    ]),
  ];

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      width: 150,
      render: (at: string) => <span className="tabular">{formatDateTime(at)}</span>,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 160,
      render: (_, entry) =>
        entry.actor && !isSystemActor(entry.actor) ? (
          <div className="stacked">
            <Typography.Link onClick={() => update({ actorId: entry.actor?.id }, { resetPage: true })}>
              {entry.actor.displayName}
            </Typography.Link>
            {isRole(entry.actorRole) ? (
              <Typography.Text type="secondary" className="small">
                {roleLabel(t, entry.actorRole)}
              </Typography.Text>
            ) : null}
          </div>
        ) : (
          <Typography.Text type="secondary">{actorName(t, entry.actor)}</Typography.Text>
        ),
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 140,
      responsive: ['md'],
      render: (_, entry) => <AuditEntityLabel code={entry.entity} />,
    },
    {
      title: t('audit.action'),
      key: 'action',
      width: 180,
      render: (_, entry) => <AuditActionLabel code={entry.action} />,
    },
    {
      title: t('audit.entityId'),
      key: 'entityId',
      ellipsis: true,
      responsive: ['sm'],
      render: (_, entry) => (
        <Typography.Link
          className="mono"
          onClick={() => update({ entity: entry.entity, entityId: entry.entityId }, { resetPage: true })}
        >
          {entry.entityId}
        </Typography.Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        subtitle={t('audit.subtitle')}
        extra={
          <ExportButton
            path="/api/audit"
            filters={{ entity, entityId, actorId, action, from: query.from, to: query.to }}
            fileName="audit"
          />
        }
      />
      <Card>
        <div className="filter-bar">
          <Select
            allowClear
            value={entity || undefined}
            placeholder={t('audit.entityPlaceholder')}
            options={entityCodes.map((code) => ({
              value: code,
              label: optionalLabel('audit.entities', code) ?? code,
            }))}
            onChange={(value: string | undefined) => update({ entity: value ?? null }, { resetPage: true })}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            value={action || undefined}
            placeholder={t('audit.actionPlaceholder')}
            options={actionCodes.map((code) => ({
              value: code,
              label: optionalLabel('audit.actions', code) ?? code,
            }))}
            onChange={(value: string | undefined) => update({ action: value ?? null }, { resetPage: true })}
            style={{ width: 180 }}
          />
          <Input.Search
            key={entityId}
            allowClear
            defaultValue={entityId}
            placeholder={t('audit.entityIdPlaceholder')}
            onSearch={(value) => update({ entityId: value.trim() }, { resetPage: true })}
            style={{ width: 220 }}
          />
          <DatePicker.RangePicker
            value={DAY.test(fromDay) && DAY.test(toDay) ? [dayjs(fromDay), dayjs(toDay)] : null}
            placeholder={[t('audit.rangeStart'), t('audit.rangeEnd')]}
            onChange={(range) =>
              update(
                {
                  from: range?.[0]?.format('YYYY-MM-DD') ?? null,
                  to: range?.[1]?.format('YYYY-MM-DD') ?? null,
                },
                { resetPage: true },
              )
            }
            style={{ width: 260 }}
          />
          {can('user.read') ? (
            <ActorSelect
              value={actorId}
              knownName={knownActorName}
              onChange={(id) => update({ actorId: id }, { resetPage: true })}
            />
          ) : null}
          {filtered ? (
            <Button
              type="link"
              onClick={() =>
                update(
                  { entity: null, entityId: null, actorId: null, action: null, from: null, to: null },
                  { resetPage: true },
                )
              }
            >
              {t('users.clearFilters')}
            </Button>
          ) : null}
        </div>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <TableSkeleton rows={10} />
        ) : (
          <Table<AuditEntry>
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={data?.items ?? []}
            loading={loading}
            scroll={screens.md ? { x: 860 } : undefined}
            expandable={{
              expandedRowRender: (entry) => <AuditDiff before={entry.before} after={entry.after} />,
              expandRowByClick: true,
            }}
            pagination={{
              current: data?.page ?? page,
              pageSize: data?.pageSize ?? pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (nextPage, nextSize) =>
                update({ page: nextPage > 1 ? nextPage : null, pageSize: nextSize !== 20 ? nextSize : null }),
            }}
            locale={{
              emptyText: (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={filtered ? t('audit.emptyFiltered') : t('audit.empty')}
                />
              ),
            }}
          />
        )}
      </Card>
    </>
  );
}
