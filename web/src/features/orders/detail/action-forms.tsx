import { Checkbox, Form, Input, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { REDISPATCH_REASONS } from '../../../api/work-orders';
import type { EngineerSuggestion } from '../../../api/work-orders';
import { codeText } from '../../../components/code-label';
import { useApi } from '../../../lib/use-api';
import { OutletSelect } from '../../master/shared/outlet-select';
import { ReasonTags } from '../shared/order-tags';

/** Assign: the suggested engineer is preselected, with the reasons next to it (WO-13). */
export function AssignFields({
  orderId,
  onSuggested,
}: {
  orderId: string;
  onSuggested: (id: string) => void;
}) {
  const { t } = useTranslation();
  const { data } = useApi(`suggest:${orderId}`, (signal) =>
    api
      .get<EngineerSuggestion>(
        `/api/work-orders/${encodeURIComponent(orderId)}/engineer-suggestion`,
        undefined,
        {
          signal,
        },
      )
      .then((answer) => {
        if (answer.suggestion) onSuggested(answer.suggestion.engineerId);
        return answer;
      }),
  );
  const options = [
    ...(data?.ranked ?? []).map((e) => ({ value: e.engineerId, label: `${e.name} (${e.code})` })),
    ...(data?.rejected ?? []).map((e) => ({ value: e.id, label: `${e.name} (${e.code})` })),
  ];
  return (
    <>
      {data?.suggestion ? (
        <div className="reason-list" style={{ marginBottom: 12 }}>
          <Typography.Text strong>
            {t('orders.detail.engineerSuggested', { name: data.suggestion.name })}
          </Typography.Text>{' '}
          <ReasonTags reasons={data.suggestion.reasons} />
        </div>
      ) : data ? (
        <Typography.Paragraph type="warning">{t('orders.detail.engineerNone')}</Typography.Paragraph>
      ) : null}
      <Form.Item name="engineerId" label={t('orders.detail.engineerId')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={options} loading={!data} />
      </Form.Item>
    </>
  );
}

export function RedispatchFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="outletId" label={t('orders.detail.targetOutlet')} rules={[{ required: true }]}>
        <OutletSelect />
      </Form.Item>
      <Form.Item name="reasonCode" label={t('orders.detail.reason')} rules={[{ required: true }]}>
        <Select
          options={REDISPATCH_REASONS.map((code) => ({
            value: code,
            label: codeText('orders.redispatchReasons', code),
          }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('orders.detail.note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </>
  );
}

export function ReasonField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={t('orders.detail.reason')}
      rules={[{ required: true, whitespace: true, message: t('orders.detail.reasonRequired') }]}
    >
      <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
    </Form.Item>
  );
}

export function CompleteFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="notes"
        label={t('orders.detail.notes')}
        rules={[{ required: true, whitespace: true, message: t('orders.detail.notesRequired') }]}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} />
      </Form.Item>
      <Form.Item name="actualMeasurePickup" valuePropName="checked">
        <Checkbox>{t('orders.detail.measurePickup')}</Checkbox>
      </Form.Item>
    </>
  );
}

export function CallbackFields() {
  const { t } = useTranslation();
  const yesNo = [
    { value: true, label: t('common.yes') },
    { value: false, label: t('common.no') },
  ];
  return (
    <>
      <Form.Item name="reached" label={t('orders.detail.reached')} rules={[{ required: true }]}>
        <Radio.Group options={yesNo} />
      </Form.Item>
      <Form.Item name="satisfied" label={t('orders.detail.satisfied')}>
        <Radio.Group options={yesNo} />
      </Form.Item>
      <Form.Item name="note" label={t('orders.detail.callbackNote')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </>
  );
}

export function DeclineFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="clearlyDeclined" valuePropName="checked">
        <Checkbox>{t('orders.detail.declineClear')}</Checkbox>
      </Form.Item>
      <Form.Item name="addressConfirmed" valuePropName="checked">
        <Checkbox>{t('orders.detail.declineAddress')}</Checkbox>
      </Form.Item>
      <Form.Item name="declineReason" label={t('orders.detail.declineReason')} rules={[{ required: true }]}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </>
  );
}
