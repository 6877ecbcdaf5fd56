import { App, Button, Descriptions, Drawer, Grid, Space } from 'antd';
import { EditOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../api/client';
import type { CustomerDetail } from '../../../api/master-data';
import { useAuth } from '../../../app/auth-context';
import { LoadError } from '../../../components/load-error';
import { TableSkeleton } from '../../../components/page-skeleton';
import { errorMessage } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { AddressAdder, PhoneAdder } from './contact-adders';
import { CustomerDetailView } from './customer-detail-view';
import { useCustomerReveal } from './use-customer-reveal';

interface Props {
  customerId: string | null;
  refreshKey: number;
  onClose: () => void;
  onOpen: (id: string) => void;
  onEdit: (customer: CustomerDetail) => void;
  onAddUnit: (customer: CustomerDetail) => void;
  onMerge: (customer: CustomerDetail) => void;
  onChanged: () => void;
}

export function CustomerDrawer(props: Props) {
  const { customerId, refreshKey, onClose } = props;
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { data, error, reload } = useApi(
    customerId ? `customer:${customerId}:${refreshKey}` : null,
    (signal) =>
      api.get<CustomerDetail>(`/api/customers/${encodeURIComponent(customerId ?? '')}`, undefined, {
        signal,
      }),
  );
  const customer = data && data.id === customerId ? data : undefined;

  return (
    <Drawer
      open={customerId !== null}
      onClose={onClose}
      title={customer ? `${customer.code} · ${t('nav.customers')}` : t('nav.customers')}
      size={screens.lg ? 900 : '100%'}
      destroyOnHidden
    >
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !customer ? (
        <TableSkeleton rows={10} />
      ) : (
        // Keyed by id so a revealed name never carries over to the next record opened.
        <CustomerRecord key={customer.id} customer={customer} reload={reload} {...props} />
      )}
    </Drawer>
  );
}

function CustomerRecord({
  customer,
  reload,
  onOpen,
  onEdit,
  onAddUnit,
  onMerge,
  onChanged,
}: Props & { customer: CustomerDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const reveal = useCustomerReveal(customer.id);
  const writable = can('customer.write') && !customer.mergedIntoId;
  const changed = () => {
    reload();
    onChanged();
  };

  const removeContact = async (kind: 'phones' | 'addresses', id: string) => {
    try {
      await api.delete<void>(
        `/api/customers/${encodeURIComponent(customer.id)}/${kind}/${encodeURIComponent(id)}`,
      );
      void message.success(t('customers.removed'));
      changed();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        void message.warning(t('common.versionConflict'));
        reload();
      } else {
        void message.error(errorMessage(error, t));
      }
    }
  };

  return (
    <>
      <CustomerDetailView
        customer={customer}
        reveal={reveal}
        onOpenMerged={onOpen}
        onRemovePhone={writable ? (id) => void removeContact('phones', id) : undefined}
        onRemoveAddress={writable ? (id) => void removeContact('addresses', id) : undefined}
        phoneAdder={
          writable ? <PhoneAdder customer={customer} onAdded={changed} onOpenExisting={onOpen} /> : null
        }
        addressAdder={writable ? <AddressAdder customer={customer} onAdded={changed} /> : null}
        actions={
          <Space wrap>
            {writable ? (
              <Button icon={<PlusOutlined />} onClick={() => onAddUnit(customer)}>
                {t('customers.addUnit')}
              </Button>
            ) : null}
            {writable ? (
              <Button icon={<EditOutlined />} onClick={() => onEdit(customer)}>
                {t('common.edit')}
              </Button>
            ) : null}
            {can('customer.merge') && !customer.mergedIntoId ? (
              <Button icon={<MergeCellsOutlined />} danger onClick={() => onMerge(customer)}>
                {t('customers.merge')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 16 }}
        items={[
          ...(customer.note ? [{ key: 'note', label: t('customers.note'), children: customer.note }] : []),
          {
            key: 'createdAt',
            label: t('customers.createdAt'),
            children: <span className="tabular">{formatDateTime(customer.createdAt)}</span>,
          },
        ]}
      />
    </>
  );
}
