import type { Interval } from './intervals.ts';
import { clipIntervals, mergeIntervals, totalMs } from './intervals.ts';
import type { SlaBasis, SlaPolicies, SlaRuleDecision } from './sla-rules.ts';
import { selectSlaRule } from './sla-rules.ts';

/** A part the order waited for (WO-7.6). Only parts shipped by the division pause the outlet's clock. */
export interface PartWait {
  partName: string;
  shippedBy: 'division' | 'outlet_stock';
  appliedAt: Date;
  /** 过站时间: arrival at the station, preferred when known. */
  stationArrivalAt: Date | null;
  /** 下架时间: the division took it off the shelf, used when the station arrival is unknown. */
  shelfOffAt: Date | null;
  /** Arrival at the outlet or fitting: the part is no longer in transit, whatever else was recorded. */
  arrivedAtOutletAt?: Date | null;
  fittedAt?: Date | null;
}

export interface SlaFacts extends SlaBasis {
  createdAt: Date;
  /** 用户要求时间 as the customer stated it; the clock starts at the later of this and creation. */
  customerRequestedAt: Date | null;
  closedAt: Date | null;
  partWaits: readonly PartWait[];
}

export type SlaState = 'on_track' | 'warning' | 'breached' | 'met' | 'paused' | 'none';

export interface SlaDeduction {
  from: Date;
  to: Date;
  ms: number;
  parts: string[];
  /** The end came from the station arrival, the shelf-off time, or the wait is still open (until now). */
  endSource: 'station_arrival' | 'shelf_off' | 'open';
}

/** Where a part wait's end comes from; `uncredited` waits are over but give no deduction. */
type WaitEnd = SlaDeduction['endSource'] | 'uncredited';

export interface SlaEvaluation {
  state: SlaState;
  decision: SlaRuleDecision | null;
  /** Why there is no SLA when `decision` is null. */
  noSlaReason: 'no_outlet_yet' | 'no_sla_row' | null;
  startAt: Date;
  startReason: 'created' | 'requested';
  /** Null when there is no SLA; while a part wait is open it assumes the part arrives now. */
  deadline: Date | null;
  allowedMs: number;
  /** Time counted against the outlet so far (or at closing). */
  assessedMs: number;
  /** Merged part waits inside the clock's span (overlaps count once). */
  deductions: SlaDeduction[];
  deductedMs: number;
  /** Division parts applied for but not yet arrived: the clock is paused. */
  openWaits: string[];
  /**
   * Division parts that reached the outlet with neither a station arrival nor a shelf-off time: their wait
   * is over, but WO-7.6 measures it only from those two times, so nothing is deducted for them.
   */
  uncreditedParts: string[];
  warningShare: number;
}

/** WO-7.6: the pause each division part causes, from application to station arrival (else shelf-off). */
export function partWaitIntervals(
  waits: readonly PartWait[],
  end: Date,
): { interval: Interval; part: string; endSource: WaitEnd }[] {
  return waits
    .filter((w) => w.shippedBy === 'division')
    .map((w) => {
      const arrived = w.stationArrivalAt ?? w.shelfOffAt;
      // A part at the outlet is no longer in transit: without this the pause would never end.
      const over = (w.arrivedAtOutletAt ?? w.fittedAt ?? null) !== null;
      const endSource: WaitEnd = w.stationArrivalAt
        ? 'station_arrival'
        : w.shelfOffAt
          ? 'shelf_off'
          : over
            ? 'uncredited'
            : 'open';
      return { interval: { from: w.appliedAt, to: arrived ?? end }, part: w.partName, endSource };
    });
}

/** The instant at which `allowedMs` of unpaused time has passed since `start`. */
export function deadlineAfter(start: Date, allowedMs: number, pauses: readonly Interval[]): Date {
  let cursor = start.getTime();
  let remaining = allowedMs;
  for (const p of mergeIntervals(pauses)) {
    const from = p.from.getTime();
    const to = p.to.getTime();
    if (to <= cursor) continue;
    if (from > cursor) {
      if (cursor + remaining <= from) return new Date(cursor + remaining);
      remaining -= from - cursor;
    }
    cursor = Math.max(cursor, to);
  }
  return new Date(cursor + remaining);
}

/**
 * WO-7: the order's SLA as a pure function of its facts, the policy values and `now`. Nothing is counted
 * incrementally, so the figure can always be explained and recomputed after any change (type, mode, outlet,
 * parts timeline). A closed order is judged at its closing; an open one at `now`.
 */
export function evaluateSla(facts: SlaFacts, policies: SlaPolicies, now: Date): SlaEvaluation {
  const requested = facts.customerRequestedAt;
  const startReason = requested && requested.getTime() > facts.createdAt.getTime() ? 'requested' : 'created';
  const startAt = startReason === 'requested' && requested ? requested : facts.createdAt;
  const endAt = facts.closedAt ?? now;
  const warningShare = policies.warningShare.value;
  const outcome = selectSlaRule(facts, policies);

  // Closed orders whose part times were never entered get no deduction for them: the outlet must record
  // arrival times to be credited, and an open-ended wait cannot be measured after the fact.
  const all = partWaitIntervals(facts.partWaits, endAt);
  const credited = (w: (typeof all)[number]) =>
    w.endSource !== 'uncredited' && !(facts.closedAt && w.endSource === 'open');
  const waits = all.filter(credited);
  const uncreditedParts = all.filter((w) => !credited(w)).map((w) => w.part);
  const inSpan = waits
    .map((w) => ({ ...w, clipped: clipIntervals([w.interval], startAt, endAt)[0] }))
    .filter((w): w is typeof w & { clipped: Interval } => w.clipped !== undefined);
  const merged = mergeIntervals(inSpan.map((w) => w.clipped));
  const deductions: SlaDeduction[] = merged.map((m) => {
    const members = inSpan.filter(
      (w) => w.clipped.from.getTime() < m.to.getTime() && w.clipped.to.getTime() > m.from.getTime(),
    );
    const open = members.some((w) => w.endSource === 'open');
    return {
      from: m.from,
      to: m.to,
      ms: m.to.getTime() - m.from.getTime(),
      parts: [...new Set(members.map((w) => w.part))],
      endSource: open
        ? 'open'
        : members.some((w) => w.endSource === 'shelf_off')
          ? 'shelf_off'
          : 'station_arrival',
    };
  });
  const deductedMs = totalMs(merged);
  const openWaits = facts.closedAt ? [] : waits.filter((w) => w.endSource === 'open').map((w) => w.part);
  const assessedMs = Math.max(0, endAt.getTime() - startAt.getTime() - deductedMs);

  if (!outcome.applies) {
    return {
      state: 'none',
      decision: null,
      noSlaReason: outcome.reason,
      startAt,
      startReason,
      deadline: null,
      allowedMs: 0,
      assessedMs,
      deductions,
      deductedMs,
      openWaits,
      uncreditedParts,
      warningShare,
    };
  }
  const allowedMs = outcome.decision.allowedHours * 3_600_000;
  const deadline = deadlineAfter(startAt, allowedMs, merged);
  let state: SlaState;
  if (facts.closedAt) state = assessedMs <= allowedMs ? 'met' : 'breached';
  else if (assessedMs > allowedMs) state = 'breached';
  else if (openWaits.length > 0) state = 'paused';
  else if (assessedMs >= allowedMs * warningShare) state = 'warning';
  else state = 'on_track';
  return {
    state,
    decision: outcome.decision,
    noSlaReason: null,
    startAt,
    startReason,
    deadline,
    allowedMs,
    assessedMs,
    deductions,
    deductedMs,
    openWaits,
    uncreditedParts,
    warningShare,
  };
}
