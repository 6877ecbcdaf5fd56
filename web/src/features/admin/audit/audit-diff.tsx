import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JsonValue } from '../../../api/types';

interface DiffRow {
  field: string;
  before: JsonValue | undefined;
  after: JsonValue | undefined;
  changed: boolean;
}

function isObject(value: JsonValue | null | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Field-by-field rows; non-object snapshots compare as one row. */
export function diffRows(before: JsonValue | null, after: JsonValue | null): DiffRow[] {
  if (isObject(before) || isObject(after)) {
    const left = isObject(before) ? before : {};
    const right = isObject(after) ? after : {};
    const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    return fields.map((field) => ({
      field,
      before: left[field],
      after: right[field],
      changed: !same(left[field], right[field]),
    }));
  }
  if (before === null && after === null) return [];
  return [
    { field: '', before: before ?? undefined, after: after ?? undefined, changed: !same(before, after) },
  ];
}

function ValueText({ value }: { value: JsonValue | undefined }) {
  if (value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return <span className="diff-value">{text}</span>;
}

export function AuditDiff({ before, after }: { before: JsonValue | null; after: JsonValue | null }) {
  const { t } = useTranslation();
  const rows = diffRows(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noDiff')}</Typography.Text>;
  // Changed fields first: that is what the reader came for; unchanged ones stay for context.
  const ordered = [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
  return (
    <Table<DiffRow>
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={ordered}
      rowClassName={(row) => (row.changed ? 'diff-changed' : 'diff-same')}
      footer={rows.every((row) => !row.changed) ? () => t('audit.noChange') : undefined}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'field',
          key: 'field',
          width: 200,
          render: (field: string) => (field ? <Typography.Text code>{field}</Typography.Text> : '—'),
        },
        {
          title: t('audit.before'),
          key: 'before',
          render: (_, row) => <ValueText value={row.before} />,
        },
        {
          title: t('audit.after'),
          key: 'after',
          render: (_, row) => <ValueText value={row.after} />,
        },
      ]}
    />
  );
}
