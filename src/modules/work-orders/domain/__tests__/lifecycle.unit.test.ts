import { describe, expect, it } from 'vitest';
import type { ClosingBasis, OrderAction, OrderState, OrderStatus } from '../lifecycle.ts';
import { allowedActions, allowedClosingBases, orderStatuses, transition } from '../lifecycle.ts';

const STAFFED: readonly OrderStatus[] = [
  'assigned',
  'appointed',
  'in_progress',
  'awaiting_parts',
  'follow_up',
  'completed',
  'closed',
];
const stateOf = (status: OrderStatus): OrderState => ({
  status,
  outletId: status === 'created' ? null : 'o1',
  engineerId: STAFFED.includes(status) ? 'e1' : null,
});

const close = (basis: ClosingBasis): OrderAction => ({ type: 'close', basis });
const actions: Record<string, OrderAction> = {
  dispatch: { type: 'dispatch', outletId: 'o2' },
  accept: { type: 'accept' },
  assign: { type: 'assign', engineerId: 'e2' },
  appoint: { type: 'appoint' },
  reschedule: { type: 'reschedule' },
  start_visit: { type: 'start_visit' },
  receive_unit: { type: 'receive_unit' },
  await_parts: { type: 'await_parts' },
  leave_unfinished: { type: 'leave_unfinished' },
  complete: { type: 'complete' },
  reopen: { type: 'reopen' },
  redispatch: { type: 'redispatch', outletId: 'o2', reason: { code: 'wrong_address', note: null } },
  'close:completed': close('completed'),
  'close:customer_no_time': close('customer_no_time'),
  'close:declined_on_site': close('declined_on_site'),
  cancel: { type: 'cancel', reason: 'Customer bought elsewhere.' },
};

/** Expected next status; `-` illegal transition, `B` closing basis not allowed from this status. */
const table: Record<OrderStatus, Record<string, string>> = {
  created: { dispatch: 'dispatched', cancel: 'cancelled' },
  dispatched: { accept: 'accepted', redispatch: 'dispatched', cancel: 'cancelled' },
  accepted: {
    assign: 'assigned',
    appoint: 'appointed',
    redispatch: 'dispatched',
    'close:completed': 'B',
    'close:customer_no_time': 'closed',
    'close:declined_on_site': 'B',
    cancel: 'cancelled',
  },
  assigned: {
    assign: 'assigned',
    appoint: 'appointed',
    receive_unit: 'in_progress',
    redispatch: 'dispatched',
    'close:completed': 'B',
    'close:customer_no_time': 'closed',
    'close:declined_on_site': 'B',
    cancel: 'cancelled',
  },
  appointed: {
    assign: 'appointed',
    reschedule: 'appointed',
    start_visit: 'in_progress',
    receive_unit: 'in_progress',
    redispatch: 'dispatched',
    'close:completed': 'B',
    'close:customer_no_time': 'closed',
    'close:declined_on_site': 'B',
    cancel: 'cancelled',
  },
  in_progress: {
    await_parts: 'awaiting_parts',
    leave_unfinished: 'follow_up',
    complete: 'completed',
    'close:completed': 'B',
    'close:customer_no_time': 'B',
    'close:declined_on_site': 'closed',
  },
  awaiting_parts: {
    assign: 'awaiting_parts',
    appoint: 'appointed',
    'close:completed': 'B',
    'close:customer_no_time': 'closed',
    'close:declined_on_site': 'B',
  },
  follow_up: {
    assign: 'follow_up',
    appoint: 'appointed',
    await_parts: 'awaiting_parts',
    'close:completed': 'B',
    'close:customer_no_time': 'closed',
    'close:declined_on_site': 'closed',
  },
  completed: {
    reopen: 'follow_up',
    'close:completed': 'closed',
    'close:customer_no_time': 'B',
    'close:declined_on_site': 'B',
  },
  closed: {},
  cancelled: {},
};

describe('order life cycle', () => {
  it('WO lifecycle: every status × action gives the tabled next status or refusal', () => {
    const mismatches: string[] = [];
    for (const status of orderStatuses) {
      for (const [name, action] of Object.entries(actions)) {
        const expected = table[status][name] ?? '-';
        const r = transition(stateOf(status), action);
        const actual = r.ok
          ? r.state.status
          : r.code === 'ILLEGAL_TRANSITION'
            ? '-'
            : r.code === 'CLOSING_BASIS_NOT_ALLOWED'
              ? 'B'
              : r.code;
        if (actual !== expected) mismatches.push(`${status} × ${name}: expected ${expected}, got ${actual}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('WO lifecycle: an illegal step names the status and action', () => {
    expect(transition(stateOf('closed'), { type: 'reopen' })).toEqual({
      ok: false,
      code: 'ILLEGAL_TRANSITION',
      from: 'closed',
      action: 'reopen',
      message: 'An order that is closed cannot be given "reopen".',
      details: { from: 'closed', action: 'reopen' },
    });
  });

  it('WO lifecycle: allowed actions and closing bases per status follow the table', () => {
    expect(allowedActions('created')).toEqual(['dispatch', 'cancel']);
    expect(allowedActions('in_progress')).toEqual(['await_parts', 'leave_unfinished', 'complete', 'close']);
    expect(allowedClosingBases('follow_up')).toEqual(['customer_no_time', 'declined_on_site']);
    expect(allowedClosingBases('completed')).toEqual(['completed']);
    expect(allowedActions('cancelled')).toEqual([]);
  });

  it('WO lifecycle: dispatch records the outlet; assign the engineer; reassign keeps the status', () => {
    const d = transition(stateOf('created'), { type: 'dispatch', outletId: 'o9' });
    expect(d.ok && d.state).toEqual({ status: 'dispatched', outletId: 'o9', engineerId: null });
    const a = transition(stateOf('appointed'), { type: 'assign', engineerId: 'e7' });
    expect(a.ok && a.state).toEqual({ status: 'appointed', outletId: 'o1', engineerId: 'e7' });
  });

  it('WO lifecycle: re-dispatch (改派) moves to the new outlet, clears the engineer and needs a reason', () => {
    const moved = transition(stateOf('appointed'), {
      type: 'redispatch',
      outletId: 'o2',
      reason: { code: 'wrong_address', note: null },
    });
    expect(moved.ok && moved.state).toEqual({ status: 'dispatched', outletId: 'o2', engineerId: null });

    const noNote = transition(stateOf('accepted'), {
      type: 'redispatch',
      outletId: 'o2',
      reason: { code: 'other', note: '  ' },
    });
    expect(noNote.ok ? null : noNote.code).toBe('REASON_REQUIRED');

    const same = transition(stateOf('accepted'), {
      type: 'redispatch',
      outletId: 'o1',
      reason: { code: 'customer_request', note: null },
    });
    expect(same.ok ? null : same.code).toBe('SAME_OUTLET');

    const fromProgress = transition(stateOf('in_progress'), {
      type: 'redispatch',
      outletId: 'o2',
      reason: { code: 'wrong_address', note: null },
    });
    expect(fromProgress.ok ? null : fromProgress.code).toBe('ILLEGAL_TRANSITION');
  });

  it('WO lifecycle: the same engineer is not a reassignment', () => {
    const r = transition(stateOf('assigned'), { type: 'assign', engineerId: 'e1' });
    expect(r.ok ? null : r.code).toBe('SAME_ENGINEER');
  });

  it('WO lifecycle: work cannot start before an engineer is named (appointed by the dispatcher first)', () => {
    const appointedNoEngineer: OrderState = { status: 'appointed', outletId: 'o1', engineerId: null };
    for (const type of ['start_visit', 'receive_unit'] as const) {
      const r = transition(appointedNoEngineer, { type });
      expect(r.ok ? null : r.code).toBe('ENGINEER_REQUIRED');
    }
  });

  it('WO lifecycle: cancelling needs a reason and is impossible once work started (WO-6.3)', () => {
    const blank = transition(stateOf('assigned'), { type: 'cancel', reason: ' ' });
    expect(blank.ok ? null : blank.code).toBe('REASON_REQUIRED');
    for (const status of ['in_progress', 'awaiting_parts', 'follow_up', 'completed'] as const) {
      const r = transition(stateOf(status), { type: 'cancel', reason: 'no longer needed' });
      expect(r.ok ? null : r.code).toBe('ILLEGAL_TRANSITION');
    }
  });

  it('WO lifecycle: programmer errors throw (unknown status, empty ids)', () => {
    expect(() =>
      transition({ status: 'lost' as OrderStatus, outletId: null, engineerId: null }, { type: 'accept' }),
    ).toThrow(/Unknown order status/);
    expect(() => transition(stateOf('created'), { type: 'dispatch', outletId: '' })).toThrow(/outletId/);
    expect(() => transition(stateOf('accepted'), { type: 'assign', engineerId: ' ' })).toThrow(/engineerId/);
  });
});
