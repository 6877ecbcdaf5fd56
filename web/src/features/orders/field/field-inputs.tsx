import { Checkbox, DatePicker, Flex, Form, Input, Radio, Select, TimePicker, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomerPhone } from '../../../api/master-data';
import { codeText } from '../../../components/code-label';
import { DATE, TIME, businessNowMinute, businessToday, dateText, timeText } from './field-rules';

type Name = string | number | (string | number)[];
const path = (name: Name): (string | number)[] => (Array.isArray(name) ? name : [name]);

export interface WindowValue {
  date?: Dayjs | null;
  start?: Dayjs | null;
  end?: Dayjs | null;
}

/** The three texts of a picked window, as the API takes them. */
export const windowTexts = (value: WindowValue | undefined) => ({
  date: dateText(value?.date),
  start: timeText(value?.start),
  end: timeText(value?.end),
});

/**
 * WO-4: a concrete window — a date with a start and an end time, never "morning". Checked here as the
 * server does (end after start, not already started); the longest window is the server's policy.
 */
export function WindowFields({
  date,
  start,
  end,
  notBefore,
}: {
  date: Name;
  start: Name;
  end: Name;
  /** Earliest date offered (defaults to today in the business zone). */
  notBefore?: string;
}) {
  const { t } = useTranslation();
  const read = (form: FormInstance) => ({
    date: dateText(form.getFieldValue(path(date)) as Dayjs | undefined),
    start: timeText(form.getFieldValue(path(start)) as Dayjs | undefined),
    end: timeText(form.getFieldValue(path(end)) as Dayjs | undefined),
  });
  const earliest = notBefore ?? businessToday();
  return (
    <>
      <Typography.Paragraph type="secondary" className="small field-hint">
        {t('orderField.window.hint')}
      </Typography.Paragraph>
      <Form.Item
        name={date}
        label={t('orderField.window.date')}
        rules={[{ required: true, message: t('orderField.window.dateRequired') }]}
      >
        <DatePicker
          format={DATE}
          disabledDate={(day) => day.format(DATE) < earliest}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Flex gap={12} className="field-window-times">
        <Form.Item
          name={start}
          label={t('orderField.window.start')}
          dependencies={[path(date)]}
          className="field-grow"
          rules={[
            { required: true, message: t('orderField.window.startRequired') },
            (form) => ({
              validator: async () => {
                const w = read(form as FormInstance);
                if (w.date && w.start && `${w.date} ${w.start}` < businessNowMinute()) {
                  throw new Error(t('orderField.window.inPast'));
                }
              },
            }),
          ]}
        >
          <TimePicker format={TIME} needConfirm={false} minuteStep={5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name={end}
          label={t('orderField.window.end')}
          dependencies={[path(start)]}
          className="field-grow"
          rules={[
            { required: true, message: t('orderField.window.endRequired') },
            (form) => ({
              validator: async () => {
                const w = read(form as FormInstance);
                if (w.start && w.end && w.end <= w.start)
                  throw new Error(t('orderField.window.endAfterStart'));
              },
            }),
          ]}
        >
          <TimePicker format={TIME} needConfirm={false} minuteStep={5} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
    </>
  );
}

/** Who was spoken to: the customer, or a family member with their relation (WO-5). */
export function PersonFields({ kind, relation, label }: { kind: Name; relation: Name; label: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={kind}
        label={label}
        rules={[{ required: true, message: t('orderField.person.required') }]}
      >
        <Radio.Group
          options={[
            { value: 'customer', label: t('orderField.person.customer') },
            { value: 'family_member', label: t('orderField.person.family_member') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={[path(kind)]}>
        {(form) =>
          form.getFieldValue(path(kind)) === 'family_member' ? (
            <Form.Item
              name={relation}
              label={t('orderField.person.relation')}
              rules={[{ required: true, whitespace: true, message: t('orderField.person.relationRequired') }]}
            >
              <Input maxLength={30} placeholder={t('orderField.person.relationPlaceholder')} />
            </Form.Item>
          ) : null
        }
      </Form.Item>
    </>
  );
}

export const phoneOption = (phone: CustomerPhone) => ({
  value: phone.id,
  label: `${phone.masked} · ${codeText('enums.phoneLabels', phone.label)}`,
});

/** One of the customer's own numbers, by id; the number itself stays masked (MD-5). */
export function PhoneSelect({
  name,
  phones,
  loading,
}: {
  name: Name;
  phones: CustomerPhone[];
  loading: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={t('orderField.phone.label')}
      rules={[{ required: true, message: t('orderField.phone.required') }]}
      extra={!loading && phones.length === 0 ? t('orderField.phone.none') : undefined}
    >
      <Select loading={loading} options={phones.map(phoneOption)} />
    </Form.Item>
  );
}

/** A business date; `notBefore`/`notAfter` mirror the server's "from today" and "until today" checks. */
export function DateField({
  name,
  label,
  notBefore,
  notAfter,
  required = true,
}: {
  name: Name;
  label: string;
  notBefore?: string;
  notAfter?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[
        { required, message: t('orderField.common.required') },
        {
          validator: async (_, value: Dayjs | null | undefined) => {
            const day = dateText(value);
            if (!day) return;
            if (notBefore && day < notBefore)
              throw new Error(t('orderField.common.notBefore', { date: notBefore }));
            if (notAfter && day > notAfter)
              throw new Error(t('orderField.common.notAfter', { date: notAfter }));
          },
        },
      ]}
    >
      <DatePicker
        format={DATE}
        style={{ width: '100%' }}
        disabledDate={(day) => {
          const text = day.format(DATE);
          return (notBefore !== undefined && text < notBefore) || (notAfter !== undefined && text > notAfter);
        }}
      />
    </Form.Item>
  );
}

/** An attestation the record depends on ("the customer was told the arrival date"): must be ticked. */
export function MustTick({ name, label }: { name: Name; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      valuePropName="checked"
      rules={[
        {
          validator: async (_, value: unknown) => {
            if (value !== true) throw new Error(t('orderField.common.mustConfirm'));
          },
        },
      ]}
    >
      <Checkbox>{label}</Checkbox>
    </Form.Item>
  );
}

/** A yes/no the server requires either way (not a checkbox: unticked would read as an answer). */
export function YesNo({ name, label }: { name: Name; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={[{ required: true, message: t('orderField.common.required') }]}
    >
      <Radio.Group
        options={[
          { value: true, label: t('common.yes') },
          { value: false, label: t('common.no') },
        ]}
      />
    </Form.Item>
  );
}
