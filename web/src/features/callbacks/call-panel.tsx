import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Divider,
  Flex,
  Form,
  Input,
  Popconfirm,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ANSWERED_OUTCOMES, ATTEMPT_OUTCOMES, callbackPath } from '../../api/callbacks';
import type { AttemptBody, AttemptOutcome, NextAttempt, TaskDetail } from '../../api/callbacks';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { slotsText } from './callback-tags';
import { QuestionnaireFields, answersBody } from './questionnaire-fields';
import type { CallValues } from './questionnaire-fields';
import { allowedReason, isStale, pinFieldIssues } from './task-api';

/** CB-5: what the agent should do next, in words built from the server's structured guidance. */
function guidanceText(t: TFunction, next: NextAttempt): string {
  switch (next.status) {
    case 'ready_for_verdict':
      return next.roundsAnswered < next.roundsRequired
        ? t('callbacks.call.readyIncomplete')
        : t('callbacks.call.readyForVerdict');
    case 'unreachable':
      return t('callbacks.call.unreachable');
    case 'done':
      return t('callbacks.call.done');
    case 'calling': {
      const slots = slotsText(t, next.allowedSlots);
      switch (next.guidance) {
        case 'CALL_CUSTOMER_ANOTHER_DAY':
          return t('callbacks.call.guidance.CALL_CUSTOMER_ANOTHER_DAY', {
            date: next.notBeforeDate ?? '',
            slots,
          });
        case 'TRY_ANOTHER_SLOT':
          return t('callbacks.call.guidance.TRY_ANOTHER_SLOT', {
            slots,
            from: next.notBeforeDate ? t('callbacks.call.fromDate', { date: next.notBeforeDate }) : '',
          });
        default:
          return t('callbacks.call.guidance.FIRST_CALL');
      }
    }
  }
}

const ALERT_TYPE: Record<NextAttempt['status'], 'info' | 'success' | 'warning'> = {
  calling: 'info',
  ready_for_verdict: 'success',
  unreachable: 'warning',
  done: 'success',
};

/**
 * CB-4 / CB-5: the call in progress. Failed calls are one click (with a confirm); a call that reached someone
 * who knows opens the questionnaire. On any refusal the typed answers stay.
 */
export function CallPanel({
  task,
  onTask,
  onStale,
}: {
  task: TaskDetail;
  onTask: (task: TaskDetail) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CallValues>();
  const [answering, setAnswering] = useState<AttemptOutcome | null>(null);
  const [busy, setBusy] = useState<AttemptOutcome | null>(null);
  const [error, setError] = useState<unknown>(null);
  const next = task.nextAttempt;
  const calling = next.status === 'calling';
  const refusal = allowedReason(task.allowed.call);
  // Green only when a call may be made now: the slot is allowed and the day is not excluded.
  const slotAllowed = next.allowedSlots.includes(next.slotNow) && task.allowed.call.allowed;

  const send = async (outcome: AttemptOutcome) => {
    const answered = ANSWERED_OUTCOMES.includes(outcome);
    let values: CallValues;
    try {
      values = answered ? await form.validateFields() : form.getFieldsValue();
    } catch {
      return;
    }
    setBusy(outcome);
    setError(null);
    const body: AttemptBody = {
      version: task.version,
      outcome,
      note: values.note?.trim() || null,
      ...(answered ? { answers: answersBody(values.answers ?? {}) } : {}),
    };
    try {
      const result = await api.post<{ task: TaskDetail }>(callbackPath(task.id, 'attempts'), body);
      form.resetFields();
      setAnswering(null);
      onTask(result.task);
      void message.success(t('callbacks.call.recorded', { outcome: t(`callbacks.outcomes.${outcome}`) }));
    } catch (caught) {
      setError(caught);
      if (isStale(caught)) onStale();
      pinFieldIssues(form, caught, t);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      className="callback-call-card"
      title={
        <Space size={8} wrap>
          <PhoneOutlined />
          <span>{t('callbacks.call.title')}</span>
          {task.status === 'appealed' ? <Tag color="orange">{t('callbacks.call.secondCallback')}</Tag> : null}
        </Space>
      }
      extra={
        calling ? (
          <Space size={4} wrap>
            <Tag color={slotAllowed ? 'green' : 'red'} className="callback-slot-now">
              {t('callbacks.call.slotNow', { slot: t(`callbacks.slots.${next.slotNow}`) })}
            </Tag>
            {next.attemptsLeft !== null ? (
              <Typography.Text type="secondary" className="small">
                {t('callbacks.call.attemptsLeft', { count: next.attemptsLeft })}
              </Typography.Text>
            ) : null}
          </Space>
        ) : null
      }
    >
      <Alert
        type={ALERT_TYPE[next.status]}
        showIcon
        className="callback-guidance"
        title={guidanceText(t, next)}
        description={
          calling && (next.suggestedAt || next.roundsRequired > 1) ? (
            <Space size={12} wrap>
              {next.suggestedAt ? (
                <span className="tabular">
                  {t('callbacks.call.suggested', { at: formatDateTime(next.suggestedAt) })}
                </span>
              ) : null}
              {next.roundsRequired > 1 && next.round !== null ? (
                <span>{t('callbacks.call.round', { round: next.round, rounds: next.roundsRequired })}</span>
              ) : null}
            </Space>
          ) : undefined
        }
      />
      {calling ? (
        <Form<CallValues> form={form} name="callbackCall" layout="vertical" className="callback-call-form">
          <Typography.Paragraph type="secondary" className="callback-outcome-hint">
            {t('callbacks.call.outcomeHint')}
          </Typography.Paragraph>
          <Flex gap={8} wrap className="callback-outcomes">
            {ATTEMPT_OUTCOMES.map((outcome) => {
              const label = t(`callbacks.outcomes.${outcome}`);
              const opensForm = ANSWERED_OUTCOMES.includes(outcome);
              const button = (
                <Button
                  type={answering === outcome ? 'primary' : 'default'}
                  disabled={!task.allowed.call.allowed}
                  loading={busy === outcome}
                  onClick={opensForm ? () => setAnswering(outcome) : undefined}
                  className={`callback-outcome callback-outcome-${outcome}`}
                >
                  {label}
                </Button>
              );
              return (
                <Tooltip key={outcome} title={refusal}>
                  {opensForm || !task.allowed.call.allowed ? (
                    button
                  ) : (
                    <Popconfirm
                      title={t('callbacks.call.confirmFailed', { outcome: label })}
                      okText={t('common.confirm')}
                      cancelText={t('common.cancel')}
                      onConfirm={() => void send(outcome)}
                    >
                      {button}
                    </Popconfirm>
                  )}
                </Tooltip>
              );
            })}
          </Flex>
          <Form.Item
            name="note"
            label={t('callbacks.questionnaire.attemptNote')}
            className="callback-attempt-note"
          >
            <Input maxLength={1000} allowClear disabled={!task.allowed.call.allowed} />
          </Form.Item>
          {answering ? (
            <>
              <Divider titlePlacement="start" className="callback-questionnaire-title">
                {t('callbacks.questionnaire.title')}
              </Divider>
              {answering === 'other_knows' ? (
                <Alert
                  type="warning"
                  showIcon
                  className="callback-respondent-other"
                  title={t('callbacks.questionnaire.respondentOther')}
                />
              ) : null}
              <QuestionnaireFields questions={task.questions} />
              <Flex gap={8} justify="flex-end">
                <Button onClick={() => setAnswering(null)}>{t('callbacks.questionnaire.cancel')}</Button>
                <Button
                  type="primary"
                  loading={busy === answering}
                  disabled={!task.allowed.call.allowed}
                  onClick={() => void send(answering)}
                  className="callback-save-call"
                >
                  {t('callbacks.questionnaire.submit')}
                </Button>
              </Flex>
            </>
          ) : null}
        </Form>
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="callback-form-error"
          title={isStale(error) ? t('common.versionConflict') : errorMessage(error, t)}
        />
      ) : null}
    </Card>
  );
}
