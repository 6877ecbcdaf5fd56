import { assertValidDate } from './field-checks.ts';

/**
 * WO-14 six firsts (六个第一时间): accept, contact the customer, visit, request parts, clear backlog, close.
 * Each latency runs from the event that makes the step possible:
 *   accept         sent to the outlet            → acknowledged
 *   contact        acknowledged                  → first contact with the customer
 *   visit          clock start (later of creation and the customer's requested time, as WO-7)
 *                                                → first visit (0 when the engineer came early)
 *   request_parts  first visit (the diagnosis)   → first part request; only orders that requested one
 *   clear_backlog  entered the backlog (WO-10)   → left it; only orders that entered it
 *   close          work completed                → closed
 */

export const sixFirstSteps = [
  'accept',
  'contact',
  'visit',
  'request_parts',
  'clear_backlog',
  'close',
] as const;
export type SixFirstStep = (typeof sixFirstSteps)[number];

export interface SixFirstsFacts {
  orderId: string;
  outletId: string;
  createdAt: Date;
  customerRequestedAt: Date | null;
  dispatchedAt: Date | null;
  acceptedAt: Date | null;
  firstContactAt: Date | null;
  firstVisitAt: Date | null;
  firstPartRequestAt: Date | null;
  backlogEnteredAt: Date | null;
  backlogClearedAt: Date | null;
  completedAt: Date | null;
  closedAt: Date | null;
}

export interface StepLatency {
  step: SixFirstStep;
  /** done: both ends known; pending: started, not done (elapsedMs so far); not_applicable: not started. */
  state: 'done' | 'pending' | 'not_applicable';
  from: Date | null;
  to: Date | null;
  latencyMs: number | null;
  elapsedMs: number | null;
}

export interface OrderSixFirsts {
  orderId: string;
  outletId: string;
  steps: StepLatency[];
}

const later = (a: Date, b: Date | null): Date => (b && b > a ? b : a);

function anchors(f: SixFirstsFacts): Record<SixFirstStep, [Date | null, Date | null]> {
  return {
    accept: [f.dispatchedAt, f.acceptedAt],
    contact: [f.acceptedAt, f.firstContactAt],
    visit: [later(f.createdAt, f.customerRequestedAt), f.firstVisitAt],
    // Without a request nobody can tell a pending request from a repair that needed none.
    request_parts: [f.firstPartRequestAt ? f.firstVisitAt : null, f.firstPartRequestAt],
    clear_backlog: [f.backlogEnteredAt, f.backlogClearedAt],
    close: [f.completedAt, f.closedAt],
  };
}

/** WO-14 per order, at `now` (pending steps report how long they have waited so far). */
export function orderSixFirsts(facts: SixFirstsFacts, now: Date): OrderSixFirsts {
  assertValidDate(now, 'now');
  const a = anchors(facts);
  const steps = sixFirstSteps.map((step): StepLatency => {
    const [from, to] = a[step];
    if (from && to) {
      return {
        step,
        state: 'done',
        from,
        to,
        latencyMs: Math.max(0, to.getTime() - from.getTime()),
        elapsedMs: null,
      };
    }
    if (from && !facts.closedAt && from <= now) {
      return {
        step,
        state: 'pending',
        from,
        to: null,
        latencyMs: null,
        elapsedMs: now.getTime() - from.getTime(),
      };
    }
    return { step, state: 'not_applicable', from, to, latencyMs: null, elapsedMs: null };
  });
  return { orderId: facts.orderId, outletId: facts.outletId, steps };
}

export interface StepStats {
  step: SixFirstStep;
  count: number;
  pending: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface OutletSixFirsts {
  outletId: string;
  orders: number;
  steps: StepStats[];
}

/** Median of sorted values: the middle one, or the mean of the two middle ones (rounded down to the ms). */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const hi = sorted[Math.floor(n / 2)] ?? 0;
  if (n % 2 === 1) return hi;
  const lo = sorted[n / 2 - 1] ?? 0;
  return Math.floor((lo + hi) / 2);
}

/** Nearest-rank percentile of sorted values: an actual observation, never an interpolation. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new Error(`Invalid percentile ${p}: expected 0 < p ≤ 100.`);
  if (sorted.length === 0) return null;
  return sorted[Math.ceil((p / 100) * sorted.length) - 1] ?? null;
}

/** WO-14 per outlet: completed latencies' median and p90, and how many are still pending, per step. */
export function outletSixFirsts(orders: readonly OrderSixFirsts[]): OutletSixFirsts[] {
  const outletIds = [...new Set(orders.map((o) => o.outletId))].sort();
  return outletIds.map((outletId) => {
    const own = orders.filter((o) => o.outletId === outletId);
    const steps = sixFirstSteps.map((step): StepStats => {
      const entries = own.map((o) => o.steps.find((s) => s.step === step));
      const done = entries
        .filter((s): s is StepLatency & { latencyMs: number } => s?.state === 'done' && s.latencyMs !== null)
        .map((s) => s.latencyMs)
        .sort((x, y) => x - y);
      return {
        step,
        count: done.length,
        pending: entries.filter((s) => s?.state === 'pending').length,
        medianMs: median(done),
        p90Ms: percentile(done, 90),
      };
    });
    return { outletId, orders: own.length, steps };
  });
}
