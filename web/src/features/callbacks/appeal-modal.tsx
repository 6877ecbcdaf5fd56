import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { APPEAL_FILE_TYPES, MAX_APPEAL_FILES, MAX_APPEAL_FILE_MB, callbackPath } from '../../api/callbacks';
import type { TaskDetail } from '../../api/callbacks';
import { errorMessage } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { appealFileProblem, isStale, pinFieldIssues, uploadAppealFile } from './task-api';

interface AppealValues {
  statement?: string;
}

/**
 * CB-3: the outlet's one appeal, within the window: a statement and supporting files. The files belong to
 * the appeal, so they are sent once it is filed; a file that fails leaves the appeal standing and can be
 * added again from the task page.
 */
export function AppealModal({
  task,
  open,
  onClose,
  onDone,
  onStale,
}: {
  task: TaskDetail;
  open: boolean;
  onClose: () => void;
  onDone: (task: TaskDetail) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AppealValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const closesAt = task.finalisation.windowClosesAt;

  const submit = async (values: AppealValues) => {
    setBusy(true);
    setError(null);
    try {
      const filed = await api.post<{ task: TaskDetail }>(callbackPath(task.id, 'appeal'), {
        version: task.version,
        statement: values.statement?.trim() ?? '',
      });
      let latest = filed.task;
      const failures: string[] = [];
      for (const file of files) {
        if (!file.originFileObj) continue;
        try {
          await uploadAppealFile(task.id, file.originFileObj);
        } catch (caught) {
          failures.push(`${file.name}: ${errorMessage(caught, t)}`);
        }
      }
      if (files.length > failures.length) {
        latest = await api.get<TaskDetail>(callbackPath(task.id));
      }
      form.resetFields();
      setFiles([]);
      onDone(latest);
      if (failures.length > 0)
        void message.warning(t('callbacks.appeal.filesFailed', { detail: failures.join('; ') }));
      else void message.success(t('callbacks.appeal.done'));
    } catch (caught) {
      setError(caught);
      if (isStale(caught)) onStale();
      pinFieldIssues(form, caught, t);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('callbacks.appeal.title')}
      okText={t('callbacks.appeal.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
      className="callback-appeal-modal"
    >
      <Typography.Paragraph type="secondary">{t('callbacks.appeal.intro')}</Typography.Paragraph>
      {closesAt ? (
        <Typography.Paragraph strong className="tabular">
          {t('callbacks.appeal.windowCloses', { at: formatDateTime(closesAt) })}
        </Typography.Paragraph>
      ) : null}
      <Form<AppealValues>
        form={form}
        name="appeal"
        layout="vertical"
        preserve={false}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="statement"
          label={t('callbacks.appeal.statement')}
          rules={[{ required: true, whitespace: true, message: t('callbacks.appeal.statementRequired') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('callbacks.appeal.statementPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          label={t('callbacks.appeal.files')}
          extra={t('callbacks.appeal.filesHint', { mb: MAX_APPEAL_FILE_MB })}
        >
          <Upload
            accept={APPEAL_FILE_TYPES.join(',')}
            multiple
            maxCount={MAX_APPEAL_FILES}
            fileList={files}
            beforeUpload={(file) => {
              const problem = appealFileProblem(file);
              if (problem) {
                void message.error(
                  problem === 'type'
                    ? t('callbacks.appeal.typeRejected', { name: file.name })
                    : t('callbacks.appeal.tooLarge', { name: file.name, mb: MAX_APPEAL_FILE_MB }),
                );
                return Upload.LIST_IGNORE;
              }
              // Kept here and sent after the appeal is filed.
              return false;
            }}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<PaperClipOutlined />}>{t('callbacks.appeal.chooseFiles')}</Button>
          </Upload>
        </Form.Item>
      </Form>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={isStale(error) ? t('common.versionConflict') : errorMessage(error, t)}
        />
      ) : null}
    </Modal>
  );
}
