import type { ReactNode } from 'react';
import { Alert, Card, Col, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/load-error';
import type { DealerReport, TierPerformance } from './api';
import { formatPercent, ProgrammeTierTag, TargetTag, WhyPopover } from './programme-bits';

const MISSED_SHOWN = 20;

function Metric({
  label,
  value,
  target,
  meets,
  why,
}: {
  label: string;
  value: number | null;
  target: string;
  meets: boolean | null;
  why: ReactNode;
}) {
  const tone = meets === null ? '' : meets ? ' is-good' : ' is-bad';
  return (
    <div className="programme-metric">
      <div>
        <div className="programme-metric-label">{label}</div>
        <div className={`programme-kpi-value${tone}`}>{formatPercent(value)}</div>
        <Typography.Text type="secondary" className="small">
          {target}
        </Typography.Text>
      </div>
      <div className="stacked" style={{ alignItems: 'flex-end' }}>
        <TargetTag meets={meets} />
        {why}
      </div>
    </div>
  );
}

function TierCard({ tier, report }: { tier: TierPerformance; report: DealerReport }) {
  const { t } = useTranslation();
  const policy = t('callbackProgrammes.dealers.policyLine', { version: report.policyVersion });
  const missed = tier.missed.slice(0, MISSED_SHOWN);
  return (
    <Card
      size="small"
      className="programme-tier-card"
      title={<ProgrammeTierTag tier={tier.tier} />}
      extra={
        <Typography.Text type="secondary" className="small">
          {t('callbackProgrammes.dealers.dealerCount', { count: tier.dealers })}
        </Typography.Text>
      }
    >
      <Metric
        label={t('callbackProgrammes.dealers.callbackRate')}
        value={tier.callbackRate}
        target={t('callbackProgrammes.dealers.targetAtLeast', {
          value: formatPercent(tier.targetCallbackRate),
        })}
        meets={tier.meetsCallbackTarget}
        why={
          <WhyPopover title={t('callbackProgrammes.dealers.callbackRateWhy')}>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {t('callbackProgrammes.dealers.callbackRateRule', {
                covered: tier.periodsCovered,
                due: tier.periodsDue,
                asOf: report.asOf,
              })}
            </Typography.Paragraph>
            {tier.missed.length === 0 ? (
              <Typography.Text type="secondary">{t('callbackProgrammes.dealers.noMissed')}</Typography.Text>
            ) : (
              <>
                <Typography.Text strong>
                  {t('callbackProgrammes.dealers.missedTitle', { count: tier.missed.length })}
                </Typography.Text>
                <ul>
                  {missed.map((period) => (
                    <li key={`${period.dealerId}:${period.startDate}`}>
                      {period.name} <span className="mono small">{period.code}</span>{' '}
                      <span className="tabular">
                        {t('callbackProgrammes.dealers.periodRange', {
                          start: period.startDate,
                          due: period.dueDate,
                        })}
                      </span>
                    </li>
                  ))}
                </ul>
                {tier.missed.length > missed.length ? (
                  <Typography.Text type="secondary" className="small">
                    {t('callbackProgrammes.dealers.missedMore', {
                      count: tier.missed.length - missed.length,
                    })}
                  </Typography.Text>
                ) : null}
              </>
            )}
            <div className="muted small" style={{ marginTop: 8 }}>
              {policy}
            </div>
          </WhyPopover>
        }
      />
      <Metric
        label={t('callbackProgrammes.dealers.satisfactionRate')}
        value={tier.satisfaction}
        target={t('callbackProgrammes.dealers.targetAtLeast', { value: formatPercent(tier.minSatisfaction) })}
        meets={tier.meetsSatisfactionTarget}
        why={
          <WhyPopover title={t('callbackProgrammes.dealers.satisfactionWhy')}>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {t('callbackProgrammes.dealers.satisfactionRule', {
                satisfied: tier.satisfiedCallbacks,
                answered: tier.answeredCallbacks,
                asOf: report.asOf,
              })}
            </Typography.Paragraph>
            <div className="muted small">{policy}</div>
          </WhyPopover>
        }
      />
    </Card>
  );
}

/** CB-7 per-tier callback rate and satisfaction against the policy targets, for the chosen month. */
export function DealerTierReport({
  report,
  error,
  onRetry,
}: {
  report: DealerReport | undefined;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (error) return <LoadError error={error} onRetry={onRetry} />;
  if (!report) {
    return (
      <Row gutter={[16, 16]}>
        {[0, 1, 2].map((key) => (
          <Col key={key} xs={24} md={8}>
            <Card size="small">
              <Skeleton active paragraph={{ rows: 4 }} />
            </Card>
          </Col>
        ))}
      </Row>
    );
  }
  const { blacklist } = report;
  return (
    <Row gutter={[16, 16]}>
      {report.tiers.map((tier) => (
        <Col key={tier.tier} xs={24} md={8}>
          <TierCard tier={tier} report={report} />
        </Col>
      ))}
      <Col xs={24} md={8}>
        <Card
          size="small"
          className="programme-tier-card"
          title={<ProgrammeTierTag tier="C" />}
          extra={
            <Typography.Text type="secondary" className="small">
              {t('callbackProgrammes.dealers.dealerCount', { count: blacklist.dealers })}
            </Typography.Text>
          }
        >
          <div>
            <div className="programme-metric-label">{t('callbackProgrammes.dealers.notCalledBack')}</div>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {t('callbackProgrammes.dealers.blacklistRule')}
            </Typography.Paragraph>
          </div>
          {blacklist.callbacksMade > 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('callbackProgrammes.dealers.blacklistCalled', { count: blacklist.callbacksMade })}
            />
          ) : (
            <Typography.Text type="success">{t('callbackProgrammes.dealers.blacklistClean')}</Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}
