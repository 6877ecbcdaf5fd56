import { Link, useParams } from 'react-router';
import { Button, Card, Col, Flex, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth-context';
import { LoadError } from '../../components/load-error';
import { PageSkeleton } from '../../components/page-skeleton';
import { formatDateTime } from '../../lib/format';
import { localized } from '../../lib/labels';
import { AttemptsTable } from './attempts-table';
import { CallPanel } from './call-panel';
import { PlanReasonTag, TaskStatusTag, VerdictTag } from './callback-tags';
import { ResultHistory } from './result-history';
import { CustomerBlock, OrderFactsCard, PlanCard } from './task-summary';
import { isForbidden, useCallbackTask } from './task-api';
import { VerdictPanel } from './verdict-panel';
import './callbacks.css';

/**
 * One callback task (CB-3..CB-6): the call with its guidance and questions, the verdict, and the result with
 * its appeal. The agent's working parts come first; the order, customer and plan sit beside them.
 */
export function CallbackTaskPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const { task, setTask, error, reload } = useCallbackTask(id);
  if (error && !task) return <LoadError error={error} onRetry={reload} />;
  if (!task) return <PageSkeleton />;

  const working = task.status === 'open' || task.status === 'appealed';
  // An outlet sees no call panel on the tasks HQ calls: the refusal would only say it is not theirs.
  const showCall =
    working &&
    can('callback.call') &&
    !isForbidden(task.allowed.call) &&
    task.allowed.call.reason?.code !== 'NOT_THE_CALLER';
  const showJudge =
    working &&
    can('callback.judge') &&
    !isForbidden(task.allowed.judge) &&
    (task.allowed.judge.allowed || task.nextAttempt.status !== 'calling');
  const latestVerdict = task.finalisation.verdict ?? task.verdicts.at(-1)?.verdict ?? null;
  // While the agent works a task nobody has judged yet, an empty history card is only noise.
  const history =
    task.verdicts.length === 0 && (showCall || showJudge) ? null : (
      <ResultHistory task={task} onTask={setTask} onStale={reload} onReload={reload} />
    );

  return (
    <>
      <Link to="/callbacks" className="back-link">
        <ArrowLeftOutlined /> {t('callbacks.task.back')}
      </Link>
      <Card className="callback-header">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Space orientation="vertical" size={6}>
            <Space size={12} wrap align="center">
              <Typography.Title level={3} copyable className="mono" style={{ margin: 0 }}>
                {task.order.number}
              </Typography.Title>
              <TaskStatusTag status={task.status} />
              {latestVerdict ? <VerdictTag verdict={latestVerdict} /> : null}
              <PlanReasonTag reason={task.plan.reason} rounds={task.plan.rounds} />
            </Space>
            <Space size={8} wrap className="callback-header-facts">
              <Typography.Text type="secondary">
                {task.order.outlet.name} · {localized(task.order.categoryName, i18n.language)}
              </Typography.Text>
              {working ? (
                <Tag color={task.plan.overdue ? 'red' : 'blue'} variant="outlined" className="tabular">
                  {t('callbacks.task.due', { at: formatDateTime(task.plan.dueAt) })}
                </Tag>
              ) : null}
              <Tag variant="outlined">{t('callbacks.task.month', { month: task.month })}</Tag>
            </Space>
          </Space>
          <Link to={`/orders/${task.order.id}`}>
            <Button icon={<FileSearchOutlined />}>{t('callbacks.task.openOrder')}</Button>
          </Link>
        </Flex>
      </Card>
      <Row gutter={[16, 16]} className="callback-task-body">
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {showCall ? <CallPanel task={task} onTask={setTask} onStale={reload} /> : null}
            {showJudge ? <VerdictPanel task={task} onTask={setTask} onStale={reload} /> : null}
            {history}
            <AttemptsTable attempts={task.attempts} />
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('callbacks.task.customer')} className="callback-side-card">
              <CustomerBlock task={task} />
            </Card>
            <PlanCard task={task} />
            <OrderFactsCard task={task} />
          </Space>
        </Col>
      </Row>
    </>
  );
}
