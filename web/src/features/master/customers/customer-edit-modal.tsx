import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import type { CustomerDetail } from '../../../api/master-data';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';

interface Values {
  name?: string;
  tags: string[];
  note?: string;
}

interface Props {
  customer: CustomerDetail | null;
  onClose: () => void;
  onSaved: () => void;
}

export function CustomerEditModal({ customer, onClose, onSaved }: Props) {
  const { t } = useTranslation();
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
      await api.patch<CustomerDetail>(`/api/customers/${encodeURIComponent(customer.id)}`, {
        version: customer.version,
        // The name is encrypted and never sent to the form; blank keeps it.
        ...(values.name?.trim() ? { name: values.name.trim() } : {}),
        tags: values.tags ?? [],
        note: values.note?.trim() ? values.note.trim() : null,
      });
      void message.success(t('common.saved'));
      onSaved();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'VERSION_CONFLICT') {
        void message.warning(t('common.versionConflict'));
        onSaved();
        return;
      }
      setError(caught);
      pinFieldErrors(form, caught, ['name', 'tags', 'note']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={customer !== null}
      title={t('customers.editTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
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
          initialValues={{ tags: customer.tags, note: customer.note ?? '' }}
        >
          <Form.Item label={t('customers.name')} name="name" extra={t('customers.nameKeep')}>
            <Input maxLength={40} autoComplete="off" placeholder={customer.nameMasked} />
          </Form.Item>
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
      ) : null}
    </Modal>
  );
}
