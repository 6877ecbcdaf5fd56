import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  Popconfirm,
  Select,
  Space,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import type { Role, UserDetail } from '../../../api/types';
import { useAuth, useMe } from '../../../app/auth-context';
import { LoadError } from '../../../components/load-error';
import { TableSkeleton } from '../../../components/page-skeleton';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { roleLabel, scopeLabel } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { PhoneCell } from './phone-cell';
import { scopeFieldName, scopeFromForm, ScopeFields, scopeToForm } from './scope-fields';
import type { ScopeFormValues } from './scope-fields';
import { UserStatusTags } from './user-tags';
import { assignableRoles, fixedOutletOf } from './user-form-bits';

interface EditValues extends ScopeFormValues {
  displayName: string;
  role: Role;
}

interface Props {
  userId: string | null;
  onClose: () => void;
  onChanged: () => void;
}

function EditUserForm({
  user,
  onSaved,
}: {
  user: UserDetail;
  onSaved: (updated: UserDetail | null) => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const fixedOutlet = fixedOutletOf(me);
  const roles = assignableRoles(me);

  const save = async (values: EditValues) => {
    setSaving(true);
    setError(null);
    try {
      const updated = await api.patch<UserDetail>(`/api/users/${encodeURIComponent(user.id)}`, {
        version: user.version,
        displayName: values.displayName.trim(),
        role: values.role,
        scope: scopeFromForm(values.role, values),
      });
      void message.success(t('common.saved'));
      onSaved(updated);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) {
        // Someone else saved first: reload their version rather than overwrite it blindly.
        void message.warning(t('users.versionConflict'));
        onSaved(null);
        return;
      }
      setError(caught);
      pinFieldErrors(form, caught, ['displayName', 'role', 'outletId', 'regionCodes'], scopeFieldName);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<EditValues>
      form={form}
      layout="vertical"
      disabled={saving}
      onFinish={(values) => void save(values)}
      initialValues={{ displayName: user.displayName, role: user.role, ...scopeToForm(user.scope) }}
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />
      ) : null}
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
        <Select
          options={(roles.includes(user.role) ? roles : [user.role, ...roles]).map((role) => ({
            value: role,
            label: roleLabel(t, role),
          }))}
        />
      </Form.Item>
      <ScopeFields
        form={form}
        fixedOutlet={fixedOutlet}
        knownOutlet={
          user.scope.kind === 'outlet' ? { id: user.scope.outletId, name: user.scope.outletName } : undefined
        }
      />
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('users.editSave')}
      </Button>
    </Form>
  );
}

export function UserDrawer({ userId, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { can, me } = useAuth();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [toggling, setToggling] = useState(false);
  const { data, error, loading, reload } = useApi(userId ? `user:${userId}` : null, (signal) =>
    api.get<UserDetail>(`/api/users/${encodeURIComponent(userId ?? '')}`, undefined, { signal }),
  );
  const user = data && data.id === userId ? data : undefined;
  const writable = can('user.write');
  const isSelf = user?.id === me?.id;

  const unlock = async () => {
    if (!user) return;
    setToggling(true);
    try {
      await api.post<UserDetail>(`/api/users/${encodeURIComponent(user.id)}/unlock`);
      void message.success(t('users.unlocked'));
      reload();
      onChanged();
    } catch (caught) {
      void message.error(errorMessage(caught, t));
    } finally {
      setToggling(false);
    }
  };

  const setActive = async (active: boolean) => {
    if (!user) return;
    setToggling(true);
    try {
      await api.patch<UserDetail>(`/api/users/${encodeURIComponent(user.id)}`, {
        version: user.version,
        active,
      });
      void message.success(active ? t('users.activated') : t('users.deactivated'));
      reload();
      onChanged();
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) {
        void message.warning(t('users.versionConflict'));
        reload();
      } else {
        void message.error(errorMessage(caught, t));
      }
    } finally {
      setToggling(false);
    }
  };

  return (
    <Drawer
      open={userId !== null}
      onClose={onClose}
      title={user ? `${user.displayName} · ${t('users.detailTitle')}` : t('users.detailTitle')}
      size={screens.md ? 560 : '100%'}
      destroyOnHidden
      extra={
        user && writable && !isSelf ? (
          <Space>
            {user.locked ? (
              <Popconfirm
                title={t('users.unlockConfirm')}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => unlock()}
              >
                <Button loading={toggling}>{t('users.unlock')}</Button>
              </Popconfirm>
            ) : null}
            <Popconfirm
              title={user.active ? t('users.deactivateConfirm') : t('users.activateConfirm')}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              onConfirm={() => setActive(!user.active)}
            >
              <Button danger={user.active} loading={toggling}>
                {user.active ? t('users.deactivate') : t('users.activate')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !user || (loading && !user) ? (
        <TableSkeleton rows={8} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'username',
                label: t('users.username'),
                children: <Typography.Text code>{user.username}</Typography.Text>,
              },
              { key: 'displayName', label: t('users.displayName'), children: user.displayName },
              { key: 'role', label: t('users.role'), children: roleLabel(t, user.role) },
              { key: 'scope', label: t('users.scope'), children: scopeLabel(t, user.scope) },
              {
                key: 'phone',
                label: t('users.phone'),
                children: <PhoneCell userId={user.id} masked={user.phoneMasked} />,
              },
              { key: 'status', label: t('users.status'), children: <UserStatusTags user={user} /> },
              {
                key: 'createdAt',
                label: t('users.createdAt'),
                children: <span className="tabular">{formatDateTime(user.createdAt)}</span>,
              },
            ]}
          />
          {writable ? (
            <>
              <Divider titlePlacement="start">{t('users.edit')}</Divider>
              {/* Keyed by version so a reload after a conflict resets the form to the fresh record. */}
              <EditUserForm
                key={user.version}
                user={user}
                onSaved={() => {
                  reload();
                  onChanged();
                }}
              />
            </>
          ) : (
            <Space style={{ marginTop: 16 }}>
              <Typography.Text type="secondary">{t('users.noWrite')}</Typography.Text>
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}
