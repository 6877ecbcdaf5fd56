import { useState } from 'react';
import { Alert, App, Button, Form, Input, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { PHONE_LABELS } from '../../../api/master-data';
import type { CustomerDetail } from '../../../api/master-data';
import { codeText } from '../../../components/code-label';
import { RegionCascader } from '../../../components/region-cascader';
import { errorMessage } from '../../../lib/errors';
import { existingIdOf } from './existing-id';

interface Props {
  customer: CustomerDetail;
  onAdded: () => void;
  onOpenExisting?: (id: string) => void;
}

/** A one-line form behind a link, so the record stays readable until someone adds a number. */
export function PhoneAdder({ customer, onAdded, onOpenExisting }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ number: string; label: string }>();

  const submit = async (values: { number: string; label: string }) => {
    setSaving(true);
    setError(null);
    try {
      await api.post<unknown>(`/api/customers/${encodeURIComponent(customer.id)}/phones`, {
        number: values.number.trim(),
        label: values.label,
        version: customer.version,
      });
      void message.success(t('customers.phoneAdded'));
      form.resetFields();
      setOpen(false);
      onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  if (!open) {
    return (
      <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('customers.addPhone')}
      </Button>
    );
  }
  const duplicateId = existingIdOf(error);
  return (
    <Form
      form={form}
      layout="inline"
      disabled={saving}
      onFinish={(values) => void submit(values)}
      initialValues={{ label: 'mobile' }}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(error, t)}
          style={{ width: '100%', marginBottom: 8 }}
          action={
            duplicateId && onOpenExisting ? (
              <Button size="small" onClick={() => onOpenExisting(duplicateId)}>
                {t('customers.openDuplicate')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Form.Item
        name="number"
        rules={[{ required: true, whitespace: true, message: t('customers.phoneRequired') }]}
      >
        <Input
          inputMode="tel"
          autoComplete="off"
          placeholder={t('customers.phoneNumber')}
          style={{ width: 170 }}
          autoFocus
        />
      </Form.Item>
      <Form.Item name="label">
        <Select
          style={{ width: 90 }}
          options={PHONE_LABELS.map((value) => ({ value, label: codeText('enums.phoneLabels', value) }))}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.add')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

export function AddressAdder({ customer, onAdded }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ regionCode: string; detail: string }>();

  const submit = async (values: { regionCode: string; detail: string }) => {
    setSaving(true);
    setError(null);
    try {
      await api.post<unknown>(`/api/customers/${encodeURIComponent(customer.id)}/addresses`, {
        regionCode: values.regionCode,
        detail: values.detail.trim(),
        version: customer.version,
      });
      void message.success(t('customers.addressAdded'));
      form.resetFields();
      setOpen(false);
      onAdded();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  if (!open) {
    return (
      <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('customers.addAddress')}
      </Button>
    );
  }
  return (
    <Form
      form={form}
      layout="vertical"
      disabled={saving}
      onFinish={(values) => void submit(values)}
      className="inline-adder"
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 8 }} />
      ) : null}
      <Form.Item
        name="regionCode"
        rules={[{ required: true, message: t('customers.regionRequired') }]}
        style={{ marginBottom: 8 }}
      >
        <RegionCascader style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="detail"
        rules={[{ required: true, whitespace: true, message: t('customers.detailRequired') }]}
        style={{ marginBottom: 8 }}
      >
        <Input maxLength={200} placeholder={t('customers.addressDetailPlaceholder')} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('common.add')}
        </Button>
        <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}
