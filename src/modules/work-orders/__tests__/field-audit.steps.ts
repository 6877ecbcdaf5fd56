import type { AuditStep } from '../../../../test/audit-steps.ts';
import { adminRequest } from '../../../../test/audit-steps.ts';
import type { Harness } from '../../../../test/harness.ts';
import { OUTLET_A } from '../../../../test/harness.ts';
import { newId } from '../../../platform/ids.ts';
import { addCalendarDays, businessDate } from '../../../platform/time.ts';
import { workOrdersRepository } from '../work-orders.repository.ts';

const version = async (h: Harness, id: string): Promise<number> =>
  (await workOrdersRepository.findById(h.deps.database.db, id))?.version ?? 0;

const day = (h: Harness, offset: number): string =>
  addCalendarDays(businessDate(h.clock.now(), h.deps.businessTimeZone), offset);

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('audit photo')]);

/** Field work rows of the SEC-3 audit table: every change goes through the order store's one audit row. */
export const fieldAuditSteps: AuditStep[] = [
  {
    route: 'POST /api/work-orders/{id}/appointments',
    entity: 'work_order',
    action: 'appointed',
    run: async (h, s) => {
      // The order is inserted as dispatch would leave it; the field routes need no intake route.
      const now = h.clock.now();
      const row = await workOrdersRepository.insert(h.deps.database.db, {
        id: newId('wor', now),
        number: `WO-AUDIT-${now.getTime()}`,
        customerId: newId('cus', now),
        addressId: newId('adr', now),
        regionCode: '440106',
        categoryCode: 'air_conditioner',
        orderType: 'repair',
        channel: 'hotline',
        serviceMode: 'on_site',
        faultDescription: '审计工单',
        status: 'assigned',
        outletId: OUTLET_A,
        engineerId: 'eng_audit0001',
        dispatchedAt: now,
        acceptedAt: now,
        assignedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      s.ids.fieldOrder = row.id;
      const r = await adminRequest(h, s, 'POST', `/api/work-orders/${row.id}/appointments`, {
        version: row.version,
        day: day(h, 1),
        windowStart: '10:00',
        windowEnd: '12:00',
        agreedBy: 'customer',
      });
      return { status: r.statusCode, entityId: row.id };
    },
  },
  {
    route: 'POST /api/work-orders/{id}/appointments/reschedule',
    entity: 'work_order',
    action: 'rescheduled',
    run: async (h, s) => {
      const id = s.ids.fieldOrder!;
      const r = await adminRequest(h, s, 'POST', `/api/work-orders/${id}/appointments/reschedule`, {
        version: await version(h, id),
        day: day(h, 2),
        windowStart: '14:00',
        windowEnd: '16:00',
        requestedBy: 'customer',
        reasonCode: 'customer_unavailable',
        customerAccepted: true,
      });
      return { status: r.statusCode, entityId: id };
    },
  },
  {
    route: 'POST /api/work-orders/{id}/results',
    entity: 'work_order',
    action: 'result_recorded',
    run: async (h, s) => {
      const id = s.ids.fieldOrder!;
      const r = await adminRequest(h, s, 'POST', `/api/work-orders/${id}/results`, {
        version: await version(h, id),
        code: 'CUSTOMER_NO_TIME',
        statedBy: { kind: 'customer' },
        noTimeThrough: day(h, 10),
      });
      return { status: r.statusCode, entityId: id };
    },
  },
  {
    route: 'POST /api/work-orders/{id}/parts',
    entity: 'work_order',
    action: 'part_requested',
    run: async (h, s) => {
      const id = s.ids.fieldOrder!;
      const r = await adminRequest(h, s, 'POST', `/api/work-orders/${id}/parts`, {
        partName: '审计配件',
        quantity: 1,
        shippedBy: 'division',
      });
      s.ids.fieldPart = r.json().part?.id as string;
      return { status: r.statusCode, entityId: id };
    },
  },
  {
    route: 'PATCH /api/work-orders/{id}/parts/{partId}',
    entity: 'work_order',
    action: 'part_updated',
    run: async (h, s) => {
      const id = s.ids.fieldOrder!;
      const r = await adminRequest(h, s, 'PATCH', `/api/work-orders/${id}/parts/${s.ids.fieldPart}`, {
        version: 1,
        shelfOffAt: h.clock.now().toISOString(),
      });
      return { status: r.statusCode, entityId: id };
    },
  },
  {
    route: 'POST /api/work-orders/{id}/parts/{partId}/cancel',
    entity: 'work_order',
    action: 'part_cancelled',
    run: async (h, s) => {
      const id = s.ids.fieldOrder!;
      const r = await adminRequest(h, s, 'POST', `/api/work-orders/${id}/parts/${s.ids.fieldPart}/cancel`, {
        version: 2,
        reason: '审计取消',
      });
      return { status: r.statusCode, entityId: id };
    },
  },
  {
    route: 'POST /api/work-orders/{id}/contacts',
    entity: 'work_order',
    action: 'contact_logged',
    run: async (h, s) => {
      const id = s.ids.fieldOrder!;
      const r = await adminRequest(h, s, 'POST', `/api/work-orders/${id}/contacts`, {
        channel: 'hotline',
        reason: 'other',
        customerUnhappy: false,
      });
      return { status: r.statusCode, entityId: id };
    },
  },
  {
    route: 'POST /api/work-orders/{id}/attachments',
    entity: 'work_order',
    action: 'attachment_added',
    run: async (h, s) => {
      const id = s.ids.fieldOrder!;
      const r = await h.request({
        method: 'POST',
        url: `/api/work-orders/${id}/attachments?kind=completion`,
        headers: { ...s.admin, 'content-type': 'image/jpeg' },
        payload: JPEG,
      });
      return { status: r.statusCode, entityId: id };
    },
  },
];
