import type { Harness } from '../../../../test/harness.ts';
import type { AuditState, AuditStep } from '../../../../test/audit-steps.ts';
import { adminRequest, versionAt } from '../../../../test/audit-steps.ts';
import { businessDate } from '../../../platform/time.ts';
import { appoint } from '../../work-orders/__tests__/orders-fixtures.ts';

const task = (s: AuditState) => `/api/callbacks/${s.ids.cbTask}`;

/** An order completed by admin at the audit world's outlet, and its planned callback task. */
async function setUp(h: Harness, s: AuditState): Promise<void> {
  const created = await adminRequest(h, s, 'POST', '/api/work-orders', {
    customerId: s.ids.woCustomer,
    addressId: s.ids.woAddress,
    categoryCode: 'air_conditioner',
    orderType: 'repair',
    channel: 'hotline',
    serviceMode: 'on_site',
    faultDescription: '审计：回访用工单',
  });
  if (created.statusCode !== 201)
    throw new Error(`callback audit order: ${created.statusCode} ${created.body}`);
  const id = created.json().id as string;
  const step = async (action: string, body: Record<string, unknown> = {}) => {
    const version = await versionAt(h, s, `/api/work-orders/${id}`);
    const r = await adminRequest(h, s, 'POST', `/api/work-orders/${id}/${action}`, { version, ...body });
    if (r.statusCode !== 200) throw new Error(`callback audit ${action}: ${r.statusCode} ${r.body}`);
  };
  await step('accept');
  await step('assign', { engineerId: s.ids.woEngineer });
  await appoint(h, id);
  await step('start-visit');
  await step('complete', { notes: '审计：更换电容' });
  await h.bus.deliverPending();
  const t = await adminRequest(h, s, 'GET', `/api/callbacks/by-order/${id}`);
  if (t.statusCode !== 200) throw new Error(`callback audit task: ${t.statusCode} ${t.body}`);
  s.ids.cbTask = t.json().id as string;
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);

/** The callback desk's rows of the SEC-3 audit table (they run after the work-order steps, whose world they use). */
export const callbackDeskAuditSteps: AuditStep[] = [
  {
    route: 'POST /api/callbacks/{id}/attempts',
    entity: 'callback_task',
    action: 'attempt_recorded',
    run: async (h, s) => {
      await setUp(h, s);
      const r = await adminRequest(h, s, 'POST', `${task(s)}/attempts`, {
        version: await versionAt(h, s, task(s)),
        outcome: 'reached',
        answers: {
          repairedOrInstalled: true,
          feeCharged: false,
          timely: true,
          worksNow: true,
          satisfaction: 5,
        },
      });
      return { status: r.statusCode, entityId: s.ids.cbTask! };
    },
  },
  {
    route: 'POST /api/callbacks/{id}/verdict',
    entity: 'callback_task',
    action: 'verdict_recorded',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', `${task(s)}/verdict`, {
        version: await versionAt(h, s, task(s)),
        verdict: 'unqualified',
        reasons: ['SERVICE_NOT_TIMELY'],
      });
      return { status: r.statusCode, entityId: s.ids.cbTask! };
    },
  },
  {
    route: 'POST /api/callbacks/{id}/appeal',
    entity: 'callback_task',
    action: 'appealed',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', `${task(s)}/appeal`, {
        version: await versionAt(h, s, task(s)),
        statement: '审计：网点申诉',
      });
      return { status: r.statusCode, entityId: s.ids.cbTask! };
    },
  },
  {
    route: 'POST /api/callbacks/{id}/appeal/files',
    entity: 'callback_task',
    action: 'appeal_file_added',
    run: async (h, s) => {
      const r = await h.request({
        method: 'POST',
        url: `${task(s)}/appeal/files?fileName=audit.png`,
        headers: { ...s.admin, 'content-type': 'image/png' },
        payload: PNG,
      });
      return { status: r.statusCode, entityId: s.ids.cbTask! };
    },
  },
  {
    route: 'POST /api/callbacks/{id}/reveal',
    entity: 'customer',
    action: 'reveal_personal_data',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', `${task(s)}/reveal`);
      return { status: r.statusCode, entityId: s.ids.woCustomer! };
    },
  },
  {
    route: 'POST /api/callbacks/audit',
    entity: 'callback_task',
    action: 'entry_audited',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', '/api/callbacks/audit', {
        documents: [{ kind: 'completion_entry', id: s.ids.cbTask }],
      });
      return { status: r.statusCode, entityId: s.ids.cbTask! };
    },
  },
  {
    route: 'POST /api/callbacks/finalise-due',
    entity: 'callback_sweep',
    action: 'finalise_due',
    run: async (h, s) => {
      const r = await adminRequest(h, s, 'POST', '/api/callbacks/finalise-due');
      return { status: r.statusCode, entityId: businessDate(h.clock.now(), h.deps.businessTimeZone) };
    },
  },
];
