import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Radio } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { DEALER_TIERS } from '../../../api/master-data';
import type { DealerDetail, DealerTier } from '../../../api/master-data';
import { codeText } from '../../../components/code-label';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';
import { BUSINESS_TZ } from '../../../lib/format';

interface Values {
  month: Dayjs;
  tier: DealerTier;
  reason: string;
}

/** CB-7: a dealer's tier is decided month by month, with a reason; re-deciding a month replaces it. */
export function TierForm({ dealer, onDecided }: { dealer: DealerDetail; onDecided: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const currentMonth = dayjs().tz(BUSINESS_TZ).format('YYYY-MM');

  const decide = async (values: Values, month: string, replace: boolean) => {
    setSaving(true);
    setError(null);
    try {
      await api.post<unknown>(`/api/dealers/${encodeURIComponent(dealer.id)}/tiers`, {
        month,
        tier: values.tier,
        reason: values.reason.trim(),
        ...(replace ? { replace: true } : {}),
      });
      void message.success(
        t('dealers.tierDecided', { month, tier: codeText('enums.dealerTiers', values.tier) }),
      );
      form.resetFields();
      onDecided();
    } catch (caught) {
      setError(caught);
      pinFieldErrors(form, caught, ['month', 'tier', 'reason']);
    } finally {
      setSaving(false);
    }
  };

  const onFinish = (values: Values) => {
    const month = values.month.format('YYYY-MM');
    const replace = dealer.tierHistory.some((decision) => decision.month === month);
    const tier = codeText('enums.dealerTiers', values.tier);
    modal.confirm({
      title: replace
        ? t('dealers.replaceConfirm', { month, tier })
        : t('dealers.tierConfirm', { month, tier }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: replace },
      onOk: () => decide(values, month, replace),
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={saving}
      onFinish={onFinish}
      initialValues={{ month: dayjs(`${currentMonth}-01`), tier: dealer.tier, reason: '' }}
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        label={t('dealers.month')}
        name="month"
        rules={[{ required: true, message: t('dealers.monthRequired') }]}
      >
        <DatePicker
          picker="month"
          format="YYYY-MM"
          allowClear={false}
          // A month can be decided once it has begun (CB-7), not ahead of time.
          disabledDate={(value) => value.format('YYYY-MM') > currentMonth}
        />
      </Form.Item>
      <Form.Item
        label={t('dealers.monthTier')}
        name="tier"
        rules={[{ required: true, message: t('dealers.tierRequired') }]}
      >
        <Radio.Group
          optionType="button"
          options={DEALER_TIERS.map((tier) => ({ value: tier, label: codeText('enums.dealerTiers', tier) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('dealers.reason')}
        name="reason"
        rules={[{ required: true, whitespace: true, message: t('dealers.reasonRequired') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={500}
          showCount
          placeholder={t('dealers.reasonPlaceholder')}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving}>
        {t('dealers.setTier')}
      </Button>
    </Form>
  );
}
