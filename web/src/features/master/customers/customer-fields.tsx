import { Button, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PHONE_LABELS } from '../../../api/master-data';
import { codeText } from '../../../components/code-label';
import { RegionCascader } from '../../../components/region-cascader';

export interface PhoneValues {
  number: string;
  label: string;
  isPrimary?: boolean;
}

export interface AddressValues {
  regionCode: string;
  detail: string;
  isDefault?: boolean;
}

/** Several phones, each with its kind; one is the primary number. */
export function PhoneFields() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="phones"
      rules={[
        {
          validator: async (_, phones: unknown[] | undefined) => {
            if (!phones || phones.length === 0) throw new Error(t('customers.phonesRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Row key={field.key} gutter={8} align="top" wrap={false}>
              <Col flex="auto">
                <Form.Item
                  name={[field.name, 'number']}
                  label={index === 0 ? t('customers.phoneNumber') : undefined}
                  rules={[{ required: true, whitespace: true, message: t('customers.phoneRequired') }]}
                >
                  <Input inputMode="tel" autoComplete="off" maxLength={30} />
                </Form.Item>
              </Col>
              <Col flex="110px">
                <Form.Item
                  name={[field.name, 'label']}
                  label={index === 0 ? t('customers.phoneType') : undefined}
                >
                  <Select
                    options={PHONE_LABELS.map((value) => ({
                      value,
                      label: codeText('enums.phoneLabels', value),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col flex="90px">
                <Form.Item
                  name={[field.name, 'isPrimary']}
                  valuePropName="checked"
                  label={index === 0 ? ' ' : undefined}
                >
                  <Checkbox>{t('customers.primary')}</Checkbox>
                </Form.Item>
              </Col>
              <Col flex="24px" style={{ paddingTop: index === 0 ? 36 : 6 }}>
                {fields.length > 1 ? (
                  <MinusCircleOutlined aria-label={t('common.remove')} onClick={() => remove(field.name)} />
                ) : null}
              </Col>
            </Row>
          ))}
          <Form.Item>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: 'mobile' })}>
              {t('customers.addPhone')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}

/** Several addresses, each placed on a district (the SLA and dispatch read the district). */
export function AddressFields() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="addresses"
      rules={[
        {
          validator: async (_, addresses: unknown[] | undefined) => {
            if (!addresses || addresses.length === 0) throw new Error(t('customers.addressesRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Row key={field.key} gutter={8} align="top">
              <Col xs={24} md={9}>
                <Form.Item
                  name={[field.name, 'regionCode']}
                  label={index === 0 ? t('customers.addressRegion') : undefined}
                  rules={[{ required: true, message: t('customers.regionRequired') }]}
                >
                  <RegionCascader />
                </Form.Item>
              </Col>
              <Col xs={20} md={10}>
                <Form.Item
                  name={[field.name, 'detail']}
                  label={index === 0 ? t('customers.addressDetail') : undefined}
                  rules={[{ required: true, whitespace: true, message: t('customers.detailRequired') }]}
                >
                  <Input maxLength={200} placeholder={t('customers.addressDetailPlaceholder')} />
                </Form.Item>
              </Col>
              <Col xs={4} md={4}>
                <Form.Item
                  name={[field.name, 'isDefault']}
                  valuePropName="checked"
                  label={index === 0 ? ' ' : undefined}
                >
                  <Checkbox>{t('customers.defaultAddress')}</Checkbox>
                </Form.Item>
              </Col>
              <Col xs={24} md={1} style={{ paddingTop: index === 0 ? 36 : 6 }}>
                {fields.length > 1 ? (
                  <MinusCircleOutlined aria-label={t('common.remove')} onClick={() => remove(field.name)} />
                ) : null}
              </Col>
            </Row>
          ))}
          <Form.Item>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
              {t('customers.addAddress')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}

/** Exactly one flag wins: the first ticked, else the first row. */
export function singleFlag<T>(items: T[], flagged: (item: T) => boolean): boolean[] {
  const first = Math.max(0, items.findIndex(flagged));
  return items.map((_, index) => index === first);
}
