import { useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { SALES_CHANNELS } from '../../../api/master-data';
import type { CustomerDetail, Dealer, ProductModel, Unit } from '../../../api/master-data';
import type { Page } from '../../../api/types';
import { useAuth } from '../../../app/auth-context';
import { codeText } from '../../../components/code-label';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';
import { SearchSelect } from '../shared/search-select';

interface Values {
  modelId: string;
  serialNumber: string;
  purchaseDate: Dayjs;
  installDate?: Dayjs | null;
  salesChannel: string;
  dealerId?: string;
  addressId?: string;
}

const FIELDS = [
  'modelId',
  'serialNumber',
  'purchaseDate',
  'installDate',
  'salesChannel',
  'dealerId',
  'addressId',
] as const;

const searchModels = (q: string) =>
  api
    .get<Page<ProductModel>>('/api/models', { q, active: true, page: 1, pageSize: 30 })
    .then((page) => page.items.map((model) => ({ value: model.id, label: `${model.code} · ${model.name}` })));

const searchDealers = (q: string) =>
  api
    .get<Page<Dealer>>('/api/dealers', { q, active: true, page: 1, pageSize: 30 })
    .then((page) =>
      page.items.map((dealer) => ({ value: dealer.id, label: `${dealer.name}（${dealer.code}）` })),
    );

interface Props {
  customer: CustomerDetail | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

/** MD-3: a unit is registered against a model, with serial number, purchase date and sales channel. */
export function UnitFormModal({ customer, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (!customer) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const unit = await api.post<Unit>('/api/units', {
        customerId: customer.id,
        modelId: values.modelId,
        serialNumber: values.serialNumber.trim(),
        purchaseDate: values.purchaseDate.format('YYYY-MM-DD'),
        ...(values.installDate ? { installDate: values.installDate.format('YYYY-MM-DD') } : {}),
        salesChannel: values.salesChannel,
        ...(values.dealerId ? { dealerId: values.dealerId } : {}),
        ...(values.addressId ? { addressId: values.addressId } : {}),
      });
      void message.success(t('customers.unitAdded', { serial: unit.serialNumber }));
      onSaved(unit);
    } catch (caught) {
      setError(caught);
      pinFieldErrors(form, caught, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const defaultAddress = customer?.addresses.find((address) => address.isDefault) ?? customer?.addresses[0];

  return (
    <Modal
      open={customer !== null}
      title={customer ? `${t('customers.addUnitTitle')} · ${customer.nameMasked} ${customer.code}` : null}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('customers.addUnit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      {customer ? (
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={saving}
          preserve={false}
          initialValues={{ salesChannel: 'mall', addressId: defaultAddress?.id }}
        >
          <Form.Item
            label={t('customers.model')}
            name="modelId"
            rules={[{ required: true, message: t('customers.modelRequired') }]}
          >
            <SearchSelect search={searchModels} placeholder={t('customers.modelPlaceholder')} />
          </Form.Item>
          <Form.Item
            label={t('customers.serial')}
            name="serialNumber"
            rules={[{ required: true, whitespace: true, message: t('customers.serialRequired') }]}
          >
            <Input maxLength={60} className="mono" autoComplete="off" />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('customers.purchaseDate')}
                name="purchaseDate"
                rules={[{ required: true, message: t('customers.purchaseDateRequired') }]}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={(day) => day.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('customers.installDate')} name="installDate">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                label={t('customers.channel')}
                name="salesChannel"
                rules={[{ required: true, message: t('customers.channelRequired') }]}
              >
                <Select
                  options={SALES_CHANNELS.map((value) => ({
                    value,
                    label: codeText('enums.salesChannels', value),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item label={t('customers.dealer')} name="dealerId">
                <SearchSelect
                  search={searchDealers}
                  allowClear
                  disabled={!can('dealer.read')}
                  placeholder={t('customers.dealerPlaceholder')}
                />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('customers.installAddress')} name="addressId">
            <Select
              allowClear
              options={customer.addresses.map((address) => ({
                value: address.id,
                label: `${address.regionPath} ${address.detailMasked}`,
              }))}
            />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
