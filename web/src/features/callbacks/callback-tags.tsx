import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CallSlot, PlanReason, TaskStatus, Verdict } from '../../api/callbacks';

const STATUS_COLORS: Record<TaskStatus, string> = {
  open: 'processing',
  judged: 'blue',
  appealed: 'orange',
  final: 'default',
  unreachable: 'default',
};

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} className="callback-status-tag">
      {t(`callbacks.statuses.${status}`)}
    </Tag>
  );
}

/** CB-6: qualified settles at the standard fee (green); unqualified is reduced (amber); untrue deducted (red). */
const VERDICT_COLORS: Record<Verdict, string> = { qualified: 'green', unqualified: 'gold', untrue: 'red' };

export function VerdictTag({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  return (
    <Tag color={VERDICT_COLORS[verdict]} variant="solid" className="verdict-tag">
      {t(`callbacks.verdicts.${verdict}`)}
    </Tag>
  );
}

export function PlanReasonTag({ reason, rounds }: { reason: PlanReason; rounds: number }) {
  const { t } = useTranslation();
  const color = reason === 'HIGH_VALUE' ? 'magenta' : reason === 'SAMPLED' ? 'geekblue' : 'default';
  return (
    <Tag color={color} variant="outlined">
      {t(`callbacks.planReasons.${reason}`, { rounds })}
    </Tag>
  );
}

/** "上午或晚上", "上午、下午或晚上" / "morning, afternoon or evening". */
export function slotsText(t: TFunction, slots: readonly CallSlot[]): string {
  const words = slots.map((slot) => t(`callbacks.slots.${slot}`));
  const last = words.pop();
  if (last === undefined) return '';
  return words.length === 0
    ? last
    : `${words.join(t('callbacks.slotListSeparator'))}${t('callbacks.slotSeparator')}${last}`;
}
