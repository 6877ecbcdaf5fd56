import { useRef, useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { HOME_CHANNELS, PROGRAMME_PATHS } from './api';
import type { HomeCallback, HomeChannel, HomeParty, MaskedParty } from './api';
import { isConflict, PartyTag, pinProgrammeErrors, useIssueText, useProblemText } from './programme-bits';

/** One scheduled callback of a placement: the customer's or the worker's n-th. */
export interface HomeCallbackTarget {
  placementId: string;
  party: HomeParty;
  sequence: number;
  dueDate: string;
  customer: MaskedParty;
  worker: MaskedParty;
}

interface Values {
  channel: HomeChannel;
  satisfied: 'yes' | 'no' | 'not_asked';
  note?: string;
}

interface Props {
  target: HomeCallbackTarget | null;
  onClose: () => void;
  onRecorded: (callback: HomeCallback) => void;
  /** Someone else recorded this slot meanwhile: the caller reloads what it shows. */
  onConflict: () => void;
}

/** CB-8: records one scheduled callback of the customer or the worker, made now. */
export function HomeCallbackModal({ target, onClose, onRecorded, onConflict }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const issueText = useIssueText();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [pinned, setPinned] = useState(0);
  const problemText = useProblemText();
  const [saving, setSaving] = useState(false);
  // One key per callback being recorded, so a retried click cannot record it twice.
  const idempotencyKey = useRef(crypto.randomUUID());
  const person = target ? (target.party === 'customer' ? target.customer : target.worker) : null;

  const submit = async () => {
    if (!target) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const recorded = await api.post<HomeCallback>(
        PROGRAMME_PATHS.placementCallbacks(target.placementId),
        {
          party: target.party,
          sequence: target.sequence,
          channel: values.channel,
          satisfied: values.satisfied === 'not_asked' ? null : values.satisfied === 'yes',
          note: values.note?.trim() || null,
        },
        { idempotencyKey: idempotencyKey.current },
      );
      idempotencyKey.current = crypto.randomUUID();
      void message.success(t('callbackProgrammes.home.recorded'));
      onRecorded(recorded);
    } catch (caught) {
      if (isConflict(caught)) {
        void message.warning(t('callbackProgrammes.home.alreadyRecorded'));
        onConflict();
        return;
      }
      setError(caught);
      setPinned(pinProgrammeErrors(form, caught, ['channel', 'satisfied', 'note'], issueText));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={t('callbackProgrammes.home.recordTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('callbackProgrammes.home.recordOk')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
    >
      {target && person ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'who',
              label: t('callbackProgrammes.home.callee'),
              children: (
                <span>
                  <PartyTag party={target.party} /> {person.nameMasked}{' '}
                  <span className="mono small muted">{person.code}</span>
                </span>
              ),
            },
            {
              key: 'placement',
              label: t('callbackProgrammes.home.placement'),
              children: t('callbackProgrammes.home.placementPair', {
                customer: target.customer.nameMasked,
                worker: target.worker.nameMasked,
              }),
            },
            {
              key: 'due',
              label: t('callbackProgrammes.home.dueDate'),
              children: (
                <span className="tabular">
                  {target.dueDate} · {t('callbackProgrammes.home.sequence', { n: target.sequence })}
                </span>
              ),
            },
          ]}
        />
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={problemText(error, pinned)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={saving}
        preserve={false}
        initialValues={{ channel: 'phone' }}
      >
        <Form.Item
          label={t('callbackProgrammes.home.channel')}
          name="channel"
          rules={[{ required: true, message: t('callbackProgrammes.home.channelRequired') }]}
        >
          <Radio.Group
            optionType="button"
            options={HOME_CHANNELS.map((channel) => ({
              value: channel,
              label: t(`callbackProgrammes.channels.${channel}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('callbackProgrammes.home.satisfaction')}
          name="satisfied"
          rules={[{ required: true, message: t('callbackProgrammes.home.satisfactionRequired') }]}
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
        <Form.Item label={t('callbackProgrammes.common.note')} name="note">
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            showCount
            placeholder={t('callbackProgrammes.home.notePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
