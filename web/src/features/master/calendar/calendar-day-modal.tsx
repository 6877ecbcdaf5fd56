import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { CALENDAR_KINDS } from '../../../api/master-data';
import type { CalendarDay, CalendarKind } from '../../../api/master-data';
import { CodeLabel } from '../../../components/code-label';
import { errorMessage } from '../../../lib/errors';
import { pinFieldErrors } from '../../../lib/form-errors';

interface Values {
  kind: CalendarKind;
  name: string;
}

interface Props {
  day: string | null;
  entry: CalendarDay | undefined;
  writable: boolean;
  onClose: () => void;
  onChanged: () => void;
}

export function CalendarDayModal({ day, entry, writable, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const date = day ? dayjs(day) : null;
  const weekend = date ? date.day() === 0 || date.day() === 6 : false;

  const save = async (target: string, values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await api.put<CalendarDay>(`/api/calendar/${target}`, { kind: values.kind, name: values.name.trim() });
      void message.success(t('calendar.saved', { day: target }));
      onChanged();
    } catch (caught) {
      setError(caught);
      pinFieldErrors(form, caught, ['kind', 'name']);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!day) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    // Working-day deadlines of open orders move with the calendar: confirm before changing a day.
    modal.confirm({
      title: t('calendar.saveConfirm', {
        day,
        kind: t(`enums.calendarKinds.${values.kind}`),
        name: values.name.trim(),
      }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => save(day, values),
    });
  };

  const clear = async () => {
    if (!day) return;
    setBusy(true);
    setError(null);
    try {
      await api.delete<void>(`/api/calendar/${day}`);
      void message.success(t('calendar.cleared', { day }));
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={day !== null}
      title={date ? t('calendar.dayTitle', { day, weekday: date.format('dddd') }) : null}
      onCancel={onClose}
      destroyOnHidden
      footer={
        writable ? (
          <Space wrap>
            {entry ? (
              <Popconfirm
                title={t('calendar.clearConfirm', { day })}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                onConfirm={() => clear()}
              >
                <Button danger disabled={busy}>
                  {t('calendar.clearDay')}
                </Button>
              </Popconfirm>
            ) : null}
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={busy} onClick={() => void submit()}>
              {t('calendar.saveDay')}
            </Button>
          </Space>
        ) : (
          <Button onClick={onClose}>{t('common.close')}</Button>
        )
      }
    >
      {error ? (
        <Alert type="error" showIcon title={errorMessage(error, t)} style={{ marginBottom: 16 }} />
      ) : null}
      {entry ? (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          items={[
            { key: 'kind', label: t('calendar.kind'), children: t(`enums.calendarKinds.${entry.kind}`) },
            { key: 'name', label: t('calendar.name'), children: entry.name },
            {
              key: 'source',
              label: t('calendar.source'),
              children: <CodeLabel group="enums.calendarSources" code={entry.source} />,
            },
          ]}
        />
      ) : (
        <Typography.Paragraph>
          <Typography.Text strong>
            {weekend ? t('calendar.ordinaryWeekend') : t('calendar.ordinaryWorkday')}
          </Typography.Text>
          <br />
          <Typography.Text type="secondary">{t('calendar.ordinaryHint')}</Typography.Text>
        </Typography.Paragraph>
      )}
      {writable && day ? (
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={busy}
          preserve={false}
          initialValues={{ kind: entry?.kind ?? (weekend ? 'workday' : 'holiday'), name: entry?.name ?? '' }}
        >
          <Form.Item label={t('calendar.kind')} name="kind" rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={CALENDAR_KINDS.map((kind) => ({
                value: kind,
                label: t(`enums.calendarKinds.${kind}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            label={t('calendar.name')}
            name="name"
            rules={[{ required: true, whitespace: true, message: t('calendar.nameRequired') }]}
          >
            <Input maxLength={40} placeholder={t('calendar.namePlaceholder')} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
