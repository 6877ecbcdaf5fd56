import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Form, InputNumber, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { BandDecision, OutletDetail } from '../../../api/master-data';
import { codeText } from '../../../components/code-label';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';
import { BUSINESS_TZ, formatNumber } from '../../../lib/format';
import { BandText } from './outlet-tags';

interface Values {
  year: number;
  lastYearRepairOrders: number;
}

/** NET-5: the band is fixed once a year from last year's repair volume; the answer says which policy decided it. */
interface Props {
  outlet: OutletDetail;
  writable: boolean;
  /** The decision just made, kept by the page so it survives the reload that follows a save. */
  decision: BandDecision | null;
  onDecided: (decision: BandDecision | null) => void;
}

export function BandPanel({ outlet, writable, decision, onDecided }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const currentYear = Number(dayjs().tz(BUSINESS_TZ).format('YYYY'));
  const years = [currentYear, currentYear + 1].filter(
    (year) => outlet.bandYear === null || year > outlet.bandYear,
  );

  const save = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const result = await api.post<OutletDetail & { bandDecision?: BandDecision }>(
        `/api/outlets/${encodeURIComponent(outlet.id)}/band`,
        values,
      );
      const band = result.bandDecision?.band ?? result.band;
      void message.success(
        t('outlets.bandSet', {
          year: values.year,
          band: band === null ? '—' : codeText('enums.bands', band),
        }),
      );
      onDecided(result.bandDecision ?? null);
    } catch (caught) {
      setError(caught);
      pinFieldErrors(form, caught, ['year', 'lastYearRepairOrders']);
    } finally {
      setSaving(false);
    }
  };

  const onFinish = (values: Values) =>
    // A band cannot be changed again within its year, so this is asked once.
    modal.confirm({
      title: t('outlets.bandConfirm', {
        orders: formatNumber(values.lastYearRepairOrders),
        year: values.year,
      }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => save(values),
    });

  return (
    <Card size="small" title={t('outlets.bandTitle')}>
      <Typography.Paragraph type="secondary">{t('outlets.bandHelp')}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        items={[{ key: 'band', label: t('outlets.bandCurrent'), children: <BandText outlet={outlet} /> }]}
      />
      {decision ? (
        <Alert
          type="success"
          showIcon
          style={{ margin: '12px 0' }}
          title={t('outlets.bandDecision', {
            orders: formatNumber(decision.lastYearRepairOrders),
            band: codeText('enums.bands', decision.band),
            policy: decision.policyKey,
            version: decision.policyVersion,
          })}
          action={
            <Link to={`/admin/policies?key=${encodeURIComponent(decision.policyKey)}`}>
              {t('common.why')}
            </Link>
          }
        />
      ) : null}
      {outlet.bandYear !== null && outlet.bandYear >= currentYear ? (
        <Alert
          type="info"
          showIcon
          style={{ margin: '12px 0' }}
          title={t('outlets.bandFixed', { year: outlet.bandYear })}
        />
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ margin: '12px 0' }} />
      ) : null}
      {writable && years.length > 0 ? (
        <Form<Values>
          form={form}
          layout="inline"
          disabled={saving}
          onFinish={onFinish}
          initialValues={{ year: years[0] }}
          className="band-form"
        >
          <Form.Item label={t('outlets.bandYear')} name="year" rules={[{ required: true }]}>
            <Select
              style={{ width: 110 }}
              options={years.map((year) => ({ value: year, label: String(year) }))}
            />
          </Form.Item>
          <Form.Item
            label={t('outlets.lastYearOrders')}
            name="lastYearRepairOrders"
            rules={[{ required: true, message: t('outlets.lastYearOrdersRequired') }]}
          >
            <InputNumber min={0} max={100_000_000} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('outlets.setBand')}
            </Button>
          </Form.Item>
        </Form>
      ) : null}
    </Card>
  );
}
