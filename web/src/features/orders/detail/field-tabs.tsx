import type { ReactNode } from 'react';
import { Badge } from 'antd';
import type { TabsProps } from 'antd';
import type { TFunction } from 'i18next';
import type { OrderDetail } from '../../../api/work-orders';
import { AppointmentsPanel } from '../field/appointments-panel';
import {
  fieldOrderOf,
  useActorNames,
  useAppointments,
  useAttachments,
  useParts,
  useResults,
} from '../field/field-api';
import { allows, fieldRules, isClosed } from '../field/field-rules';
import { PartsTable } from '../field/parts-table';
import { PhotosPanel } from '../field/photos-panel';
import { ResultsPanel } from '../field/results-panel';
import { codeText } from '../../../components/code-label';

/** The order's field lists, loaded with the page so the tabs can show their counts. */
export function useFieldData(orderId: string, refresh: number) {
  return {
    appointments: useAppointments(orderId, refresh),
    results: useResults(orderId, refresh),
    parts: useParts(orderId, refresh),
    photos: useAttachments(orderId, refresh),
    names: useActorNames(orderId, refresh),
  };
}

function counted(label: string, count: number | undefined): ReactNode {
  return (
    <span className="tab-with-count">
      {label}
      {count ? <Badge count={count} size="small" color="#8c9aae" /> : null}
    </span>
  );
}

/** Appointments, intermediate results, parts and photos (WO-4, WO-5, WO-7.6/WO-11, WO-12). */
export function fieldTabItems({
  t,
  order,
  data,
  canField,
  onChanged,
  onReload,
}: {
  t: TFunction;
  order: OrderDetail;
  data: ReturnType<typeof useFieldData>;
  canField: boolean;
  /** After a change: say so and reload the order (status, version, SLA, timeline). */
  onChanged: () => void;
  /** Reload without a word: a stale version (409) or a photo that announced itself. */
  onReload: () => void;
}): NonNullable<TabsProps['items']> {
  const field = fieldOrderOf(order);
  const open = !isClosed(order.status);
  const mayRequest = allows(fieldRules.requestPart, order.status);
  return [
    {
      key: 'appointments',
      label: counted(t('orders.detail.appointments'), data.appointments.data?.total),
      children: (
        <AppointmentsPanel
          order={field}
          appointments={data.appointments.data?.items}
          loading={data.appointments.loading}
          error={data.appointments.error}
          canAct={canField}
          names={data.names}
          onChanged={onChanged}
          onStale={onReload}
        />
      ),
    },
    {
      key: 'results',
      label: counted(t('orderField.tabs.results'), data.results.data?.total),
      children: (
        <ResultsPanel
          order={field}
          results={data.results.data?.items}
          loading={data.results.loading}
          error={data.results.error}
          canAct={canField}
          names={data.names}
          onChanged={onChanged}
          onStale={onReload}
        />
      ),
    },
    {
      key: 'parts',
      label: counted(t('orders.detail.parts'), data.parts.data?.total),
      children: (
        <PartsTable
          order={field}
          parts={data.parts.data?.items}
          loading={data.parts.loading}
          error={data.parts.error}
          canRequest={canField && mayRequest}
          canEdit={canField && open}
          requestDisabledReason={
            canField && open && !mayRequest
              ? t('orderField.common.notInStatus', { status: codeText('orders.statuses', order.status) })
              : undefined
          }
          onChanged={onChanged}
        />
      ),
    },
    {
      key: 'photos',
      label: counted(t('orderField.tabs.photos'), data.photos.data?.total),
      children: (
        <PhotosPanel
          orderId={order.id}
          photos={data.photos.data?.items}
          loading={data.photos.loading}
          error={data.photos.error}
          canUpload={canField && open}
          onUploaded={onReload}
        />
      ),
    },
  ];
}
