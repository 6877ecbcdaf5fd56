import { Alert, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { AimOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../api/work-orders';
import { LoadError } from '../../../components/load-error';
import { codeText } from '../../../components/code-label';
import { ReasonTags } from '../shared/order-tags';

interface Props {
  proposal: Proposal | undefined;
  loading: boolean;
  error: unknown;
  ready: boolean;
}

/** WO-13: the outlet the rules propose, with every reason, so the agent can say why. */
export function ProposalPanel({ proposal, loading, error, ready }: Props) {
  const { t } = useTranslation();
  const best = proposal?.proposal ?? null;
  return (
    <Card
      size="small"
      className="proposal-card"
      title={
        <span>
          <AimOutlined /> {t('orders.intake.proposal')}
        </span>
      }
    >
      {!ready ? (
        <Typography.Text type="secondary">{t('orders.intake.proposalHint')}</Typography.Text>
      ) : error ? (
        <LoadError error={error} />
      ) : loading && !proposal ? (
        <Skeleton active title={false} paragraph={{ rows: 2 }} />
      ) : proposal && !best ? (
        <Alert
          type="warning"
          showIcon
          title={codeText('orders.reasonCodes', proposal.code ?? 'NO_ELIGIBLE_OUTLET')}
          description={proposal.message}
        />
      ) : best ? (
        <>
          <Flex gap={8} align="baseline" wrap>
            <Typography.Text strong className="proposal-name">
              {best.name}
            </Typography.Text>
            <Typography.Text type="secondary" className="mono">
              {best.code}
            </Typography.Text>
            {best.grade ? <Tag color="blue">{t('orders.intake.grade', { grade: best.grade })}</Tag> : null}
          </Flex>
          <Descriptions size="small" column={2} style={{ marginTop: 4 }}>
            <Descriptions.Item label={t('orders.fields.outlet')}>
              {best.distanceKm === null ? '—' : t('orders.intake.distance', { km: best.distanceKm })}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.fields.status')}>
              {t('orders.intake.openOrders', { count: best.openOrders })}
            </Descriptions.Item>
          </Descriptions>
          <div className="reason-list">
            <ReasonTags reasons={best.reasons} />
          </div>
        </>
      ) : null}
    </Card>
  );
}
