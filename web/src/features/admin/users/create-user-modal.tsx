import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Role, UserSummary } from '../../../api/types';
import { useMe } from '../../../app/auth-context';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';
import { roleLabel } from '../../../lib/labels';
import { scopeFieldName, scopeFromForm, ScopeFields } from './scope-fields';
import type { ScopeFormValues } from './scope-fields';
import {
  assignableRoles,
  fixedOutletOf,
  normalisePhone,
  PHONE_PATTERN,
  USERNAME_PATTERN,
} from './user-form-bits';

interface CreateValues extends ScopeFormValues {
  username: string;
  displayName: string;
  role: Role;
  phone?: string;
  password: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (user: UserSummary) => void;
}

export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const fixedOutlet = fixedOutletOf(me);

  const submit = async () => {
    let values: CreateValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const created = await api.post<UserSummary>('/api/users', {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        scope: scopeFromForm(values.role, values),
        password: values.password,
        phone: normalisePhone(values.phone),
      });
      void message.success(t('users.created', { name: created.displayName }));
      form.resetFields();
      onCreated(created);
    } catch (caught) {
      // Input stays in the form; field-level problems are pinned to their fields.
      setError(caught);
      pinFieldErrors(
        form,
        caught,
        ['username', 'displayName', 'role', 'outletId', 'regionCodes', 'phone', 'password'],
        scopeFieldName,
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('users.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={560}
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        disabled={saving}
        preserve={false}
        initialValues={{ role: fixedOutlet ? 'engineer' : undefined, outletId: fixedOutlet?.id }}
      >
        <Form.Item
          label={t('users.username')}
          name="username"
          rules={[
            { required: true, message: t('users.usernameRequired') },
            { pattern: USERNAME_PATTERN, message: t('users.usernamePattern') },
          ]}
        >
          <Input autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('users.displayName')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
        >
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item
          label={t('users.role')}
          name="role"
          rules={[{ required: true, message: t('users.roleRequired') }]}
        >
          <Select options={assignableRoles(me).map((role) => ({ value: role, label: roleLabel(t, role) }))} />
        </Form.Item>
        <ScopeFields form={form} fixedOutlet={fixedOutlet} />
        <Form.Item
          label={t('users.phoneOptional')}
          name="phone"
          rules={[
            {
              validator: async (_, raw: unknown) => {
                const phone = normalisePhone(typeof raw === 'string' ? raw : undefined);
                if (phone && !PHONE_PATTERN.test(phone)) throw new Error(t('users.phonePattern'));
              },
            },
          ]}
        >
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('users.password')}
          name="password"
          extra={t('users.passwordHelp')}
          rules={[
            { required: true, message: t('users.passwordRequired') },
            { min: 8, message: t('users.passwordMin') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
