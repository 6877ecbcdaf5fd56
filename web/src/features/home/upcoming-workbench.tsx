import { Link } from 'react-router';
import { Card, Divider, Flex, Result, Typography } from 'antd';
import { HourglassOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth-context';
import { navItemsFor } from '../../app/navigation';

/**
 * Honest placeholder for workbenches whose modules have not shipped: it says what will be here
 * and shows no invented numbers.
 */
export function UpcomingWorkbench() {
  const { t } = useTranslation();
  const me = useMe();
  const available = navItemsFor(me);
  return (
    <Card className="workbench-card">
      <Result
        className="workbench-result"
        icon={<HourglassOutlined style={{ color: 'var(--as-primary)' }} />}
        title={t('workbench.later')}
        subTitle={t('workbench.laterHint')}
      />
      <div className="workbench-holds">
        <Typography.Text strong>{t('workbench.willHold')}</Typography.Text>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {t(`workbench.${me.role}.holds`)}
        </Typography.Paragraph>
      </div>
      {available.length > 0 ? (
        <>
          <Divider />
          <Flex gap={16} align="center" wrap>
            <Typography.Text type="secondary">{t('workbench.availableNow')}</Typography.Text>
            {available.map((item) => (
              <Link key={item.path} to={item.path}>
                {item.icon} {t(item.labelKey)}
              </Link>
            ))}
          </Flex>
        </>
      ) : null}
    </Card>
  );
}
