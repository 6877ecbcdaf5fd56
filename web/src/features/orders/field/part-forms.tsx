import { Alert, DatePicker, Form, Input, InputNumber, Radio, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { PART_SHIPPERS, PART_TIME_FIELDS } from '../../../api/work-orders';
import type { PartRequest, PartShipper, PartTimeField } from '../../../api/work-orders';
import { BUSINESS_TZ, formatDateTime, wallClockToBusinessIso } from '../../../lib/format';
import type { FieldOrder } from './field-api';
import { orderPath } from './field-api';
import { FieldFormModal } from './field-form-modal';
import { DateField } from './field-inputs';
import { businessToday, dateText, partTimeProblems } from './field-rules';

const partPath = (orderId: string, partId: string, tail = '') =>
  orderPath(orderId, `parts/${encodeURIComponent(partId)}${tail ? `/${tail}` : ''}`);

interface RequestValues {
  partName?: string;
  partCode?: string;
  quantity?: number;
  shippedBy?: PartShipper;
  promisedArrivalDate?: Dayjs;
}

/** WO-7.6 / WO-11: a part request; division parts pause the outlet's SLA clock while they travel. */
export function PartRequestModal({
  order,
  open,
  onClose,
  onDone,
}: {
  order: FieldOrder;
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RequestValues>();
  const shippedBy = Form.useWatch('shippedBy', form);
  return (
    <FieldFormModal<RequestValues>
      open={open}
      name="partRequest"
      title={t('orderField.parts.requestTitle')}
      form={form}
      initialValues={{ quantity: 1, shippedBy: 'division' }}
      submit={(v, key) =>
        api.post(
          orderPath(order.id, 'parts'),
          {
            partName: v.partName?.trim(),
            partCode: v.partCode?.trim() || null,
            quantity: v.quantity,
            shippedBy: v.shippedBy,
            promisedArrivalDate: dateText(v.promisedArrivalDate) ?? null,
          },
          { idempotencyKey: key },
        )
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="partName"
        label={t('orderField.parts.partName')}
        rules={[{ required: true, whitespace: true, message: t('orderField.parts.partNameRequired') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="partCode" label={t('orderField.parts.partCode')}>
        <Input maxLength={40} className="mono" />
      </Form.Item>
      <Form.Item
        name="quantity"
        label={t('orderField.parts.quantity')}
        rules={[{ required: true, message: t('orderField.common.required') }]}
      >
        <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="shippedBy"
        label={t('orderField.parts.shippedBy')}
        rules={[{ required: true, message: t('orderField.common.required') }]}
      >
        <Radio.Group
          options={PART_SHIPPERS.map((code) => ({
            value: code,
            label: t(`orderField.parts.shippers.${code}`),
          }))}
        />
      </Form.Item>
      {shippedBy === 'division' ? (
        <Alert type="info" showIcon title={t('orderField.parts.pausesSla')} style={{ marginBottom: 16 }} />
      ) : null}
      <DateField
        name="promisedArrivalDate"
        label={t('orderField.parts.promisedArrivalDate')}
        notBefore={businessToday()}
        required={false}
      />
    </FieldFormModal>
  );
}

type ProgressValues = Partial<Record<PartTimeField, Dayjs | null>> & { promisedArrivalDate?: Dayjs | null };

/** A stored instant as the wall-clock time a picker shows, in the business zone. */
const pickerValue = (iso: string | null): Dayjs | null =>
  iso ? dayjs(dayjs(iso).tz(BUSINESS_TZ).format('YYYY-MM-DDTHH:mm:00')) : null;
const instantOf = (value: Dayjs | null | undefined): string | null =>
  value ? wallClockToBusinessIso(value) : null;

/** Steps a part shipped from the outlet's own stock never passes. */
const STOCK_SKIPS: readonly PartTimeField[] = ['shelfOffAt', 'stationArrivalAt'];
export const partSteps = (part: PartRequest): readonly PartTimeField[] =>
  part.shippedBy === 'outlet_stock'
    ? PART_TIME_FIELDS.filter((f) => !STOCK_SKIPS.includes(f))
    : PART_TIME_FIELDS;

const minute = (value: Dayjs | null | undefined) => value?.format('YYYY-MM-DD HH:mm') ?? null;
/** Compared by the minute the picker shows: the seconds of a stored time are not a change. */
const changed = (part: PartRequest, v: ProgressValues, f: PartTimeField) =>
  f in v && minute(v[f]) !== minute(pickerValue(part[f]));

/** The stored times with the form's changes applied, as the server will check them. */
function mergedTimes(part: PartRequest, v: ProgressValues): Record<PartTimeField, string | null> {
  return Object.fromEntries(
    PART_TIME_FIELDS.map((f) => [f, changed(part, v, f) ? instantOf(v[f]) : part[f]]),
  ) as Record<PartTimeField, string | null>;
}

/** Records when the part moved: times are facts, so none in the future or before the application. */
export function PartProgressModal({
  order,
  part,
  onClose,
  onDone,
}: {
  order: FieldOrder;
  part: PartRequest | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProgressValues>();
  const steps = part ? partSteps(part) : [];
  const initial: ProgressValues = part
    ? {
        ...Object.fromEntries(steps.map((f) => [f, pickerValue(part[f])])),
        promisedArrivalDate: part.promisedArrivalDate ? dayjs(part.promisedArrivalDate) : null,
      }
    : {};
  const problemText = (field: PartTimeField, v: ProgressValues): string | null => {
    if (!part) return null;
    const edited = PART_TIME_FIELDS.filter((f) => changed(part, v, f));
    const problem = partTimeProblems(part, mergedTimes(part, v), edited)[field];
    if (!problem) return null;
    if (problem.kind === 'future') return t('orderField.parts.timeInFuture');
    if (problem.kind === 'beforeApplied') return t('orderField.parts.timeBeforeApplied');
    return t('orderField.parts.timeOutOfOrder', { step: t(`orderField.parts.steps.${problem.step}`) });
  };
  return (
    <FieldFormModal<ProgressValues>
      open={part !== null}
      name="partProgress"
      title={part ? t('orderField.parts.progressTitle', { name: part.partName }) : ''}
      form={form}
      initialValues={initial}
      submit={async (v) => {
        if (!part) return;
        const body: Record<string, unknown> = { version: part.version };
        for (const f of steps) if (changed(part, v, f)) body[f] = instantOf(v[f]);
        const promised = dateText(v.promisedArrivalDate) ?? null;
        if (promised !== part.promisedArrivalDate) body.promisedArrivalDate = promised;
        if (Object.keys(body).length === 1) throw new Error(t('orderField.parts.nothingChanged'));
        await api.patch(partPath(order.id, part.id), body);
      }}
      onClose={onClose}
      onDone={onDone}
    >
      {part ? (
        <Typography.Paragraph type="secondary">
          {t('orderField.parts.progressHint', { applied: formatDateTime(part.appliedAt) })}
        </Typography.Paragraph>
      ) : null}
      {steps.map((field) => (
        <Form.Item
          key={field}
          name={field}
          label={t(`orderField.parts.stepLabels.${field}`)}
          dependencies={steps.filter((f) => f !== field)}
          rules={[
            (f) => ({
              validator: async () => {
                const problem = problemText(field, f.getFieldsValue(true) as ProgressValues);
                if (problem) throw new Error(problem);
              },
            }),
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
      ))}
      <DateField
        name="promisedArrivalDate"
        label={t('orderField.parts.promisedArrivalDate')}
        notBefore={businessToday()}
        required={false}
      />
    </FieldFormModal>
  );
}

/** Cancels a request that is no longer needed; the reason goes to the timeline and the audit trail. */
export function PartCancelModal({
  order,
  part,
  onClose,
  onDone,
}: {
  order: FieldOrder;
  part: PartRequest | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <FieldFormModal<{ reason?: string }>
      open={part !== null}
      name="partCancel"
      title={part ? t('orderField.parts.cancelTitle', { name: part.partName }) : ''}
      okText={t('orderField.parts.cancel')}
      cancelText={t('orderField.parts.keep')}
      danger
      form={form}
      submit={(v) =>
        part
          ? api.post(partPath(order.id, part.id, 'cancel'), {
              version: part.version,
              reason: v.reason?.trim(),
            })
          : Promise.resolve()
      }
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="reason"
        label={t('orderField.parts.cancelReason')}
        rules={[{ required: true, whitespace: true, message: t('orderField.parts.cancelReasonRequired') }]}
      >
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
      </Form.Item>
    </FieldFormModal>
  );
}
