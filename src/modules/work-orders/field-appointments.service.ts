import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import type {
  AppointmentContext,
  AppointmentWindow,
  RescheduleReasonCode,
  RescheduleRequester,
} from './domain/appointments.ts';
import { validateAppointmentWindow, validateReschedule, windowInstants } from './domain/appointments.ts';
import type { FieldIssue } from './domain/field-checks.ts';
import type { ContactPerson } from './domain/intermediate-result-types.ts';
import { encodePerson, encodeReason, windowOf } from './field-facts.ts';
import { fieldQueries as q } from './field-queries.ts';
import { appointmentView, issuesMessage, orderSummary, pageOf, ruleRefused } from './field-views.ts';
import type { OrderStore } from './order-store.ts';
import { applyTransition } from './order-store.ts';
import type { AppointmentRow, WorkOrderRow } from './work-orders.repository.ts';

export const MAX_WINDOW_POLICY = 'wo.appointment.max_window_hours';

export interface AppointInput {
  version: number;
  day: string;
  windowStart?: string | undefined;
  windowEnd?: string | undefined;
  agreedBy: ContactPerson['kind'];
  relation?: string | undefined;
}

export interface RescheduleInput {
  version: number;
  day: string;
  windowStart?: string | undefined;
  windowEnd?: string | undefined;
  requestedBy: RescheduleRequester;
  reasonCode: RescheduleReasonCode;
  reason?: string | null | undefined;
  customerAccepted: boolean;
}

/** What one stored window is: a first agreement (or a next visit), or a reschedule (改约). */
export type AppointmentSpec =
  | { kind: 'initial'; window: AppointmentWindow; agreedBy: ContactPerson }
  | {
      kind: 'reschedule';
      window: AppointmentWindow;
      requestedBy: RescheduleRequester;
      reasonCode: RescheduleReasonCode;
      reason: string | null;
      customerAccepted: boolean;
      broken: boolean;
    };

/** Domain paths (`/date`, `/next/start`…) to the request's field names. */
const API_PATHS: [RegExp, string][] = [
  [/^(\/next)?\/date$/, '/day'],
  [/^(\/next)?\/start$/, '/windowStart'],
  [/^(\/next)?\/end$/, '/windowEnd'],
  [/^\/next$/, ''],
];
const toApiPaths = (issues: readonly FieldIssue[]): FieldIssue[] =>
  issues.map((i) => {
    const hit = API_PATHS.find(([re]) => re.test(i.path));
    return hit ? { ...i, path: hit[1] } : i;
  });

/** Supersedes the window the order held and stores the new one (inside the caller's order change). */
export async function saveAppointment(
  tx: Tx,
  ctx: ServiceContext,
  order: WorkOrderRow,
  spec: AppointmentSpec,
  tz: string,
): Promise<AppointmentRow> {
  await q.supersedeAppointments(tx, order.id, ctx.now);
  const { startsAt, endsAt } = windowInstants(spec.window, tz);
  return q.insertAppointment(tx, {
    id: newId('apt', ctx.now),
    orderId: order.id,
    day: spec.window.date,
    windowStart: spec.window.start,
    windowEnd: spec.window.end,
    startsAt,
    endsAt,
    kind: spec.kind,
    agreedBy: spec.kind === 'initial' ? encodePerson(spec.agreedBy) : null,
    requestedBy: spec.kind === 'reschedule' ? spec.requestedBy : null,
    reason: spec.kind === 'reschedule' ? encodeReason(spec.reasonCode, spec.reason) : null,
    customerAccepted: spec.kind === 'reschedule' ? spec.customerAccepted : true,
    broken: spec.kind === 'reschedule' && spec.broken,
    createdBy: ctx.actor?.userId ?? null,
    createdAt: ctx.now,
  });
}

/** WO-4 appointments and reschedules; both go through the order store so timeline, audit and SLA follow. */
export function createFieldAppointments(deps: PlatformDeps, store: OrderStore) {
  const tz = deps.businessTimeZone;

  async function windowContext(now: Date): Promise<{ ctx: AppointmentContext; policyVersion: number }> {
    const policy = await deps.policies.at<number>(MAX_WINDOW_POLICY, now);
    return { ctx: { now, tz, maxWindowHours: policy.value }, policyVersion: policy.version };
  }

  const changed = (order: WorkOrderRow, saved: AppointmentRow | undefined) => {
    if (!saved) throw new Error('The appointment was not saved.');
    return { appointment: appointmentView(saved), order: orderSummary(order) };
  };

  return {
    async list(ctx: ServiceContext, orderId: string, page: { page: number; pageSize: number }) {
      await store.loadVisible(ctx, orderId);
      const rows = await q.appointmentsOf(store.db, [orderId]);
      return pageOf(rows.map(appointmentView), page.page, page.pageSize);
    },

    /** WO-4 / WO-5.1: a concrete window agreed with the customer or a family member. */
    async appoint(ctx: ServiceContext, orderId: string, input: AppointInput) {
      const { ctx: windowCtx, policyVersion } = await windowContext(ctx.now);
      const checked = validateAppointmentWindow(
        { date: input.day, start: input.windowStart, end: input.windowEnd },
        windowCtx,
      );
      if (!checked.ok) {
        const issues = toApiPaths(checked.issues);
        throw ruleRefused(checked.code, issuesMessage(issues, 'Agree a concrete window.'), issues, {
          rule: 'WO-4',
        });
      }
      const relation = input.relation?.trim() ?? '';
      if (input.agreedBy === 'family_member' && relation === '') {
        throw ruleRefused(
          'RELATION_REQUIRED',
          'Say how the family member who agreed is related to the customer (e.g. 父亲, 妻子).',
          [{ path: '/relation', code: 'REQUIRED', message: "Enter the family member's relation." }],
          { rule: 'WO-5.1' },
        );
      }
      const agreedBy: ContactPerson =
        input.agreedBy === 'family_member' ? { kind: 'family_member', relation } : { kind: 'customer' };
      const out: { saved?: AppointmentRow } = {};
      const order = await store.mutate(ctx, orderId, 'order.field', input.version, async (before, tx) => {
        const next = applyTransition(before, { type: 'appoint' });
        const spec = { kind: 'initial', window: checked.window, agreedBy } as const;
        const saved = await saveAppointment(tx, ctx, before, spec, tz);
        out.saved = saved;
        return {
          patch: { status: next.status, firstContactAt: before.firstContactAt ?? ctx.now },
          event: {
            type: 'appointed',
            data: {
              appointmentId: saved.id,
              day: saved.day,
              windowStart: saved.windowStart,
              windowEnd: saved.windowEnd,
              agreedBy: saved.agreedBy,
              policyVersion,
            },
          },
        };
      });
      return changed(order, out.saved);
    },

    /** WO-4 改约: supersedes the window; the outlet moving it without the customer's consent breaks it. */
    async reschedule(ctx: ServiceContext, orderId: string, input: RescheduleInput) {
      const { ctx: windowCtx, policyVersion } = await windowContext(ctx.now);
      const out: { saved?: AppointmentRow } = {};
      const order = await store.mutate(ctx, orderId, 'order.field', input.version, async (before, tx) => {
        const current = await q.currentAppointment(tx, before.id);
        const checked = validateReschedule(
          {
            previous: current ? windowOf(current) : null,
            next: { date: input.day, start: input.windowStart, end: input.windowEnd },
            requestedBy: input.requestedBy,
            reasonCode: input.reasonCode,
            reason: input.reason ?? null,
            customerAccepted: input.customerAccepted,
          },
          windowCtx,
        );
        if (!checked.ok) {
          const issues = toApiPaths(checked.issues);
          throw ruleRefused(checked.code, issuesMessage(issues, 'Give a new concrete window.'), issues, {
            rule: 'WO-4',
          });
        }
        const next = applyTransition(before, { type: 'reschedule' });
        const r = checked.reschedule;
        const saved = await saveAppointment(
          tx,
          ctx,
          before,
          {
            kind: 'reschedule',
            window: r.next,
            requestedBy: r.requestedBy,
            reasonCode: r.reasonCode,
            reason: r.reason,
            customerAccepted: r.customerAccepted,
            broken: r.brokenAppointment,
          },
          tz,
        );
        out.saved = saved;
        const data = {
          appointmentId: saved.id,
          previousAppointmentId: current?.id ?? null,
          day: saved.day,
          windowStart: saved.windowStart,
          windowEnd: saved.windowEnd,
          requestedBy: r.requestedBy,
          reasonCode: r.reasonCode,
          customerAccepted: r.customerAccepted,
          broken: r.brokenAppointment,
          policyVersion,
        };
        return {
          patch: {
            status: next.status,
            // Agreeing a new time is talking to the customer; an unaccepted one may have been a message only.
            ...(r.customerAccepted ? { firstContactAt: before.firstContactAt ?? ctx.now } : {}),
          },
          event: { type: 'rescheduled', data },
          ...(r.reason ? { reason: r.reason } : {}),
          ...(r.brokenAppointment
            ? { outbox: { topic: 'appointment.broken', payload: { ...data, outletId: before.outletId } } }
            : {}),
        };
      });
      return changed(order, out.saved);
    },
  };
}
