import { useEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { OutletSummary } from '../../../api/master-data';
import type { Page } from '../../../api/types';

interface Option {
  value: string;
  label: string;
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The outlet currently held, so its name shows before any search. */
  known?: Option;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
}

/** Searches outlets in the caller's scope by name or code, debounced. */
export function OutletSelect({
  value,
  onChange,
  known,
  placeholder,
  allowClear,
  disabled,
  style,
  id,
}: Props) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<Option[]>(known ? [known] : []);
  const [loading, setLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(0);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const ticket = ++latest.current;
      setLoading(true);
      api
        .get<Page<OutletSummary>>('/api/outlets', { q: q.trim(), page: 1, pageSize: 20 })
        .then((page) => {
          if (ticket !== latest.current) return;
          const found = page.items.map((outlet) => ({
            value: outlet.id,
            label: `${outlet.name}（${outlet.code}）`,
          }));
          setOptions(
            known && !found.some((option) => option.value === known.value) ? [known, ...found] : found,
          );
        })
        .catch(() => {
          // An empty list with the search still open is the honest result of a failed look-up.
          if (ticket === latest.current) setOptions(known ? [known] : []);
        })
        .finally(() => {
          if (ticket === latest.current) setLoading(false);
        });
    }, 250);
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);
  // A value from the URL names an outlet by id only: load the first page once so it can show its name.
  useEffect(() => {
    if (value && !options.some((option) => option.value === value)) search('');
    // Only the first render matters; later values come from the options the user picked from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: search }}
      value={value || undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
      options={options}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder ?? t('users.outletPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      onOpenChange={(open) => {
        if (open && options.length <= 1) search('');
      }}
      style={style}
    />
  );
}
