import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { CustomerSummary, Dealer, Engineer } from '../../api/master-data';
import type { Page } from '../../api/types';

export interface PickOption {
  value: string;
  label: string;
}

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Labels of values set from outside the search (carried-over lists), so they never show as bare ids. */
  known?: PickOption[];
  placeholder?: string;
  disabled?: boolean;
  id?: string;
  'aria-label'?: string;
}

type Searcher = (q: string) => Promise<PickOption[]>;

/** A select that asks the server as the user types; the latest answer wins. */
function RemoteSelect({
  search,
  known,
  value,
  onChange,
  placeholder,
  disabled,
  id,
  ...rest
}: Props & { search: Searcher }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<PickOption[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(0);

  const run = (q: string) => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const ticket = ++latest.current;
      setLoading(true);
      setFailed(false);
      search(q.trim())
        .then((options) => {
          if (ticket === latest.current) setFound(options);
        })
        .catch(() => {
          if (ticket !== latest.current) return;
          setFound([]);
          setFailed(true);
        })
        .finally(() => {
          if (ticket === latest.current) setLoading(false);
        });
    }, 250);
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const held = (known ?? []).filter((option) => !found.some((f) => f.value === option.value));
  return (
    <Select
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: run }}
      value={value || undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
      options={[...held, ...found]}
      disabled={disabled}
      placeholder={placeholder}
      notFoundContent={
        loading ? <Spin size="small" /> : failed ? t('callbackProgrammes.common.searchFailed') : undefined
      }
      onOpenChange={(open) => {
        if (open && found.length === 0) run('');
      }}
      style={{ width: '100%' }}
    />
  );
}

export function DealerSelect(props: Props) {
  const search: Searcher = (q) =>
    api
      .get<Page<Dealer>>('/api/dealers', { q, active: true, page: 1, pageSize: 20 })
      .then((page) => page.items.map((d) => ({ value: d.id, label: `${d.name}（${d.code}）` })));
  return <RemoteSelect {...props} search={search} />;
}

export function CustomerSelect(props: Props) {
  const search: Searcher = (q) =>
    api.get<Page<CustomerSummary>>('/api/customers', { q, page: 1, pageSize: 20 }).then((page) =>
      page.items.map((c) => ({
        value: c.id,
        label: [c.nameMasked, c.code, c.primaryPhoneMasked].filter(Boolean).join(' · '),
      })),
    );
  return <RemoteSelect {...props} search={search} />;
}

/** Home-service workers are engineer records of the placing outlet (CB-8). */
export function WorkerSelect(props: Props) {
  const search: Searcher = (q) =>
    api
      .get<Page<Engineer>>('/api/engineers', { q, active: true, page: 1, pageSize: 20 })
      .then((page) =>
        page.items.map((e) => ({ value: e.id, label: `${e.nameMasked}（${e.code}）· ${e.outletName}` })),
      );
  return <RemoteSelect {...props} search={search} />;
}
