import { useMemo } from 'react';
import type { TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { QueryValue } from '../api/client';
import type { Page } from '../api/types';
import { useApi } from './use-api';
import type { ApiState } from './use-api';
import { useUrlParams } from './use-url-params';

export const PAGE_SIZES = [20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

export interface PagedList<T> extends ApiState<Page<T>> {
  pagination: TablePaginationConfig;
}

/**
 * One server-paged list whose page and page size live in the URL next to its filters, so the view can be
 * shared and survives a reload (UI.md "List pages").
 */
export function usePagedList<T>(path: string, filters: Record<string, QueryValue>): PagedList<T> {
  const { t } = useTranslation();
  const { getInt, update } = useUrlParams();
  const page = getInt('page', 1);
  const pageSize = getInt('pageSize', DEFAULT_PAGE_SIZE);
  const query = { ...filters, page, pageSize };
  const key = `${path}:${JSON.stringify(query)}`;
  const state = useApi(key, (signal) => api.get<Page<T>>(path, query, { signal }));
  const { data } = state;

  const pagination = useMemo<TablePaginationConfig>(
    () => ({
      current: data?.page ?? page,
      pageSize: data?.pageSize ?? pageSize,
      total: data?.total ?? 0,
      showSizeChanger: true,
      pageSizeOptions: PAGE_SIZES,
      showTotal: (total) => t('common.total', { count: total }),
      onChange: (nextPage, nextSize) =>
        update({
          page: nextPage > 1 ? nextPage : null,
          pageSize: nextSize !== DEFAULT_PAGE_SIZE ? nextSize : null,
        }),
    }),
    [data, page, pageSize, t, update],
  );

  return { ...state, pagination };
}
