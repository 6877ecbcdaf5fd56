import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Empty, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CalendarOutlined, SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppointmentRecord } from '../../../api/work-orders';
import { codeText } from '../../../components/code-label';
import { LoadError } from '../../../components/load-error';
import { formatDateTime } from '../../../lib/format';
import { AppointmentModal } from './appointment-form';
import type { AppointmentMode } from './appointment-form';
import type { FieldOrder } from './field-api';
import { allows, fieldRules, isClosed } from './field-rules';

/** WO-4: every window agreed or moved on the order, newest first, with who asked, why and whether accepted. */
export function AppointmentsPanel({
  order,
  appointments,
  loading,
  error,
  canAct,
  names,
  onChanged,
  onStale,
}: {
  order: FieldOrder;
  appointments: AppointmentRecord[] | undefined;
  loading: boolean;
  error: unknown;
  canAct: boolean;
  names: Map<string, string>;
  onChanged: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<AppointmentMode | null>(null);
  if (error && !appointments) return <LoadError error={error} />;
  const rows = [...(appointments ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const current = rows.find((a) => a.current) ?? null;
  const status = codeText('orders.statuses', order.status);
  const button = (which: AppointmentMode, allowed: boolean, icon: ReactNode, primary: boolean) => (
    <Tooltip title={allowed ? undefined : t('orderField.common.notInStatus', { status })}>
      <Button
        type={primary ? 'primary' : 'default'}
        icon={icon}
        disabled={!allowed}
        onClick={() => setMode(which)}
      >
        {t(which === 'appoint' ? 'orderField.appointments.make' : 'orderField.appointments.reschedule')}
      </Button>
    </Tooltip>
  );
  const mayAppoint = allows(fieldRules.appoint, order.status);
  const mayReschedule = allows(fieldRules.reschedule, order.status);
  return (
    <div className="field-panel appointments-panel">
      <Flex justify="space-between" align="center" gap={8} wrap className="field-toolbar">
        <Typography.Text type="secondary">
          {current
            ? t('orderField.appointments.currentWindow', {
                window: `${current.day} ${current.windowStart}–${current.windowEnd}`,
              })
            : t('orderField.appointments.noCurrent')}
        </Typography.Text>
        {canAct && !isClosed(order.status) ? (
          <Space wrap>
            {button('appoint', mayAppoint, <CalendarOutlined />, mayAppoint)}
            {button('reschedule', mayReschedule, <SwapOutlined />, mayReschedule)}
          </Space>
        ) : null}
      </Flex>
      <Table<AppointmentRecord>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orderField.appointments.empty')} />
          ),
        }}
        columns={[
          {
            title: t('orderField.appointments.window'),
            key: 'window',
            render: (_, a) => (
              <Space size={6}>
                <span className="tabular">
                  {a.day} {a.windowStart}–{a.windowEnd}
                </span>
                {a.current ? <Tag color="blue">{t('orderField.appointments.current')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('orderField.appointments.kind'),
            dataIndex: 'kind',
            render: (kind: AppointmentRecord['kind']) => t(`orderField.appointments.kinds.${kind}`),
          },
          {
            title: t('orderField.appointments.who'),
            key: 'who',
            render: (_, a) =>
              a.kind === 'reschedule' && a.requestedBy
                ? t('orderField.appointments.askedBy', {
                    who: t(`orderField.appointments.requesters.${a.requestedBy}`),
                  })
                : a.agreedBy === 'family_member'
                  ? t('orderField.person.familyWithRelation', { relation: a.relation ?? '' })
                  : a.agreedBy
                    ? t('orderField.person.customer')
                    : '—',
          },
          {
            title: t('orderField.appointments.reasonCode'),
            key: 'reason',
            render: (_, a) =>
              a.reasonCode ? (
                <div className="stacked field-text-cell">
                  <span>{t(`orderField.appointments.reasons.${a.reasonCode}`)}</span>
                  {a.reason ? <Typography.Text type="secondary">{a.reason}</Typography.Text> : null}
                </div>
              ) : (
                '—'
              ),
          },
          {
            title: t('orderField.appointments.acceptedColumn'),
            key: 'accepted',
            render: (_, a) => (
              <Space size={4}>
                {a.customerAccepted ? t('common.yes') : t('common.no')}
                {a.broken ? <Tag color="red">{t('orderField.appointments.broken')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('orderField.common.by'),
            dataIndex: 'createdBy',
            render: (id: string | null) => (id ? (names.get(id) ?? '—') : t('common.system')),
          },
          {
            title: t('orderField.common.at'),
            dataIndex: 'createdAt',
            render: (at: string) => <span className="tabular">{formatDateTime(at)}</span>,
          },
        ]}
      />
      <AppointmentModal
        order={order}
        mode={mode}
        current={current}
        onClose={() => setMode(null)}
        onDone={() => {
          setMode(null);
          onChanged();
        }}
        onStale={onStale}
      />
    </div>
  );
}
