import { useEffect, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import { Select, Spin } from 'antd';

export interface SearchOption {
  value: string;
  label: string;
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Returns the options for a search text; called debounced, the latest answer wins. */
  search: (q: string) => Promise<SearchOption[]>;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: CSSProperties;
  id?: string;
}

/** A select that asks the server as the user types (models, dealers, customers). */
export function SearchSelect({
  value,
  onChange,
  search,
  placeholder,
  allowClear,
  disabled,
  style,
  id,
}: Props) {
  const [options, setOptions] = useState<SearchOption[]>([]);
  const [loading, setLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(0);

  const run = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const ticket = ++latest.current;
      setLoading(true);
      search(q.trim())
        .then((found) => {
          if (ticket !== latest.current) return;
          // Keep the chosen option listed so its label does not turn into a bare id.
          const chosen = options.find((option) => option.value === value);
          setOptions(
            chosen && !found.some((option) => option.value === chosen.value) ? [chosen, ...found] : found,
          );
        })
        .catch(() => {
          if (ticket === latest.current) setOptions([]);
        })
        .finally(() => {
          if (ticket === latest.current) setLoading(false);
        });
    }, 250);
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: run }}
      value={value || undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
      options={options}
      disabled={disabled}
      allowClear={allowClear}
      placeholder={placeholder}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      onOpenChange={(open) => {
        if (open && options.length === 0) run('');
      }}
      style={{ width: '100%', ...style }}
    />
  );
}
