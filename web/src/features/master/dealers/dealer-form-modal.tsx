import { useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Modal, Radio, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import { DEALER_TIERS } from '../../../api/master-data';
import type { Dealer, DealerTier } from '../../../api/master-data';
import { codeText } from '../../../components/code-label';
import { RegionCascader } from '../../../components/region-cascader';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';

interface Values {
  code: string;
  name: string;
  regionCode: string;
  contactName?: string;
  contactPhone?: string;
  tier: DealerTier;
}

const FIELDS = ['code', 'name', 'regionCode', 'contactName', 'contactPhone', 'tier'] as const;

interface Props {
  open: boolean;
  /** null creates a dealer; editing never changes the tier (that goes through the monthly decision). */
  dealer: Dealer | null;
  onClose: () => void;
  onSaved: (dealer: Dealer) => void;
  onConflict: () => void;
  onOpenExisting: (id: string) => void;
}

export function DealerFormModal({ open, dealer, onClose, onSaved, onConflict, onOpenExisting }: Props) {
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
    const contactName = values.contactName?.trim() || undefined;
    const contactPhone = values.contactPhone?.trim() || undefined;
    try {
      const saved = dealer
        ? await api.patch<Dealer>(`/api/dealers/${encodeURIComponent(dealer.id)}`, {
            version: dealer.version,
            code: values.code.trim(),
            name: values.name.trim(),
            regionCode: values.regionCode,
            // Blank keeps the stored (encrypted) contact: the form never held its plain value.
            ...(contactName ? { contactName } : {}),
            ...(contactPhone ? { contactPhone } : {}),
          })
        : await api.post<Dealer>('/api/dealers', {
            code: values.code.trim(),
            name: values.name.trim(),
            regionCode: values.regionCode,
            contactName: contactName ?? null,
            contactPhone: contactPhone ?? null,
            tier: values.tier,
          });
      void message.success(dealer ? t('common.saved') : t('dealers.created', { name: saved.name }));
      onSaved(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'VERSION_CONFLICT') {
        void message.warning(t('common.versionConflict'));
        onConflict();
        return;
      }
      setError(caught);
      pinFieldErrors(form, caught, FIELDS);
    } finally {
      setSaving(false);
    }
  };

  const existingId =
    error instanceof ApiError && typeof error.extras.existingId === 'string' ? error.extras.existingId : null;

  return (
    <Modal
      open={open}
      title={dealer ? t('dealers.editTitle') : t('dealers.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={dealer ? t('common.save') : t('dealers.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={600}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(error, t)}
          style={{ marginBottom: 16 }}
          action={
            existingId ? (
              <Button size="small" onClick={() => onOpenExisting(existingId)}>
                {t('common.openExisting')}
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
        initialValues={
          dealer ? { code: dealer.code, name: dealer.name, regionCode: dealer.regionCode } : { tier: 'B' }
        }
      >
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item
              label={t('dealers.code')}
              name="code"
              rules={[{ required: true, whitespace: true, message: t('dealers.codeRequired') }]}
            >
              <Input maxLength={40} className="mono" autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              label={t('dealers.name')}
              name="name"
              rules={[{ required: true, whitespace: true, message: t('dealers.nameRequired') }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={t('dealers.region')}
          name="regionCode"
          rules={[{ required: true, message: t('dealers.regionRequired') }]}
        >
          <RegionCascader anyLevel />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={10}>
            <Form.Item label={t('dealers.contact')} name="contactName">
              <Input maxLength={40} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item label={t('dealers.contactPhone')} name="contactPhone">
              <Input maxLength={30} autoComplete="off" inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        {dealer ? (
          <Space style={{ marginTop: -8 }}>
            <span className="muted small">{t('dealers.contactKeep')}</span>
          </Space>
        ) : (
          <Form.Item
            label={t('dealers.initialTier')}
            name="tier"
            rules={[{ required: true, message: t('dealers.tierRequired') }]}
          >
            <Radio.Group
              optionType="button"
              options={DEALER_TIERS.map((tier) => ({
                value: tier,
                label: codeText('enums.dealerTiers', tier),
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
