import { Space, Tag, Tooltip, Typography } from 'antd';
import { StarFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OutletSummary } from '../../../api/master-data';
import { CodeLabel } from '../../../components/code-label';

const STATUS_COLORS: Record<string, string> = {
  applying: 'blue',
  active: 'green',
  rectifying: 'orange',
  suspended: 'red',
  withdrawing: 'volcano',
  withdrawn: 'default',
};

export function OutletStatusTag({ status }: { status: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'}>
      <CodeLabel group="enums.outletStatuses" code={status} />
    </Tag>
  );
}

/** NET-10: shown next to the status, since a suspended outlet keeps its status and its open orders. */
export function DispatchSuspensionTag({ outlet }: { outlet: Pick<OutletSummary, 'dispatchSuspension'> }) {
  const { t } = useTranslation();
  const s = outlet.dispatchSuspension;
  if (!s) return null;
  return (
    <Tooltip title={s.reason}>
      <Tag color="red">{t('outlets.suspension.tag', { until: s.until })}</Tag>
    </Tooltip>
  );
}

export function OutletTypeTag({ type }: { type: string }) {
  return (
    <Tag variant="outlined">
      <CodeLabel group="enums.outletTypes" code={type} />
    </Tag>
  );
}

export function BandText({ outlet }: { outlet: Pick<OutletSummary, 'band' | 'bandYear'> }) {
  const { t } = useTranslation();
  if (outlet.band === null) return <Typography.Text type="secondary">{t('outlets.noBand')}</Typography.Text>;
  const band = <CodeLabel group="enums.bands" code={outlet.band} />;
  return outlet.bandYear ? (
    <span>
      {band} <Typography.Text type="secondary">· {outlet.bandYear}</Typography.Text>
    </span>
  ) : (
    band
  );
}

export function GradeText({ outlet }: { outlet: Pick<OutletSummary, 'grade' | 'stars'> }) {
  const { t } = useTranslation();
  if (outlet.grade === null && outlet.stars === null) {
    return <Typography.Text type="secondary">{t('outlets.noGrade')}</Typography.Text>;
  }
  return (
    <Space size={6}>
      {outlet.grade ? <CodeLabel group="enums.grades" code={outlet.grade} /> : null}
      {outlet.stars ? (
        <span className="stars" aria-label={t('outlets.stars', { count: outlet.stars })}>
          {Array.from({ length: outlet.stars }, (_, index) => (
            <StarFilled key={index} />
          ))}
        </span>
      ) : null}
    </Space>
  );
}
