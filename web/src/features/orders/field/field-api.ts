import { ApiError, NETWORK_ERROR, api, buildUrl } from '../../../api/client';
import type { CustomerDetail } from '../../../api/master-data';
import type { Page } from '../../../api/types';
import type {
  AppointmentRecord,
  AttachmentKind,
  OrderAttachment,
  OrderDetail,
  PartRequest,
  ResultRecord,
  TimelineEntry,
} from '../../../api/work-orders';
import { useApi } from '../../../lib/use-api';

/** What the field forms need to know about the order they change. */
export interface FieldOrder {
  id: string;
  number: string;
  version: number;
  status: string;
  customerId: string | null;
}

export const fieldOrderOf = (order: OrderDetail): FieldOrder => ({
  id: order.id,
  number: order.number,
  version: order.version,
  status: order.status,
  customerId: order.customer?.id ?? null,
});

export const orderPath = (orderId: string, tail = '') =>
  `/api/work-orders/${encodeURIComponent(orderId)}${tail ? `/${tail}` : ''}`;

export const attachmentUrl = (orderId: string, attachmentId: string) =>
  orderPath(orderId, `attachments/${encodeURIComponent(attachmentId)}`);

/** An order's lists are bounded per order; one page of the maximum size holds them all. */
const ALL = { pageSize: 200 };

export type FieldList = 'appointments' | 'results' | 'parts' | 'attachments';

/**
 * One of the order's field lists, reloaded whenever `refresh` changes (after each change on the page);
 * a null `refresh` loads nothing (a closed form).
 */
export function useFieldList<T>(orderId: string, list: FieldList, refresh: string | number | null) {
  return useApi(refresh === null ? null : `${list}:${orderId}:${refresh}`, (signal) =>
    api.get<Page<T>>(orderPath(orderId, list), ALL, { signal }),
  );
}

export const useAppointments = (orderId: string, refresh: string | number | null) =>
  useFieldList<AppointmentRecord>(orderId, 'appointments', refresh);
export const useResults = (orderId: string, refresh: string | number | null) =>
  useFieldList<ResultRecord>(orderId, 'results', refresh);
export const useParts = (orderId: string, refresh: string | number | null) =>
  useFieldList<PartRequest>(orderId, 'parts', refresh);
export const useAttachments = (orderId: string, refresh: string | number | null) =>
  useFieldList<OrderAttachment>(orderId, 'attachments', refresh);

/**
 * Display names of the people who acted on the order, read from its timeline: the field records carry
 * user ids only, and dispatchers may not read the user directory.
 */
export function useActorNames(orderId: string, refresh: string | number): Map<string, string> {
  const { data } = useApi(`actors:${orderId}:${refresh}`, (signal) =>
    api.get<{ items: TimelineEntry[] }>(orderPath(orderId, 'timeline'), undefined, { signal }),
  );
  const names = new Map<string, string>();
  for (const entry of data?.items ?? []) {
    if (entry.actor) names.set(entry.actor.id, entry.actor.displayName);
  }
  return names;
}

/** The customer's numbers, masked, with their ids: results name the number used by id (MD-5). */
export function useCustomerPhones(customerId: string | null) {
  const { data, error, loading } = useApi(customerId ? `customer-phones:${customerId}` : null, (signal) =>
    api.get<CustomerDetail>(`/api/customers/${encodeURIComponent(customerId ?? '')}`, undefined, {
      signal,
    }),
  );
  return { phones: data?.phones ?? [], error, loading };
}

/** A masked mainland number starting with 1 is a mobile; a leading 0 is a landline's area code. */
export const phoneKindOf = (masked: string): 'mobile' | 'landline' =>
  masked.startsWith('0') ? 'landline' : 'mobile';

/** Photos are checked by the server too; these mirror its limits so a wrong file fails before upload. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const MAX_PHOTO_MB = 8;

export function photoProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_PHOTO_MB * 1024 * 1024) return 'size';
  return null;
}

function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === 'as_csrf') return decodeURIComponent(rest.join('='));
  }
  return null;
}

/**
 * Sends a photo as the raw request body with its own image type (the route takes no multipart), with the
 * session cookie and the double-submit CSRF header as every other change does.
 */
export async function uploadPhoto(
  orderId: string,
  file: File,
  kind: AttachmentKind,
): Promise<{ attachment: OrderAttachment }> {
  const csrf = csrfToken();
  let response: Response;
  try {
    response = await fetch(buildUrl(orderPath(orderId, 'attachments'), { kind, fileName: file.name }), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        'content-type': file.type,
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: file,
    });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR, title: '', detail: '', errors: [] });
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // A proxy's HTML page: the status alone says what happened.
  }
  if (!response.ok) {
    throw new ApiError({
      status: response.status,
      code: typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
      title: typeof body.title === 'string' ? body.title : response.statusText,
      detail: typeof body.detail === 'string' ? body.detail : '',
      errors: [],
      extras: body,
    });
  }
  return body as unknown as { attachment: OrderAttachment };
}
