import { useState } from 'react';
import { Button, Empty, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RESCHEDULE_REASON_CODES } from '../../../api/work-orders';
import type { RescheduleReasonCode, ResultRecord } from '../../../api/work-orders';
import { CodeLabel, codeText } from '../../../components/code-label';
import { LoadError } from '../../../components/load-error';
import { formatDateTime, formatFen } from '../../../lib/format';
import type { FieldOrder } from './field-api';
import { isClosed, mayRecordResult } from './field-rules';
import { ResultModal } from './result-form';
import type { ResultField } from './result-fields';
import { RESULT_FIELDS } from './result-fields';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);

function personText(t: TFunction, value: unknown): string {
  if (!isObject(value)) return '—';
  return value.kind === 'family_member'
    ? t('orderField.person.familyWithRelation', { relation: text(value.relation) })
    : t('orderField.person.customer');
}

const phoneKind = (t: TFunction, kind: unknown) =>
  kind === 'landline' ? t('orderField.phone.landline') : t('orderField.phone.mobile');

/** One stored value of a result as words (the field lists are the form's, so every code reads alike). */
function valueText(t: TFunction, field: ResultField, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  switch (field) {
    case 'window':
    case 'nextVisit':
      return isObject(value) ? `${text(value.date)} ${text(value.start)}–${text(value.end)}` : null;
    case 'agreedWith':
    case 'informed':
    case 'notAcceptedBy':
    case 'statedBy':
      return personText(t, value);
    case 'contactPhone':
      return isObject(value) ? phoneKind(t, value.kind) : null;
    case 'phones':
      return (
        list(value)
          .map((p) =>
            t('orderField.results.phoneWithOutcome', {
              phone: phoneKind(t, p.kind),
              outcome:
                p.outcome === 'wrong_number'
                  ? t('orderField.results.phoneOutcomes.wrong_number')
                  : t('orderField.results.phoneOutcomes.no_answer'),
            }),
          )
          .join(t('orderField.common.clauseSeparator')) || null
      );
    case 'address':
      return isObject(value) &&
        (value.outcome === 'no_such_house_number' || value.outcome === 'no_such_person')
        ? t(`orderField.results.addressOutcomes.${value.outcome}`)
        : null;
    case 'parts':
      return list(value)
        .map((p) =>
          t('orderField.results.partWithShipper', {
            name: text(p.name),
            shipper:
              p.shippedBy === 'trading_company'
                ? t('orderField.parts.shippers.trading_company')
                : t('orderField.parts.shippers.division'),
          }),
        )
        .join(t('orderField.common.listSeparator'));
    case 'measurements':
      return list(value)
        .map((m) => `${text(m.name)} ${String(m.value)}${text(m.unit)}`)
        .join(t('orderField.common.clauseSeparator'));
    case 'requestedBy':
      return value === 'customer' || value === 'outlet' || value === 'call_center'
        ? t(`orderField.appointments.requesters.${value}`)
        : String(value);
    case 'reasonCode':
      return isReason(value) ? t(`orderField.appointments.reasons.${value}`) : String(value);
    case 'negotiation':
      return value === 'negotiating' || value === 'agreed' || value === 'deadlocked'
        ? t(`orderField.results.negotiation.${value}`)
        : String(value);
    case 'kind':
      return value === 'return' || value === 'exchange'
        ? t(`orderField.results.kinds.${value}`)
        : String(value);
    case 'feeQuotedFen':
      return typeof value === 'number' ? formatFen(value) : null;
    default:
      if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
      return String(value);
  }
}

const isReason = (value: unknown): value is RescheduleReasonCode =>
  (RESCHEDULE_REASON_CODES as readonly unknown[]).includes(value);

function ResultDetails({ result }: { result: ResultRecord }) {
  const { t } = useTranslation();
  const fields: readonly ResultField[] = RESULT_FIELDS[result.code] ?? [];
  const lines = fields.flatMap((field) => {
    const shown = valueText(t, field, result.data[field]);
    return shown ? [{ field, shown }] : [];
  });
  const sanbao = result.data.sanbao;
  return (
    <div className="stacked field-text-cell">
      {lines.map(({ field, shown }) => (
        <span key={field}>
          <Typography.Text type="secondary">
            {t('orderField.common.labelled', { label: t(`orderField.results.fields.${field}`) })}
          </Typography.Text>
          {shown}
        </span>
      ))}
      {sanbao === 'within_return_window' ||
      sanbao === 'within_exchange_window' ||
      sanbao === 'outside_sanbao' ? (
        <span>
          <Typography.Text type="secondary">
            {t('orderField.common.labelled', { label: t('orderField.results.sanbao') })}
          </Typography.Text>
          {t(`orderField.results.sanbaoPositions.${sanbao}`)}
        </span>
      ) : null}
      {result.data.brokenAppointment === true ? (
        <span>
          <Tag color="red">{t('orderField.appointments.broken')}</Tag>
        </span>
      ) : null}
      {typeof result.data.note === 'string' && result.data.note ? (
        <span>
          <Typography.Text type="secondary">
            {t('orderField.common.labelled', { label: t('orderField.results.fields.note') })}
          </Typography.Text>
          {result.data.note}
        </span>
      ) : null}
    </div>
  );
}

/** WO-5: every contact outcome on the order, newest first, with the fields its code records. */
export function ResultsPanel({
  order,
  results,
  loading,
  error,
  canAct,
  names,
  onChanged,
  onStale,
}: {
  order: FieldOrder;
  results: ResultRecord[] | undefined;
  loading: boolean;
  error: unknown;
  canAct: boolean;
  names: Map<string, string>;
  onChanged: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (error && !results) return <LoadError error={error} />;
  const rows = [...(results ?? [])].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  const allowed = mayRecordResult(order.status);
  return (
    <div className="field-panel results-panel">
      <Flex justify="space-between" align="center" gap={8} wrap className="field-toolbar">
        <Typography.Text type="secondary">{t('orderField.results.intro')}</Typography.Text>
        {canAct && !isClosed(order.status) ? (
          <Tooltip
            title={
              allowed
                ? undefined
                : t('orderField.common.notInStatus', { status: codeText('orders.statuses', order.status) })
            }
          >
            <Button type="primary" icon={<FormOutlined />} disabled={!allowed} onClick={() => setOpen(true)}>
              {t('orderField.results.record')}
            </Button>
          </Tooltip>
        ) : null}
      </Flex>
      <Table<ResultRecord>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('orderField.results.empty')} />
          ),
        }}
        columns={[
          {
            title: t('orderField.common.at'),
            dataIndex: 'recordedAt',
            render: (at: string) => <span className="tabular">{formatDateTime(at)}</span>,
          },
          {
            title: t('orderField.results.code'),
            dataIndex: 'code',
            render: (code: string) => (
              <Tag color={code === 'AWAITING_PARTS' ? 'orange' : code === 'UNREACHABLE' ? 'red' : 'blue'}>
                <CodeLabel group="orders.resultCodes" code={code} />
              </Tag>
            ),
          },
          {
            title: t('orderField.results.details'),
            key: 'details',
            render: (_, r) => <ResultDetails result={r} />,
          },
          {
            title: t('orderField.common.by'),
            dataIndex: 'recordedBy',
            render: (id: string | null) => (id ? (names.get(id) ?? '—') : t('common.system')),
          },
        ]}
      />
      <ResultModal
        order={order}
        open={open}
        onClose={() => setOpen(false)}
        onDone={() => {
          setOpen(false);
          onChanged();
        }}
        onStale={onStale}
      />
    </div>
  );
}
