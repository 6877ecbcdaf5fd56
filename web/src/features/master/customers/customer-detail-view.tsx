import type { ReactNode } from 'react';
import { Alert, Button, Col, Popconfirm, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { SimpleList as List } from '../../../components/simple-list';
import {
  DeleteOutlined,
  EyeInvisibleOutlined,
  EyeOutlined,
  EnvironmentOutlined,
  PhoneOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { CodeLabel } from '../../../components/code-label';
import { formatPhone } from '../../../lib/format';
import { OrderHistory } from './order-history';
import { UnitTable } from './unit-table';
import type { CustomerRevealState } from './use-customer-reveal';

interface Props {
  customer: CustomerDetail;
  reveal: CustomerRevealState;
  /** Buttons next to the name (open record, register unit …). */
  actions?: ReactNode;
  /** Edit hooks, only in the record drawer. */
  onRemovePhone?: (id: string) => void;
  onRemoveAddress?: (id: string) => void;
  phoneAdder?: ReactNode;
  addressAdder?: ReactNode;
  onOpenMerged?: (id: string) => void;
  /** Adds a "New order" button to each unit row. */
  onNewOrderForUnit?: (unitId: string) => void;
}

export function CustomerName({ customer, reveal }: Pick<Props, 'customer' | 'reveal'>) {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <Space size={8} wrap className="customer-name">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {reveal.revealed?.name ?? customer.nameMasked}
      </Typography.Title>
      {!can('customer.reveal') ? null : reveal.revealed ? (
        <Button
          size="small"
          type="text"
          icon={<EyeInvisibleOutlined />}
          onClick={reveal.hide}
          aria-label={t('common.hide')}
        />
      ) : (
        <Tooltip title={t('common.revealTooltip')}>
          <Button
            size="small"
            icon={<EyeOutlined />}
            loading={reveal.loading}
            onClick={() => void reveal.reveal()}
          >
            {t('customers.revealAll')}
          </Button>
        </Tooltip>
      )}
      <Typography.Text type="secondary" className="mono">
        {customer.code}
      </Typography.Text>
      {customer.tags.map((tag) => (
        <Tag key={tag} color="magenta">
          {tag}
        </Tag>
      ))}
    </Space>
  );
}

export function CustomerDetailView(props: Props) {
  const {
    customer,
    reveal,
    actions,
    onRemovePhone,
    onRemoveAddress,
    phoneAdder,
    addressAdder,
    onOpenMerged,
    onNewOrderForUnit,
  } = props;
  const { t } = useTranslation();
  const mergedIntoId = customer.mergedIntoId;

  return (
    <div className="customer-detail">
      <Row justify="space-between" align="middle" gutter={[12, 12]}>
        <Col flex="auto">
          <CustomerName customer={customer} reveal={reveal} />
        </Col>
        {actions ? <Col>{actions}</Col> : null}
      </Row>
      {mergedIntoId ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={t('customers.mergedInto')}
          action={
            onOpenMerged ? (
              <Button size="small" onClick={() => onOpenMerged(mergedIntoId)}>
                {t('customers.openMerged')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Row gutter={[24, 8]} style={{ marginTop: 12 }}>
        <Col xs={24} md={10}>
          <Typography.Text type="secondary">{t('customers.phones')}</Typography.Text>
          <List
            size="small"
            split={false}
            dataSource={customer.phones}
            renderItem={(phone) => (
              <List.Item
                className="contact-line"
                actions={
                  onRemovePhone && customer.phones.length > 1
                    ? [
                        <Popconfirm
                          key="remove"
                          title={t('customers.removePhoneConfirm')}
                          okText={t('common.confirm')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => onRemovePhone(phone.id)}
                        >
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('common.remove')}
                          />
                        </Popconfirm>,
                      ]
                    : undefined
                }
              >
                <Space size={6} wrap>
                  <PhoneOutlined />
                  <span className="tabular phone-number">
                    {formatPhone(reveal.phoneOf(phone.id)) ?? phone.masked}
                  </span>
                  <Typography.Text type="secondary" className="small">
                    <CodeLabel group="enums.phoneLabels" code={phone.label} />
                  </Typography.Text>
                  {phone.isPrimary ? <Tag color="blue">{t('customers.primary')}</Tag> : null}
                </Space>
              </List.Item>
            )}
          />
          {phoneAdder}
        </Col>
        <Col xs={24} md={14}>
          <Typography.Text type="secondary">{t('customers.addresses')}</Typography.Text>
          <List
            size="small"
            split={false}
            dataSource={customer.addresses}
            renderItem={(address) => (
              <List.Item
                className="contact-line"
                actions={
                  onRemoveAddress && customer.addresses.length > 1
                    ? [
                        <Popconfirm
                          key="remove"
                          title={t('customers.removeAddressConfirm')}
                          okText={t('common.confirm')}
                          cancelText={t('common.cancel')}
                          onConfirm={() => onRemoveAddress(address.id)}
                        >
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={t('common.remove')}
                          />
                        </Popconfirm>,
                      ]
                    : undefined
                }
              >
                <Space size={6} align="start">
                  <EnvironmentOutlined style={{ marginTop: 4 }} />
                  <span>
                    {address.regionPath} {reveal.addressOf(address.id) ?? address.detailMasked}{' '}
                    {address.isDefault ? <Tag color="blue">{t('customers.defaultAddress')}</Tag> : null}
                  </span>
                </Space>
              </List.Item>
            )}
          />
          {addressAdder}
        </Col>
      </Row>
      <Typography.Title level={5} className="section-title">
        {t('customers.units', { count: customer.units.length })}
      </Typography.Title>
      <UnitTable units={customer.units} onNewOrder={onNewOrderForUnit} />
      <Typography.Title level={5} className="section-title">
        {t('customers.orders', { count: customer.ordersTotal })}
      </Typography.Title>
      <OrderHistory
        orders={customer.orders}
        units={customer.units}
        total={customer.ordersTotal}
        truncated={customer.ordersTruncated}
      />
    </div>
  );
}
