import { regionAncestors } from './region-defaults.ts';

export interface RegionNode {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

export interface CascaderOption {
  value: string;
  label: string;
  children?: CascaderOption[];
}

/** Province → city → district options for antd's Cascader, in code order; leaves carry no `children`. */
export function buildCascader(rows: readonly RegionNode[]): CascaderOption[] {
  const sorted = [...rows].sort((a, b) => a.code.localeCompare(b.code));
  const children = new Map<string, CascaderOption[]>();
  for (const r of sorted) {
    if (r.parentCode === null) continue;
    const list = children.get(r.parentCode) ?? [];
    list.push({ value: r.code, label: r.name });
    children.set(r.parentCode, list);
  }
  const attach = (o: CascaderOption): CascaderOption => {
    const kids = children.get(o.value);
    return kids && kids.length > 0 ? { ...o, children: kids.map(attach) } : o;
  };
  return sorted.filter((r) => r.level === 'province').map((r) => attach({ value: r.code, label: r.name }));
}

/**
 * "广东省 / 广州市 / 天河区". A name repeated by the level below (北京市 the municipality and 北京市 its
 * city-level entry) is shown once.
 */
export function regionPathOf(code: string, nameOf: (code: string) => string | undefined): string {
  const { provinceCode, cityCode } = regionAncestors(code);
  const names: string[] = [];
  for (const c of [provinceCode, cityCode, code].filter((c, i, all) => all.indexOf(c) === i)) {
    const name = nameOf(c);
    if (name !== undefined && names[names.length - 1] !== name) names.push(name);
  }
  return names.join(' / ');
}
