import { useNavigate } from 'react-router';
import { Button, Card, Flex, Typography } from 'antd';
import { IdcardOutlined, PhoneOutlined, ShopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../../app/auth-context';

/**
 * The master-data screens each role reaches for first: the agent's caller look-up (their primary action
 * while work orders are not live), and for outlet staff their own outlet and its engineers.
 */
export function MasterShortcuts() {
  const { t } = useTranslation();
  const me = useMe();
  const { can } = useAuth();
  const navigate = useNavigate();

  if (me.role === 'agent' && can('customer.read')) {
    return (
      <Card className="shortcut-card">
        <Flex gap={16} align="center" justify="space-between" wrap>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              <PhoneOutlined /> {t('workbench.masterLinks.lookupTitle')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('workbench.masterLinks.lookupHint')}</Typography.Text>
          </div>
          <Button
            type="primary"
            size="large"
            icon={<PhoneOutlined />}
            onClick={() => void navigate('/master/customers')}
          >
            {t('workbench.masterLinks.lookupAction')}
          </Button>
        </Flex>
      </Card>
    );
  }

  if (
    (me.role === 'dispatcher' || me.role === 'outlet') &&
    me.scope.kind === 'outlet' &&
    can('outlet.read')
  ) {
    const outletId = encodeURIComponent(me.scope.outletId);
    return (
      <Card className="shortcut-card">
        <Flex gap={16} align="center" justify="space-between" wrap>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              <ShopOutlined /> {t('workbench.masterLinks.outletTitle')} · {me.scope.outletName}
            </Typography.Title>
            <Typography.Text type="secondary">{t('workbench.masterLinks.outletHint')}</Typography.Text>
          </div>
          <Flex gap={8} wrap>
            <Button
              type="primary"
              icon={<ShopOutlined />}
              onClick={() => void navigate(`/master/outlets/${outletId}`)}
            >
              {t('workbench.masterLinks.myOutlet')}
            </Button>
            {can('engineer.read') ? (
              <Button
                icon={<IdcardOutlined />}
                onClick={() => void navigate(`/master/engineers?outletId=${outletId}`)}
              >
                {t('workbench.masterLinks.myEngineers')}
              </Button>
            ) : null}
          </Flex>
        </Flex>
      </Card>
    );
  }
  return null;
}
