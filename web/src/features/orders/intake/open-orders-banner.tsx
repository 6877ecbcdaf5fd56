import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Checkbox, Flex, Form, Popover, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { CHANNELS, CONTACT_REASONS } from '../../../api/work-orders';
import type { ContactAnswer, OrderListItem } from '../../../api/work-orders';
import { codeText } from '../../../components/code-label';
import { useAuth } from '../../../app/auth-context';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { localized } from '../../../lib/labels';
import { StatusTag } from '../shared/order-tags';

interface ContactForm {
  reason: string;
  customerUnhappy: boolean;
}

function LogContact({ order, channel }: { order: OrderListItem; channel: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<ContactAnswer | null>(null);
  const [form] = Form.useForm<ContactForm>();

  const submit = async (values: ContactForm) => {
    setBusy(true);
    try {
      const result = await api.post<ContactAnswer>(
        `/api/work-orders/${encodeURIComponent(order.id)}/contacts`,
        { channel, reason: values.reason, customerUnhappy: values.customerUnhappy },
        { idempotencyKey: crypto.randomUUID() },
      );
      setAnswer(result);
      setOpen(false);
      void message.success(t('orders.intake.contactLogged'));
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={4}>
      <Popover
        open={open}
        onOpenChange={setOpen}
        trigger="click"
        title={t('orders.intake.logContact')}
        content={
          <Form<ContactForm>
            form={form}
            layout="vertical"
            initialValues={{ reason: 'ask_visit_time', customerUnhappy: false }}
            onFinish={(values) => void submit(values)}
            style={{ width: 280 }}
          >
            <Form.Item name="reason" label={t('orders.intake.contactReason')}>
              <Select
                options={CONTACT_REASONS.map((code) => ({
                  value: code,
                  label: codeText('orders.contactReasons', code),
                }))}
              />
            </Form.Item>
            <Form.Item name="customerUnhappy" valuePropName="checked">
              <Checkbox>{t('orders.intake.customerUnhappy')}</Checkbox>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('common.confirm')}
            </Button>
          </Form>
        }
      >
        <Button size="small" danger>
          {t('orders.intake.logContact')}
        </Button>
      </Popover>
      {answer ? (
        <Typography.Text type={answer.trip ? 'danger' : 'secondary'} className="small">
          {answer.trip
            ? t('orders.intake.tripYes', { cause: codeText('orders.tripCauses', answer.cause ?? '') })
            : t('orders.intake.tripNo')}
          {answer.promptApology ? ` · ${localized(answer.apologyScript, i18n.language)}` : null}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/** WO-8: a caller with an open order hears the apology first, and the agent sees where the order stands. */
export function OpenOrdersBanner({ orders, channel }: { orders: OrderListItem[]; channel: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  if (orders.length === 0) return null;
  const known = (CHANNELS as readonly string[]).includes(channel) ? channel : 'hotline';
  return (
    <Alert
      type="error"
      showIcon
      className="open-order-banner"
      title={
        <Flex vertical gap={2}>
          <Typography.Text strong className="apology-line">
            {t('orders.intake.apology')}
          </Typography.Text>
          <span>{t('orders.intake.openBannerTitle')}</span>
        </Flex>
      }
      description={
        <Flex vertical gap={8}>
          {orders.map((order) => (
            <Flex key={order.id} gap={8} align="center" wrap justify="space-between">
              <Space size={8} wrap>
                <Link to={`/orders/${order.id}`} className="mono">
                  {order.number}
                </Link>
                <StatusTag status={order.status} />
                <Typography.Text type="secondary" className="tabular">
                  {formatDateTime(order.createdAt)}
                </Typography.Text>
              </Space>
              {can('order.contact') ? <LogContact order={order} channel={known} /> : null}
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}
