import { Button, Descriptions, Popover, Skeleton, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { SlaBlock, SlaExplanation } from '../../../api/work-orders';
import { LoadError } from '../../../components/load-error';
import { formatDateTime } from '../../../lib/format';
import { localized } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { SlaTag, useDuration } from './order-tags';

function SlaWhy({ orderId }: { orderId: string }) {
  const { t, i18n } = useTranslation();
  const duration = useDuration();
  const { data, error } = useApi(`sla:${orderId}`, (signal) =>
    api.get<SlaExplanation>(`/api/work-orders/${encodeURIComponent(orderId)}/sla`, undefined, { signal }),
  );
  if (error) return <LoadError error={error} />;
  if (!data) return <Skeleton active paragraph={{ rows: 3 }} />;
  const evaluation = data.evaluation;
  const deducted = evaluation?.deductedMs ?? 0;
  return (
    <div className="sla-why">
      <Typography.Paragraph>{localized(data.text, i18n.language)}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('orders.detail.slaRule')}>
          {evaluation?.decision?.rule ?? data.stored.rule ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.slaPolicy')}>
          {evaluation?.decision
            ? `${evaluation.decision.policyKey} v${evaluation.decision.policyVersion}`
            : (data.stored.policyVersion ?? '—')}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.slaDeductions')}>
          {deducted > 0 ? duration(deducted) : t('orders.detail.slaNoDeductions')}
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.slaDeadline')}>
          <span className="tabular">{formatDateTime(evaluation?.deadline ?? data.stored.deadline)}</span>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/** The SLA badge with its "why" popover (UI.md: every computed figure explains its rule and policy version). */
export function SlaBadge({ orderId, sla }: { orderId: string; sla: SlaBlock }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const deadline = sla.deadline ? formatDateTime(sla.deadline) : undefined;
  return (
    <span className="sla-badge">
      <SlaTag state={sla.stateNow} suffix={sla.stateNow === 'none' ? undefined : deadline} />
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        placement="bottomLeft"
        title={t('orders.detail.slaWhy')}
        content={open ? <SlaWhy orderId={orderId} /> : null}
        styles={{ root: { maxWidth: 460 } }}
      >
        <Button size="small" type="link" icon={<QuestionCircleOutlined />} className="sla-why-button">
          {t('common.why')}
        </Button>
      </Popover>
    </span>
  );
}
