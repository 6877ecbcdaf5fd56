import { useState } from 'react';
import { App, Button, Empty, Flex, Image, Select, Skeleton, Typography, Upload } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_KINDS } from '../../../api/work-orders';
import type { AttachmentKind, OrderAttachment } from '../../../api/work-orders';
import { LoadError } from '../../../components/load-error';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { MAX_PHOTO_MB, PHOTO_TYPES, attachmentUrl, photoProblem, uploadPhoto } from './field-api';

/**
 * Photos of an order: thumbnails served by the attachments route (same origin, so the session cookie goes
 * with each image) and an upload that checks type and size before sending (the server checks the bytes).
 */
export function PhotosPanel({
  orderId,
  photos,
  loading,
  error,
  canUpload,
  defaultKind = 'photo',
  onUploaded,
}: {
  orderId: string;
  photos: OrderAttachment[] | undefined;
  loading: boolean;
  error: unknown;
  canUpload: boolean;
  defaultKind?: AttachmentKind;
  onUploaded: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<AttachmentKind>(defaultKind);
  const [sending, setSending] = useState(0);

  return (
    <div className="field-panel photos-panel">
      {canUpload ? (
        <Flex gap={8} wrap align="center" className="field-toolbar">
          <Select<AttachmentKind>
            value={kind}
            onChange={setKind}
            aria-label={t('orderField.photos.kind')}
            className="photo-kind-select"
            options={ATTACHMENT_KINDS.map((code) => ({
              value: code,
              label: t(`orderField.photos.kinds.${code}`),
            }))}
          />
          <Upload
            accept={PHOTO_TYPES.join(',')}
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              const problem = photoProblem(file);
              if (!problem) return true;
              void message.error(
                problem === 'type'
                  ? t('orderField.photos.typeRejected', { name: file.name })
                  : t('orderField.photos.tooLarge', { name: file.name, mb: MAX_PHOTO_MB }),
              );
              return Upload.LIST_IGNORE;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              setSending((n) => n + 1);
              uploadPhoto(orderId, file as File, kind)
                .then((answer) => {
                  onSuccess?.(answer);
                  void message.success(t('orderField.photos.uploaded', { name: (file as File).name }));
                  onUploaded();
                })
                .catch((caught: unknown) => {
                  onError?.(caught instanceof Error ? caught : new Error(String(caught)));
                  void message.error(errorMessage(caught, t));
                })
                .finally(() => setSending((n) => n - 1));
            }}
          >
            <Button type="primary" icon={<CameraOutlined />} loading={sending > 0}>
              {t('orderField.photos.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" className="small">
            {t('orderField.photos.limits', { mb: MAX_PHOTO_MB })}
          </Typography.Text>
        </Flex>
      ) : null}
      {error && !photos ? <LoadError error={error} /> : null}
      {loading && !photos ? <Skeleton.Image active /> : null}
      {photos && photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orderField.photos.empty')} />
      ) : null}
      {photos && photos.length > 0 ? (
        <Image.PreviewGroup>
          <div className="photo-grid">
            {photos.map((photo) => (
              <figure key={photo.id} className="photo-tile">
                <Image
                  src={attachmentUrl(orderId, photo.id)}
                  alt={photo.fileName}
                  width={112}
                  height={112}
                  className="photo-thumb"
                />
                <figcaption className="small">
                  <div>{t(`orderField.photos.kinds.${photo.kind}`)}</div>
                  <Typography.Text type="secondary" className="tabular">
                    {formatDateTime(photo.uploadedAt)}
                  </Typography.Text>
                </figcaption>
              </figure>
            ))}
          </div>
        </Image.PreviewGroup>
      ) : null}
    </div>
  );
}
