import { Link } from 'react-router';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutletDetail } from '../../../api/master-data';
import { formatFen, formatPhone } from '../../../lib/format';
import { BandText, GradeText, OutletStatusTag, OutletTypeTag } from './outlet-tags';
import { QualificationList } from './qualification-list';

export function OutletSummaryTab({ outlet }: { outlet: OutletDetail }) {
  const { t } = useTranslation();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={15}>
        <Card title={t('outlets.basics')} size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'code',
                label: t('outlets.code'),
                children: <span className="mono">{outlet.code}</span>,
              },
              { key: 'type', label: t('outlets.type'), children: <OutletTypeTag type={outlet.type} /> },
              {
                key: 'status',
                label: t('outlets.status'),
                children: <OutletStatusTag status={outlet.status} />,
              },
              ...(outlet.parentId
                ? [
                    {
                      key: 'parent',
                      label: t('outlets.parent'),
                      children: (
                        <Link to={`/master/outlets/${encodeURIComponent(outlet.parentId)}`}>
                          {outlet.parentId}
                        </Link>
                      ),
                    },
                  ]
                : []),
              { key: 'region', label: t('outlets.region'), children: outlet.regionPath },
              { key: 'address', label: t('outlets.address'), children: outlet.address || dash },
              {
                key: 'radius',
                label: t('outlets.radius'),
                children: t('outlets.radiusValue', { km: outlet.serviceRadiusKm }),
              },
              { key: 'manager', label: t('outlets.manager'), children: outlet.managerName ?? dash },
              {
                key: 'phone',
                label: t('outlets.phone'),
                children: outlet.phone ? <span className="tabular">{formatPhone(outlet.phone)}</span> : dash,
              },
              { key: 'band', label: t('outlets.band'), children: <BandText outlet={outlet} /> },
              { key: 'grade', label: t('outlets.grade'), children: <GradeText outlet={outlet} /> },
              {
                key: 'deposit',
                label: t('outlets.partsDeposit'),
                children: <span className="tabular">{formatFen(outlet.partsDepositFen)}</span>,
              },
              {
                key: 'counts',
                label: t('outlets.districts'),
                children: <span className="tabular">{outlet.coveredDistrictCount}</span>,
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card title={t('outlets.qualification')} size="small">
          <QualificationList outlet={outlet} />
        </Card>
      </Col>
    </Row>
  );
}
