import { Link } from 'react-router';
import { Button, Descriptions, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import type { TaskDetail } from '../../api/callbacks';
import { LoadError } from '../../components/load-error';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { PlanReasonTag, TaskStatusTag, VerdictTag } from './callback-tags';
import { FinalisationBanner } from './result-history';
import './callbacks.css';

/** The order's callback task, or null when it has none (404: not completed, or no outlet served it). */
async function taskOfOrder(orderId: string, signal: AbortSignal): Promise<TaskDetail | null> {
  try {
    return await api.get<TaskDetail>(`/api/callbacks/by-order/${encodeURIComponent(orderId)}`, undefined, {
      signal,
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Order detail's callback tab: the latest or final verdict (CB-3) and the way to the task. */
export function OrderCallbackTab({ orderId, refresh }: { orderId: string; refresh: number }) {
  const { t } = useTranslation();
  const { data, error, reload } = useApi(`order-callback:${orderId}:${refresh}`, (signal) =>
    taskOfOrder(orderId, signal),
  );
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (data === undefined) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (data === null) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Space orientation="vertical" size={2}>
            <span>{t('callbacks.orderCard.none')}</span>
            <Typography.Text type="secondary" className="small">
              {t('callbacks.orderCard.noneHint')}
            </Typography.Text>
          </Space>
        }
      />
    );
  }
  const task = data;
  const latest = task.verdicts.at(-1);
  return (
    <div className="order-callback">
      <FinalisationBanner task={task} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} className="order-callback-facts">
        <Descriptions.Item label={t('callbacks.orderCard.status')}>
          <TaskStatusTag status={task.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.orderCard.plan')}>
          <Space size={4} wrap>
            <PlanReasonTag reason={task.plan.reason} rounds={task.plan.rounds} />
            <span>{t(`callbacks.callers.${task.plan.caller}`)}</span>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.orderCard.latest')}>
          {latest ? (
            <Space size={4} wrap>
              <VerdictTag verdict={latest.verdict} />
              {latest.reasons.map((reason) => (
                <Tag key={reason} variant="outlined">
                  {t(`callbacks.reasons.${reason}`)}
                </Tag>
              ))}
            </Space>
          ) : (
            t('callbacks.orderCard.noVerdict')
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.orderCard.agent')}>
          {latest ? (
            <span className="tabular">
              {t('callbacks.history.by', {
                name: latest.agent.displayName,
                at: formatDateTime(latest.recordedAt),
              })}
            </span>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.orderCard.due')}>
          <Typography.Text type={task.plan.overdue ? 'danger' : undefined} className="tabular">
            {formatDateTime(task.plan.dueAt)}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Link to={`/callbacks/${task.id}`}>
        <Button icon={<PhoneOutlined />} className="order-callback-open">
          {t('callbacks.orderCard.openTask')}
        </Button>
      </Link>
    </div>
  );
}
