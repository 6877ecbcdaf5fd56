import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { CustomerDetail } from '../../../api/master-data';
import { errorMessage, fieldErrors } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';
import { AddressFields, PhoneFields, singleFlag } from './customer-fields';
import type { AddressValues, PhoneValues } from './customer-fields';
import { existingIdOf } from './existing-id';

interface Values {
  name: string;
  phones: PhoneValues[];
  addresses: AddressValues[];
  tags: string[];
  note?: string;
}

interface Props {
  open: boolean;
  /** The number just looked up, so the agent does not type it twice. */
  phone?: string;
  onClose: () => void;
  onCreated: (customer: CustomerDetail) => void;
  onOpenExisting: (id: string) => void;
}

export function CustomerCreateModal({ open, phone, onClose, onCreated, onOpenExisting }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    const primary = singleFlag(values.phones, (p) => Boolean(p.isPrimary));
    const preferred = singleFlag(values.addresses, (a) => Boolean(a.isDefault));
    try {
      const created = await api.post<CustomerDetail>('/api/customers', {
        name: values.name.trim(),
        phones: values.phones.map((p, index) => ({
          number: p.number.trim(),
          label: p.label,
          isPrimary: primary[index],
        })),
        addresses: values.addresses.map((a, index) => ({
          regionCode: a.regionCode,
          detail: a.detail.trim(),
          isDefault: preferred[index],
        })),
        tags: values.tags ?? [],
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      });
      void message.success(t('customers.created', { code: created.code }));
      form.resetFields();
      onCreated(created);
    } catch (caught) {
      // Input stays; field problems sit next to their inputs, a duplicate offers the other record.
      setError(caught);
      pinFieldErrors(form, caught, ['name', 'tags', 'note']);
      // Rows of the phone and address lists (`/phones/0/number`) get their message next to the row.
      const rows = fieldErrors(caught).filter(
        (entry) => entry.name[0] === 'phones' || entry.name[0] === 'addresses',
      );
      if (rows.length > 0) form.setFields(rows as Parameters<typeof form.setFields>[0]);
    } finally {
      setSaving(false);
    }
  };

  const duplicateId = existingIdOf(error);

  return (
    <Modal
      open={open}
      title={t('customers.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('customers.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={760}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={duplicateId ? t('customers.duplicatePhone') : errorMessage(error, t)}
          description={duplicateId ? errorMessage(error, t) : undefined}
          action={
            duplicateId ? (
              <Button size="small" onClick={() => onOpenExisting(duplicateId)}>
                {t('customers.openDuplicate')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={saving}
        preserve={false}
        initialValues={{
          phones: [{ number: phone ?? '', label: 'mobile', isPrimary: true }],
          addresses: [{ isDefault: true }],
          tags: [],
        }}
      >
        <Form.Item
          label={t('customers.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('customers.nameRequired') }]}
        >
          <Input maxLength={40} autoComplete="off" autoFocus />
        </Form.Item>
        <PhoneFields />
        <AddressFields />
        <Form.Item label={t('customers.tags')} name="tags">
          <Select
            mode="tags"
            tokenSeparators={[',', '，']}
            open={false}
            placeholder={t('customers.tagsPlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('customers.note')} name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
