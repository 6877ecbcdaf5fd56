import { AppError } from '../../platform/errors.ts';
import type { Permission } from '../identity/index.ts';
import { hasPermission, isRole } from '../identity/index.ts';
import type { ClosingContext } from './domain/closing.ts';
import type { ClosingBasis, OrderAction, OrderState, OrderStatus } from './domain/lifecycle.ts';
import { closingBases, transition } from './domain/lifecycle.ts';
import type { ClosingBase } from './lifecycle-closing.ts';
import { closingDecision } from './lifecycle-closing.ts';
import type { ActionAvailability } from './order-view.ts';
import type { WorkOrderRow } from './work-orders.repository.ts';

/** Statuses that take new orders (NET-9: a rectifying outlet still works until withdrawal is approved). */
const DISPATCHABLE = ['active', 'rectifying'];

/** Why an order may not be sent to this outlet (intake override, re-dispatch), or undefined when it may. */
export function dispatchTargetProblem(
  outlet: { code: string; status: string; dispatchSuspendedUntil: string | null } | undefined,
  outletId: string,
  today: string,
): string | undefined {
  if (!outlet) return `Outlet ${outletId} does not exist.`;
  if (!DISPATCHABLE.includes(outlet.status)) {
    return `Outlet ${outlet.code} is ${outlet.status} and takes no orders; choose another.`;
  }
  // NET-10: a timed suspension after an audit finding; the end date is exclusive.
  if (outlet.dispatchSuspendedUntil !== null && today < outlet.dispatchSuspendedUntil) {
    return `Dispatch to outlet ${outlet.code} is suspended until ${outlet.dispatchSuspendedUntil} (NET-10); choose another.`;
  }
  return undefined;
}

/** A business rule's refusal (422); `reason` is the rule's own code. */
export const ruleRefused = (reason: string, message: string, details: Record<string, unknown> = {}) =>
  new AppError('ORDER_RULE_REFUSED', message, { details: { reason, ...details } });

/** The permission each lifecycle route of this service checks (the order's routes use the same table). */
export const lifecyclePermissions = {
  accept: 'order.accept',
  assign: 'order.assign',
  redispatch: 'order.dispatch',
  cancel: 'order.dispatch',
  start_visit: 'order.field',
  receive_unit: 'order.field',
  complete: 'order.field',
  callback: 'order.contact',
  close: 'order.close',
} as const satisfies Record<string, Permission>;

// Stand-ins for ids the state machine only compares with the order's own: any other id gives the same answer.
const OTHER_ID = '\u0000other';

const probes: Record<
  'accept' | 'assign' | 'redispatch' | 'cancel' | 'start_visit' | 'receive_unit' | 'complete',
  OrderAction
> = {
  accept: { type: 'accept' },
  assign: { type: 'assign', engineerId: OTHER_ID },
  redispatch: { type: 'redispatch', outletId: OTHER_ID, reason: { code: 'customer_request', note: null } },
  cancel: { type: 'cancel', reason: 'probe' },
  start_visit: { type: 'start_visit' },
  receive_unit: { type: 'receive_unit' },
  complete: { type: 'complete' },
};

const stateOf = (o: WorkOrderRow): OrderState => ({
  status: o.status as OrderStatus,
  outletId: o.outletId,
  engineerId: o.engineerId,
});

const allowed = (action: string): ActionAvailability => ({ action, allowed: true, reason: null });
const refused = (action: string, code: string, message: string): ActionAvailability => ({
  action,
  allowed: false,
  reason: { code, message },
});

/**
 * The detail page's action bar (UI.md: disabled actions say why): for each action of intake and lifecycle,
 * whether this caller may take it now, else the first reason — role, state machine, then the WO-6 rules.
 */
export function availableActions(
  order: WorkOrderRow,
  role: string,
  closing: ClosingBase,
  ctx: ClosingContext,
): ActionAvailability[] {
  const may = (p: Permission) => isRole(role) && hasPermission(role, p);
  const forbidden = (action: string, p: Permission) =>
    refused(action, 'FORBIDDEN', `Your role may not ${p.replace('.', ' ')}.`);
  const state = stateOf(order);
  const out: ActionAvailability[] = [];

  for (const [action, probe] of Object.entries(probes) as [keyof typeof probes, OrderAction][]) {
    const permission = lifecyclePermissions[action];
    if (!may(permission)) {
      out.push(forbidden(action, permission));
      continue;
    }
    const r = transition(state, probe);
    if (!r.ok) out.push(refused(action, r.code, r.message));
    else if (action === 'receive_unit' && order.serviceMode !== 'carry_in') {
      out.push(refused(action, 'NOT_CARRY_IN', 'Only carry-in orders are received at the outlet.'));
    } else out.push(allowed(action));
  }

  if (!may(lifecyclePermissions.callback)) out.push(forbidden('callback', lifecyclePermissions.callback));
  else if (order.status !== 'completed') {
    out.push(
      refused('callback', 'NOT_COMPLETED', 'Call the customer back once the work is reported complete.'),
    );
  } else out.push(allowed('callback'));

  for (const basis of closingBases) out.push(closeAvailability(order, state, basis, closing, ctx, may));
  return out;
}

function closeAvailability(
  order: WorkOrderRow,
  state: OrderState,
  basis: ClosingBasis,
  closing: ClosingBase,
  ctx: ClosingContext,
  may: (p: Permission) => boolean,
): ActionAvailability {
  const action = `close:${basis}`;
  if (!may(lifecyclePermissions.close)) {
    return refused(action, 'FORBIDDEN', 'Your role may not close orders.');
  }
  const r = transition(state, { type: 'close', basis });
  if (!r.ok) return refused(action, r.code, r.message);
  if (basis === 'declined_on_site') {
    // The decline itself is declared with the close; only the visit can be checked beforehand.
    return order.firstVisitAt
      ? allowed(action)
      : refused(action, 'DECLINE_NOT_ON_SITE', 'A decline closes the order only after a visit on site.');
  }
  const decision = closingDecision(order, closing, basis, null, ctx);
  return decision.ok ? allowed(action) : refused(action, decision.code, decision.message);
}
