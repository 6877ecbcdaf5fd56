import { useEffect } from 'react';
import { Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { EngineerPicker as Picker, WaitingCard } from '../../api/work-orders';
import { codeText } from '../../components/code-label';
import { useApi } from '../../lib/use-api';

interface Props {
  /** The selected orders to assign: their outlet and categories decide who may take them (WO-13). */
  cards: WaitingCard[];
  value: string | undefined;
  onChange: (engineerId: string | undefined) => void;
}

/** The outlet's engineers with their open load; the WO-13 suggestion is preselected, the unfit greyed out. */
export function EngineerPicker({ cards, value, onChange }: Props) {
  const { t } = useTranslation();
  const outlets = [...new Set(cards.map((card) => card.outletId ?? ''))];
  const categories = [...new Set(cards.map((card) => card.categoryCode))].sort();
  const outletId = outlets.length === 1 ? outlets[0] : undefined;
  const key = outletId && categories.length > 0 ? `engineers:${outletId}:${categories.join(',')}` : null;
  const { data, loading } = useApi(key, (signal) => {
    const query = new URLSearchParams({ outletId: outletId ?? '' });
    for (const code of categories) query.append('categoryCode', code);
    return api.get<Picker>(`/api/dispatch/engineers?${query.toString()}`, undefined, { signal });
  });
  const current = data && key ? data : undefined;

  useEffect(() => {
    if (!current) return;
    const chosen = current.engineers.find((e) => e.engineerId === value);
    if (!chosen?.eligible) onChange(current.suggestedEngineerId ?? undefined);
  }, [current, value, onChange]);

  if (outlets.length > 1) {
    return <Typography.Text type="warning">{t('dispatch.oneOutlet')}</Typography.Text>;
  }
  return (
    <Space orientation="vertical" size={2}>
      <Select
        aria-label={t('dispatch.pickEngineer')}
        placeholder={t('dispatch.pickEngineer')}
        style={{ minWidth: 300 }}
        popupMatchSelectWidth={false}
        disabled={!key}
        loading={loading && key !== null}
        value={current ? value : undefined}
        onChange={(id: string) => onChange(id)}
        showSearch
        optionFilterProp="search"
        options={(current?.engineers ?? []).map((e) => ({
          value: e.engineerId,
          search: `${e.name} ${e.code}`,
          disabled: !e.eligible,
          label: (
            <Space size={6}>
              <span>
                {e.name} <span className="mono small">{e.code}</span>
              </span>
              <Typography.Text type="secondary" className="small tabular">
                {t('dispatch.engineerLoad', { open: e.openAssigned, today: e.assignedToday })}
              </Typography.Text>
              {e.engineerId === current?.suggestedEngineerId ? (
                <Tag color="green">{t('dispatch.suggested')}</Tag>
              ) : null}
              {!e.eligible ? (
                <Typography.Text type="secondary" className="small">
                  {e.reasons.map((r) => codeText('orders.reasonCodes', r.code)).join('、')}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        }))}
      />
      {current && !current.ok ? (
        <Typography.Text type="warning" className="small">
          {current.categoryCodes.length > 1
            ? t('dispatch.noEligibleEngineer')
            : t('dispatch.noQualifiedEngineer')}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
