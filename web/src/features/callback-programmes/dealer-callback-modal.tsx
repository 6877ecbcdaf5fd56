import { useRef, useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { periodToCover, PROGRAMME_PATHS } from './api';
import type { DealerCallback, DealerScheduleItem } from './api';
import { pinProgrammeErrors, ProgrammeTierTag, useIssueText, useProblemText } from './programme-bits';

type Satisfaction = 'yes' | 'no' | 'not_asked';

interface Values {
  answered: boolean;
  satisfied?: Satisfaction;
  note?: string;
}

interface Props {
  dealer: DealerScheduleItem | null;
  /** Today in the business zone, as the schedule answered it. */
  today: string;
  onClose: () => void;
  onRecorded: (callback: DealerCallback) => void;
}

/** CB-7: one call to a dealer, made now; only an answered call covers the period it falls in. */
export function DealerCallbackModal({ dealer, today, onClose, onRecorded }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const issueText = useIssueText();
  const [form] = Form.useForm<Values>();
  const answered = Form.useWatch('answered', form);
  const [error, setError] = useState<unknown>(null);
  const [pinned, setPinned] = useState(0);
  const problemText = useProblemText();
  const [saving, setSaving] = useState(false);
  // One key per call being recorded, so a retried click cannot record the call twice.
  const idempotencyKey = useRef(crypto.randomUUID());
  const open = dealer ? periodToCover(dealer.periods, today) : undefined;

  const submit = async () => {
    if (!dealer) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const satisfied =
        values.answered && values.satisfied && values.satisfied !== 'not_asked'
          ? values.satisfied === 'yes'
          : null;
      const recorded = await api.post<DealerCallback>(
        PROGRAMME_PATHS.dealerCallbacks(dealer.dealerId),
        {
          answered: values.answered,
          satisfied,
          note: values.note?.trim() || null,
        },
        { idempotencyKey: idempotencyKey.current },
      );
      idempotencyKey.current = crypto.randomUUID();
      void message.success(t('callbackProgrammes.dealers.recorded', { name: dealer.name }));
      onRecorded(recorded);
    } catch (caught) {
      setError(caught);
      setPinned(pinProgrammeErrors(form, caught, ['answered', 'satisfied', 'note'], issueText));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={dealer !== null}
      title={t('callbackProgrammes.dealers.recordTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('callbackProgrammes.dealers.recordOk')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
    >
      {dealer ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'dealer',
              label: t('callbackProgrammes.dealers.dealer'),
              children: (
                <span>
                  {dealer.name} <span className="mono small">{dealer.code}</span>
                </span>
              ),
            },
            {
              key: 'tier',
              label: t('callbackProgrammes.dealers.tier'),
              children: <ProgrammeTierTag tier={dealer.tier} />,
            },
            {
              key: 'period',
              label: t('callbackProgrammes.dealers.openPeriod'),
              children: open
                ? t('callbackProgrammes.dealers.periodRange', { start: open.startDate, due: open.dueDate })
                : t('callbackProgrammes.dealers.noOpenPeriod'),
            },
          ]}
        />
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={problemText(error, pinned)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values> form={form} layout="vertical" disabled={saving} preserve={false}>
        <Form.Item
          label={t('callbackProgrammes.dealers.answered')}
          name="answered"
          rules={[{ required: true, message: t('callbackProgrammes.dealers.answeredRequired') }]}
          extra={answered === false ? t('callbackProgrammes.dealers.unansweredHint') : undefined}
        >
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('callbackProgrammes.dealers.answeredYes') },
              { value: false, label: t('callbackProgrammes.dealers.answeredNo') },
            ]}
          />
        </Form.Item>
        {answered ? (
          <Form.Item
            label={t('callbackProgrammes.dealers.satisfaction')}
            name="satisfied"
            rules={[{ required: true, message: t('callbackProgrammes.dealers.satisfactionRequired') }]}
          >
            <Radio.Group
              optionType="button"
              options={[
                { value: 'yes', label: t('callbackProgrammes.common.satisfied') },
                { value: 'no', label: t('callbackProgrammes.common.dissatisfied') },
                { value: 'not_asked', label: t('callbackProgrammes.common.notAsked') },
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('callbackProgrammes.common.note')} name="note">
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            showCount
            placeholder={t('callbackProgrammes.dealers.notePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
