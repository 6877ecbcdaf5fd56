import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { CloudUploadOutlined, DownloadOutlined, FileSearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, downloadFile, uploadFile } from '../../../api/client';
import type { ImportColumn, Importer, ImportReport } from '../../../api/master-data';
import { codeText } from '../../../components/code-label';
import { LoadError } from '../../../components/load-error';
import { PageHeader } from '../../../components/page-header';
import { TableSkeleton } from '../../../components/page-skeleton';
import { errorMessage } from '../../../lib/errors';
import { localized } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { useUrlParams } from '../../../lib/use-url-params';
import { ImportReportView } from './import-report';

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The list route answers `{ items }`; an early version answered a bare array. Both read the same here. */
function importersOf(answer: { items: Importer[] } | Importer[]): Importer[] {
  return Array.isArray(answer) ? answer : answer.items;
}

export function ImportPage() {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const { get, update } = useUrlParams();
  const entity = get('entity');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | 'template' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const importers = useApi('importers', (signal) =>
    api.get<{ items: Importer[] } | Importer[]>('/api/imports', undefined, { signal }),
  );
  const list = importers.data ? importersOf(importers.data) : [];
  // With one importer (or none chosen yet) the first is preselected: one click less to the template.
  const importer = list.find((item) => item.entity === entity) ?? (entity ? undefined : list[0]);
  const entityName = importer ? codeText('enums.importEntities', importer.entity) : '';

  const reset = () => {
    setReport(null);
    setError(null);
  };

  const run = async (dryRun: boolean) => {
    if (!importer || !file) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    try {
      const result = await uploadFile<ImportReport>(
        `/api/imports/${encodeURIComponent(importer.entity)}`,
        { dryRun, fileName: file.name },
        file,
      );
      setReport(result);
      if (result.applied) void message.success(t('imports.imported', { count: result.rows }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const confirmImport = () => {
    if (!report) return;
    modal.confirm({
      title: t('imports.importConfirm', { count: report.rows, entity: entityName }),
      content: t('imports.allOrNothing'),
      okText: t('imports.importAll'),
      cancelText: t('common.cancel'),
      onOk: () => run(false),
    });
  };

  const template = async () => {
    if (!importer) return;
    setBusy('template');
    try {
      await downloadFile(
        `/api/imports/${encodeURIComponent(importer.entity)}/template.xlsx`,
        { lang: i18n.language },
        `${importer.entity}-template.xlsx`,
      );
    } catch (caught) {
      void message.error(errorMessage(caught, t));
    } finally {
      setBusy(null);
    }
  };

  const canImport =
    report !== null && !report.applied && report.dryRun && report.invalid === 0 && report.rows > 0;

  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('imports.allOrNothingTitle')}
        description={t('imports.allOrNothing')}
      />
      {importers.error ? (
        <LoadError error={importers.error} onRetry={importers.reload} />
      ) : importers.loading && !importers.data ? (
        <Card>
          <TableSkeleton rows={6} />
        </Card>
      ) : list.length === 0 ? (
        <Card>
          <Empty description={t('imports.empty')} />
        </Card>
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title={`1. ${t('imports.entity')}`}>
            <Flex gap={12} wrap align="center">
              <Select
                value={importer?.entity}
                placeholder={t('imports.entityPlaceholder')}
                options={list.map((item) => ({
                  value: item.entity,
                  label: codeText('enums.importEntities', item.entity),
                }))}
                onChange={(value: string) => {
                  update({ entity: value });
                  setFile(null);
                  reset();
                }}
                style={{ width: 240 }}
              />
              <Button
                icon={<DownloadOutlined />}
                disabled={!importer}
                loading={busy === 'template'}
                onClick={() => void template()}
              >
                {t('imports.template')}
              </Button>
            </Flex>
            {importer ? (
              <Table<ImportColumn>
                size="small"
                rowKey="key"
                style={{ marginTop: 12 }}
                pagination={false}
                dataSource={importer.columns}
                title={() => t('imports.columns')}
                columns={[
                  {
                    title: t('imports.column'),
                    key: 'header',
                    render: (_, column) => localized(column.header, i18n.language),
                  },
                  {
                    title: t('imports.required'),
                    key: 'required',
                    width: 90,
                    render: (_, column) =>
                      column.required ? <Tag color="red">{t('imports.required')}</Tag> : null,
                  },
                  {
                    title: t('imports.example'),
                    dataIndex: 'example',
                    key: 'example',
                    render: (example: string) => <Typography.Text code>{example}</Typography.Text>,
                  },
                ]}
              />
            ) : null}
          </Card>
          {importer ? (
            <Card size="small" title={`2. ${t('imports.file')}`}>
              <Upload
                accept=".xlsx,.csv"
                maxCount={1}
                fileList={file ? [{ uid: 'picked', name: file.name, status: 'done', size: file.size }] : []}
                beforeUpload={(picked) => {
                  if (picked.size > MAX_FILE_BYTES) {
                    void message.error(t('imports.fileTooLarge'));
                    return Upload.LIST_IGNORE;
                  }
                  setFile(picked);
                  reset();
                  // Kept in the page and sent as the raw body by us, not by antd's uploader.
                  return false;
                }}
                onRemove={() => {
                  setFile(null);
                  reset();
                }}
              >
                <Button icon={<CloudUploadOutlined />}>{t('imports.chooseFile')}</Button>
              </Upload>
              <Typography.Paragraph type="secondary" className="small" style={{ margin: '8px 0 12px' }}>
                {t('imports.fileHint')}
              </Typography.Paragraph>
              <Button
                type="primary"
                icon={<FileSearchOutlined />}
                disabled={!file}
                loading={busy === 'check'}
                onClick={() => void run(true)}
              >
                {t('imports.dryRun')}
              </Button>
            </Card>
          ) : null}
          {error ? <Alert type="error" showIcon title={errorMessage(error, t)} /> : null}
          {report ? (
            <Card size="small" title={`3. ${t('imports.report')}`}>
              {report.applied ? (
                <Result
                  status="success"
                  title={t('imports.imported', { count: report.rows })}
                  subTitle={t('imports.appliedNote')}
                />
              ) : (
                <>
                  <ImportReportView report={report} />
                  <Flex gap={12} align="center" wrap style={{ marginTop: 16 }}>
                    <Button
                      type="primary"
                      disabled={!canImport}
                      loading={busy === 'import'}
                      onClick={confirmImport}
                    >
                      {t('imports.importAll')}
                    </Button>
                    <Typography.Text type={canImport ? 'success' : 'secondary'}>
                      {canImport
                        ? t('imports.allValid')
                        : t('imports.importBlocked', { count: report.invalid })}
                    </Typography.Text>
                  </Flex>
                </>
              )}
            </Card>
          ) : null}
        </Space>
      )}
    </>
  );
}
