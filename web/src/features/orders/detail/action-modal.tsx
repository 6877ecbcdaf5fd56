import { useRef, useState } from 'react';
import { Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { OrderDetail } from '../../../api/work-orders';
import { codeText } from '../../../components/code-label';
import { errorMessage } from '../../../lib/errors';
import {
  AssignFields,
  CallbackFields,
  CompleteFields,
  DeclineFields,
  ReasonField,
  RedispatchFields,
} from './action-forms';

type Values = Record<string, string | boolean | undefined | null>;

/** The request an action sends: path suffix and body built from the form. */
function requestFor(
  action: string,
  version: number,
  v: Values,
): { path: string; body: unknown; idem?: boolean } {
  const text = (name: string) => (typeof v[name] === 'string' ? String(v[name]).trim() : undefined);
  if (action.startsWith('close:')) {
    const basis = action.slice('close:'.length);
    return {
      path: 'close',
      body: {
        basis,
        version,
        ...(basis === 'declined_on_site'
          ? {
              decline: {
                clearlyDeclined: v.clearlyDeclined === true,
                addressConfirmed: v.addressConfirmed === true,
                reason: text('declineReason') ?? '',
              },
            }
          : {}),
      },
    };
  }
  switch (action) {
    case 'assign':
      return { path: 'assign', body: { engineerId: v.engineerId, version } };
    case 'redispatch':
      return {
        path: 'redispatch',
        body: { outletId: v.outletId, reasonCode: v.reasonCode, note: text('note') || null, version },
      };
    case 'cancel':
      return { path: 'cancel', body: { reason: text('reason'), version } };
    case 'complete':
      return {
        path: 'complete',
        body: { notes: text('notes'), actualMeasurePickup: v.actualMeasurePickup === true, version },
      };
    case 'callback':
      return {
        path: 'callbacks',
        body: {
          reached: v.reached === true,
          satisfied: typeof v.satisfied === 'boolean' ? v.satisfied : null,
          note: text('note') || null,
        },
        idem: true,
      };
    default:
      return { path: action.replace('_', '-'), body: { version } };
  }
}

function Fields({
  action,
  orderId,
  onSuggested,
}: {
  action: string;
  orderId: string;
  onSuggested: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (action === 'assign') return <AssignFields orderId={orderId} onSuggested={onSuggested} />;
  if (action === 'redispatch') return <RedispatchFields />;
  if (action === 'cancel') return <ReasonField />;
  if (action === 'complete') return <CompleteFields />;
  if (action === 'callback') return <CallbackFields />;
  if (action === 'close:declined_on_site') return <DeclineFields />;
  return <Typography.Paragraph>{t('orders.detail.confirmIrreversible')}</Typography.Paragraph>;
}

interface Props {
  order: OrderDetail;
  action: string | null;
  onClose: () => void;
  onDone: (order: OrderDetail | null) => void;
}

/** One small form per action; the form keeps its input when the server refuses. */
export function ActionModal({ order, action, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const idem = useRef(crypto.randomUUID());

  const submit = async (values: Values) => {
    if (!action) return;
    setBusy(true);
    setError(null);
    const { path, body, idem: needsKey } = requestFor(action, order.version, values);
    try {
      const answer = await api.post<unknown>(
        `/api/work-orders/${encodeURIComponent(order.id)}/${path}`,
        body,
        {
          idempotencyKey: needsKey ? idem.current : undefined,
        },
      );
      idem.current = crypto.randomUUID();
      form.resetFields();
      const isOrder = typeof answer === 'object' && answer !== null && 'actions' in answer;
      onDone(isOrder ? (answer as OrderDetail) : null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action ? codeText('orders.actions', action) : ''}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {action ? (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(values) => void submit(values)}
        >
          <Fields
            action={action}
            orderId={order.id}
            onSuggested={(id) => form.setFieldValue('engineerId', id)}
          />
        </Form>
      ) : null}
      {error ? <Typography.Paragraph type="danger">{errorMessage(error, t)}</Typography.Paragraph> : null}
    </Modal>
  );
}
