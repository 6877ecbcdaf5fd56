import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { CascaderNode, ProductCategory } from '../api/master-data';

/**
 * Reference data that changes rarely and is needed on many screens: loaded once per page load and shared,
 * and read synchronously once loaded so a table of fifty rows does not flash fifty placeholders.
 * A failed load is forgotten so the next screen tries again.
 */
interface Resource<T> {
  peek: () => T | undefined;
  load: () => Promise<T>;
}

function resource<T>(fetch: () => Promise<T>): Resource<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    peek: () => value,
    load: () => {
      pending ??= fetch().then(
        (loaded) => {
          value = loaded;
          return loaded;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
  };
}

interface ResourceState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

function useResource<T>(source: Resource<T>): ResourceState<T> {
  const [data, setData] = useState<T | undefined>(source.peek);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (source.peek() !== undefined) return;
    let live = true;
    setError(null);
    source
      .load()
      .then((loaded) => {
        if (live) setData(loaded);
      })
      .catch((caught: unknown) => {
        if (live) setError(caught);
      });
    return () => {
      live = false;
    };
  }, [source, tick]);
  const reload = useCallback(() => setTick((value) => value + 1), []);
  return { data, error, loading: data === undefined && !error, reload };
}

const categoriesResource = resource(() => api.get<ProductCategory[]>('/api/product-categories'));
const cascaderResource = resource(() => api.get<CascaderNode[]>('/api/regions/cascader'));

export interface CategoryIndex {
  categories: ProductCategory[];
  /** The category's name in the UI language; null for a code the server did not list. */
  nameOf: (code: string) => string | null;
  options: { value: string; label: string }[];
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useCategories(): CategoryIndex {
  const { i18n } = useTranslation();
  const { data, error, loading, reload } = useResource(categoriesResource);
  const english = i18n.language === 'en-US';
  return useMemo(() => {
    const categories = data ?? [];
    const byCode = new Map(categories.map((category) => [category.code, category]));
    const nameOf = (code: string) => {
      const category = byCode.get(code);
      if (!category) return null;
      return english ? category.nameEn : category.nameZh;
    };
    return {
      categories,
      nameOf,
      options: categories.map((category) => ({ value: category.code, label: nameOf(category.code) ?? '' })),
      error,
      loading,
      reload,
    };
  }, [data, error, loading, reload, english]);
}

export interface RegionTree {
  options: CascaderNode[];
  /** Codes from the province down to `code`, as the Cascader wants its value; [] when unknown. */
  pathOf: (code: string) => string[];
  /** "广东省 / 广州市 / 天河区" for a code, or the code itself when the tree does not hold it. */
  labelOf: (code: string) => string;
  error: unknown;
  loading: boolean;
}

function indexTree(nodes: CascaderNode[]): Map<string, { path: string[]; labels: string[] }> {
  const index = new Map<string, { path: string[]; labels: string[] }>();
  const walk = (list: CascaderNode[], path: string[], labels: string[]) => {
    for (const node of list) {
      const entry = { path: [...path, node.value], labels: [...labels, node.label] };
      index.set(node.value, entry);
      if (node.children) walk(node.children, entry.path, entry.labels);
    }
  };
  walk(nodes, [], []);
  return index;
}

export function useRegionTree(): RegionTree {
  const { data, error, loading } = useResource(cascaderResource);
  return useMemo(() => {
    const options = data ?? [];
    const index = indexTree(options);
    return {
      options,
      pathOf: (code: string) => index.get(code)?.path ?? [],
      labelOf: (code: string) => index.get(code)?.labels.join(' / ') ?? code,
      error,
      loading,
    };
  }, [data, error, loading]);
}
