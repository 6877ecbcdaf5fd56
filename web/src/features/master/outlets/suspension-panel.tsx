import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { OutletDetail } from '../../../api/master-data';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';

interface Values {
  reason: string;
  days?: number | null;
}

interface Props {
  outlet: OutletDetail;
  writable: boolean;
  onSaved: () => void;
}

/**
 * NET-10: after an audit or mystery-shop finding the outlet gets no new dispatches for N days (policy:
 * 3). The outlet keeps its status and works its open orders; the WO-13 proposal passes it over.
 */
export function SuspensionPanel({ outlet, writable, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const running = outlet.dispatchSuspension;

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    const path = `/api/outlets/${encodeURIComponent(outlet.id)}/dispatch-suspension`;
    try {
      if (running) {
        await api.post(`${path}/lift`, { version: outlet.version, reason: values.reason });
        void message.success(t('outlets.suspension.lifted'));
      } else {
        const result = await api.post<OutletDetail>(path, {
          version: outlet.version,
          reason: values.reason,
          ...(values.days ? { days: values.days } : {}),
        });
        void message.success(
          t('outlets.suspension.done', { until: result.dispatchSuspension?.until ?? '—' }),
        );
      }
      onSaved();
    } catch (caught) {
      setError(caught);
      pinFieldErrors(form, caught, ['reason', 'days']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('outlets.suspension.title')}>
      <Typography.Paragraph type="secondary">{t('outlets.suspension.help')}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'state',
            label: t('outlets.suspension.state'),
            children: running ? (
              <Typography.Text type="danger">
                {t('outlets.suspension.tag', { until: running.until })}
              </Typography.Text>
            ) : (
              t('outlets.suspension.none')
            ),
          },
          ...(running?.reason
            ? [{ key: 'reason', label: t('outlets.suspension.finding'), children: running.reason }]
            : []),
        ]}
      />
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ margin: '12px 0' }} />
      ) : null}
      {writable ? (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          style={{ maxWidth: 520 }}
        >
          <Form.Item
            name="reason"
            label={running ? t('outlets.suspension.liftReason') : t('outlets.suspension.finding')}
            rules={[{ required: true, whitespace: true, message: t('outlets.suspension.reasonRequired') }]}
          >
            <Input.TextArea rows={2} maxLength={500} showCount />
          </Form.Item>
          {running ? null : (
            <Form.Item
              name="days"
              label={t('outlets.suspension.days')}
              extra={t('outlets.suspension.daysHelp')}
            >
              <InputNumber min={1} max={90} precision={0} style={{ width: 160 }} />
            </Form.Item>
          )}
          <Space>
            <Button type="primary" danger={!running} htmlType="submit" loading={saving}>
              {running ? t('outlets.suspension.lift') : t('outlets.suspension.suspend')}
            </Button>
          </Space>
        </Form>
      ) : null}
    </Card>
  );
}
