import { useState } from 'react';
import { Button, Empty, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PartRequest, PartTimeField } from '../../../api/work-orders';
import { LoadError } from '../../../components/load-error';
import { formatDateTime } from '../../../lib/format';
import type { FieldOrder } from './field-api';
import { PartCancelModal, PartProgressModal, PartRequestModal, partSteps } from './part-forms';

const STATUS_COLORS: Record<PartRequest['status'], string> = {
  requested: 'blue',
  in_transit: 'processing',
  at_outlet: 'cyan',
  fitted: 'green',
  cancelled: 'default',
};

/** One time of the part's path; steps a stock part never passes say so rather than "not yet". */
function StepTime({ part, field }: { part: PartRequest; field: PartTimeField | 'appliedAt' }) {
  const { t } = useTranslation();
  if (field !== 'appliedAt' && !partSteps(part).includes(field)) {
    return (
      <Typography.Text type="secondary" className="small">
        {t('orderField.parts.notApplicable')}
      </Typography.Text>
    );
  }
  return <span className="tabular">{formatDateTime(part[field])}</span>;
}

/** Every part request with each time of its path (WO-7.6, WO-11) and what may be done with it now. */
export function PartsTable({
  order,
  parts,
  loading,
  error,
  canRequest,
  canEdit,
  requestDisabledReason,
  onChanged,
}: {
  order: FieldOrder;
  parts: PartRequest[] | undefined;
  loading: boolean;
  error: unknown;
  canRequest: boolean;
  canEdit: boolean;
  requestDisabledReason?: string;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [requesting, setRequesting] = useState(false);
  const [progress, setProgress] = useState<PartRequest | null>(null);
  const [cancelling, setCancelling] = useState<PartRequest | null>(null);
  const done = (close: () => void) => () => {
    close();
    onChanged();
  };
  if (error && !parts) return <LoadError error={error} />;
  const open = (p: PartRequest) => p.status !== 'cancelled';
  return (
    <div className="field-panel parts-panel">
      <Flex justify="space-between" align="center" gap={8} wrap className="field-toolbar">
        <Typography.Text type="secondary">{t('orderField.parts.intro')}</Typography.Text>
        {canRequest || requestDisabledReason ? (
          <Tooltip title={canRequest ? undefined : requestDisabledReason}>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!canRequest}
              onClick={() => setRequesting(true)}
            >
              {t('orderField.parts.request')}
            </Button>
          </Tooltip>
        ) : null}
      </Flex>
      <Table<PartRequest>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={parts ?? []}
        scroll={{ x: 'max-content' }}
        rowClassName={(p) => (p.status === 'cancelled' ? 'part-row-cancelled' : '')}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orderField.parts.empty')} />,
        }}
        columns={[
          {
            title: t('orderField.parts.partName'),
            key: 'part',
            fixed: 'left',
            render: (_, p) => (
              <div className="stacked">
                <span>
                  {p.partName} <Typography.Text type="secondary">×{p.quantity}</Typography.Text>
                </span>
                {p.partCode ? (
                  <Typography.Text type="secondary" className="mono small">
                    {p.partCode}
                  </Typography.Text>
                ) : null}
              </div>
            ),
          },
          {
            title: t('orderField.parts.status'),
            dataIndex: 'status',
            render: (status: PartRequest['status']) => (
              <Tag color={STATUS_COLORS[status]}>{t(`orderField.parts.statuses.${status}`)}</Tag>
            ),
          },
          {
            title: t('orderField.parts.shippedBy'),
            dataIndex: 'shippedBy',
            render: (code: PartRequest['shippedBy']) => t(`orderField.parts.shippers.${code}`),
          },
          {
            title: t('orderField.parts.steps.appliedAt'),
            key: 'appliedAt',
            render: (_, p) => <StepTime part={p} field="appliedAt" />,
          },
          {
            title: t('orderField.parts.steps.shelfOffAt'),
            key: 'shelfOffAt',
            render: (_, p) => <StepTime part={p} field="shelfOffAt" />,
          },
          {
            title: t('orderField.parts.steps.stationArrivalAt'),
            key: 'stationArrivalAt',
            render: (_, p) => <StepTime part={p} field="stationArrivalAt" />,
          },
          {
            title: t('orderField.parts.steps.arrivedAtOutletAt'),
            key: 'arrivedAtOutletAt',
            render: (_, p) => <StepTime part={p} field="arrivedAtOutletAt" />,
          },
          {
            title: t('orderField.parts.steps.fittedAt'),
            key: 'fittedAt',
            render: (_, p) => <StepTime part={p} field="fittedAt" />,
          },
          {
            title: t('orderField.parts.promisedArrivalDate'),
            dataIndex: 'promisedArrivalDate',
            render: (day: string | null) => <span className="tabular">{day ?? '—'}</span>,
          },
          ...(canEdit
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, p: PartRequest) =>
                    open(p) ? (
                      <Space size={4}>
                        <Button size="small" onClick={() => setProgress(p)}>
                          {t('orderField.parts.progress')}
                        </Button>
                        {!p.fittedAt ? (
                          <Button size="small" danger type="text" onClick={() => setCancelling(p)}>
                            {t('orderField.parts.cancel')}
                          </Button>
                        ) : null}
                      </Space>
                    ) : (
                      <Typography.Text type="secondary" className="small">
                        {t('orderField.parts.cancelledAt', { at: formatDateTime(p.cancelledAt) })}
                      </Typography.Text>
                    ),
                },
              ]
            : []),
        ]}
      />
      <PartRequestModal
        order={order}
        open={requesting}
        onClose={() => setRequesting(false)}
        onDone={done(() => setRequesting(false))}
      />
      <PartProgressModal
        order={order}
        part={progress}
        onClose={() => setProgress(null)}
        onDone={done(() => setProgress(null))}
      />
      <PartCancelModal
        order={order}
        part={cancelling}
        onClose={() => setCancelling(null)}
        onDone={done(() => setCancelling(null))}
      />
    </div>
  );
}
