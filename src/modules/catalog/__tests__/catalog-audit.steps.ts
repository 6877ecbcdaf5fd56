import type { AuditStep } from '../../../../test/audit-steps.ts';

/** The catalogue's rows of the SEC-3 audit table (run by src/platform/__tests__/audit-trail.http.test.ts). */
export const catalogAuditSteps: AuditStep[] = [
  {
    route: 'PATCH /api/regions/{code}',
    entity: 'region',
    action: 'update',
    run: async (h, s) => {
      const r = await h.request({
        method: 'PATCH',
        url: '/api/regions/440606',
        headers: s.admin,
        payload: { version: 1, marketTier: 1 },
      });
      return { status: r.statusCode, entityId: '440606' };
    },
  },
  {
    route: 'PUT /api/calendar/{day}',
    entity: 'calendar_day',
    action: 'create',
    run: async (h, s) => {
      const r = await h.request({
        method: 'PUT',
        url: '/api/calendar/2026-12-31',
        headers: s.admin,
        payload: { kind: 'holiday', name: '公司假日' },
      });
      return { status: r.statusCode, entityId: '2026-12-31' };
    },
  },
  {
    route: 'DELETE /api/calendar/{day}',
    entity: 'calendar_day',
    action: 'delete',
    run: async (h, s) => {
      const r = await h.request({ method: 'DELETE', url: '/api/calendar/2026-12-31', headers: s.admin });
      return { status: r.statusCode, entityId: '2026-12-31' };
    },
  },
  {
    route: 'POST /api/models',
    entity: 'product_model',
    action: 'create',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: '/api/models',
        headers: s.admin,
        payload: {
          code: 'AUDIT-1',
          name: '审计型号',
          categoryCode: 'dishwasher',
          warrantyMonths: 12,
          keyPartsWarrantyMonths: 12,
        },
      });
      s.ids.model = r.json().id as string;
      return { status: r.statusCode, entityId: s.ids.model! };
    },
  },
  {
    route: 'PATCH /api/models/{id}',
    entity: 'product_model',
    action: 'update',
    run: async (h, s) => {
      const r = await h.request({
        method: 'PATCH',
        url: `/api/models/${s.ids.model}`,
        headers: s.admin,
        payload: { version: 1, active: false },
      });
      return { status: r.statusCode, entityId: s.ids.model! };
    },
  },
  {
    route: 'POST /api/dealers',
    entity: 'dealer',
    action: 'create',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: '/api/dealers',
        headers: s.admin,
        payload: {
          code: 'AUDIT-D1',
          name: '审计经销商',
          regionCode: '440106',
          contactPhone: '13712345678',
          tier: 'B',
        },
      });
      s.ids.dealer = r.json().id as string;
      return { status: r.statusCode, entityId: s.ids.dealer! };
    },
  },
  {
    route: 'PATCH /api/dealers/{id}',
    entity: 'dealer',
    action: 'update',
    run: async (h, s) => {
      const r = await h.request({
        method: 'PATCH',
        url: `/api/dealers/${s.ids.dealer}`,
        headers: s.admin,
        payload: { version: 1, name: '审计经销商二' },
      });
      return { status: r.statusCode, entityId: s.ids.dealer! };
    },
  },
  {
    route: 'POST /api/dealers/{id}/reveal',
    entity: 'dealer',
    action: 'reveal_personal_data',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: `/api/dealers/${s.ids.dealer}/reveal`,
        headers: s.admin,
      });
      return { status: r.statusCode, entityId: s.ids.dealer! };
    },
  },
  {
    route: 'POST /api/dealers/{id}/tiers',
    entity: 'dealer',
    action: 'decide_tier',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: `/api/dealers/${s.ids.dealer}/tiers`,
        headers: s.admin,
        payload: { month: '2026-10', tier: 'A', reason: '审计' },
      });
      return { status: r.statusCode, entityId: s.ids.dealer! };
    },
  },
];
