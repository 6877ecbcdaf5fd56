import { Alert, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { RESCHEDULE_REASON_CODES, RESCHEDULE_REQUESTERS } from '../../../api/work-orders';
import type { AppointmentRecord, RescheduleReasonCode, RescheduleRequester } from '../../../api/work-orders';
import type { FieldOrder } from './field-api';
import { orderPath } from './field-api';
import { FieldFormModal } from './field-form-modal';
import { PersonFields, WindowFields } from './field-inputs';
import { dateText, timeText } from './field-rules';

export type AppointmentMode = 'appoint' | 'reschedule';

interface Values {
  day?: Dayjs;
  windowStart?: Dayjs;
  windowEnd?: Dayjs;
  agreedBy?: 'customer' | 'family_member';
  relation?: string;
  requestedBy?: RescheduleRequester;
  reasonCode?: RescheduleReasonCode;
  reason?: string;
  customerAccepted?: boolean;
}

function bodyOf(mode: AppointmentMode, version: number, v: Values) {
  const window = {
    day: dateText(v.day),
    windowStart: timeText(v.windowStart),
    windowEnd: timeText(v.windowEnd),
  };
  if (mode === 'appoint') {
    return {
      version,
      ...window,
      agreedBy: v.agreedBy,
      ...(v.agreedBy === 'family_member' ? { relation: v.relation?.trim() } : {}),
    };
  }
  return {
    version,
    ...window,
    requestedBy: v.requestedBy,
    reasonCode: v.reasonCode,
    reason: v.reason?.trim() || null,
    customerAccepted: v.requestedBy === 'customer' ? true : v.customerAccepted === true,
  };
}

/** WO-4: agree a concrete window, or move it (改约) saying who asked, why and whether the customer accepted. */
export function AppointmentModal({
  order,
  mode,
  current,
  onClose,
  onDone,
  onStale,
}: {
  order: FieldOrder;
  mode: AppointmentMode | null;
  current?: AppointmentRecord | null;
  onClose: () => void;
  onDone: () => void;
  onStale?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const reschedule = mode === 'reschedule';
  return (
    <FieldFormModal<Values>
      open={mode !== null}
      name={reschedule ? 'reschedule' : 'appointment'}
      title={
        reschedule ? t('orderField.appointments.rescheduleTitle') : t('orderField.appointments.makeTitle')
      }
      form={form}
      initialValues={
        reschedule ? { requestedBy: 'customer', customerAccepted: true } : { agreedBy: 'customer' }
      }
      submit={(values) =>
        api.post(
          orderPath(order.id, reschedule ? 'appointments/reschedule' : 'appointments'),
          bodyOf(reschedule ? 'reschedule' : 'appoint', order.version, values),
        )
      }
      onClose={onClose}
      onDone={onDone}
      onStale={onStale}
    >
      {reschedule && current ? (
        <Typography.Paragraph type="secondary">
          {t('orderField.appointments.currentWindow', {
            window: `${current.day} ${current.windowStart}–${current.windowEnd}`,
          })}
        </Typography.Paragraph>
      ) : null}
      <WindowFields date="day" start="windowStart" end="windowEnd" />
      {reschedule ? (
        <RescheduleFields />
      ) : (
        <PersonFields kind="agreedBy" relation="relation" label={t('orderField.appointments.agreedBy')} />
      )}
    </FieldFormModal>
  );
}

function RescheduleFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const requestedBy = Form.useWatch('requestedBy', form);
  const reasonCode = Form.useWatch('reasonCode', form);
  const accepted = Form.useWatch('customerAccepted', form);
  return (
    <>
      <Form.Item
        name="requestedBy"
        label={t('orderField.appointments.requestedBy')}
        rules={[{ required: true, message: t('orderField.common.required') }]}
      >
        <Radio.Group
          onChange={(e) => {
            if (e.target.value === 'customer') form.setFieldValue('customerAccepted', true);
          }}
          options={RESCHEDULE_REQUESTERS.map((code) => ({
            value: code,
            label: t(`orderField.appointments.requesters.${code}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reasonCode"
        label={t('orderField.appointments.reasonCode')}
        rules={[{ required: true, message: t('orderField.common.required') }]}
      >
        <Select
          options={RESCHEDULE_REASON_CODES.map((code) => ({
            value: code,
            label: t(`orderField.appointments.reasons.${code}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('orderField.appointments.reason')}
        rules={[
          {
            required: reasonCode === 'other',
            whitespace: true,
            message: t('orderField.appointments.reasonRequired'),
          },
        ]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
      </Form.Item>
      <Form.Item
        name="customerAccepted"
        label={t('orderField.appointments.customerAccepted')}
        rules={[{ required: true, message: t('orderField.common.required') }]}
        extra={requestedBy === 'customer' ? t('orderField.appointments.customerAsked') : undefined}
      >
        <Radio.Group
          disabled={requestedBy === 'customer'}
          options={[
            { value: true, label: t('common.yes') },
            { value: false, label: t('common.no') },
          ]}
        />
      </Form.Item>
      {requestedBy === 'outlet' && accepted === false ? (
        <Alert type="warning" showIcon title={t('orderField.appointments.brokenWarning')} />
      ) : null}
    </>
  );
}
