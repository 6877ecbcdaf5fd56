import { useState } from 'react';
import type { ReactNode } from 'react';
import { Alert, App, Button, Card, Empty, Space, Tag, Timeline, Tooltip, Typography, Upload } from 'antd';
import { AuditOutlined, FileOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_APPEAL_FILE_MB, APPEAL_FILE_TYPES } from '../../api/callbacks';
import type { AppealView, TaskDetail, VerdictView } from '../../api/callbacks';
import { errorMessage } from '../../lib/errors';
import { formatDateTime, formatFen, formatRatio } from '../../lib/format';
import { AppealModal } from './appeal-modal';
import { VerdictTag } from './callback-tags';
import { allowedReason, appealFileProblem, isForbidden, uploadAppealFile } from './task-api';

/** CB-3: final since when, or final unless appealed by when, or waiting for the second callback. */
export function FinalisationBanner({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const f = task.finalisation;
  if (task.status === 'unreachable' || f.basis === 'UNREACHABLE') {
    return (
      <Alert
        type="warning"
        showIcon
        className="callback-finalisation"
        title={t('callbacks.finalisation.unreachable')}
        description={
          f.finalAt ? t('callbacks.finalisation.finalSince', { at: formatDateTime(f.finalAt) }) : undefined
        }
      />
    );
  }
  if (f.final && f.verdict) {
    return (
      <Alert
        type={f.verdict === 'qualified' ? 'success' : 'error'}
        showIcon
        className="callback-finalisation"
        title={t('callbacks.finalisation.final', { verdict: t(`callbacks.verdicts.${f.verdict}`) })}
        description={[
          f.finalAt ? t('callbacks.finalisation.finalSince', { at: formatDateTime(f.finalAt) }) : null,
          f.basis ? t(`callbacks.finalBases.${f.basis}`) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      />
    );
  }
  if (f.pending === 'APPEAL_PENDING') {
    return (
      <Alert
        type="info"
        showIcon
        className="callback-finalisation"
        title={t('callbacks.finalisation.appealPending')}
      />
    );
  }
  if (f.pending === 'APPEAL_WINDOW_OPEN' && f.windowClosesAt) {
    return (
      <Alert
        type="warning"
        showIcon
        className="callback-finalisation"
        title={t('callbacks.finalisation.windowOpen', { at: formatDateTime(f.windowClosesAt) })}
      />
    );
  }
  return null;
}

function VerdictEntry({ verdict, task }: { verdict: VerdictView; task: TaskDetail }) {
  const { t } = useTranslation();
  const s = verdict.settlement;
  const numberOf = (id: string) => task.evidence.find((item) => item.orderId === id)?.orderNumber ?? id;
  const versions = Object.entries(s.policyVersions)
    .map(([key, version]) => t('callbacks.plan.policyItem', { key, version }))
    .join(', ');
  return (
    <div className="callback-history-entry">
      <Space size={6} wrap>
        <Typography.Text strong>
          {verdict.kind === 'first' ? t('callbacks.history.first') : t('callbacks.history.appealCallback')}
        </Typography.Text>
        <VerdictTag verdict={verdict.verdict} />
      </Space>
      {verdict.reasons.length > 0 ? (
        <div className="callback-history-reasons">
          {verdict.reasons.map((reason) => (
            <Tag key={reason} variant="outlined">
              {t(`callbacks.reasons.${reason}`)}
            </Tag>
          ))}
        </div>
      ) : null}
      {verdict.note ? (
        <Typography.Paragraph className="callback-history-note">{verdict.note}</Typography.Paragraph>
      ) : null}
      {verdict.evidenceOrderIds.length > 0 ? (
        <Typography.Text type="secondary" className="small">
          {t('callbacks.history.evidenceCited', {
            orders: verdict.evidenceOrderIds.map(numberOf).join(', '),
          })}
        </Typography.Text>
      ) : null}
      <div className="small">
        <Tooltip title={versions || undefined}>
          <Typography.Text type="secondary">
            {t('callbacks.history.settlementValue', {
              kind: t(`callbacks.settlementKinds.${s.kind}`),
              payable: formatFen(s.payableFen),
              standard: formatFen(s.standardFeeFen),
              share: formatRatio(s.feeShare),
            })}
            {s.deductionFen > 0
              ? t('callbacks.history.deduction', { amount: formatFen(s.deductionFen) })
              : ''}
          </Typography.Text>
        </Tooltip>
      </div>
      <Typography.Text type="secondary" className="small tabular">
        {t('callbacks.history.by', {
          name: verdict.agent.displayName,
          at: formatDateTime(verdict.recordedAt),
        })}
      </Typography.Text>
      {verdict.auditedAt ? (
        <Typography.Text type="secondary" className="small">
          <AuditOutlined /> {t('callbacks.history.audited', { at: formatDateTime(verdict.auditedAt) })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

function AppealEntry({
  appeal,
  task,
  onReload,
}: {
  appeal: AppealView;
  task: TaskDetail;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [sending, setSending] = useState(0);
  const mayUpload = task.allowed.uploadAppealFile.allowed;
  return (
    <div className="callback-history-entry">
      <Typography.Text strong>{t('callbacks.history.appealed')}</Typography.Text>
      <Typography.Paragraph className="callback-appeal-statement">{appeal.statement}</Typography.Paragraph>
      <div className="callback-appeal-files">
        {appeal.files.length === 0 ? (
          <Typography.Text type="secondary" className="small">
            {t('callbacks.history.noFiles')}
          </Typography.Text>
        ) : (
          appeal.files.map((file) => (
            <a
              key={file.id}
              href={file.url}
              target="_blank"
              rel="noreferrer"
              className="callback-appeal-file"
            >
              {file.contentType === 'application/pdf' ? <FileOutlined /> : <PaperClipOutlined />}{' '}
              {file.fileName}
            </a>
          ))
        )}
      </div>
      {mayUpload ? (
        <Upload
          accept={APPEAL_FILE_TYPES.join(',')}
          multiple
          showUploadList={false}
          beforeUpload={(file) => {
            const problem = appealFileProblem(file);
            if (!problem) return true;
            void message.error(
              problem === 'type'
                ? t('callbacks.appeal.typeRejected', { name: file.name })
                : t('callbacks.appeal.tooLarge', { name: file.name, mb: MAX_APPEAL_FILE_MB }),
            );
            return Upload.LIST_IGNORE;
          }}
          customRequest={({ file, onSuccess, onError }) => {
            setSending((n) => n + 1);
            uploadAppealFile(task.id, file as File)
              .then((answer) => {
                onSuccess?.(answer);
                void message.success(t('callbacks.appeal.fileUploaded', { name: (file as File).name }));
                onReload();
              })
              .catch((caught: unknown) => {
                onError?.(caught instanceof Error ? caught : new Error(String(caught)));
                void message.error(errorMessage(caught, t));
              })
              .finally(() => setSending((n) => n - 1));
          }}
        >
          <Button size="small" icon={<PaperClipOutlined />} loading={sending > 0}>
            {t('callbacks.appeal.addFiles')}
          </Button>
        </Upload>
      ) : null}
      <Typography.Text type="secondary" className="small tabular">
        {t('callbacks.history.by', { name: appeal.filedBy.displayName, at: formatDateTime(appeal.filedAt) })}
      </Typography.Text>
    </div>
  );
}

/**
 * CB-3: the verdicts and the appeal in the order they happened, the finalisation state above them, and for
 * the outlet the one appeal it may make within the window.
 */
export function ResultHistory({
  task,
  onTask,
  onStale,
  onReload,
}: {
  task: TaskDetail;
  onTask: (task: TaskDetail) => void;
  onStale: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [appealing, setAppealing] = useState(false);
  const events: { at: string; key: string; color: string; node: ReactNode }[] = [
    ...task.verdicts.map((v) => ({
      at: v.recordedAt,
      key: v.id,
      color: v.verdict === 'qualified' ? 'green' : v.verdict === 'untrue' ? 'red' : 'gold',
      node: <VerdictEntry verdict={v} task={task} />,
    })),
    ...task.appeals.map((a) => ({
      at: a.filedAt,
      key: a.id,
      color: 'orange',
      node: <AppealEntry appeal={a} task={task} onReload={onReload} />,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const appeal = task.allowed.appeal;
  return (
    <Card
      title={t('callbacks.history.title')}
      className="callback-history-card"
      extra={
        isForbidden(appeal) ? null : (
          <Tooltip title={allowedReason(appeal)}>
            <Button
              type="primary"
              danger
              disabled={!appeal.allowed}
              onClick={() => setAppealing(true)}
              className="callback-appeal-button"
            >
              {t('callbacks.appeal.button')}
            </Button>
          </Tooltip>
        )
      }
    >
      <FinalisationBanner task={task} />
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('callbacks.history.empty')} />
      ) : (
        <Timeline
          className="callback-history"
          items={events.map((event) => ({ key: event.key, color: event.color, content: event.node }))}
        />
      )}
      <AppealModal
        task={task}
        open={appealing}
        onClose={() => setAppealing(false)}
        onDone={(next) => {
          setAppealing(false);
          onTask(next);
        }}
        onStale={onStale}
      />
    </Card>
  );
}
