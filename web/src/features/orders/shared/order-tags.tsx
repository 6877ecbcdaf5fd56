import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeLabel, codeText } from '../../../components/code-label';
import type { Reason } from '../../../api/work-orders';

const STATUS_COLORS: Record<string, string> = {
  created: 'default',
  dispatched: 'blue',
  accepted: 'cyan',
  assigned: 'geekblue',
  appointed: 'purple',
  in_progress: 'processing',
  awaiting_parts: 'orange',
  follow_up: 'gold',
  completed: 'green',
  closed: 'default',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} className="status-tag">
      <CodeLabel group="orders.statuses" code={status} />
    </Tag>
  );
}

const SLA_COLORS: Record<string, string> = {
  on_track: 'green',
  met: 'green',
  warning: 'gold',
  breached: 'red',
  paused: 'default',
  none: 'default',
};

/** UI.md: green on track / amber warning / red breached / grey paused; "none" is a quiet grey. */
export function SlaTag({ state, suffix }: { state: string; suffix?: string }) {
  return (
    <Tag color={SLA_COLORS[state] ?? 'default'} variant={state === 'none' ? 'outlined' : 'solid'}>
      <CodeLabel group="orders.slaStates" code={state} />
      {suffix ? ` · ${suffix}` : null}
    </Tag>
  );
}

/** Ranking reasons: the dictionary label of the code, the server's sentence on hover. */
export function ReasonTags({ reasons }: { reasons: Reason[] }) {
  return (
    <>
      {reasons.map((reason) => (
        <Tooltip key={reason.code} title={reason.message}>
          <Tag variant="outlined" className="reason-tag">
            {codeText('orders.reasonCodes', reason.code)}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}

/** "2 天 3 小时" / "2 d 3 h" (UI.md "Numbers and words"). */
export function useDuration(): (ms: number) => string {
  const { t } = useTranslation();
  return (ms) => {
    // Whole minutes, truncated like the server's sentences, so the table and the "why" text agree.
    const minutes = Math.max(0, Math.floor(ms / 60_000));
    const d = Math.floor(minutes / 1440);
    const h = Math.floor((minutes % 1440) / 60);
    const m = minutes % 60;
    if (d > 0) return t('orders.duration.days', { d, h });
    if (h > 0) return t('orders.duration.hours', { h, m });
    return t('orders.duration.minutes', { m });
  };
}
