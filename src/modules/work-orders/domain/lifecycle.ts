/**
 * The work-order state machine. It answers only "may this step happen from here, and where does it lead";
 * whether the facts allow a close is WO-6 (closing.ts), whether a window is concrete is WO-4 (appointments.ts).
 */

export const orderStatuses = [
  'created',
  'dispatched',
  'accepted',
  'assigned',
  'appointed',
  'in_progress',
  'awaiting_parts',
  'follow_up',
  'completed',
  'closed',
  'cancelled',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const terminalStatuses: readonly OrderStatus[] = ['closed', 'cancelled'];
export const isOpenStatus = (status: OrderStatus): boolean => !terminalStatuses.includes(status);

/** WO-6 bases for closing: normal completion (6.1), customer has no time (6.2), declined on site (6.4). */
export const closingBases = ['completed', 'customer_no_time', 'declined_on_site'] as const;
export type ClosingBasis = (typeof closingBases)[number];

/** Why an order moves to another outlet (改派). WO-9 singles out `wrong_address`: contact at once. */
export const redispatchReasonCodes = [
  'wrong_address',
  'outside_coverage',
  'outlet_suspended',
  'outlet_capacity',
  'customer_request',
  'other',
] as const;
export type RedispatchReasonCode = (typeof redispatchReasonCodes)[number];

export interface OrderState {
  status: OrderStatus;
  outletId: string | null;
  engineerId: string | null;
}

export type OrderAction =
  | { type: 'dispatch'; outletId: string }
  | { type: 'accept' }
  | { type: 'assign'; engineerId: string }
  | { type: 'appoint' }
  | { type: 'reschedule' }
  | { type: 'start_visit' }
  | { type: 'receive_unit' }
  | { type: 'await_parts' }
  | { type: 'leave_unfinished' }
  | { type: 'complete' }
  | { type: 'reopen' }
  | { type: 'redispatch'; outletId: string; reason: { code: RedispatchReasonCode; note: string | null } }
  | { type: 'close'; basis: ClosingBasis }
  | { type: 'cancel'; reason: string };
export type OrderActionType = OrderAction['type'];

export const orderActionTypes: readonly OrderActionType[] = [
  'dispatch',
  'accept',
  'assign',
  'appoint',
  'reschedule',
  'start_visit',
  'receive_unit',
  'await_parts',
  'leave_unfinished',
  'complete',
  'reopen',
  'redispatch',
  'close',
  'cancel',
];

export type TransitionRefusalCode =
  | 'ILLEGAL_TRANSITION'
  | 'CLOSING_BASIS_NOT_ALLOWED'
  | 'REASON_REQUIRED'
  | 'SAME_OUTLET'
  | 'SAME_ENGINEER'
  | 'ENGINEER_REQUIRED';

export type TransitionResult =
  | { ok: true; from: OrderStatus; action: OrderActionType; state: OrderState }
  | {
      ok: false;
      code: TransitionRefusalCode;
      from: OrderStatus;
      action: OrderActionType;
      message: string;
      details: Record<string, string | null>;
    };

const PRE_WORK: readonly OrderStatus[] = ['created', 'dispatched', 'accepted', 'assigned', 'appointed'];

/** Where each action may start. `assign` from a staffed state is a reassignment and keeps the status. */
const sources: Record<OrderActionType, readonly OrderStatus[]> = {
  dispatch: ['created'],
  accept: ['dispatched'],
  assign: ['accepted', 'assigned', 'appointed', 'follow_up', 'awaiting_parts'],
  // The dispatcher may agree the window before naming the engineer (seed 001: re-dispatched orders are
  // called at once to agree a time), so `accepted` may be appointed directly.
  appoint: ['accepted', 'assigned', 'follow_up', 'awaiting_parts'],
  reschedule: ['appointed'],
  start_visit: ['appointed'],
  // Carry-in (送修): the customer brings the unit, so work starts without a visit.
  receive_unit: ['assigned', 'appointed'],
  await_parts: ['in_progress', 'follow_up'],
  leave_unfinished: ['in_progress'],
  complete: ['in_progress'],
  // WO-6.3 one ticket to the end: a callback that finds the customer unhappy sends the order back to work.
  reopen: ['completed'],
  redispatch: ['dispatched', 'accepted', 'assigned', 'appointed'],
  close: ['completed', 'accepted', 'assigned', 'appointed', 'in_progress', 'follow_up', 'awaiting_parts'],
  // After work has started, the order ends only through a WO-6 close, so that cancelling is no way round it.
  cancel: PRE_WORK,
};

const closeSources: Record<ClosingBasis, readonly OrderStatus[]> = {
  completed: ['completed'],
  customer_no_time: ['accepted', 'assigned', 'appointed', 'follow_up', 'awaiting_parts'],
  declined_on_site: ['in_progress', 'follow_up'],
};

function target(state: OrderState, action: OrderAction): OrderStatus {
  switch (action.type) {
    case 'dispatch':
    case 'redispatch':
      return 'dispatched';
    case 'accept':
      return 'accepted';
    case 'assign':
      return state.status === 'accepted' ? 'assigned' : state.status;
    case 'appoint':
    case 'reschedule':
      return 'appointed';
    case 'start_visit':
    case 'receive_unit':
      return 'in_progress';
    case 'await_parts':
      return 'awaiting_parts';
    case 'leave_unfinished':
    case 'reopen':
      return 'follow_up';
    case 'complete':
      return 'completed';
    case 'close':
      return 'closed';
    case 'cancel':
      return 'cancelled';
  }
}

function requireId(id: string, name: string): void {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new Error(`Invalid ${name}: expected a non-empty id, got ${JSON.stringify(id)}.`);
  }
}

/** The actions that may start from `status` (for menus); closes are listed per basis elsewhere. */
export function allowedActions(status: OrderStatus): OrderActionType[] {
  return orderActionTypes.filter((type) => sources[type].includes(status));
}

/** The closing bases allowed from `status`. */
export function allowedClosingBases(status: OrderStatus): ClosingBasis[] {
  return closingBases.filter((basis) => closeSources[basis].includes(status));
}

/** One step of the order's life: the next state, or the reason it may not happen. */
export function transition(state: OrderState, action: OrderAction): TransitionResult {
  const from = state.status;
  if (!orderStatuses.includes(from)) throw new Error(`Unknown order status "${String(from)}".`);
  if (!orderActionTypes.includes(action.type)) {
    throw new Error(`Unknown order action "${String((action as { type: unknown }).type)}".`);
  }
  const refuse = (
    code: TransitionRefusalCode,
    message: string,
    details: Record<string, string | null> = {},
  ): TransitionResult => ({ ok: false, code, from, action: action.type, message, details });

  if (!sources[action.type].includes(from)) {
    return refuse('ILLEGAL_TRANSITION', `An order that is ${from} cannot be given "${action.type}".`, {
      from,
      action: action.type,
    });
  }

  let outletId = state.outletId;
  let engineerId = state.engineerId;
  switch (action.type) {
    case 'dispatch':
      requireId(action.outletId, 'outletId');
      outletId = action.outletId;
      break;
    case 'redispatch': {
      requireId(action.outletId, 'outletId');
      if (action.outletId === state.outletId) {
        return refuse('SAME_OUTLET', 'Choose a different outlet: the order is already with this one.', {
          outletId: action.outletId,
        });
      }
      const note = action.reason.note?.trim() ?? '';
      if (!redispatchReasonCodes.includes(action.reason.code)) {
        return refuse('REASON_REQUIRED', 'Choose why the order moves to another outlet.');
      }
      if (action.reason.code === 'other' && note === '') {
        return refuse('REASON_REQUIRED', 'Describe why the order moves to another outlet.', {
          reasonCode: action.reason.code,
        });
      }
      outletId = action.outletId;
      // The new outlet staffs the order itself; the old engineer and window no longer apply.
      engineerId = null;
      break;
    }
    case 'assign':
      requireId(action.engineerId, 'engineerId');
      if (action.engineerId === state.engineerId) {
        return refuse('SAME_ENGINEER', 'This engineer already has the order; choose another to reassign.', {
          engineerId: action.engineerId,
        });
      }
      engineerId = action.engineerId;
      break;
    case 'start_visit':
    case 'receive_unit':
      if (!state.engineerId) {
        return refuse('ENGINEER_REQUIRED', 'Assign an engineer before work starts.');
      }
      break;
    case 'close':
      if (!closeSources[action.basis].includes(from)) {
        return refuse(
          'CLOSING_BASIS_NOT_ALLOWED',
          `An order that is ${from} cannot be closed as "${action.basis}".`,
          { from, basis: action.basis },
        );
      }
      break;
    case 'cancel':
      if (typeof action.reason !== 'string' || action.reason.trim() === '') {
        return refuse('REASON_REQUIRED', 'Say why the order is cancelled.');
      }
      break;
    default:
      break;
  }
  return {
    ok: true,
    from,
    action: action.type,
    state: { status: target(state, action), outletId, engineerId },
  };
}
