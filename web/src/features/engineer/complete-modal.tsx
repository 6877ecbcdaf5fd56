import { useState } from 'react';
import { Checkbox, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { FieldOrder } from '../orders/field/field-api';
import { orderPath, useAttachments } from '../orders/field/field-api';
import { FieldFormModal } from '../orders/field/field-form-modal';
import { PhotosPanel } from '../orders/field/photos-panel';

interface Values {
  notes?: string;
  actualMeasurePickup?: boolean;
}

/** Completion on site: photos of the finished work first, then what was done (WO-6.1 evidence). */
export function CompleteModal({
  order,
  onClose,
  onDone,
  onStale,
}: {
  order: FieldOrder | null;
  onClose: () => void;
  onDone: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [uploads, setUploads] = useState(0);
  const photos = useAttachments(order?.id ?? '', order ? uploads : null);
  return (
    <FieldFormModal<Values>
      open={order !== null}
      name="complete"
      title={order ? t('orderField.engineer.completeTitle', { number: order.number }) : ''}
      okText={t('engineerJobs.complete')}
      form={form}
      submit={(v) =>
        order
          ? api.post(orderPath(order.id, 'complete'), {
              version: order.version,
              notes: v.notes?.trim(),
              actualMeasurePickup: v.actualMeasurePickup === true,
            })
          : Promise.resolve()
      }
      onClose={onClose}
      onDone={onDone}
      onStale={onStale}
    >
      <Typography.Paragraph type="secondary">{t('orderField.engineer.completeHint')}</Typography.Paragraph>
      {order ? (
        <PhotosPanel
          orderId={order.id}
          photos={photos.data?.items}
          loading={photos.loading}
          error={photos.error}
          canUpload
          defaultKind="completion"
          onUploaded={() => setUploads((n) => n + 1)}
        />
      ) : null}
      <Form.Item
        name="notes"
        label={t('orders.detail.notes')}
        rules={[{ required: true, whitespace: true, message: t('orders.detail.notesRequired') }]}
      >
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} />
      </Form.Item>
      <Form.Item name="actualMeasurePickup" valuePropName="checked">
        <Checkbox>{t('orders.detail.measurePickup')}</Checkbox>
      </Form.Item>
    </FieldFormModal>
  );
}
