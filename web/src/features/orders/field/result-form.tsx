import type { ReactNode } from 'react';
import { Button, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { CustomerPhone } from '../../../api/master-data';
import {
  ADDRESS_OUTCOMES,
  NEGOTIATION_STATUSES,
  PHONE_OUTCOMES,
  RESCHEDULE_REASON_CODES,
  RESCHEDULE_REQUESTERS,
  RESULT_CODES,
  RESULT_PART_SHIPPERS,
} from '../../../api/work-orders';
import type { PartRequest, ResultCode } from '../../../api/work-orders';
import { codeText } from '../../../components/code-label';
import type { FieldOrder } from './field-api';
import { orderPath, useCustomerPhones, useParts } from './field-api';
import { FieldFormModal } from './field-form-modal';
import { DateField, MustTick, PersonFields, PhoneSelect, WindowFields, YesNo } from './field-inputs';
import { businessToday, dateText, resultCodeStatuses } from './field-rules';
import type { ResultField, ResultValues } from './result-fields';
import { RESULT_FIELDS, resultBody, resultErrorPath } from './result-fields';

const required = (message: string) => [{ required: true, message }];

/** Open part requests a "waiting for parts" result names by default (division and trading-company ones). */
function awaitedParts(parts: PartRequest[]): ResultValues['parts'] {
  return parts
    .filter(
      (p) =>
        p.status !== 'cancelled' && !p.arrivedAtOutletAt && !p.fittedAt && p.shippedBy !== 'outlet_stock',
    )
    .map((p) => ({
      name: p.partName,
      shippedBy: p.shippedBy === 'trading_company' ? 'trading_company' : 'division',
    }));
}

function UnreachableFields({ phones }: { phones: CustomerPhone[] }) {
  const { t } = useTranslation();
  const outcomes = PHONE_OUTCOMES.map((code) => ({
    value: code,
    label: t(`orderField.results.phoneOutcomes.${code}`),
  }));
  return (
    <>
      <Typography.Paragraph type="secondary" className="small">
        {t('orderField.results.unreachableHint')}
      </Typography.Paragraph>
      {phones.map((phone) => (
        <Form.Item
          key={phone.id}
          name={['phoneOutcomes', phone.id]}
          label={`${t('orderField.results.fields.phones')} ${phone.masked} · ${codeText('enums.phoneLabels', phone.label)}`}
        >
          <Select allowClear placeholder={t('orderField.results.phoneNotTried')} options={outcomes} />
        </Form.Item>
      ))}
      <Form.Item
        name={['address', 'outcome']}
        label={t('orderField.results.fields.address')}
        dependencies={phones.map((phone) => ['phoneOutcomes', phone.id])}
        rules={[
          (form) => ({
            validator: async (_, value: unknown) => {
              const tried = Object.values(form.getFieldValue('phoneOutcomes') ?? {}).some(Boolean);
              if (!tried && !value) throw new Error(t('orderField.results.unreachableRequired'));
            },
          }),
        ]}
      >
        <Select
          allowClear
          placeholder={t('orderField.results.addressFine')}
          options={ADDRESS_OUTCOMES.map((code) => ({
            value: code,
            label: t(`orderField.results.addressOutcomes.${code}`),
          }))}
        />
      </Form.Item>
    </>
  );
}

/*
 * Rows keep their values when their fields unmount (`preserve`), and the list starts from `initialValue`
 * whenever it mounts: with the form's `preserve={false}` a remount (React's strict mode does one) would
 * otherwise empty the fields while the rows stay.
 */
function PartsList({ initial }: { initial: ResultValues['parts'] }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name="parts"
      initialValue={initial}
      rules={[
        {
          validator: async (_, value: unknown[] | undefined) => {
            if (!value || value.length === 0) throw new Error(t('orderField.common.listRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="field-list">
          <Typography.Text strong>{t('orderField.results.fields.parts')}</Typography.Text>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start" className="field-list-row">
              <Form.Item
                preserve
                name={[field.name, 'name']}
                className="field-grow"
                rules={[
                  { required: true, whitespace: true, message: t('orderField.parts.partNameRequired') },
                ]}
              >
                <Input
                  maxLength={100}
                  placeholder={t('orderField.parts.partName')}
                  aria-label={t('orderField.parts.partName')}
                />
              </Form.Item>
              <Form.Item
                preserve
                name={[field.name, 'shippedBy']}
                className="field-grow"
                rules={required(t('orderField.common.required'))}
              >
                <Select
                  aria-label={t('orderField.parts.shippedBy')}
                  placeholder={t('orderField.parts.shippedBy')}
                  options={RESULT_PART_SHIPPERS.map((code) => ({
                    value: code,
                    label: t(`orderField.parts.shippers.${code}`),
                  }))}
                />
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('common.remove')}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ shippedBy: 'division' })} block>
            {t('orderField.results.addPart')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}

function MeasurementsList() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="measurements"
      rules={[
        {
          validator: async (_, value: unknown[] | undefined) => {
            if (!value || value.length === 0) throw new Error(t('orderField.common.listRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="field-list">
          <Typography.Text strong>{t('orderField.results.fields.measurements')}</Typography.Text>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="flex-start" className="field-list-row">
              <Form.Item
                preserve
                name={[field.name, 'name']}
                className="field-grow"
                rules={[{ required: true, whitespace: true, message: t('orderField.common.required') }]}
              >
                <Input
                  maxLength={60}
                  placeholder={t('orderField.results.measureName')}
                  aria-label={t('orderField.results.measureName')}
                />
              </Form.Item>
              <Form.Item
                preserve
                name={[field.name, 'value']}
                rules={required(t('orderField.common.required'))}
              >
                <InputNumber
                  placeholder={t('orderField.results.measureValue')}
                  aria-label={t('orderField.results.measureValue')}
                  style={{ width: 88 }}
                />
              </Form.Item>
              <Form.Item
                preserve
                name={[field.name, 'unit']}
                rules={[{ required: true, whitespace: true, message: t('orderField.common.required') }]}
              >
                <Input
                  maxLength={20}
                  placeholder={t('orderField.results.measureUnit')}
                  aria-label={t('orderField.results.measureUnit')}
                  style={{ width: 64 }}
                />
              </Form.Item>
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('common.remove')}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
            {t('orderField.results.addMeasurement')}
          </Button>
          <Form.ErrorList errors={errors} />
        </div>
      )}
    </Form.List>
  );
}

/** One renderer per API field: the picked code's list in RESULT_FIELDS decides which appear. */
function FieldInput({
  field,
  phones,
  loadingPhones,
  openParts,
}: {
  field: ResultField;
  phones: CustomerPhone[];
  loadingPhones: boolean;
  openParts: PartRequest[];
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<ResultValues>();
  const label = (key: ResultField | 'feeYuan') => t(`orderField.results.fields.${key}`);
  const today = businessToday();
  switch (field) {
    case 'window':
      return <WindowFields date={['window', 'date']} start={['window', 'start']} end={['window', 'end']} />;
    case 'nextVisit':
      return (
        <Form.Item noStyle dependencies={['expectedArrivalDate']}>
          {() => (
            <>
              <Typography.Text strong>{label('nextVisit')}</Typography.Text>
              <WindowFields
                date={['nextVisit', 'date']}
                start={['nextVisit', 'start']}
                end={['nextVisit', 'end']}
                notBefore={dateText(form.getFieldValue('expectedArrivalDate')) ?? today}
              />
            </>
          )}
        </Form.Item>
      );
    case 'agreedWith':
    case 'informed':
    case 'notAcceptedBy':
    case 'statedBy':
      return <PersonFields kind={[field, 'kind']} relation={[field, 'relation']} label={label(field)} />;
    case 'contactPhone':
      return <PhoneSelect name="contactPhone" phones={phones} loading={loadingPhones} />;
    case 'phones':
      return <UnreachableFields phones={phones} />;
    case 'address':
      return null; // Rendered with the phones: one outcome list for "could not reach".
    case 'requestedBy':
      return (
        <Form.Item name="requestedBy" label={label(field)} rules={required(t('orderField.common.required'))}>
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
      );
    case 'reasonCode':
      return (
        <Form.Item name="reasonCode" label={label(field)} rules={required(t('orderField.common.required'))}>
          <Select
            options={RESCHEDULE_REASON_CODES.map((code) => ({
              value: code,
              label: t(`orderField.appointments.reasons.${code}`),
            }))}
          />
        </Form.Item>
      );
    case 'reason':
      return (
        <Form.Item noStyle dependencies={['reasonCode']}>
          {() => (
            <Form.Item
              name="reason"
              label={label(field)}
              rules={[
                {
                  required: form.getFieldValue('reasonCode') === 'other',
                  whitespace: true,
                  message: t('orderField.appointments.reasonRequired'),
                },
              ]}
            >
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
            </Form.Item>
          )}
        </Form.Item>
      );
    case 'customerAccepted':
      return (
        <Form.Item noStyle dependencies={['requestedBy']}>
          {() => (
            <Form.Item
              name="customerAccepted"
              label={label(field)}
              rules={required(t('orderField.common.required'))}
              extra={
                form.getFieldValue('requestedBy') === 'customer'
                  ? t('orderField.appointments.customerAsked')
                  : undefined
              }
            >
              <Radio.Group
                disabled={form.getFieldValue('requestedBy') === 'customer'}
                options={[
                  { value: true, label: t('common.yes') },
                  { value: false, label: t('common.no') },
                ]}
              />
            </Form.Item>
          )}
        </Form.Item>
      );
    case 'parts':
      return <PartsList initial={awaitedParts(openParts)} />;
    case 'measurements':
      return <MeasurementsList />;
    case 'expectedArrivalDate':
    case 'returnDate':
    case 'nextVisitDate':
    case 'nextDate':
    case 'noTimeThrough':
      return <DateField name={field} label={label(field)} notBefore={today} />;
    case 'takenOn':
    case 'purchaseDate':
      return <DateField name={field} label={label(field)} notAfter={today} />;
    case 'customerInformed':
    case 'withinNormalRange':
    case 'reportedForApproval':
    case 'customerDeclines':
      return <MustTick name={field} label={label(field)} />;
    case 'customerMustChooseModel':
      return <YesNo name={field} label={label(field)} />;
    case 'customerPosition':
    case 'faultFound':
      return (
        <Form.Item
          name={field}
          label={label(field)}
          rules={[{ required: true, whitespace: true, message: t('orderField.common.required') }]}
        >
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      );
    case 'part':
      return (
        <Form.Item
          name="part"
          label={label(field)}
          rules={[{ required: true, whitespace: true, message: t('orderField.common.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      );
    case 'negotiation':
      return (
        <Form.Item name="negotiation" label={label(field)} rules={required(t('orderField.common.required'))}>
          <Radio.Group
            options={NEGOTIATION_STATUSES.map((code) => ({
              value: code,
              label: t(`orderField.results.negotiation.${code}`),
            }))}
          />
        </Form.Item>
      );
    case 'kind':
      return (
        <Form.Item name="kind" label={label(field)} rules={required(t('orderField.common.required'))}>
          <Radio.Group
            options={[
              { value: 'return', label: t('orderField.results.kinds.return') },
              { value: 'exchange', label: t('orderField.results.kinds.exchange') },
            ]}
          />
        </Form.Item>
      );
    case 'purchaseYear': {
      const year = Number(today.slice(0, 4));
      return (
        <Form.Item name="purchaseYear" label={label(field)} rules={required(t('orderField.common.required'))}>
          <InputNumber min={1900} max={year} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      );
    }
    case 'feeQuotedFen':
      return (
        <Form.Item name="feeYuan" label={label('feeYuan')} rules={required(t('orderField.common.required'))}>
          <InputNumber min={0.01} max={1_000_000} precision={2} prefix="¥" style={{ width: '100%' }} />
        </Form.Item>
      );
  }
}

/**
 * WO-5: record a contact outcome. Picking the code shows exactly the fields that code requires (the same
 * list the server validates); codes the order's status does not take are greyed.
 */
export function ResultModal({
  order,
  open,
  initialCode,
  onClose,
  onDone,
  onStale,
}: {
  order: FieldOrder;
  open: boolean;
  initialCode?: ResultCode;
  onClose: () => void;
  onDone: () => void;
  onStale?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ResultValues>();
  const { phones, loading } = useCustomerPhones(open ? order.customerId : null);
  const { data: parts, error: partsError } = useParts(order.id, open ? `result-form:${order.version}` : null);
  // The form opens once the order's part requests are known: they fill the "awaited parts" of AWAITING_PARTS.
  const ready = parts !== undefined || partsError !== null;
  const code = Form.useWatch('code', form);
  // The engineer's usual outcome is preselected when the status takes it; otherwise the person picks one.
  const start =
    initialCode && resultCodeStatuses[initialCode].includes(order.status) ? initialCode : undefined;

  let fields: ReactNode = null;
  if (code) {
    fields = RESULT_FIELDS[code].map((field) => (
      <FieldInput
        key={field}
        field={field}
        phones={phones}
        loadingPhones={loading}
        openParts={parts?.items ?? []}
      />
    ));
  }
  return (
    <FieldFormModal<ResultValues>
      open={open && ready}
      name="result"
      title={t('orderField.results.title')}
      form={form}
      initialValues={{ code: start, customerAccepted: true, requestedBy: 'customer' }}
      submit={(values, key) => {
        const picked = values.code;
        if (!picked) throw new Error(t('orderField.results.codeRequired'));
        return api.post(orderPath(order.id, 'results'), resultBody(picked, order.version, values, phones), {
          idempotencyKey: key,
        });
      }}
      renamePath={resultErrorPath}
      onClose={onClose}
      onDone={onDone}
      onStale={onStale}
    >
      <Form.Item
        name="code"
        label={t('orderField.results.code')}
        rules={required(t('orderField.results.codeRequired'))}
      >
        <Select
          options={RESULT_CODES.map((c) => ({
            value: c,
            label: codeText('orders.resultCodes', c),
            disabled: !resultCodeStatuses[c].includes(order.status),
          }))}
        />
      </Form.Item>
      {fields}
      <Form.Item name="note" label={t('orderField.results.fields.note')}>
        <Input.TextArea
          maxLength={1000}
          autoSize={{ minRows: 2 }}
          placeholder={t('orderField.results.notePlaceholder')}
        />
      </Form.Item>
    </FieldFormModal>
  );
}
