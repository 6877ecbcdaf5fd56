import { useState } from 'react';
import { Alert, App, Form, Modal, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { AREA_TYPES, MARKET_TIERS } from '../../../api/master-data';
import type { AreaType, MarketTier, Region } from '../../../api/master-data';
import { codeText } from '../../../components/code-label';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';

interface Values {
  marketTier: MarketTier;
  areaType: AreaType;
}

interface Props {
  region: Region | null;
  onClose: () => void;
  onSaved: (region: Region) => void;
  /** A stale version: the list reloads so the next attempt starts from the fresh row. */
  onConflict: () => void;
}

export function RegionEditModal({ region, onClose, onSaved, onConflict }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const save = async (target: Region, values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const updated = await api.patch<Region>(`/api/regions/${target.code}`, {
        version: target.version,
        marketTier: values.marketTier,
        areaType: values.areaType,
      });
      void message.success(t('regions.updated', { name: updated.name }));
      onSaved(updated);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409) {
        void message.warning(t('common.versionConflict'));
        onConflict();
        return;
      }
      setError(caught);
      pinFieldErrors(form, caught, ['marketTier', 'areaType']);
    } finally {
      setSaving(false);
    }
  };

  const submit = async () => {
    if (!region) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    // The tier drives SLA deadlines of every new order in the region: ask once before changing it.
    modal.confirm({
      title: t('regions.confirmTitle', { name: region.name }),
      content: t('regions.confirmContent', {
        tier: t(`enums.marketTiers.${values.marketTier}`),
        area: codeText('enums.areaTypes', values.areaType),
      }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => save(region, values),
    });
  };

  return (
    <Modal
      open={region !== null}
      title={region ? t('regions.adjustTitle', { name: region.name }) : null}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
    >
      {region ? (
        <>
          <Typography.Paragraph type="secondary">{region.path}</Typography.Paragraph>
          {error ? (
            <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />
          ) : null}
          <Form<Values>
            form={form}
            layout="vertical"
            disabled={saving}
            preserve={false}
            initialValues={{ marketTier: region.marketTier ?? undefined, areaType: region.areaType }}
          >
            <Form.Item
              label={t('regions.marketTier')}
              name="marketTier"
              rules={[{ required: true, message: t('regions.tierRequired') }]}
            >
              <Select
                options={MARKET_TIERS.map((tier) => ({ value: tier, label: t(`enums.marketTiers.${tier}`) }))}
              />
            </Form.Item>
            <Form.Item label={t('regions.areaType')} name="areaType" rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={AREA_TYPES.map((value) => ({ value, label: codeText('enums.areaTypes', value) }))}
              />
            </Form.Item>
          </Form>
        </>
      ) : null}
    </Modal>
  );
}
