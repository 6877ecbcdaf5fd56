import type { AuditStep } from '../../../../test/audit-steps.ts';
import { adminRequest, versionAt } from '../../../../test/audit-steps.ts';

/**
 * Dealer (CB-7) and home-service (CB-8) rows of the SEC-3 audit table. They run after the catalog steps (whose
 * dealer is gold from October) and the work-order steps (whose customer and engineer serve as the placement).
 */
export const programmesAuditSteps: AuditStep[] = [
  {
    route: 'POST /api/callbacks/dealers/{dealerId}/callbacks',
    entity: 'dealer_callback',
    action: 'record',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', `/api/callbacks/dealers/${s.ids.dealer}/callbacks`, {
        answered: true,
        satisfied: true,
        note: '审计：经销商回访',
      });
      return { status: r.statusCode, entityId: r.json().id as string };
    },
  },
  {
    route: 'POST /api/callbacks/dealers/assignment',
    entity: 'dealer_tier_assignment',
    action: 'assign',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', '/api/callbacks/dealers/assignment', {
        month: '2026-11',
        agreedWith: '市场中心总监',
        gold: [{ dealerId: s.ids.dealer, reason: '审计：金牌经销商' }],
        blacklist: [],
      });
      return { status: r.statusCode, entityId: '2026-11' };
    },
  },
  {
    route: 'POST /api/callbacks/home/placements',
    entity: 'home_placement',
    action: 'create',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', '/api/callbacks/home/placements', {
        customerId: s.ids.woCustomer,
        workerId: s.ids.woEngineer,
        startDate: '2026-11-01',
      });
      s.ids.placement = r.json().id as string;
      return { status: r.statusCode, entityId: s.ids.placement! };
    },
  },
  {
    route: 'PATCH /api/callbacks/home/placements/{id}',
    entity: 'home_placement',
    action: 'update',
    run: async (h, s) => {
      const url = `/api/callbacks/home/placements/${s.ids.placement}`;
      const r = await adminRequest(h, s, 'PATCH', url, { version: await versionAt(h, s, url), note: '审计' });
      return { status: r.statusCode, entityId: s.ids.placement! };
    },
  },
  {
    route: 'POST /api/callbacks/home/placements/{id}/callbacks',
    entity: 'home_callback',
    action: 'record',
    run: async (h, s) => {
      const r = await adminRequest(
        h,
        s,
        'POST',
        `/api/callbacks/home/placements/${s.ids.placement}/callbacks`,
        {
          party: 'customer',
          sequence: 1,
          channel: 'phone',
          satisfied: true,
        },
      );
      return { status: r.statusCode, entityId: r.json().id as string };
    },
  },
  {
    route: 'POST /api/callbacks/home/archives',
    entity: 'home_service_archive',
    action: 'archive',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', '/api/callbacks/home/archives', {
        month: '2026-10',
        summary: '审计：十月回访总结',
      });
      return { status: r.statusCode, entityId: '2026-10' };
    },
  },
];
