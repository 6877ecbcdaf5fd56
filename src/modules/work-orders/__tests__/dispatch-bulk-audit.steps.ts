import type { AuditState, AuditStep } from '../../../../test/audit-steps.ts';
import { adminRequest } from '../../../../test/audit-steps.ts';
import type { Harness } from '../../../../test/harness.ts';
import { OUTLET_A } from '../../../../test/harness.ts';
import { newId } from '../../../platform/ids.ts';
import { workOrdersRepository } from '../work-orders.repository.ts';

/**
 * The board's bulk routes change each order through the single-order use case, so one order in the batch
 * writes exactly the audit row a single accept or assign writes.
 */
async function bulk(h: Harness, s: AuditState, action: 'accept' | 'assign', extra: Record<string, unknown>) {
  const row = await workOrdersRepository.findById(h.deps.database.db, s.ids.bulkOrder!);
  const r = await adminRequest(h, s, 'POST', `/api/dispatch/bulk-${action}`, {
    items: [{ orderId: s.ids.bulkOrder, version: row?.version ?? 0 }],
    ...extra,
  });
  const result = r.json() as { results?: { ok: boolean }[] };
  // A refused item answers 200 too; the audit table must see it as a failed step.
  const ok = r.statusCode === 200 && result.results?.[0]?.ok === true;
  return { status: ok ? r.statusCode : 500, entityId: s.ids.bulkOrder! };
}

/** Dispatcher board rows of the SEC-3 audit table. */
export const dispatchBulkAuditSteps: AuditStep[] = [
  {
    route: 'POST /api/dispatch/bulk-accept',
    entity: 'work_order',
    action: 'accepted',
    run: async (h, s) => {
      // Sent to OUTLET_A as intake would leave it; the orders steps gave that outlet a qualified engineer.
      const now = h.clock.now();
      const row = await workOrdersRepository.insert(h.deps.database.db, {
        id: newId('wor', now),
        number: `WO-AUDIT-BULK-${now.getTime()}`,
        customerId: newId('cus', now),
        addressId: newId('adr', now),
        regionCode: '440106',
        categoryCode: 'air_conditioner',
        orderType: 'repair',
        channel: 'hotline',
        serviceMode: 'on_site',
        faultDescription: '审计：批量接单',
        status: 'dispatched',
        outletId: OUTLET_A,
        dispatchedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      s.ids.bulkOrder = row.id;
      return bulk(h, s, 'accept', {});
    },
  },
  {
    route: 'POST /api/dispatch/bulk-assign',
    entity: 'work_order',
    action: 'assigned',
    run: (h, s) => bulk(h, s, 'assign', { engineerId: s.ids.woEngineer }),
  },
];
