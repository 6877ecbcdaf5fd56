import { useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Flex,
  Form,
  Input,
  Radio,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import {
  REASONS_BY_VERDICT,
  REASONS_NEEDING_NOTE,
  SAME_PHONE_REASONS,
  VERDICTS,
  callbackPath,
} from '../../api/callbacks';
import type { EvidenceItem, TaskDetail, Verdict, VerdictBody, VerdictReason } from '../../api/callbacks';
import { errorMessage } from '../../lib/errors';
import { allowedReason, isStale, pinFieldIssues } from './task-api';

interface VerdictValues {
  verdict?: Verdict;
  reasons?: VerdictReason[];
  note?: string;
  evidenceOrderIds?: string[];
}

/** Evidence that supports a same-phone reason: a conflicting order of that kind. */
const supports = (reason: VerdictReason, item: EvidenceItem) =>
  reason === 'SAME_PHONE_DIFFERENT_NAME' ? item.differentName : item.differentAddress;

function EvidenceList({ evidence, citing }: { evidence: EvidenceItem[]; citing: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="callback-evidence">
      <Typography.Text strong>{t('callbacks.verdict.evidence')}</Typography.Text>
      <Typography.Paragraph type="secondary" className="small callback-evidence-hint">
        {evidence.length > 0 ? t('callbacks.verdict.evidenceHint') : t('callbacks.verdict.noEvidence')}
      </Typography.Paragraph>
      {evidence.length > 0 ? (
        <Form.Item name="evidenceOrderIds" noStyle>
          <Checkbox.Group disabled={!citing} className="callback-evidence-list">
            {evidence.map((item) => (
              <Checkbox key={item.orderId} value={item.orderId}>
                <Space size={6} wrap>
                  <Link to={`/orders/${item.orderId}`} className="mono" target="_blank">
                    {item.orderNumber}
                  </Link>
                  {item.differentName ? <Tag>{t('callbacks.verdict.differentName')}</Tag> : null}
                  {item.differentAddress ? <Tag>{t('callbacks.verdict.differentAddress')}</Tag> : null}
                </Space>
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
      ) : null}
    </div>
  );
}

/**
 * CB-6: the verdict with its reasons (each verdict has its own list; "other" needs a note; a same-phone reason
 * needs a conflicting order as evidence). The outlet sees the verdict at once, so it is confirmed first.
 */
export function VerdictPanel({
  task,
  onTask,
  onStale,
}: {
  task: TaskDetail;
  onTask: (task: TaskDetail) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<VerdictValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const verdict = Form.useWatch('verdict', form);
  const reasons = Form.useWatch('reasons', form) ?? [];
  const allowed = task.allowed.judge.allowed;
  const refusal = allowedReason(task.allowed.judge);
  const citing = reasons.some((r) => SAME_PHONE_REASONS.includes(r));

  const send = async (values: VerdictValues) => {
    if (!values.verdict) return;
    setBusy(true);
    setError(null);
    const chosen = values.reasons ?? [];
    const samePhone = chosen.filter((r) => SAME_PHONE_REASONS.includes(r));
    const body: VerdictBody = {
      version: task.version,
      verdict: values.verdict,
      reasons: chosen,
      note: values.note?.trim() || null,
      ...(samePhone.length > 0
        ? {
            evidenceOrderIds: (values.evidenceOrderIds ?? []).filter((id) =>
              task.evidence.some((item) => item.orderId === id && samePhone.some((r) => supports(r, item))),
            ),
          }
        : {}),
    };
    try {
      const result = await api.post<{ task: TaskDetail }>(callbackPath(task.id, 'verdict'), body);
      form.resetFields();
      onTask(result.task);
      void message.success(t('callbacks.verdict.recorded'));
    } catch (caught) {
      setError(caught);
      if (isStale(caught)) onStale();
      pinFieldIssues(form, caught, t);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    let values: VerdictValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!values.verdict) return;
    modal.confirm({
      title: t('callbacks.verdict.confirmTitle', { verdict: t(`callbacks.verdicts.${values.verdict}`) }),
      content: t('callbacks.verdict.confirmBody'),
      okText: t('callbacks.verdict.submit'),
      cancelText: t('common.cancel'),
      onOk: () => send(values),
    });
  };

  const options = verdict ? REASONS_BY_VERDICT[verdict] : [];
  return (
    <Card title={t('callbacks.verdict.title')} className="callback-verdict-card">
      {!allowed && refusal ? (
        <Alert type="info" showIcon className="callback-judge-refusal" title={refusal} />
      ) : null}
      <Form<VerdictValues>
        form={form}
        name="callbackVerdict"
        layout="vertical"
        disabled={!allowed}
        initialValues={{ reasons: [], evidenceOrderIds: task.evidence.map((item) => item.orderId) }}
        onValuesChange={(changed: VerdictValues) => {
          // Reasons belong to one verdict: switching the verdict starts its list afresh.
          if ('verdict' in changed) form.setFieldValue('reasons', []);
        }}
      >
        <Form.Item
          name="verdict"
          label={t('callbacks.verdict.verdict')}
          rules={[{ required: true, message: t('callbacks.verdict.verdictRequired') }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            className="callback-verdict-choice"
            options={VERDICTS.map((code) => ({ value: code, label: t(`callbacks.verdicts.${code}`) }))}
          />
        </Form.Item>
        {verdict === 'qualified' ? (
          <Typography.Paragraph type="secondary">
            {t('callbacks.verdict.qualifiedNoReasons')}
          </Typography.Paragraph>
        ) : verdict ? (
          <Form.Item
            name="reasons"
            label={t('callbacks.verdict.reasons')}
            rules={[
              {
                validator: async (_, value: VerdictReason[] | undefined) => {
                  if (!value || value.length === 0) throw new Error(t('callbacks.verdict.reasonsRequired'));
                },
              },
            ]}
          >
            <Checkbox.Group className="callback-reasons">
              {options.map((reason) => {
                const unsupported =
                  SAME_PHONE_REASONS.includes(reason) &&
                  !task.evidence.some((item) => supports(reason, item));
                return (
                  <Tooltip
                    key={reason}
                    title={unsupported ? t('callbacks.issues.EVIDENCE_MISSING') : undefined}
                  >
                    <Checkbox value={reason} disabled={unsupported}>
                      {t(`callbacks.reasons.${reason}`)}
                    </Checkbox>
                  </Tooltip>
                );
              })}
            </Checkbox.Group>
          </Form.Item>
        ) : null}
        {verdict && verdict !== 'qualified' && SAME_PHONE_REASONS.some((r) => options.includes(r)) ? (
          <EvidenceList evidence={task.evidence} citing={citing} />
        ) : null}
        <Form.Item
          name="note"
          label={t('callbacks.verdict.note')}
          dependencies={['reasons']}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                const needsNote = (form.getFieldValue('reasons') as VerdictReason[] | undefined)?.some((r) =>
                  REASONS_NEEDING_NOTE.includes(r),
                );
                if (needsNote && !value?.trim()) throw new Error(t('callbacks.verdict.noteRequired'));
              },
            },
          ]}
        >
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('callbacks.verdict.notePlaceholder')} />
        </Form.Item>
      </Form>
      <Flex justify="flex-end">
        <Tooltip title={refusal}>
          <Button
            type="primary"
            disabled={!allowed}
            loading={busy}
            onClick={() => void confirm()}
            className="callback-submit-verdict"
          >
            {t('callbacks.verdict.submit')}
          </Button>
        </Tooltip>
      </Flex>
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
