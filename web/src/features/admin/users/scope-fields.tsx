import { useEffect, useMemo, useRef, useState } from 'react';
import { Form, Select, Spin, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Outlet, Page, Role, Scope, ScopeInput } from '../../../api/types';
import { SCOPE_KIND_OF_ROLE } from '../../../api/types';

export type ScopeKind = Scope['kind'];

/** Form fields that describe a scope; the kind itself follows from the role (server rule SEC-1). */
export interface ScopeFormValues {
  outletId?: string;
  regionCodes?: string[];
}

export function scopeKindOf(role: Role | undefined): ScopeKind | undefined {
  return role ? SCOPE_KIND_OF_ROLE[role] : undefined;
}

export function scopeToForm(scope: Scope): ScopeFormValues {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'outlet':
      return { outletId: scope.outletId };
    case 'regions':
      return { regionCodes: scope.regionCodes };
  }
}

export function scopeFromForm(role: Role, values: ScopeFormValues): ScopeInput {
  const kind = SCOPE_KIND_OF_ROLE[role];
  if (kind === 'outlet') return { kind: 'outlet', outletId: values.outletId ?? '' };
  if (kind === 'regions') {
    return {
      kind: 'regions',
      regionCodes: (values.regionCodes ?? []).map((code) => code.trim()).filter(Boolean),
    };
  }
  return { kind: 'all' };
}

/** Server field paths (`/scope/outletId`) mapped onto this form's flat field names. */
export function scopeFieldName(path: (string | number)[]): string | number {
  if (path[0] === 'scope') return path[1] === 'kind' ? 'role' : (path[1] ?? 'role');
  return path[0] ?? '';
}

interface OutletOption {
  value: string;
  label: string;
}

function OutletSelect({
  value,
  onChange,
  known,
  disabled,
}: {
  value?: string;
  onChange?: (value: string) => void;
  known?: OutletOption;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [options, setOptions] = useState<OutletOption[]>(known ? [known] : []);
  const [loading, setLoading] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(0);

  const search = (q: string) => {
    window.clearTimeout(timer.current);
    // Debounced so typing an outlet name does not fire one request per keystroke.
    timer.current = window.setTimeout(() => {
      const ticket = ++latest.current;
      setLoading(true);
      api
        .get<Page<Outlet>>('/api/outlets', { q, page: 1, pageSize: 20 })
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
          // An empty list with the search box still open is the honest result of a failed look-up.
          if (ticket === latest.current) setOptions(known ? [known] : []);
        })
        .finally(() => {
          if (ticket === latest.current) setLoading(false);
        });
    }, 250);
  };

  useEffect(() => () => window.clearTimeout(timer.current), []);

  return (
    <Select
      showSearch={{ filterOption: false, onSearch: search }}
      value={value}
      onChange={onChange}
      options={options}
      disabled={disabled}
      placeholder={t('users.outletPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : undefined}
      onOpenChange={(open) => {
        if (open && options.length <= 1) search('');
      }}
      style={{ width: '100%' }}
    />
  );
}

interface Props {
  form: FormInstance;
  /** Set when the editor may only work inside one outlet (an outlet manager). */
  fixedOutlet?: { id: string; name: string };
  /** The outlet currently held, so the select can show its name before any search. */
  knownOutlet?: { id: string; name: string };
}

const REGION_CODE = /^\d{6}$/;

export function ScopeFields({ form, fixedOutlet, knownOutlet }: Props) {
  const { t } = useTranslation();
  const role = Form.useWatch<Role | undefined>('role', form);
  const kind = scopeKindOf(role);
  const known = useMemo(() => {
    const source = fixedOutlet ?? knownOutlet;
    return source ? { value: source.id, label: source.name } : undefined;
  }, [fixedOutlet, knownOutlet]);

  if (kind === 'outlet') {
    return (
      <Form.Item
        label={`${t('users.scope')} · ${t('scope.kind.outlet')}`}
        name="outletId"
        rules={[{ required: true, message: t('users.outletRequired') }]}
        extra={fixedOutlet ? t('users.scopeFixed') : undefined}
      >
        <OutletSelect known={known} disabled={Boolean(fixedOutlet)} />
      </Form.Item>
    );
  }
  if (kind === 'regions') {
    return (
      <Form.Item
        label={`${t('users.scope')} · ${t('scope.kind.regions')}`}
        name="regionCodes"
        extra={t('users.regionsHelp')}
        rules={[
          { required: true, type: 'array', min: 1, message: t('users.regionsRequired') },
          {
            validator: async (_, codes: unknown) => {
              if (Array.isArray(codes) && codes.some((code) => !REGION_CODE.test(String(code).trim()))) {
                throw new Error(t('users.regionsPattern'));
              }
            },
          },
        ]}
      >
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} suffixIcon={null} />
      </Form.Item>
    );
  }
  return (
    <Form.Item label={t('users.scope')}>
      <Typography.Text type="secondary">
        {kind ? t('scope.kind.all') : t('users.scopeAfterRole')}
      </Typography.Text>
    </Form.Item>
  );
}
