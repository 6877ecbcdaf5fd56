import { useState } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import type { CustomerDetail, CustomerSummary } from '../../../api/master-data';
import type { Page } from '../../../api/types';
import { errorMessage } from '../../../lib/errors';
import { SearchSelect } from '../shared/search-select';
import type { SearchOption } from '../shared/search-select';
import { looksLikePhone } from './phone-input';

interface Props {
  target: CustomerDetail | null;
  onClose: () => void;
  onMerged: () => void;
}

/** Merging moves phones, addresses and units of a duplicate into this record; it cannot be undone. */
export function MergeModal({ target, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<{ sourceId: string }>();
  const [labels, setLabels] = useState(new Map<string, string>());
  const [error, setError] = useState<unknown>(null);

  const search = async (q: string): Promise<SearchOption[]> => {
    if (!target) return [];
    const query = looksLikePhone(q) ? { phone: q } : { q };
    const page = await api.get<Page<CustomerSummary>>('/api/customers', { ...query, page: 1, pageSize: 20 });
    const options = page.items
      .filter((customer) => customer.id !== target.id)
      .map((customer) => ({
        value: customer.id,
        label: `${customer.code} · ${customer.nameMasked} · ${customer.primaryPhoneMasked ?? ''} · ${customer.regionPath ?? ''}`,
      }));
    setLabels(
      (current) => new Map([...current, ...options.map((o) => [o.value, o.label] as [string, string])]),
    );
    return options;
  };

  const merge = async (sourceId: string) => {
    if (!target) return;
    setError(null);
    try {
      await api.post<CustomerDetail>(`/api/customers/${encodeURIComponent(target.id)}/merge`, {
        sourceId,
        version: target.version,
      });
      void message.success(
        t('customers.merged', { source: labels.get(sourceId)?.split(' · ')[0] ?? sourceId }),
      );
      onMerged();
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'VERSION_CONFLICT') {
        void message.warning(t('common.versionConflict'));
        onMerged();
        return;
      }
      setError(caught);
    }
  };

  const submit = async () => {
    if (!target) return;
    let values: { sourceId: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    modal.confirm({
      title: t('customers.mergeConfirm', {
        source: labels.get(values.sourceId)?.split(' · ')[0] ?? values.sourceId,
        target: target.code,
      }),
      okText: t('customers.merge'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => merge(values.sourceId),
    });
  };

  return (
    <Modal
      open={target !== null}
      title={target ? t('customers.mergeTitle', { code: target.code }) : null}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('customers.merge')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('customers.mergeHelp')}</Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          label={t('customers.mergeSource')}
          name="sourceId"
          rules={[{ required: true, message: t('customers.mergeSourceRequired') }]}
        >
          <SearchSelect search={search} placeholder={t('customers.mergeSourcePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
