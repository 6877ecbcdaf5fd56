import type { CSSProperties } from 'react';
import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionTree } from '../lib/reference-data';
import type { CascaderNode } from '../api/master-data';

interface Props {
  /** A region code (a district unless `anyLevel`). */
  value?: string;
  onChange?: (code: string | undefined) => void;
  /** Lets a province or a city be picked too (filters), not only a district (addresses). */
  anyLevel?: boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
}

function searchFilter(input: string, path: CascaderNode[]): boolean {
  const needle = input.trim().toLowerCase();
  return path.some((node) => node.label.toLowerCase().includes(needle) || node.value.startsWith(needle));
}

/** Province → city → district picker on /api/regions/cascader; the form value is the last code only. */
export function RegionCascader({
  value,
  onChange,
  anyLevel,
  placeholder,
  allowClear,
  disabled,
  style,
  id,
}: Props) {
  const { t } = useTranslation();
  const tree = useRegionTree();
  const path = value ? tree.pathOf(value) : [];
  return (
    <Cascader<CascaderNode>
      id={id}
      options={tree.options}
      // Until the tree has loaded, the code alone cannot be placed; show nothing rather than a wrong path.
      value={path.length > 0 ? path : undefined}
      onChange={(next) => onChange?.(next && next.length > 0 ? String(next[next.length - 1]) : undefined)}
      changeOnSelect={anyLevel}
      showSearch={{ filter: searchFilter, limit: 50 }}
      placeholder={placeholder ?? t('common.regionPlaceholder')}
      allowClear={allowClear ?? true}
      disabled={disabled}
      loading={tree.loading}
      style={style}
      popupMatchSelectWidth={false}
    />
  );
}
