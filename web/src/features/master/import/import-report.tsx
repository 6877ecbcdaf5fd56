import { Alert, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportReport, ImportRowError } from '../../../api/master-data';

/** The dry-run (or import) answer: counts, ignored columns and one row per problem. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={8}>
          <Statistic title={t('imports.rowsTitle')} value={report.rows} />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('imports.validTitle')}
            value={report.valid}
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('imports.invalidTitle')}
            value={report.invalid}
            styles={{ content: { color: report.invalid > 0 ? '#cf1322' : undefined } }}
          />
        </Col>
      </Row>
      {report.ignoredColumns.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('imports.ignoredColumns', { columns: report.ignoredColumns.join('、') })}
        />
      ) : null}
      {report.errors.length > 0 ? (
        <Table<ImportRowError>
          size="small"
          rowKey={(error) => `${error.row}:${error.column ?? ''}:${error.reason}`}
          dataSource={report.errors}
          pagination={report.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          columns={[
            {
              title: t('imports.row'),
              dataIndex: 'row',
              key: 'row',
              width: 80,
              render: (row: number) => <span className="tabular">{row}</span>,
            },
            {
              title: t('imports.column'),
              dataIndex: 'column',
              key: 'column',
              width: 220,
              render: (column: string | null) => column ?? t('imports.wholeFile'),
            },
            { title: t('imports.reason'), dataIndex: 'reason', key: 'reason' },
          ]}
        />
      ) : null}
    </>
  );
}
