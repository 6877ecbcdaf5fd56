import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters live in the URL so a view can be shared and survives reload (UI.md "List pages").
 * Setting a filter resets paging unless the patch sets the page itself.
 */
export function useUrlParams() {
  const [params, setParams] = useSearchParams();

  const get = useCallback((name: string) => params.get(name) ?? '', [params]);

  const getInt = useCallback(
    (name: string, fallback: number) => {
      const value = Number.parseInt(params.get(name) ?? '', 10);
      return Number.isFinite(value) && value > 0 ? value : fallback;
    },
    [params],
  );

  const update = useCallback(
    (patch: Record<string, string | number | null | undefined>, options: { resetPage?: boolean } = {}) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [name, value] of Object.entries(patch)) {
            if (value === null || value === undefined || value === '') next.delete(name);
            else next.set(name, String(value));
          }
          if (options.resetPage && !('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { params, get, getInt, update };
}
