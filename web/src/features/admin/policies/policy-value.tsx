import { Popover, Table, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { JsonValue, PolicyUnit } from '../../../api/types';
import { isWeekday } from '../../../api/types';
import { compactJson, formatFen, formatNumber, formatRatio } from '../../../lib/format';

/** A scalar policy value as a person reads it: "48 小时", "¥5,000.00", "10%". */
export function formatScalar(t: TFunction, unit: PolicyUnit, value: number | string | boolean): string {
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    // Weekdays are stored as English codes; people read them in their own language.
    return unit === 'day_of_week' && isWeekday(value) ? t(`weekdays.${value}`) : value;
  }
  switch (unit) {
    case 'fen':
      return formatFen(value);
    case 'ratio':
      return formatRatio(value);
    case 'hours':
    case 'days':
    case 'working_days':
    case 'minutes':
    case 'months':
    case 'multiplier':
    case 'km':
    case 'day_of_month':
    case 'percent_points':
    case 'points':
    case 'count':
      return t(`unitValue.${unit}`, { value: formatNumber(value) });
    default:
      return formatNumber(value);
  }
}

function isScalar(value: JsonValue | undefined): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** "minKm 10 km · maxKm 30 km": a flat object of unit values reads well on one line. */
function flatSummary(t: TFunction, unit: PolicyUnit, value: JsonValue): string | null {
  if (typeof value !== 'object' || value === null) return null;
  // A "table" policy has no single unit, so its cells are shown as plain numbers and text.
  const show = (item: string | number | boolean) => {
    if (unit !== 'table') return formatScalar(t, unit, item);
    return typeof item === 'number' ? formatNumber(item) : String(item);
  };
  if (Array.isArray(value)) {
    return value.length > 0 && value.every(isScalar) ? value.map((item) => show(item)).join(', ') : null;
  }
  const entries = Object.entries(value);
  if (entries.length === 0 || !entries.every(([, item]) => isScalar(item))) return null;
  return entries.map(([key, item]) => `${key} ${show(item as string | number | boolean)}`).join(' · ');
}

type Row = Record<string, JsonValue>;

function isPlainObject(value: JsonValue): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Arrays of flat objects and objects of flat objects read best as a small table. */
function asRows(value: JsonValue): { columns: string[]; rows: Row[] } | null {
  const list: Row[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      if (!isPlainObject(item)) return null;
      list.push(item);
    }
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (isPlainObject(item)) list.push({ '': key, ...item });
      else list.push({ '': key, value: item });
    }
  } else {
    return null;
  }
  const columns = [...new Set(list.flatMap((row) => Object.keys(row)))];
  return { columns, rows: list };
}

function cellText(t: TFunction, unit: PolicyUnit, cell: JsonValue | undefined): string {
  if (cell === undefined || cell === null) return '—';
  if (typeof cell === 'number' || typeof cell === 'string' || typeof cell === 'boolean') {
    // Table-shaped policies carry their own units per cell; only named units get unit formatting.
    return unit === 'table' ? String(cell) : formatScalar(t, unit, cell);
  }
  return flatSummary(t, unit, cell) ?? compactJson(cell);
}

export function PolicyValueTable({ unit, value }: { unit: PolicyUnit; value: JsonValue }) {
  const { t } = useTranslation();
  const shaped = asRows(value);
  if (!shaped) {
    return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
  }
  return (
    <Table<Row & { __key: number }>
      size="small"
      pagination={false}
      bordered
      scroll={{ x: 'max-content' }}
      rowKey="__key"
      dataSource={shaped.rows.map((row, index) => ({ ...row, __key: index }))}
      columns={shaped.columns.map((column) => ({
        key: column || '__name',
        title: column ? <Typography.Text code>{column}</Typography.Text> : '',
        render: (_: unknown, row: Row) => cellText(t, unit, row[column]),
      }))}
    />
  );
}

export function PolicyValue({ unit, value }: { unit: PolicyUnit; value: JsonValue | undefined }) {
  const { t } = useTranslation();
  if (value === undefined || value === null) {
    return <Typography.Text type="secondary">{t('policies.noCurrent')}</Typography.Text>;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return <span className="tabular">{formatScalar(t, unit, value)}</span>;
  }
  const json = flatSummary(t, unit, value) ?? compactJson(value);
  return (
    <Popover
      content={
        <div className="policy-value-popover">
          <PolicyValueTable unit={unit} value={value} />
        </div>
      }
      trigger="hover"
      placement="left"
    >
      <Typography.Text className="json-compact">
        {json.length > 64 ? `${json.slice(0, 61)}…` : json}
      </Typography.Text>
    </Popover>
  );
}
