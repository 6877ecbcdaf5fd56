import { useState } from 'react';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import type { ProductModel } from '../../../api/master-data';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';
import { useCategories } from '../../../lib/reference-data';

interface Values {
  code: string;
  name: string;
  categoryCode: string;
  warrantyMonths: number;
  keyPartsWarrantyMonths: number;
  keyParts: string[];
  /** Yuan as typed; the API stores integer fen. */
  dealerPriceYuan: number | null;
  active: boolean;
}

const FIELDS = [
  'code',
  'name',
  'categoryCode',
  'warrantyMonths',
  'keyPartsWarrantyMonths',
  'keyParts',
  'active',
] as const;

function toForm(model: ProductModel | null): Partial<Values> {
  if (!model)
    return {
      warrantyMonths: 12,
      keyPartsWarrantyMonths: 36,
      keyParts: [],
      dealerPriceYuan: null,
      active: true,
    };
  return {
    code: model.code,
    name: model.name,
    categoryCode: model.categoryCode,
    warrantyMonths: model.warrantyMonths,
    keyPartsWarrantyMonths: model.keyPartsWarrantyMonths,
    keyParts: model.keyParts,
    dealerPriceYuan: model.dealerPriceFen === null ? null : model.dealerPriceFen / 100,
    active: model.active,
  };
}

interface Props {
  open: boolean;
  /** null creates a new model. */
  model: ProductModel | null;
  onClose: () => void;
  onSaved: (model: ProductModel) => void;
  onConflict: () => void;
}

export function ModelFormModal({ open, model, onClose, onSaved, onConflict }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const categories = useCategories();
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
    const body = {
      code: values.code.trim(),
      name: values.name.trim(),
      categoryCode: values.categoryCode,
      warrantyMonths: values.warrantyMonths,
      keyPartsWarrantyMonths: values.keyPartsWarrantyMonths,
      keyParts: values.keyParts.map((part) => part.trim()).filter(Boolean),
      // Rounding removes binary-float residue (19.99 * 100 = 1998.9999…); money stays integer fen.
      dealerPriceFen: values.dealerPriceYuan === null ? null : Math.round(values.dealerPriceYuan * 100),
      active: values.active,
    };
    try {
      const saved = model
        ? await api.patch<ProductModel>(`/api/models/${encodeURIComponent(model.id)}`, {
            ...body,
            version: model.version,
          })
        : await api.post<ProductModel>('/api/models', body);
      void message.success(model ? t('common.saved') : t('models.created', { code: saved.code }));
      onSaved(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 409 && caught.code === 'VERSION_CONFLICT') {
        void message.warning(t('common.versionConflict'));
        onConflict();
        return;
      }
      // The form keeps what was typed; server field errors sit next to their inputs.
      setError(caught);
      pinFieldErrors(form, caught, [...FIELDS, 'dealerPriceYuan'], (path) =>
        path[0] === 'dealerPriceFen' ? 'dealerPriceYuan' : (path[0] ?? ''),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={model ? t('models.editTitle', { code: model.code }) : t('models.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={model ? t('common.save') : t('models.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={saving}
        preserve={false}
        initialValues={toForm(model)}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('models.code')}
              name="code"
              rules={[{ required: true, whitespace: true, message: t('models.codeRequired') }]}
            >
              <Input maxLength={40} autoFocus className="mono" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('models.category')}
              name="categoryCode"
              rules={[{ required: true, message: t('models.categoryRequired') }]}
            >
              <Select
                options={categories.options}
                loading={categories.loading}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={t('models.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('models.nameRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('models.warranty')}
              name="warrantyMonths"
              rules={[{ required: true, message: t('models.monthsRequired') }]}
            >
              <InputNumber
                min={0}
                max={600}
                precision={0}
                suffix={t('models.monthsSuffix')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('models.keyPartsWarranty')}
              name="keyPartsWarrantyMonths"
              extra={t('models.keyPartsWarrantyHelp')}
              rules={[{ required: true, message: t('models.monthsRequired') }]}
            >
              <InputNumber
                min={0}
                max={600}
                precision={0}
                suffix={t('models.monthsSuffix')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('models.keyParts')} name="keyParts">
          <Select
            mode="tags"
            tokenSeparators={[',', '，', '、']}
            open={false}
            placeholder={t('models.keyPartsPlaceholder')}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('models.dealerPrice')}
              name="dealerPriceYuan"
              extra={t('models.dealerPriceHelp')}
            >
              <InputNumber min={0} max={20_000_000} precision={2} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label={t('models.status')} name="active" valuePropName="checked">
              <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
