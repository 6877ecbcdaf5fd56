import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Card, Col, Empty, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { CustomerDetail } from '../../../api/master-data';
import type { Page } from '../../../api/types';
import { OPEN_STATUSES } from '../../../api/work-orders';
import type { OrderDetail, OrderListItem } from '../../../api/work-orders';
import { PageHeader } from '../../../components/page-header';
import { useApi } from '../../../lib/use-api';
import { useUrlParams } from '../../../lib/use-url-params';
import { CustomerLookup } from '../../master/customers/customer-lookup';
import { CreatedResult } from './created-result';
import { IntakeForm } from './intake-form';
import { OpenOrdersBanner } from './open-orders-banner';

interface Picked {
  customer: CustomerDetail;
  unitId?: string;
}

/** Agent intake (UI.md): phone first, then the order in one screen, then the number to read out. */
export function IntakePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { get } = useUrlParams();
  const wantedCustomer = get('customerId');
  const wantedUnit = get('unitId') || undefined;
  const [picked, setPicked] = useState<Picked | null>(null);
  const [created, setCreated] = useState<OrderDetail | null>(null);
  const [channel, setChannel] = useState('hotline');
  const [lookupKey, setLookupKey] = useState(0);
  // Bumped when an order is taken, so the caller's order history (MD-4) shows it at once.
  const [historyKey, setHistoryKey] = useState(0);
  const customerId = picked?.customer.id ?? null;
  const orders = useApi(customerId ? `orders-of:${customerId}:${created?.id ?? ''}` : null, (signal) =>
    api.get<Page<OrderListItem>>('/api/work-orders', { customerId, pageSize: 50 }, { signal }),
  );
  const open = (orders.data?.items ?? []).filter(
    (o) => OPEN_STATUSES.includes(o.status) && o.id !== created?.id,
  );

  const onMatches = (matches: CustomerDetail[], _phone: string, refreshed: boolean) => {
    if (refreshed) {
      // The same caller again (their history reloaded): keep the screen, with the fresh record if still picked.
      setPicked((current) => {
        const fresh = current ? matches.find((m) => m.id === current.customer.id) : undefined;
        return current && fresh ? { ...current, customer: fresh } : current;
      });
      return;
    }
    setCreated(null);
    const wanted = matches.find((m) => m.id === wantedCustomer);
    const only = matches.length === 1 ? matches[0] : undefined;
    const chosen = wanted ?? only;
    setPicked(chosen ? { customer: chosen, unitId: wanted ? wantedUnit : undefined } : null);
  };

  return (
    <>
      <PageHeader title={t('orders.intake.title')} subtitle={t('orders.intake.subtitle')} />
      <Row gutter={[16, 16]} className="intake-grid">
        <Col xs={24} xl={11}>
          <CustomerLookup
            key={lookupKey}
            initialPhone={get('phone') || undefined}
            refreshKey={historyKey}
            onOpen={(id) => void navigate(`/master/customers?id=${encodeURIComponent(id)}`)}
            onAddUnit={(customer) => void navigate(`/master/customers?id=${encodeURIComponent(customer.id)}`)}
            onCreate={() => void navigate('/master/customers')}
            onMatches={onMatches}
            onNewOrder={(customer, unitId) => {
              setCreated(null);
              setPicked({ customer, unitId });
            }}
          />
        </Col>
        <Col xs={24} xl={13}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {picked && !created ? <OpenOrdersBanner orders={open} channel={channel} /> : null}
            {created ? (
              <CreatedResult
                order={created}
                onAnother={() => {
                  setCreated(null);
                  setPicked(null);
                  setLookupKey((value) => value + 1);
                }}
              />
            ) : picked ? (
              <IntakeForm
                key={`${picked.customer.id}:${picked.unitId ?? ''}`}
                customer={picked.customer}
                unitId={picked.unitId}
                onChannel={setChannel}
                onCreated={(order) => {
                  setCreated(order);
                  setHistoryKey((value) => value + 1);
                }}
              />
            ) : (
              <Card className="intake-form-card">
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orders.intake.pickCustomer')} />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </>
  );
}
