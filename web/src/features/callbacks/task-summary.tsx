import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Popover, Space, Tag, Tooltip, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { callbackPath } from '../../api/callbacks';
import type { RevealResult, TaskDetail } from '../../api/callbacks';
import { CodeLabel } from '../../components/code-label';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatFen, formatPhone, formatRatio } from '../../lib/format';
import { localized } from '../../lib/labels';
import { StatusTag } from '../orders/shared/order-tags';
import { PlanReasonTag } from './callback-tags';
import { allowedReason, isForbidden } from './task-api';

/**
 * The customer as the agent dials them: masked by default; "show in full" is one audited read on the server
 * (MD-5) and the page says so while the numbers are on screen.
 */
export function CustomerBlock({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<RevealResult | null>(null);
  const [busy, setBusy] = useState(false);
  const c = task.customer;
  const reveal = async () => {
    setBusy(true);
    try {
      setRevealed(await api.post<RevealResult>(callbackPath(task.id, 'reveal')));
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };
  const phones = revealed
    ? revealed.phones.map((p) => formatPhone(p.number) ?? p.number).join(' / ')
    : (c.phoneMasked ?? '—');
  return (
    <div className="callback-customer">
      <Descriptions size="small" column={1} className="callback-customer-facts">
        <Descriptions.Item label={t('callbacks.task.customer')}>
          {revealed ? revealed.name : c.nameMasked}
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.task.phone')}>
          <span className={revealed ? 'phone-number tabular' : 'tabular'}>{phones}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.task.address')}>
          {revealed ? (revealed.address?.detail ?? '—') : (c.addressMasked ?? '—')}
        </Descriptions.Item>
      </Descriptions>
      {isForbidden(task.allowed.reveal) ? null : revealed ? (
        <Button size="small" icon={<EyeInvisibleOutlined />} onClick={() => setRevealed(null)}>
          {t('callbacks.task.hide')}
        </Button>
      ) : (
        <Tooltip title={allowedReason(task.allowed.reveal) ?? t('common.revealTooltip')}>
          <Button
            size="small"
            icon={<EyeOutlined />}
            loading={busy}
            disabled={!task.allowed.reveal.allowed}
            onClick={() => void reveal()}
            className="callback-reveal"
          >
            {t('callbacks.task.reveal')}
          </Button>
        </Tooltip>
      )}
      {revealed ? (
        <Alert
          type="info"
          showIcon
          className="callback-reveal-notice"
          title={t('callbacks.task.revealNotice')}
        />
      ) : null}
    </div>
  );
}

export function OrderFactsCard({ task }: { task: TaskDetail }) {
  const { t, i18n } = useTranslation();
  const o = task.order;
  return (
    <Card
      size="small"
      title={t('callbacks.task.orderTitle')}
      extra={<Link to={`/orders/${o.id}`}>{t('callbacks.task.openOrder')}</Link>}
      className="callback-side-card"
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('callbacks.task.orderStatus')}>
          <StatusTag status={o.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.task.orderType')}>
          <CodeLabel group="orders.types" code={o.orderType} />
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.task.category')}>
          {localized(o.categoryName, i18n.language) || o.categoryCode}
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.task.serviceMode')}>
          <CodeLabel group="orders.modes" code={o.serviceMode} />
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.task.outlet')}>{o.outlet.name}</Descriptions.Item>
        <Descriptions.Item label={t('callbacks.task.engineer')}>{o.engineer?.name ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('callbacks.task.completedAt')}>
          <span className="tabular">{formatDateTime(task.plan.completedAt)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.task.enteredAt')}>
          <span className="tabular">{formatDateTime(task.plan.completionEnteredAt)}</span>
        </Descriptions.Item>
        {o.closedAt ? (
          <Descriptions.Item label={t('callbacks.task.closedAt')}>
            <span className="tabular">{formatDateTime(o.closedAt)}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

/** UI.md "a why behind every computed figure": how the plan was drawn, with the rules and policy versions. */
function PlanWhy({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const p = task.plan;
  const versions = Object.entries(p.policyVersions);
  return (
    <div className="callback-plan-why">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('callbacks.plan.grade')}>
          {t('callbacks.plan.gradeValue', { grade: p.sampling.grade })}
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.plan.rate')}>
          <span className="tabular">{formatRatio(p.sampling.rate)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.plan.drawn')}>
          {p.sampling.sampled ? t('callbacks.plan.drawnYes') : t('callbacks.plan.drawnNo')}
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.plan.settlementValue')}>
          <span className="tabular">{formatFen(p.settlementValueFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.plan.highValue')}>
          {p.highValue
            ? t('callbacks.plan.highValueYes', { rounds: p.rounds })
            : t('callbacks.plan.highValueNo')}
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.plan.lateEntry')}>
          {p.lateEntry.late
            ? t('callbacks.plan.lateEntryLate', {
                hours: p.lateEntry.lateByHours,
                limit: formatDateTime(p.lateEntry.limitAt),
              })
            : t('callbacks.plan.lateEntryOk', { limit: formatDateTime(p.lateEntry.limitAt) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.plan.rules')}>
          {t('callbacks.plan.rulesText')}
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.plan.policies')}>
          {versions.length === 0 ? (
            t('callbacks.plan.noPolicies')
          ) : (
            <div className="stacked">
              {versions.map(([key, version]) => (
                <span key={key} className="mono small">
                  {t('callbacks.plan.policyItem', { key, version })}
                </span>
              ))}
            </div>
          )}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

export function PlanCard({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const p = task.plan;
  return (
    <Card
      size="small"
      title={t('callbacks.plan.title')}
      className="callback-side-card"
      extra={
        <Popover
          trigger="click"
          placement="bottomRight"
          title={t('callbacks.plan.why')}
          content={<PlanWhy task={task} />}
          styles={{ root: { maxWidth: 480 } }}
        >
          <Button
            size="small"
            type="link"
            icon={<QuestionCircleOutlined />}
            className="callback-plan-why-button"
          >
            {t('common.why')}
          </Button>
        </Popover>
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('callbacks.plan.reason')}>
          <Space size={4} wrap>
            <PlanReasonTag reason={p.reason} rounds={p.rounds} />
            <span>{t(`callbacks.callers.${p.caller}`)}</span>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.plan.rounds')}>
          <span className="tabular">
            {t('callbacks.plan.roundsValue', { answered: p.roundsAnswered, rounds: p.rounds })}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.plan.dueAt')}>
          <Space size={4} wrap>
            <Typography.Text type={p.overdue ? 'danger' : undefined} className="tabular">
              {formatDateTime(p.dueAt)}
            </Typography.Text>
            {p.overdue ? <Tag color="red">{t('callbacks.queue.overdue')}</Tag> : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.plan.lateEntry')}>
          {p.lateEntry.late ? (
            <Typography.Text type="warning">
              {t('callbacks.plan.lateEntryLate', {
                hours: p.lateEntry.lateByHours,
                limit: formatDateTime(p.lateEntry.limitAt),
              })}
            </Typography.Text>
          ) : (
            t('callbacks.plan.lateEntryOk', { limit: formatDateTime(p.lateEntry.limitAt) })
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
