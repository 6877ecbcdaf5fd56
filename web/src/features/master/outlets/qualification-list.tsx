import { Space, Tag, Typography } from 'antd';
import { SimpleList as List } from '../../../components/simple-list';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { QUALIFICATION_GAPS } from '../../../api/master-data';
import type { OutletDetail, QualificationGap } from '../../../api/master-data';
import { CodeLabel } from '../../../components/code-label';

/** What each NET-3 requirement rests on, shown beside the ✓ / ✗ so the reader sees why. */
function evidence(outlet: OutletDetail, gap: QualificationGap, t: TFunction): string | null {
  const q = outlet.qualification;
  if (gap === 'licence' && q.licenceNumber) return t('outlets.licenceNumber', { number: q.licenceNumber });
  if (gap === 'technicians') return t('outlets.technicianCount', { count: q.technicianCount });
  return null;
}

/** NET-3 checklist: each requirement with ✓ or ✗ as the server judged it. */
export function QualificationList({ outlet }: { outlet: OutletDetail }) {
  const { t } = useTranslation();
  const missing = new Set(outlet.qualificationCheck.missing);
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        {outlet.qualificationCheck.ok ? (
          <Tag color="green">{t('outlets.qualificationOk')}</Tag>
        ) : (
          <Tag color="red">{t('outlets.qualificationMissing', { count: missing.size })}</Tag>
        )}
      </Space>
      <List
        size="small"
        dataSource={[...QUALIFICATION_GAPS]}
        renderItem={(gap) => {
          const ok = !missing.has(gap);
          const note = evidence(outlet, gap, t);
          return (
            <List.Item>
              <Space align="start">
                {ok ? (
                  <CheckCircleFilled className="check-ok" aria-label="✓" />
                ) : (
                  <CloseCircleFilled className="check-missing" aria-label="✗" />
                )}
                <span className="stacked">
                  <CodeLabel group="enums.qualificationGaps" code={gap} />
                  {note ? (
                    <Typography.Text type="secondary" className="small">
                      {note}
                    </Typography.Text>
                  ) : null}
                </span>
              </Space>
            </List.Item>
          );
        }}
      />
    </>
  );
}
