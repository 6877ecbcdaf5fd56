import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { PageHeader } from '../../../components/page-header';
import { useUrlParams } from '../../../lib/use-url-params';
import { CustomerCreateModal } from './customer-create-modal';
import { CustomerDrawer } from './customer-drawer';
import { CustomerEditModal } from './customer-edit-modal';
import { CustomerList } from './customer-list';
import { CustomerLookup } from './customer-lookup';
import { MergeModal } from './merge-modal';
import { UnitFormModal } from './unit-form-modal';

/** The caller look-up first, then the archive below it (UI.md "Agent intake": seconds count). */
export function CustomersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { get, update } = useUrlParams();
  const openId = get('id') || null;
  // undefined: closed; a string (possibly empty): open, prefilled with that phone.
  const [creatingWith, setCreatingWith] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState<CustomerDetail | null>(null);
  const [addingUnitTo, setAddingUnitTo] = useState<CustomerDetail | null>(null);
  const [merging, setMerging] = useState<CustomerDetail | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = () => setRefreshKey((value) => value + 1);
  const open = (id: string) => update({ id });
  const navigate = useNavigate();
  const [lookupPhone, setLookupPhone] = useState('');

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        subtitle={t('customers.subtitle')}
        extra={
          can('customer.write') ? (
            <Space>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreatingWith('')}>
                {t('customers.create')}
              </Button>
            </Space>
          ) : null
        }
      />
      <CustomerLookup
        refreshKey={refreshKey}
        onOpen={open}
        onAddUnit={setAddingUnitTo}
        onCreate={(phone) => setCreatingWith(phone)}
        onMatches={(_, phone) => setLookupPhone(phone)}
        onNewOrder={(customer, unitId) => {
          const query = new URLSearchParams({ phone: lookupPhone, customerId: customer.id });
          if (unitId) query.set('unitId', unitId);
          void navigate(`/orders/new?${query.toString()}`);
        }}
      />
      <CustomerList refreshKey={refreshKey} />
      <CustomerDrawer
        customerId={openId}
        refreshKey={refreshKey}
        onClose={() => update({ id: null })}
        onOpen={open}
        onEdit={setEditing}
        onAddUnit={setAddingUnitTo}
        onMerge={setMerging}
        onChanged={refresh}
      />
      <CustomerCreateModal
        open={creatingWith !== undefined}
        phone={creatingWith}
        onClose={() => setCreatingWith(undefined)}
        onCreated={(customer) => {
          setCreatingWith(undefined);
          refresh();
          open(customer.id);
        }}
        onOpenExisting={(id) => {
          setCreatingWith(undefined);
          open(id);
        }}
      />
      <CustomerEditModal
        customer={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
      <UnitFormModal
        customer={addingUnitTo}
        onClose={() => setAddingUnitTo(null)}
        onSaved={() => {
          setAddingUnitTo(null);
          refresh();
        }}
      />
      <MergeModal
        target={merging}
        onClose={() => setMerging(null)}
        onMerged={() => {
          setMerging(null);
          refresh();
        }}
      />
    </>
  );
}
