import { useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Divider, Form, Input, Row, Table, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined, ImportOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { PROGRAMME_PATHS } from './api';
import type { DealerScheduleItem, DealerSchedulePage, TierAssignmentResult } from './api';
import { DealerSelect } from './party-select';
import type { PickOption } from './party-select';
import {
  businessMonth,
  isConflict,
  pinProgrammeErrors,
  ProgrammeTierTag,
  useIssueText,
  useProblemText,
} from './programme-bits';

interface Named {
  dealerId?: string;
  reason?: string;
}

interface Values {
  month: Dayjs;
  agreedWith: string;
  gold: Named[];
  blacklist: Named[];
}

type ListName = 'gold' | 'blacklist';

/** How many dealers already have a decision for the month, from the 409's details. */
const alreadyDecided = (error: unknown): number =>
  error instanceof ApiError && typeof error.extras.alreadyDecided === 'number'
    ? error.extras.alreadyDecided
    : 0;

function NamedList({
  name,
  form,
  known,
}: {
  name: ListName;
  form: FormInstance<Values>;
  known: PickOption[];
}) {
  const { t } = useTranslation();
  const other: ListName = name === 'gold' ? 'blacklist' : 'gold';
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div className="programme-list-fields">
          {fields.length === 0 ? (
            <Typography.Text type="secondary">
              {t(`callbackProgrammes.assignment.${name}Empty`)}
            </Typography.Text>
          ) : null}
          {fields.map((field) => (
            <div key={field.key} className="programme-list-row">
              <Form.Item
                name={[field.name, 'dealerId']}
                dependencies={[name, other]}
                rules={[
                  { required: true, message: t('callbackProgrammes.assignment.dealerRequired') },
                  {
                    validator: async (_, value: string | undefined) => {
                      if (!value) return;
                      const mine = (form.getFieldValue(name) as Named[] | undefined) ?? [];
                      const theirs = (form.getFieldValue(other) as Named[] | undefined) ?? [];
                      if (mine.filter((entry) => entry?.dealerId === value).length > 1)
                        throw new Error(t('callbackProgrammes.assignment.duplicate'));
                      if (theirs.some((entry) => entry?.dealerId === value))
                        throw new Error(t('callbackProgrammes.assignment.inBoth'));
                    },
                  },
                ]}
              >
                <DealerSelect
                  known={known}
                  placeholder={t('callbackProgrammes.assignment.dealerPlaceholder')}
                  aria-label={t('callbackProgrammes.assignment.dealer')}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'reason']}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('callbackProgrammes.assignment.reasonRequired'),
                  },
                ]}
              >
                <Input
                  maxLength={500}
                  placeholder={t(`callbackProgrammes.assignment.${name}ReasonPlaceholder`)}
                  aria-label={t('callbackProgrammes.assignment.reason')}
                />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                aria-label={t('common.remove')}
              />
            </div>
          ))}
          <div>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ reason: '' })}>
              {t(`callbackProgrammes.assignment.${name}Add`)}
            </Button>
          </div>
        </div>
      )}
    </Form.List>
  );
}

/**
 * CB-7 monthly assignment: at the start of each month the service assistant and the marketing center director
 * name the gold dealers and the blacklist; every other dealer is medium (B) for that month.
 */
export function TierAssignmentForm({ onAssigned }: { onAssigned: () => void }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const issueText = useIssueText();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [pinned, setPinned] = useState(0);
  const problemText = useProblemText();
  const [saving, setSaving] = useState(false);
  const [carrying, setCarrying] = useState(false);
  const [known, setKnown] = useState<PickOption[]>([]);
  const [result, setResult] = useState<TierAssignmentResult | null>(null);
  const currentMonth = businessMonth();

  const send = async (values: Values, month: string, replace: boolean) => {
    setSaving(true);
    setError(null);
    const list = (entries: Named[] | undefined) =>
      (entries ?? []).map((entry) => ({
        dealerId: entry.dealerId ?? '',
        reason: (entry.reason ?? '').trim(),
      }));
    try {
      const answer = await api.post<TierAssignmentResult>(PROGRAMME_PATHS.dealerAssignment, {
        month,
        agreedWith: values.agreedWith.trim(),
        gold: list(values.gold),
        blacklist: list(values.blacklist),
        ...(replace ? { replace: true } : {}),
      });
      setResult(answer);
      void message.success(t('callbackProgrammes.assignment.done', { month }));
      onAssigned();
    } catch (caught) {
      if (!replace && isConflict(caught)) {
        // The month was already assigned: replacing it is a separate, explicit decision.
        modal.confirm({
          title: t('callbackProgrammes.assignment.replaceTitle', { month }),
          content: t('callbackProgrammes.assignment.replaceBody', { count: alreadyDecided(caught) }),
          okText: t('callbackProgrammes.assignment.replaceOk'),
          okButtonProps: { danger: true },
          cancelText: t('common.cancel'),
          onOk: () => send(values, month, true),
        });
        return;
      }
      setError(caught);
      setPinned(pinProgrammeErrors(form, caught, ['month', 'agreedWith', 'gold', 'blacklist'], issueText));
    } finally {
      setSaving(false);
    }
  };

  const onFinish = (values: Values) => {
    const month = values.month.format('YYYY-MM');
    modal.confirm({
      title: t('callbackProgrammes.assignment.confirmTitle', { month }),
      content: t('callbackProgrammes.assignment.confirmBody', {
        gold: values.gold?.length ?? 0,
        blacklist: values.blacklist?.length ?? 0,
        agreedWith: values.agreedWith.trim(),
      }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => send(values, month, false),
    });
  };

  /** Starts from the previous month's lists; the reasons say so and can be edited before saving. */
  const carryOver = async () => {
    const month = (form.getFieldValue('month') as Dayjs | undefined) ?? dayjs(`${currentMonth}-01`);
    const previous = month.subtract(1, 'month').format('YYYY-MM');
    setCarrying(true);
    try {
      // Every page of the tier, so a long list is carried over whole.
      const fetchTier = async (tier: 'A' | 'C') => {
        const items: DealerScheduleItem[] = [];
        for (let page = 1; ; page++) {
          const answer = await api.get<DealerSchedulePage>(PROGRAMME_PATHS.dealerSchedule, {
            month: previous,
            tier,
            page,
            pageSize: 200,
          });
          items.push(...answer.items);
          if (answer.items.length === 0 || items.length >= answer.total) return items;
        }
      };
      const [gold, black] = await Promise.all([fetchTier('A'), fetchTier('C')]);
      const reason = t('callbackProgrammes.assignment.carriedReason', { month: previous });
      setKnown((held) => [
        ...held,
        ...[...gold, ...black].map((d) => ({
          value: d.dealerId,
          label: `${d.name}（${d.code}）`,
        })),
      ]);
      form.setFieldsValue({
        gold: gold.map((d) => ({ dealerId: d.dealerId, reason })),
        blacklist: black.map((d) => ({ dealerId: d.dealerId, reason })),
      });
      void message.info(
        t('callbackProgrammes.assignment.carried', {
          month: previous,
          gold: gold.length,
          blacklist: black.length,
        }),
      );
    } catch (caught) {
      void message.error(problemText(caught));
    } finally {
      setCarrying(false);
    }
  };

  const changed = result?.decisions.filter((decision) => decision.changed) ?? [];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('callbackProgrammes.assignment.help')}</Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon title={problemText(error, pinned)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={saving}
        onFinish={onFinish}
        initialValues={{ month: dayjs(`${currentMonth}-01`), agreedWith: '', gold: [], blacklist: [] }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={8} md={6}>
            <Form.Item
              label={t('callbackProgrammes.assignment.month')}
              name="month"
              rules={[{ required: true, message: t('callbackProgrammes.assignment.monthRequired') }]}
            >
              <DatePicker
                picker="month"
                format="YYYY-MM"
                allowClear={false}
                style={{ width: '100%' }}
                // A month is assigned once it has begun (CB-7), not ahead of time.
                disabledDate={(value) => value.format('YYYY-MM') > currentMonth}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16} md={10}>
            <Form.Item
              label={t('callbackProgrammes.assignment.agreedWith')}
              name="agreedWith"
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('callbackProgrammes.assignment.agreedWithRequired'),
                },
              ]}
            >
              <Input maxLength={100} placeholder={t('callbackProgrammes.assignment.agreedWithPlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label=" " colon={false}>
              <Button icon={<ImportOutlined />} loading={carrying} onClick={() => void carryOver()}>
                {t('callbackProgrammes.assignment.carryOver')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">
          <ProgrammeTierTag tier="A" /> {t('callbackProgrammes.assignment.goldTitle')}
        </Divider>
        <NamedList name="gold" form={form} known={known} />
        <Divider titlePlacement="start">
          <ProgrammeTierTag tier="C" /> {t('callbackProgrammes.assignment.blacklistTitle')}
        </Divider>
        <NamedList name="blacklist" form={form} known={known} />
        <Alert
          type="info"
          showIcon
          title={t('callbackProgrammes.assignment.restMedium')}
          style={{ margin: '16px 0' }}
        />
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('callbackProgrammes.assignment.submit')}
        </Button>
      </Form>
      {result ? (
        <div style={{ marginTop: 24 }}>
          <Alert
            type="success"
            showIcon
            title={t('callbackProgrammes.assignment.resultTitle', {
              month: result.month,
              agreedWith: result.agreedWith,
            })}
            description={t('callbackProgrammes.assignment.resultCounts', result.counts)}
            style={{ marginBottom: 12 }}
          />
          <Table
            size="small"
            rowKey="dealerId"
            dataSource={changed}
            pagination={changed.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            locale={{ emptyText: t('callbackProgrammes.assignment.noChange') }}
            columns={[
              {
                title: t('callbackProgrammes.dealers.dealer'),
                key: 'dealer',
                render: (_, row) => (
                  <span>
                    {row.name} <span className="mono small muted">{row.code}</span>
                  </span>
                ),
              },
              {
                title: t('callbackProgrammes.assignment.previousTier'),
                key: 'previous',
                width: 130,
                render: (_, row) => (row.previousTier ? <ProgrammeTierTag tier={row.previousTier} /> : '—'),
              },
              {
                title: t('callbackProgrammes.assignment.newTier'),
                key: 'tier',
                width: 130,
                render: (_, row) => <ProgrammeTierTag tier={row.tier} />,
              },
              {
                title: t('callbackProgrammes.assignment.reason'),
                key: 'reason',
                render: (_, row) =>
                  row.reasonCode === 'NOT_NAMED_MEDIUM'
                    ? t('callbackProgrammes.assignment.notNamed')
                    : row.reason,
              },
            ]}
          />
        </div>
      ) : null}
    </>
  );
}
