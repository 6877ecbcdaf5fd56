import { useState } from 'react';
import { App, Popconfirm, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { errorMessage } from '../../../lib/errors';

interface Props {
  active: boolean;
  writable: boolean;
  /** Confirmation for each direction; deactivating changes what others can choose, so it is asked first. */
  deactivateConfirm: string;
  activateConfirm: string;
  /** Sends the change with the version the caller holds. */
  onToggle: (next: boolean) => Promise<unknown>;
  /** Called after a change or a version conflict, so the caller reloads. */
  onDone: () => void;
}

export function ActiveSwitch({
  active,
  writable,
  deactivateConfirm,
  activateConfirm,
  onToggle,
  onDone,
}: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  if (!writable) {
    return active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>;
  }

  const toggle = async () => {
    setBusy(true);
    try {
      await onToggle(!active);
      void message.success(active ? t('common.deactivated') : t('common.activated'));
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        void message.warning(t('common.versionConflict'));
        onDone();
      } else {
        void message.error(errorMessage(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <span onClick={(event) => event.stopPropagation()}>
      <Popconfirm
        title={active ? deactivateConfirm : activateConfirm}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        onConfirm={() => toggle()}
      >
        <Switch
          size="small"
          checked={active}
          loading={busy}
          checkedChildren={t('common.active')}
          unCheckedChildren={t('common.inactive')}
        />
      </Popconfirm>
    </span>
  );
}

/** Filter select values for `active=` query parameters, kept as strings in the URL. */
export function activeFilterValue(raw: string): boolean | undefined {
  return raw === 'true' ? true : raw === 'false' ? false : undefined;
}
