import { Checkbox, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { SERVICE_TYPES } from '../../../api/master-data';
import type { ProductCategory } from '../../../api/master-data';
import { codeText } from '../../../components/code-label';
import { useCategories } from '../../../lib/reference-data';
import { serviceKey } from './coverage-draft';

interface Props {
  value: Set<string>;
  onChange: (next: Set<string>) => void;
  disabled: boolean;
}

/** Categories × service types (NET-2): one checkbox per pair, plus a whole-row switch for speed. */
export function ServiceMatrix({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const categories = useCategories();

  const toggle = (keys: string[], on: boolean) => {
    const next = new Set(value);
    for (const key of keys) {
      if (on) next.add(key);
      else next.delete(key);
    }
    onChange(next);
  };

  const columns: TableColumnsType<ProductCategory> = [
    {
      title: t('outlets.category'),
      key: 'category',
      fixed: 'left',
      width: 150,
      render: (_, category) => categories.nameOf(category.code) ?? category.code,
    },
    {
      title: t('outlets.wholeRow'),
      key: 'row',
      width: 80,
      align: 'center',
      render: (_, category) => {
        const keys = SERVICE_TYPES.map((type) => serviceKey(category.code, type));
        const count = keys.filter((key) => value.has(key)).length;
        return (
          <Checkbox
            aria-label={`${categories.nameOf(category.code) ?? category.code} · ${t('outlets.wholeRow')}`}
            checked={count === keys.length}
            indeterminate={count > 0 && count < keys.length}
            disabled={disabled}
            onChange={(event) => toggle(keys, event.target.checked)}
          />
        );
      },
    },
    ...SERVICE_TYPES.map((type) => ({
      title: codeText('enums.serviceTypes', type),
      key: type,
      width: 110,
      align: 'center' as const,
      render: (_: unknown, category: ProductCategory) => {
        const key = serviceKey(category.code, type);
        return (
          <Checkbox
            aria-label={`${categories.nameOf(category.code) ?? category.code} · ${codeText('enums.serviceTypes', type)}`}
            checked={value.has(key)}
            disabled={disabled}
            onChange={(event) => toggle([key], event.target.checked)}
          />
        );
      },
    })),
  ];

  return (
    <Table<ProductCategory>
      size="small"
      rowKey="code"
      bordered
      pagination={false}
      loading={categories.loading}
      dataSource={categories.categories}
      columns={columns}
      scroll={{ x: 800 }}
      className="service-matrix"
    />
  );
}
