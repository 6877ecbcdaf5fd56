import { useRef, useState } from 'react';
import { Alert, App, Col, DatePicker, Descriptions, Form, Input, Modal, Row } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PROGRAMME_PATHS } from './api';
import type { Placement } from './api';
import { CustomerSelect, WorkerSelect } from './party-select';
import {
  businessToday,
  isVersionConflict,
  pinProgrammeErrors,
  useIssueText,
  useProblemText,
} from './programme-bits';

interface CreateValues {
  customerId: string;
  workerId: string;
  startDate: Dayjs;
  endDate?: Dayjs | null;
  note?: string;
}

/** CB-8: a worker (an engineer record) placed with a customer from the day they start (到岗日期). */
export function PlacementCreateModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (placement: Placement) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const issueText = useIssueText();
  const [form] = Form.useForm<CreateValues>();
  const [error, setError] = useState<unknown>(null);
  const [pinned, setPinned] = useState(0);
  const problemText = useProblemText();
  const [saving, setSaving] = useState(false);
  // One key per placement being created, so a retried click cannot create it twice.
  const idempotencyKey = useRef(crypto.randomUUID());

  const submit = async () => {
    let values: CreateValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const created = await api.post<Placement>(
        PROGRAMME_PATHS.placements,
        {
          customerId: values.customerId,
          workerId: values.workerId,
          startDate: values.startDate.format('YYYY-MM-DD'),
          endDate: values.endDate ? values.endDate.format('YYYY-MM-DD') : null,
          note: values.note?.trim() || null,
        },
        { idempotencyKey: idempotencyKey.current },
      );
      idempotencyKey.current = crypto.randomUUID();
      void message.success(t('callbackProgrammes.placements.created'));
      onCreated(created);
    } catch (caught) {
      setError(caught);
      setPinned(
        pinProgrammeErrors(
          form,
          caught,
          ['customerId', 'workerId', 'startDate', 'endDate', 'note'],
          issueText,
        ),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('callbackProgrammes.placements.createTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('callbackProgrammes.placements.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={600}
    >
      {error ? (
        <Alert type="error" showIcon title={problemText(error, pinned)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        disabled={saving}
        preserve={false}
        initialValues={{ startDate: dayjs(businessToday()) }}
      >
        <Form.Item
          label={t('callbackProgrammes.placements.customer')}
          name="customerId"
          rules={[{ required: true, message: t('callbackProgrammes.placements.customerRequired') }]}
          extra={t('callbackProgrammes.placements.customerHint')}
        >
          <CustomerSelect placeholder={t('callbackProgrammes.placements.customerPlaceholder')} />
        </Form.Item>
        <Form.Item
          label={t('callbackProgrammes.placements.worker')}
          name="workerId"
          rules={[{ required: true, message: t('callbackProgrammes.placements.workerRequired') }]}
          extra={t('callbackProgrammes.placements.workerHint')}
        >
          <WorkerSelect placeholder={t('callbackProgrammes.placements.workerPlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('callbackProgrammes.placements.startDate')}
              name="startDate"
              rules={[{ required: true, message: t('callbackProgrammes.placements.startRequired') }]}
            >
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              label={t('callbackProgrammes.placements.endDateOptional')}
              name="endDate"
              dependencies={['startDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: Dayjs | null | undefined) => {
                    const start = getFieldValue('startDate') as Dayjs | undefined;
                    if (value && start && value.isBefore(start, 'day'))
                      throw new Error(t('callbackProgrammes.placements.endBeforeStart'));
                  },
                }),
              ]}
            >
              <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('callbackProgrammes.common.note')} name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EndValues {
  endDate: Dayjs;
  note?: string;
}

/** Ends a placement (resigned, returned, agreement over): no callbacks are scheduled after its last day. */
export function PlacementEndModal({
  placement,
  onClose,
  onEnded,
  onConflict,
}: {
  placement: Placement | null;
  onClose: () => void;
  onEnded: (placement: Placement) => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const issueText = useIssueText();
  const [form] = Form.useForm<EndValues>();
  const [error, setError] = useState<unknown>(null);
  const [pinned, setPinned] = useState(0);
  const problemText = useProblemText();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    if (!placement) return;
    let values: EndValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await api.patch<Placement>(PROGRAMME_PATHS.placement(placement.id), {
        version: placement.version,
        endDate: values.endDate.format('YYYY-MM-DD'),
        note: values.note?.trim() || null,
      });
      void message.success(t('callbackProgrammes.placements.ended'));
      onEnded(saved);
    } catch (caught) {
      if (isVersionConflict(caught)) {
        void message.warning(t('common.versionConflict'));
        onConflict();
        return;
      }
      setError(caught);
      setPinned(pinProgrammeErrors(form, caught, ['endDate', 'note'], issueText));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={placement !== null}
      title={t('callbackProgrammes.placements.endTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('callbackProgrammes.placements.end')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={520}
    >
      {placement ? (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'pair',
              label: t('callbackProgrammes.home.placement'),
              children: t('callbackProgrammes.home.placementPair', {
                customer: placement.customer.nameMasked,
                worker: placement.worker.nameMasked,
              }),
            },
            {
              key: 'start',
              label: t('callbackProgrammes.placements.startDate'),
              children: <span className="tabular">{placement.startDate}</span>,
            },
          ]}
        />
      ) : null}
      <Alert
        type="info"
        showIcon
        title={t('callbackProgrammes.placements.endHint')}
        style={{ marginBottom: 16 }}
      />
      {error ? (
        <Alert type="error" showIcon title={problemText(error, pinned)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<EndValues>
        form={form}
        layout="vertical"
        disabled={saving}
        preserve={false}
        initialValues={{
          endDate: dayjs(
            placement?.endDate ??
              // A placement that has not started yet can only end on or after its first day.
              (placement && placement.startDate > businessToday() ? placement.startDate : businessToday()),
          ),
          note: placement?.note ?? '',
        }}
      >
        <Form.Item
          label={t('callbackProgrammes.placements.endDate')}
          name="endDate"
          rules={[
            { required: true, message: t('callbackProgrammes.placements.endRequired') },
            {
              validator: async (_, value: Dayjs | undefined) => {
                if (value && placement && value.format('YYYY-MM-DD') < placement.startDate)
                  throw new Error(t('callbackProgrammes.placements.endBeforeStart'));
              },
            },
          ]}
        >
          <DatePicker
            format="YYYY-MM-DD"
            style={{ width: '100%' }}
            disabledDate={(value) => (placement ? value.format('YYYY-MM-DD') < placement.startDate : false)}
          />
        </Form.Item>
        <Form.Item label={t('callbackProgrammes.common.note')} name="note">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
