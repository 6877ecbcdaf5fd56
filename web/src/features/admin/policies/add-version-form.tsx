import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import type { JsonValue, PolicyDetail, PolicyUnit, PolicyVersion } from '../../../api/types';
import { WEEKDAYS } from '../../../api/types';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';
import {
  businessWallClockNow,
  DATE_TIME_FORMAT,
  formatDateTime,
  wallClockToBusinessIso,
} from '../../../lib/format';

type EditorKind = 'json' | 'money' | 'ratio' | 'number' | 'text' | 'weekday';

const TEXT_UNITS: readonly PolicyUnit[] = ['time_of_day', 'timezone', 'text'];

/** The editor follows the shape of the value in force, falling back to the declared unit. */
export function editorKindFor(unit: PolicyUnit, value: JsonValue | undefined): EditorKind {
  if (unit === 'table' || (typeof value === 'object' && value !== null)) return 'json';
  if (unit === 'day_of_week') return 'weekday';
  if (typeof value === 'string' || TEXT_UNITS.includes(unit)) return 'text';
  if (unit === 'fen') return 'money';
  if (unit === 'ratio') return 'ratio';
  return 'number';
}

interface FormValues {
  value: string | number | null;
  effectiveFrom: Dayjs | null;
  note: string;
}

function initialValue(kind: EditorKind, value: JsonValue | undefined): string | number | null {
  if (value === undefined || value === null) return kind === 'json' ? '' : null;
  if (kind === 'json') return JSON.stringify(value, null, 2);
  if (kind === 'money' && typeof value === 'number') return value / 100;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return JSON.stringify(value);
}

function toWireValue(kind: EditorKind, raw: string | number | null): JsonValue {
  if (kind === 'json') return JSON.parse(String(raw)) as JsonValue;
  // Yuan typed by a person becomes integer fen; rounding removes binary-float residue like 0.1 + 0.2.
  if (kind === 'money') return Math.round(Number(raw) * 100);
  if (kind === 'text' || kind === 'weekday') return String(raw ?? '');
  return Number(raw);
}

interface Props {
  detail: PolicyDetail;
  label: string;
  onAdded: (version: PolicyVersion) => void;
  /** Someone added a version since this one was read: reload it; what was typed stays. */
  onConflict: () => void;
  onCancel: () => void;
}

export function AddVersionForm({ detail, label, onAdded, onConflict, onCancel }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const kind = editorKindFor(detail.unit, detail.current?.value);
  const nextVersion = Math.max(0, ...detail.versions.map((version) => version.version)) + 1;

  const save = async (values: FormValues) => {
    if (!values.effectiveFrom) return;
    setSaving(true);
    setError(null);
    try {
      const created = await api.post<PolicyVersion>(
        `/api/policies/${encodeURIComponent(detail.key)}/versions`,
        {
          value: toWireValue(kind, values.value),
          effectiveFrom: wallClockToBusinessIso(values.effectiveFrom),
          note: values.note.trim(),
          basedOnVersion: nextVersion - 1,
        },
      );
      void message.success(t('policies.added', { version: created.version }));
      onAdded(created);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'VERSION_CONFLICT') {
        void message.warning(t('common.versionConflict'));
        onConflict();
        return;
      }
      // The form keeps what was typed; server field errors land next to their fields.
      setError(caught);
      // Errors inside the value (`/value/maxKm`) belong to the value editor as a whole.
      pinFieldErrors(form, caught, ['value', 'effectiveFrom', 'note']);
    } finally {
      setSaving(false);
    }
  };

  const onFinish = (values: FormValues) => {
    if (!values.effectiveFrom) return;
    // Versions are append-only, so ask once before writing one.
    modal.confirm({
      title: t('policies.confirmTitle'),
      content: t('policies.confirmContent', {
        label,
        version: nextVersion,
        at: formatDateTime(wallClockToBusinessIso(values.effectiveFrom)),
      }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => save(values),
    });
  };

  const valueRules = [{ required: true, message: t('policies.valueRequired') }];

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      disabled={saving}
      initialValues={{
        value: initialValue(kind, detail.current?.value),
        effectiveFrom: businessWallClockNow(),
        note: '',
      }}
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      {kind === 'json' ? (
        <Form.Item
          label={t('policies.valueJson')}
          name="value"
          extra={t('policies.valueJsonHelp')}
          rules={[
            ...valueRules,
            {
              validator: async (_, raw: unknown) => {
                if (typeof raw !== 'string' || raw.trim() === '') return;
                try {
                  JSON.parse(raw);
                } catch (parseError) {
                  const detailText = parseError instanceof Error ? parseError.message : String(parseError);
                  throw new Error(t('policies.invalidJson', { message: detailText }));
                }
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 18 }} className="mono" spellCheck={false} />
        </Form.Item>
      ) : kind === 'weekday' ? (
        <Form.Item label={t('policies.value')} name="value" rules={valueRules}>
          <Select
            style={{ width: 220 }}
            options={WEEKDAYS.map((day) => ({ value: day, label: t(`weekdays.${day}`) }))}
          />
        </Form.Item>
      ) : kind === 'text' ? (
        <Form.Item label={t('policies.value')} name="value" rules={valueRules}>
          <Input />
        </Form.Item>
      ) : (
        <Form.Item
          label={t('policies.valueWithUnit', { unit: t(`units.${detail.unit}`) })}
          name="value"
          rules={valueRules}
          extra={
            kind === 'money'
              ? t('policies.moneyHelp')
              : kind === 'ratio'
                ? t('policies.ratioHelp')
                : undefined
          }
        >
          <InputNumber
            style={{ width: 220 }}
            prefix={kind === 'money' ? '¥' : undefined}
            precision={kind === 'money' ? 2 : undefined}
            step={kind === 'ratio' ? 0.01 : 1}
          />
        </Form.Item>
      )}
      <Form.Item
        label={t('policies.effectiveFromBusiness')}
        name="effectiveFrom"
        extra={t('policies.effectiveFromHelp')}
        rules={[{ required: true, message: t('policies.effectiveFromRequired') }]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item
        label={t('policies.note')}
        name="note"
        rules={[{ required: true, whitespace: true, message: t('policies.noteRequired') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          placeholder={t('policies.notePlaceholder')}
          maxLength={500}
          showCount
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('policies.addVersion')}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          {t('common.cancel')}
        </Button>
      </Space>
    </Form>
  );
}
