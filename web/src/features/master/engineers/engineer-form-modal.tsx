import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import type { Engineer } from '../../../api/master-data';
import { useMe } from '../../../app/auth-context';
import { codeText } from '../../../components/code-label';
import { errorMessage } from '../../../lib/errors';
import { useCategories } from '../../../lib/reference-data';
import { OutletSelect } from '../shared/outlet-select';

interface CertificateValues {
  id?: string;
  name: string;
  number: string;
  issuedOn?: Dayjs | null;
  expiresOn?: Dayjs | null;
}

interface Values {
  outletId: string;
  name?: string;
  phone?: string;
  idNumber?: string;
  hiredOn?: Dayjs | null;
  skills: { categoryCode?: string; level: number }[];
  certificates: CertificateValues[];
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

function toForm(engineer: Engineer | null, fixedOutletId: string | undefined): Partial<Values> {
  if (!engineer) return { outletId: fixedOutletId, skills: [{ level: 1 }], certificates: [] };
  return {
    outletId: engineer.outletId,
    hiredOn: engineer.hiredOn ? dayjs(engineer.hiredOn) : null,
    skills: engineer.skills,
    certificates: engineer.certificates.map((certificate) => ({
      id: certificate.id,
      name: certificate.name,
      number: certificate.number,
      issuedOn: certificate.issuedOn ? dayjs(certificate.issuedOn) : null,
      expiresOn: certificate.expiresOn ? dayjs(certificate.expiresOn) : null,
    })),
  };
}

interface Props {
  open: boolean;
  engineer: Engineer | null;
  /** Preselected outlet (the list's outlet filter, or the outlet-scoped user's own outlet). */
  outletId?: string;
  onClose: () => void;
  onSaved: (engineer: Engineer) => void;
  onConflict: () => void;
}

export function EngineerFormModal({ open, engineer, outletId, onClose, onSaved, onConflict }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const categories = useCategories();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const ownOutlet = me.scope.kind === 'outlet' ? me.scope : undefined;

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    const common = {
      skills: values.skills.map((skill) => ({ categoryCode: skill.categoryCode ?? '', level: skill.level })),
      certificates: values.certificates.map((certificate) => ({
        ...(certificate.id ? { id: certificate.id } : {}),
        name: certificate.name.trim(),
        number: certificate.number.trim(),
        issuedOn: day(certificate.issuedOn),
        expiresOn: day(certificate.expiresOn),
      })),
      hiredOn: day(values.hiredOn),
    };
    try {
      const saved = engineer
        ? await api.patch<Engineer>(`/api/engineers/${encodeURIComponent(engineer.id)}`, {
            version: engineer.version,
            ...common,
            // Blank keeps the encrypted personal data: the form never held the plain values.
            ...(blankToUndefined(values.name) ? { name: blankToUndefined(values.name) } : {}),
            ...(blankToUndefined(values.phone) ? { phone: blankToUndefined(values.phone) } : {}),
            ...(blankToUndefined(values.idNumber) ? { idNumber: blankToUndefined(values.idNumber) } : {}),
          })
        : await api.post<Engineer>('/api/engineers', {
            outletId: values.outletId,
            name: values.name?.trim() ?? '',
            phone: blankToUndefined(values.phone) ?? null,
            idNumber: blankToUndefined(values.idNumber) ?? null,
            ...common,
          });
      void message.success(engineer ? t('common.saved') : t('engineers.created'));
      onSaved(saved);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'VERSION_CONFLICT') {
        void message.warning(t('common.versionConflict'));
        onConflict();
        return;
      }
      // Everything typed stays; the banner lists what the server refused.
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  const problems = error instanceof ApiError ? error.errors : [];

  return (
    <Modal
      open={open}
      title={engineer ? t('engineers.editTitle', { code: engineer.code }) : t('engineers.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={engineer ? t('common.save') : t('engineers.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={720}
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(error, t)}
          description={
            problems.length > 0 ? (
              <ul className="problem-list">
                {problems.map((problem) => (
                  <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
                ))}
              </ul>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={saving}
        preserve={false}
        initialValues={toForm(engineer, outletId ?? ownOutlet?.outletId)}
      >
        <Form.Item
          label={t('engineers.outlet')}
          name="outletId"
          rules={[{ required: true, message: t('engineers.outletRequired') }]}
        >
          <OutletSelect
            disabled={Boolean(engineer) || Boolean(ownOutlet)}
            known={
              engineer
                ? { value: engineer.outletId, label: engineer.outletName }
                : ownOutlet
                  ? { value: ownOutlet.outletId, label: ownOutlet.outletName }
                  : undefined
            }
          />
        </Form.Item>
        {engineer ? (
          <Typography.Paragraph type="secondary">{t('engineers.personalKeep')}</Typography.Paragraph>
        ) : null}
        <Row gutter={16}>
          <Col xs={24} sm={8}>
            <Form.Item
              label={t('engineers.name')}
              name="name"
              rules={
                engineer ? [] : [{ required: true, whitespace: true, message: t('engineers.nameRequired') }]
              }
            >
              <Input maxLength={40} autoComplete="off" placeholder={engineer?.nameMasked} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('engineers.phone')} name="phone">
              <Input
                maxLength={30}
                autoComplete="off"
                inputMode="tel"
                placeholder={engineer?.phoneMasked ?? undefined}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label={t('engineers.hiredOn')} name="hiredOn">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('engineers.idNumber')} name="idNumber">
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Divider titlePlacement="start">{t('engineers.skills')}</Divider>
        <Form.List
          name="skills"
          rules={[
            {
              validator: async (_, skills: unknown[] | undefined) => {
                if (!skills || skills.length === 0) throw new Error(t('engineers.skillsRequired'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'categoryCode']}
                    rules={[{ required: true, message: t('engineers.skillCategory') }]}
                  >
                    <Select
                      style={{ width: 200 }}
                      placeholder={t('engineers.skillCategory')}
                      options={categories.options}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'level']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 110 }}
                      options={[1, 2, 3].map((level) => ({
                        value: level,
                        label: codeText('enums.skillLevels', level),
                      }))}
                    />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('common.remove')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ level: 1 })}>
                {t('engineers.addSkill')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start">{t('engineers.certificates')}</Divider>
        <Form.List name="certificates">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: t('engineers.certName') }]}
                  >
                    <Input placeholder={t('engineers.certName')} style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'number']}
                    rules={[{ required: true, whitespace: true, message: t('engineers.certNumber') }]}
                  >
                    <Input placeholder={t('engineers.certNumber')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'issuedOn']}>
                    <DatePicker placeholder={t('engineers.issuedOn')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'expiresOn']}>
                    <DatePicker placeholder={t('engineers.expiresOn')} style={{ width: 130 }} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label={t('common.remove')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('engineers.addCertificate')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
