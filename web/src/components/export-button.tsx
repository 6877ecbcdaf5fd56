import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../api/client';
import type { QueryValue } from '../api/client';
import { errorMessage } from '../lib/errors';

interface Props {
  /** The list's path; the file comes from `<path>/export.xlsx` with the same filters. */
  path: string;
  filters: Record<string, QueryValue>;
  fileName: string;
}

/** Exports what the list shows: same filters, in the UI language (UI.md "xlsx export of what is shown"). */
export function ExportButton({ path, filters, fileName }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      await downloadFile(`${path}/export.xlsx`, { ...filters, lang: i18n.language }, `${fileName}.xlsx`);
    } catch (error) {
      // The server refuses very large exports with a sentence asking to filter first; show it as is.
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()}>
      {t('common.export')}
    </Button>
  );
}
