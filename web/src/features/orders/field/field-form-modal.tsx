import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { errorMessage } from '../../../lib/errors';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<V>;
  /** Stable name for the form: field ids (and so e2e labels) are `<name>_<field>`. */
  name: string;
  okText?: string;
  cancelText?: string;
  danger?: boolean;
  initialValues?: Partial<V>;
  /** Sends the request; `key` is one Idempotency-Key per intended change, renewed after success. */
  submit: (values: V, key: string) => Promise<unknown>;
  /** Field paths in server answers that name a different form field (`/contactPhone/phoneId` → `contactPhone`). */
  renamePath?: (path: (string | number)[], values: V) => (string | number)[];
  onClose: () => void;
  onDone: () => void;
  /** The order changed under us (409): reload it so the next try sends the new version. */
  onStale?: () => void;
  children: ReactNode;
}

const same = (a: readonly (string | number)[], b: readonly (string | number)[]) =>
  a.length === b.length && a.every((part, i) => String(part) === String(b[i]));

interface Issue {
  name: (string | number)[];
  code: string | null;
  message: string;
}

/** The answer's field issues with their rule codes (client.ts keeps path and message only). */
function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.extras.errors)) return [];
  return error.extras.errors.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, code, message } = item as Record<string, unknown>;
    if (typeof path !== 'string' || typeof message !== 'string') return [];
    const name = path
      .split('/')
      .filter((part) => part.length > 0)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    return name.length > 0 ? [{ name, code: typeof code === 'string' ? code : null, message }] : [];
  });
}

/**
 * A field form in a modal: validates on the client, sends, and on refusal keeps the input, pins the server's
 * field errors next to the inputs they name and shows the problem's detail above the buttons.
 */
export function FieldFormModal<V extends object>({
  open,
  title,
  form,
  name,
  okText,
  cancelText,
  danger,
  initialValues,
  submit,
  renamePath,
  onClose,
  onDone,
  onStale,
  children,
}: Props<V>) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  // The server words issues in English; in Chinese a rule code the dictionary knows is shown in Chinese.
  const issueText = (issue: Issue): string => {
    if (i18n.language === 'en-US' || !issue.code) return issue.message;
    const key = [`errors.reasons.${issue.code}`, `orderField.issues.${issue.code}`].find((k) =>
      i18n.exists(k),
    );
    return key ? t(key as never) : issue.message;
  };
  const [error, setError] = useState<unknown>(null);
  const key = useRef(crypto.randomUUID());

  const finish = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await submit(values, key.current);
      key.current = crypto.randomUUID();
      onDone();
    } catch (caught) {
      setError(caught);
      if (caught instanceof ApiError && caught.code === 'VERSION_CONFLICT') onStale?.();
      const registered = form.getFieldsError().map((entry) => entry.name);
      const pinned = issuesOf(caught)
        .map((issue) => ({
          name: renamePath ? renamePath(issue.name, values) : issue.name,
          errors: [issueText(issue)],
        }))
        .filter((entry) => registered.some((known) => same(known, entry.name)));
      if (pinned.length > 0) form.setFields(pinned as Parameters<FormInstance<V>['setFields']>[0]);
    } finally {
      setBusy(false);
    }
  };

  const stale = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.confirm')}
      cancelText={cancelText ?? t('common.cancel')}
      okButtonProps={{ danger }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      afterClose={() => setError(null)}
      destroyOnHidden
      className="field-form-modal"
    >
      <Form<V>
        form={form}
        name={name}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        scrollToFirstError
        onFinish={(values) => void finish(values)}
      >
        {children}
      </Form>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="field-form-error"
          title={stale ? t('common.versionConflict') : errorMessage(error, t)}
        />
      ) : null}
    </Modal>
  );
}
