import { Button, Empty, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../api/master-data';
import { CodeLabel } from '../../../components/code-label';
import { formatDateTime } from '../../../lib/format';
import { CategoryLabel } from '../shared/category-label';
import { WarrantyBadge } from './warranty-badge';

/** MD-4: every unit a customer owns, with purchase and registration dates and the warranty picture. */
export function UnitTable({ units, onNewOrder }: { units: Unit[]; onNewOrder?: (unitId: string) => void }) {
  const { t } = useTranslation();
  const orderColumn: TableColumnsType<Unit> = onNewOrder
    ? [
        {
          key: 'newOrder',
          width: 56,
          fixed: 'right',
          render: (_, unit) => (
            <Tooltip title={t('orders.intake.newOrderForUnit')}>
              <Button
                size="small"
                icon={<FileAddOutlined />}
                aria-label={t('orders.intake.newOrderForUnit')}
                onClick={() => onNewOrder(unit.id)}
              />
            </Tooltip>
          ),
        },
      ]
    : [];
  return (
    <Table<Unit>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={units}
      className="unit-table"
      scroll={onNewOrder ? { x: 'max-content' } : undefined}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.unitsEmpty')} />,
      }}
      columns={[
        {
          title: t('customers.model'),
          key: 'model',
          render: (_, unit) => (
            <span className="stacked">
              <span>
                {unit.modelName ?? unit.modelId}{' '}
                {unit.categoryCode ? (
                  <Typography.Text type="secondary" className="small">
                    <CategoryLabel code={unit.categoryCode} />
                  </Typography.Text>
                ) : null}
              </span>
              {unit.modelCode ? (
                <Typography.Text type="secondary" className="mono small">
                  {unit.modelCode}
                </Typography.Text>
              ) : null}
            </span>
          ),
        },
        {
          title: t('customers.serial'),
          dataIndex: 'serialNumber',
          key: 'serial',
          responsive: ['sm'],
          render: (serial: string) => <span className="mono">{serial}</span>,
        },
        {
          title: t('customers.purchaseDate'),
          dataIndex: 'purchaseDate',
          key: 'purchaseDate',
          width: 110,
          responsive: ['md'],
          render: (day: string) => <span className="tabular">{day}</span>,
        },
        {
          title: t('customers.registeredAt'),
          dataIndex: 'registeredAt',
          key: 'registeredAt',
          width: 140,
          responsive: ['lg'],
          render: (at: string) => <span className="tabular">{formatDateTime(at)}</span>,
        },
        {
          title: t('customers.channel'),
          key: 'channel',
          width: 100,
          responsive: ['lg'],
          render: (_, unit) => <CodeLabel group="enums.salesChannels" code={unit.salesChannel} />,
        },
        {
          title: t('customers.dealer'),
          key: 'dealer',
          ellipsis: true,
          responsive: ['xl'],
          render: (_, unit) => unit.dealerName ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
        {
          title: t('customers.warranty'),
          key: 'warranty',
          width: 150,
          render: (_, unit) => <WarrantyBadge warranty={unit.warranty} />,
        },
        ...orderColumn,
      ]}
    />
  );
}
