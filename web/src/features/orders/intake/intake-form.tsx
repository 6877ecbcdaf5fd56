import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import type { CustomerDetail } from '../../../api/master-data';
import { CHANNELS, ORDER_TYPES, SERVICE_MODES } from '../../../api/work-orders';
import type { OrderDetail } from '../../../api/work-orders';
import { codeText } from '../../../components/code-label';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';
import { wallClockToBusinessIso } from '../../../lib/format';
import { useCategories } from '../../../lib/reference-data';
import { ProposalPanel } from './proposal-panel';
import { useProposal } from './use-proposal';

export interface IntakeValues {
  addressId: string;
  subject: string;
  orderType: string;
  channel: string;
  serviceMode: string;
  faultDescription: string;
  customerRequestedAt?: Dayjs | null;
  outletId?: string;
  overrideReason?: string;
}

const FIELDS = ['addressId', 'subject', 'orderType', 'channel', 'serviceMode', 'faultDescription'] as const;

interface Props {
  customer: CustomerDetail;
  unitId?: string;
  onChannel: (channel: string) => void;
  onCreated: (order: OrderDetail) => void;
}

const options = (group: Parameters<typeof codeText>[0], codes: readonly string[]) =>
  codes.map((code) => ({ value: code, label: codeText(group, code) }));

/** One screen, top to bottom in the order the agent asks; Enter anywhere submits (UI.md "Agent intake"). */
export function IntakeForm({ customer, unitId, onChannel, onCreated }: Props) {
  const { t } = useTranslation();
  const categories = useCategories();
  const [form] = Form.useForm<IntakeValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const idempotencyKey = useRef(crypto.randomUUID());
  const defaultAddress = customer.addresses.find((a) => a.isDefault) ?? customer.addresses[0];
  const firstUnit = unitId ?? customer.units[0]?.id;
  const subject = Form.useWatch('subject', form);
  const addressId = Form.useWatch('addressId', form);
  const orderType = Form.useWatch('orderType', form);
  const serviceMode = Form.useWatch('serviceMode', form);
  const outletId = Form.useWatch('outletId', form);

  const unit = subject?.startsWith('unit:')
    ? customer.units.find((u) => `unit:${u.id}` === subject)
    : undefined;
  const categoryCode = unit ? (unit.categoryCode ?? undefined) : subject?.replace(/^cat:/, '') || undefined;
  const proposal = useProposal({ customerId: customer.id, addressId, categoryCode, orderType, serviceMode });
  const proposedId = proposal.data?.proposal?.outletId;
  const overriding = !!outletId && outletId !== proposedId;

  const subjectOptions = useMemo(
    () => [
      ...customer.units.map((u) => ({
        value: `unit:${u.id}`,
        label: `${u.modelName ?? u.modelCode ?? u.modelId} · ${u.serialNumber}`,
      })),
      ...categories.options.map((option) => ({ value: `cat:${option.value}`, label: option.label })),
    ],
    [customer.units, categories.options],
  );

  const submit = async (values: IntakeValues) => {
    setBusy(true);
    setError(null);
    const target = values.outletId ?? proposedId;
    try {
      const order = await api.post<OrderDetail>(
        '/api/work-orders',
        {
          customerId: customer.id,
          addressId: values.addressId,
          ...(unit ? { unitId: unit.id } : { categoryCode }),
          orderType: values.orderType,
          channel: values.channel,
          serviceMode: values.serviceMode,
          faultDescription: values.faultDescription.trim(),
          ...(values.customerRequestedAt
            ? { customerRequestedAt: wallClockToBusinessIso(values.customerRequestedAt) }
            : {}),
          ...(target
            ? {
                dispatch: {
                  outletId: target,
                  ...(overriding ? { overrideReason: values.overrideReason } : {}),
                },
              }
            : {}),
        },
        { idempotencyKey: idempotencyKey.current },
      );
      idempotencyKey.current = crypto.randomUUID();
      onCreated(order);
    } catch (caught) {
      setError(caught);
      pinFieldErrors(form, caught, FIELDS);
    } finally {
      setBusy(false);
    }
  };

  const enterSubmits = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      form.submit();
    }
  };

  return (
    <Card
      className="intake-form-card"
      title={t('orders.intake.customerPicked', { name: customer.nameMasked })}
    >
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{
          subject: firstUnit ? `unit:${firstUnit}` : undefined,
          addressId: defaultAddress?.id,
          orderType: 'repair',
          channel: 'hotline',
          serviceMode: 'on_site',
        }}
        onValuesChange={(changed: Partial<IntakeValues>) => {
          if (changed.channel) onChannel(changed.channel);
        }}
        onFinish={(values) => void submit(values)}
      >
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="subject"
              label={t('orders.intake.unitOrCategory')}
              rules={[{ required: true, message: t('orders.intake.unitRequired') }]}
            >
              <Select showSearch optionFilterProp="label" options={subjectOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="addressId"
              label={t('orders.fields.address')}
              rules={[{ required: true, message: t('orders.intake.addressRequired') }]}
            >
              <Select
                options={customer.addresses.map((a) => ({
                  value: a.id,
                  label: `${a.regionPath} ${a.detailMasked}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="orderType" label={t('orders.fields.type')}>
              <Select options={options('orders.types', ORDER_TYPES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="channel" label={t('orders.fields.channel')}>
              <Select options={options('orders.channels', CHANNELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="serviceMode" label={t('orders.fields.mode')}>
              <Select options={options('orders.modes', SERVICE_MODES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="faultDescription"
              label={t('orders.fields.fault')}
              rules={[{ required: true, whitespace: true, message: t('orders.intake.faultRequired') }]}
            >
              <Input.TextArea
                autoSize={{ minRows: 2, maxRows: 5 }}
                maxLength={1000}
                placeholder={t('orders.intake.faultPlaceholder')}
                onKeyDown={enterSubmits}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="customerRequestedAt" label={t('orders.fields.requestedAt')}>
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 15 }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <ProposalPanel
          proposal={proposal.data}
          loading={proposal.loading}
          error={proposal.error}
          ready={proposal.ready}
        />
        <Row gutter={12} style={{ marginTop: 12 }}>
          <Col xs={24} md={12}>
            <Form.Item name="outletId" label={t('orders.intake.override')}>
              <Select
                allowClear
                placeholder={t('orders.intake.overridePlaceholder')}
                options={(proposal.data?.ranked ?? []).map((o) => ({
                  value: o.outletId,
                  label: `${o.name} (${o.code})`,
                }))}
              />
            </Form.Item>
          </Col>
          {overriding ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="overrideReason"
                label={t('orders.fields.overrideReason')}
                rules={[
                  { required: true, whitespace: true, message: t('orders.intake.overrideReasonRequired') },
                ]}
              >
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        {error ? (
          <Typography.Paragraph type="danger" className="form-error">
            {errorMessage(error, t)}
          </Typography.Paragraph>
        ) : null}
        <Button type="primary" size="large" htmlType="submit" icon={<SendOutlined />} loading={busy}>
          {t('orders.intake.submit')}
        </Button>
        <Typography.Text type="secondary" className="small" style={{ marginLeft: 12 }}>
          {t('orders.intake.submitHint')}
        </Typography.Text>
      </Form>
    </Card>
  );
}
