import { Card, Empty, Grid, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Answers, AttemptView } from '../../api/callbacks';
import { formatDateTime, formatFen } from '../../lib/format';

const OUTCOME_COLORS: Record<AttemptView['outcome'], string> = {
  no_answer: 'default',
  other_does_not_know: 'gold',
  other_knows: 'cyan',
  reached: 'green',
};

/** The CB-4 answers in one short line each, so a supervisor or the outlet can read what was said. */
export function AnswersSummary({ answers, satisfied }: { answers: Answers; satisfied: boolean | null }) {
  const { t } = useTranslation();
  const pair = (label: string, value: boolean) =>
    t('callbacks.questionnaire.pair', { label, value: value ? t('common.yes') : t('common.no') });
  return (
    <div className="stacked small callback-answers">
      <span>
        {[
          pair(t('callbacks.questionnaire.short.repairedOrInstalled'), answers.repairedOrInstalled),
          answers.feeCharged
            ? t('callbacks.questionnaire.fee', { amount: formatFen(answers.feeAmountFen ?? 0) })
            : t('callbacks.questionnaire.noFee'),
          pair(t('callbacks.questionnaire.short.timely'), answers.timely),
          pair(t('callbacks.questionnaire.short.worksNow'), answers.worksNow),
        ].join(t('callbacks.questionnaire.separator'))}
      </span>
      <span>
        <Tag color={satisfied ? 'green' : satisfied === false ? 'red' : 'default'}>
          {t('callbacks.questionnaire.score', { score: answers.satisfaction })}
          {satisfied !== null
            ? ` · ${satisfied ? t('callbacks.questionnaire.satisfied') : t('callbacks.questionnaire.notSatisfied')}`
            : ''}
        </Tag>
      </span>
      {answers.note ? <Typography.Text type="secondary">{answers.note}</Typography.Text> : null}
    </div>
  );
}

/** CB-5: every call made, newest first, with its slot and who made it. */
export function AttemptsTable({ attempts }: { attempts: AttemptView[] }) {
  const { t } = useTranslation();
  // On a phone the answers go under the outcome: a third column would need sideways scrolling.
  const narrow = Grid.useBreakpoint().md === false;
  const rows = [...attempts].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <Card title={t('callbacks.attempts.title')} className="callback-attempts-card">
      <Table<AttemptView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={narrow ? undefined : { x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('callbacks.attempts.empty')} />
          ),
        }}
        columns={[
          {
            title: t('callbacks.attempts.at'),
            dataIndex: 'at',
            render: (at: string, a) => (
              <div className="stacked">
                <span className="tabular">{formatDateTime(at)}</span>
                <Typography.Text type="secondary" className="small">
                  {t(`callbacks.slots.${a.slot}`)}
                  {a.verdictRound > 1 ? ` · ${t('callbacks.attempts.roundAppeal')}` : ''}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('callbacks.attempts.outcome'),
            dataIndex: 'outcome',
            render: (outcome: AttemptView['outcome'], a) => (
              <div className="stacked">
                <span>
                  <Tag color={OUTCOME_COLORS[outcome]}>{t(`callbacks.outcomes.${outcome}`)}</Tag>
                </span>
                <Typography.Text type="secondary" className="small">
                  {a.agent.displayName}
                </Typography.Text>
                {a.note ? (
                  <Typography.Text type="secondary" className="small">
                    {a.note}
                  </Typography.Text>
                ) : null}
                {narrow && a.answers ? <AnswersSummary answers={a.answers} satisfied={a.satisfied} /> : null}
              </div>
            ),
          },
          {
            title: t('callbacks.attempts.answers'),
            key: 'answers',
            hidden: narrow,
            render: (_, a) =>
              a.answers ? <AnswersSummary answers={a.answers} satisfied={a.satisfied} /> : '—',
          },
        ]}
      />
    </Card>
  );
}
