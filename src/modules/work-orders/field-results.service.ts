import type { ServiceContext } from '../../platform/auth/actor.ts';
import type { Tx } from '../../platform/db/database.ts';
import type { PlatformDeps } from '../../platform/deps.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { sameWindow } from './domain/appointments.ts';
import type { FieldIssue } from './domain/field-checks.ts';
import type { IntermediateResult, IntermediateResultCode } from './domain/intermediate-results.ts';
import { intermediateResultCodes, validateIntermediateResult } from './domain/intermediate-results.ts';
import type { OrderAction, OrderStatus } from './domain/lifecycle.ts';
import type { AppointmentSpec } from './field-appointments.service.ts';
import { MAX_WINDOW_POLICY, saveAppointment } from './field-appointments.service.ts';
import { fieldDirectory } from './field-directory.ts';
import { PROMISE_KEY, windowOf } from './field-facts.ts';
import { fieldQueries as q } from './field-queries.ts';
import type { ResultRow } from './field-queries.ts';
import {
  appointmentView,
  issuesMessage,
  orderSummary,
  pageOf,
  resultView,
  ruleRefused,
} from './field-views.ts';
import type { OrderChange, OrderStore } from './order-store.ts';
import { applyTransition } from './order-store.ts';
import type { AppointmentRow, NewWorkOrderRow, WorkOrderRow } from './work-orders.repository.ts';

const NO_TIME_POLICY = 'wo.no_time.horizon_days';
const SANBAO_POLICY = 'md.sanbao.windows';

/** The fields each WO-5 code takes besides `code` and `note` (anything else is a typo or the wrong code). */
export const resultFields: Record<IntermediateResultCode, readonly string[]> = {
  APPOINTED: ['window', 'agreedWith', 'contactPhone'],
  RESCHEDULED: ['window', 'requestedBy', 'reasonCode', 'reason', 'customerAccepted'],
  UNREACHABLE: ['phones', 'address'],
  AWAITING_PARTS: [
    'parts',
    'expectedArrivalDate',
    'customerInformed',
    'informed',
    'contactPhone',
    'nextVisit',
  ],
  TAKEN_FOR_REPAIR: ['takenOn', 'returnDate', 'agreedWith'],
  NORMAL_NOT_ACCEPTED: [
    'measurements',
    'withinNormalRange',
    'customerPosition',
    'notAcceptedBy',
    'negotiation',
    'nextVisitDate',
  ],
  RETURN_EXCHANGE: [
    'kind',
    'faultFound',
    'purchaseDate',
    'reportedForApproval',
    'customerMustChooseModel',
    'informed',
    'nextDate',
  ],
  OUT_OF_WARRANTY_DECLINED: [
    'purchaseYear',
    'part',
    'feeQuotedFen',
    'customerDeclines',
    'informed',
    'nextDate',
  ],
  CUSTOMER_NO_TIME: ['statedBy', 'noTimeThrough'],
};

const ruleOf = (code: IntermediateResultCode): string => `WO-5.${intermediateResultCodes.indexOf(code) + 1}`;

/**
 * What recording a result does to the order's status: an action for the state machine, or nothing from the
 * statuses listed. Outcomes found on site (5.5–5.8) end the visit unfinished; 5.5 starts the work when the
 * unit is collected before any visit; 5.3 and 5.9 change nothing.
 */
const WORKING: readonly OrderStatus[] = [
  'accepted',
  'assigned',
  'appointed',
  'in_progress',
  'awaiting_parts',
  'follow_up',
];
const effects: Record<
  IntermediateResultCode,
  { unchangedIn: readonly OrderStatus[]; action?: OrderAction['type']; actionFrom?: readonly OrderStatus[] }
> = {
  APPOINTED: { unchangedIn: [], action: 'appoint' },
  RESCHEDULED: { unchangedIn: [], action: 'reschedule' },
  UNREACHABLE: { unchangedIn: WORKING },
  AWAITING_PARTS: { unchangedIn: ['awaiting_parts'], action: 'await_parts' },
  TAKEN_FOR_REPAIR: {
    unchangedIn: ['in_progress', 'follow_up', 'awaiting_parts'],
    action: 'receive_unit',
    actionFrom: ['assigned', 'appointed'],
  },
  NORMAL_NOT_ACCEPTED: { unchangedIn: ['follow_up'], action: 'leave_unfinished' },
  RETURN_EXCHANGE: { unchangedIn: ['follow_up'], action: 'leave_unfinished' },
  OUT_OF_WARRANTY_DECLINED: { unchangedIn: ['follow_up'], action: 'leave_unfinished' },
  CUSTOMER_NO_TIME: { unchangedIn: ['accepted', 'assigned', 'appointed', 'follow_up', 'awaiting_parts'] },
};

function nextStatus(order: WorkOrderRow, code: IntermediateResultCode): OrderStatus {
  const status = order.status as OrderStatus;
  const effect = effects[code];
  if (effect.unchangedIn.includes(status)) return status;
  if (effect.action && (!effect.actionFrom || effect.actionFrom.includes(status))) {
    return applyTransition(order, { type: effect.action } as OrderAction).status;
  }
  throw new AppError('ORDER_ILLEGAL_TRANSITION', `An order that is ${status} cannot record ${code}.`, {
    details: { reason: 'ILLEGAL_TRANSITION', from: status, action: 'record_result', code },
  });
}

/** The phone ids a result names, with their paths, to check they are the customer's own. */
function namedPhones(value: IntermediateResult): { path: string; phoneId: string }[] {
  if (value.code === 'APPOINTED' || value.code === 'AWAITING_PARTS') {
    return [{ path: '/contactPhone/phoneId', phoneId: value.contactPhone.phoneId }];
  }
  if (value.code === 'UNREACHABLE') {
    return value.phones.map((p, i) => ({ path: `/phones/${i}/phoneId`, phoneId: p.phoneId }));
  }
  return [];
}

function appointmentOf(value: IntermediateResult): AppointmentSpec | null {
  switch (value.code) {
    case 'APPOINTED':
      return { kind: 'initial', window: value.window, agreedBy: value.agreedWith };
    case 'AWAITING_PARTS':
      return { kind: 'initial', window: value.nextVisit, agreedBy: value.informed };
    case 'RESCHEDULED':
      return {
        kind: 'reschedule',
        window: value.window,
        requestedBy: value.requestedBy,
        reasonCode: value.reasonCode,
        reason: value.reason,
        customerAccepted: value.customerAccepted,
        broken: value.brokenAppointment,
      };
    default:
      return null;
  }
}

/** WO-5.4 / WO-8.4: the arrival date told to the customer becomes the promise of every part still awaited. */
async function promiseParts(tx: Tx, orderId: string, date: string): Promise<string[]> {
  const open = (await q.partsOf(tx, [orderId])).filter(
    (p) => p.cancelledAt === null && p.arrivedAtOutletAt === null && p.promisedArrivalDate !== date,
  );
  for (const p of open) await q.updatePart(tx, p.id, p.version, { promisedArrivalDate: date });
  return open.map((p) => p.id);
}

export type RecordResultInput = { version: number; code: IntermediateResultCode } & Record<string, unknown>;

/** WO-5 intermediate results: every contact outcome on an open order, validated per code. */
export function createFieldResults(deps: PlatformDeps, store: OrderStore) {
  const tz = deps.businessTimeZone;

  return {
    async list(ctx: ServiceContext, orderId: string, page: { page: number; pageSize: number }) {
      await store.loadVisible(ctx, orderId);
      const rows = await q.resultsOf(store.db, [orderId]);
      return pageOf(rows.map(resultView), page.page, page.pageSize);
    },

    async record(ctx: ServiceContext, orderId: string, input: RecordResultInput) {
      const { version, ...body } = input;
      const code = body.code;
      const allowed = new Set(['code', 'note', ...resultFields[code]]);
      const stray = Object.keys(body).filter((k) => !allowed.has(k));
      if (stray.length > 0) {
        throw validationFailed(
          stray.map((k) => ({
            path: `/${k}`,
            message: `${code} takes no "${k}"; send only its own fields.`,
          })),
        );
      }
      const [maxWindow, horizon, sanbao] = await Promise.all([
        deps.policies.at<number>(MAX_WINDOW_POLICY, ctx.now),
        deps.policies.at<number>(NO_TIME_POLICY, ctx.now),
        deps.policies.at<{ returnDays: number; exchangeDays: number }>(SANBAO_POLICY, ctx.now),
      ]);
      const checked = validateIntermediateResult(body, {
        now: ctx.now,
        tz,
        maxWindowHours: maxWindow.value,
        noTimeHorizonDays: horizon.value,
        sanbaoWindows: sanbao.value,
      });
      if (!checked.ok) {
        const specific = checked.issues.find((i) => i.code !== 'REQUIRED' && i.code !== 'INVALID');
        throw ruleRefused(
          specific?.code ?? checked.code,
          issuesMessage(checked.issues, `Complete the fields of ${code}.`),
          checked.issues,
          { rule: ruleOf(code) },
        );
      }
      const value = checked.value;
      const policyVersions = {
        [MAX_WINDOW_POLICY]: maxWindow.version,
        [NO_TIME_POLICY]: horizon.version,
        [SANBAO_POLICY]: sanbao.version,
      };
      const out: { saved?: ResultRow; appointment?: AppointmentRow } = {};
      const order = await store.mutate(ctx, orderId, 'order.field', version, async (before, tx) => {
        const phones = namedPhones(value);
        if (phones.length > 0) {
          const own = await fieldDirectory.phoneIdsOf(tx, before.customerId);
          const foreign: FieldIssue[] = phones
            .filter((p) => !own.has(p.phoneId))
            .map((p) => ({
              path: p.path,
              code: 'PHONE_NOT_OF_CUSTOMER',
              message: "Choose one of the customer's own numbers.",
            }));
          if (foreign.length > 0) {
            throw ruleRefused('PHONE_NOT_OF_CUSTOMER', issuesMessage(foreign, ''), foreign, {
              rule: ruleOf(code),
            });
          }
        }
        const spec = appointmentOf(value);
        if (spec?.kind === 'reschedule') {
          const current = await q.currentAppointment(tx, before.id);
          if (current && sameWindow(windowOf(current), spec.window)) {
            const issue = {
              path: '/window',
              code: 'WINDOW_UNCHANGED',
              message: 'The new window is the same as the current one.',
            };
            throw ruleRefused('WINDOW_UNCHANGED', issue.message, [issue], { rule: 'WO-5.2' });
          }
        }
        const status = nextStatus(before, code);
        const { code: _code, recordedAt: _at, ...data } = value;
        const saved = await q.insertResult(tx, {
          id: newId('irs', ctx.now),
          orderId: before.id,
          code,
          data: { ...data, policyVersions },
          recordedAt: ctx.now,
          recordedBy: ctx.actor?.userId ?? null,
        });
        out.saved = saved;
        const appointment = spec ? await saveAppointment(tx, ctx, before, spec, tz) : null;
        if (appointment) out.appointment = appointment;
        const promised =
          value.code === 'AWAITING_PARTS' ? await promiseParts(tx, before.id, value.expectedArrivalDate) : [];
        const patch: Partial<NewWorkOrderRow> = { status };
        // WO-14: the first contact is the first outcome that reached the customer (not "unreachable").
        if (code !== 'UNREACHABLE' && !before.firstContactAt) patch.firstContactAt = ctx.now;
        if (code === 'TAKEN_FOR_REPAIR') patch.actualMeasurePickup = true; // WO-7.5
        const eventData = {
          resultId: saved.id,
          code,
          rule: ruleOf(code),
          ...(appointment ? { appointmentId: appointment.id } : {}),
          ...(promised.length > 0 ? { [PROMISE_KEY]: promised } : {}),
        };
        const change: OrderChange = { patch, event: { type: 'result_recorded', data: eventData } };
        if (value.code === 'RESCHEDULED' && value.brokenAppointment) {
          // The same message as a reschedule through the appointments route (NET-7 counts broken appointments).
          change.outbox = {
            topic: 'appointment.broken',
            payload: { ...eventData, requestedBy: value.requestedBy, outletId: before.outletId },
          };
        }
        if (value.code === 'RETURN_EXCHANGE') {
          // WO-12: the exchange application is filed at once; the returns module picks it up from the outbox.
          change.outbox = {
            topic: 'order.return_exchange_reported',
            payload: {
              resultId: saved.id,
              kind: value.kind,
              sanbao: value.sanbao,
              outletId: before.outletId,
            },
          };
        }
        return change;
      });
      if (!out.saved) throw new Error('The result was not saved.');
      return {
        result: resultView(out.saved),
        appointment: out.appointment ? appointmentView(out.appointment) : null,
        order: orderSummary(order),
      };
    },
  };
}
