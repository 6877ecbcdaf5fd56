import { addCalendarDays, businessDate } from '../../../platform/time.ts';
import { assertValidDate, assertWholeDays } from './field-checks.ts';
import type { IntermediateResult } from './intermediate-results.ts';
import type { ClosingBasis } from './lifecycle.ts';

/**
 * WO-6 closing (封单/结单). The state machine says from where a close may start; this says whether the
 * order's facts allow it. Refusals are all listed, the first (6.3 before the basis's own rule) is `code`.
 */

/**
 * WO-6.1: whose callback may confirm a normal completion. The seed (封单的标准 1) names the dispatcher
 * (信息员回访); DOMAIN adds the call center, whose callbacks (CB) reach the same customer.
 */
export const closingCallbackAgents = ['dispatcher', 'call_center'] as const;
export type ClosingCallbackAgent = (typeof closingCallbackAgents)[number];

export interface ClosingCallback {
  by: ClosingCallbackAgent | 'other';
  at: Date;
  /** False when nobody answered: an attempt, not a verdict. */
  reached: boolean;
  /** The customer's verdict when reached. */
  satisfied: boolean | null;
}

export interface OnSiteDecline {
  /** When the customer declined. */
  at: Date;
  /** The engineer's visit start on this order (null when nobody went). */
  visitStartedAt: Date | null;
  clearlyDeclined: boolean;
  /** The detailed address was confirmed on the spot (seed: 地址详细). */
  addressConfirmed: boolean;
  reason: string | null;
}

export interface ClosingFacts {
  basis: ClosingBasis;
  /** When the work was reported complete (the latest completion if the order was reopened). */
  completedAt: Date | null;
  /** Work still outstanding (a second unit, a part not fitted, …), as short labels. */
  unfinishedWork: readonly string[];
  callbacks: readonly ClosingCallback[];
  /** The latest WO-5 result on the order. */
  latestResult: IntermediateResult | null;
  /** Open complaints or disputes about the solution (CMP). */
  openDisputes: number;
  onSiteDecline: OnSiteDecline | null;
}

export interface ClosingContext {
  now: Date;
  tz: string;
  /** Policy `wo.no_time.horizon_days` (7). */
  noTimeHorizonDays: number;
}

export type ClosingRule = 'WO-6.1' | 'WO-6.2' | 'WO-6.3' | 'WO-6.4';

export type ClosingRefusalCode =
  | 'WORK_UNFINISHED'
  | 'CUSTOMER_NOT_SATISFIED'
  | 'CALLBACK_REQUIRED'
  | 'NO_TIME_RESULT_REQUIRED'
  | 'NO_TIME_NOT_BEYOND_HORIZON'
  | 'NO_TIME_STATEMENT_EXPIRED'
  | 'DECLINE_NOT_RECORDED'
  | 'DECLINE_NOT_ON_SITE'
  | 'DECLINE_NOT_CLEAR'
  | 'ADDRESS_NOT_CONFIRMED'
  | 'DECLINE_REASON_REQUIRED';

export interface ClosingRefusal {
  code: ClosingRefusalCode;
  rule: ClosingRule;
  message: string;
  details: Record<string, string | number | boolean | Date | null>;
}

export type ClosingDecision =
  | { ok: true; basis: ClosingBasis; rule: 'WO-6.1' | 'WO-6.2' | 'WO-6.4' }
  | ({ ok: false; basis: ClosingBasis; refusals: ClosingRefusal[] } & ClosingRefusal);

const ruleOfBasis = { completed: 'WO-6.1', customer_no_time: 'WO-6.2', declined_on_site: 'WO-6.4' } as const;

/** WO-6: may the order be closed on `facts.basis` now? */
export function canClose(facts: ClosingFacts, ctx: ClosingContext): ClosingDecision {
  assertValidDate(ctx.now, 'now');
  assertWholeDays(ctx.noTimeHorizonDays, 'noTimeHorizonDays');
  const refusals = [...oneTicketToTheEnd(facts), ...basisRefusals(facts, ctx)];
  const first = refusals[0];
  if (!first) return { ok: true, basis: facts.basis, rule: ruleOfBasis[facts.basis] };
  return { ok: false, basis: facts.basis, ...first, refusals };
}

/**
 * WO-6.3: unfinished work, or a customer not satisfied with the solution, never closes. A no-time close (6.2)
 * and an on-site decline (6.4) are the rule's own exceptions for "unfinished": the customer chose them.
 */
function oneTicketToTheEnd(facts: ClosingFacts): ClosingRefusal[] {
  const out: ClosingRefusal[] = [];
  if (facts.basis === 'completed' && (facts.completedAt === null || facts.unfinishedWork.length > 0)) {
    out.push({
      code: 'WORK_UNFINISHED',
      rule: 'WO-6.3',
      message:
        facts.completedAt === null
          ? 'The work is not reported complete; finish it before closing (one ticket to the end).'
          : `Work is still open: ${facts.unfinishedWork.join(', ')}. Finish it before closing.`,
      details: { completedAt: facts.completedAt, unfinished: facts.unfinishedWork.join(', ') },
    });
  }
  if (facts.openDisputes > 0) {
    out.push({
      code: 'CUSTOMER_NOT_SATISFIED',
      rule: 'WO-6.3',
      message: `The customer has ${facts.openDisputes} open complaint(s) about this order; resolve them first.`,
      details: { openDisputes: facts.openDisputes },
    });
  }
  const r = facts.latestResult;
  const resolvedByCompletion =
    facts.basis === 'completed' &&
    facts.completedAt !== null &&
    r !== null &&
    r.recordedAt < facts.completedAt;
  if (r?.code === 'NORMAL_NOT_ACCEPTED' && r.negotiation !== 'agreed' && !resolvedByCompletion) {
    out.push({
      code: 'CUSTOMER_NOT_SATISFIED',
      rule: 'WO-6.3',
      message: 'The customer does not accept the solution yet; keep negotiating until they agree.',
      details: { negotiation: r.negotiation, recordedAt: r.recordedAt },
    });
  }
  return out;
}

function basisRefusals(facts: ClosingFacts, ctx: ClosingContext): ClosingRefusal[] {
  switch (facts.basis) {
    case 'completed':
      return callbackRefusals(facts);
    case 'customer_no_time':
      return noTimeRefusals(facts, ctx);
    case 'declined_on_site':
      return declineRefusals(facts.onSiteDecline);
  }
}

/** WO-6.1: the latest reached callback after completion, by the dispatcher or call center, says satisfied. */
function callbackRefusals(facts: ClosingFacts): ClosingRefusal[] {
  const completedAt = facts.completedAt;
  if (!completedAt) return [];
  const after = facts.callbacks.filter(
    (c) => (closingCallbackAgents as readonly string[]).includes(c.by) && c.at >= completedAt,
  );
  const reached = after.filter((c) => c.reached).sort((a, b) => a.at.getTime() - b.at.getTime());
  const latest = reached.at(-1);
  if (!latest) {
    return [
      {
        code: 'CALLBACK_REQUIRED',
        rule: 'WO-6.1',
        message: 'Call the customer back and confirm they are satisfied before closing.',
        details: { unansweredAttempts: after.length, completedAt },
      },
    ];
  }
  if (latest.satisfied !== true) {
    return [
      {
        code: 'CUSTOMER_NOT_SATISFIED',
        rule: 'WO-6.1',
        message: 'The callback did not find the customer satisfied; reopen the order and resolve it.',
        details: { callbackAt: latest.at, by: latest.by, satisfied: latest.satisfied },
      },
    ];
  }
  return [];
}

/**
 * WO-6.2: the latest outcome is CUSTOMER_NO_TIME, it covers the horizon from the day it was stated, and it
 * still holds today (a statement whose period has ended says nothing about the customer now).
 */
function noTimeRefusals(facts: ClosingFacts, ctx: ClosingContext): ClosingRefusal[] {
  const r = facts.latestResult;
  if (r?.code !== 'CUSTOMER_NO_TIME') {
    return [
      {
        code: 'NO_TIME_RESULT_REQUIRED',
        rule: 'WO-6.2',
        message: 'Record that the customer has no time (CUSTOMER_NO_TIME) as the latest outcome first.',
        details: { latestCode: r?.code ?? null },
      },
    ];
  }
  const out: ClosingRefusal[] = [];
  const statedOn = businessDate(r.recordedAt, ctx.tz);
  const horizonEnd = addCalendarDays(statedOn, ctx.noTimeHorizonDays);
  if (r.noTimeThrough < horizonEnd) {
    out.push({
      code: 'NO_TIME_NOT_BEYOND_HORIZON',
      rule: 'WO-6.2',
      message: `The customer has time before ${horizonEnd}; agree a visit instead of closing.`,
      details: { statedOn, noTimeThrough: r.noTimeThrough, horizonEnd, horizonDays: ctx.noTimeHorizonDays },
    });
  }
  const today = businessDate(ctx.now, ctx.tz);
  if (today > r.noTimeThrough) {
    out.push({
      code: 'NO_TIME_STATEMENT_EXPIRED',
      rule: 'WO-6.2',
      message: `The customer had no time only through ${r.noTimeThrough}; contact them again.`,
      details: { noTimeThrough: r.noTimeThrough, today },
    });
  }
  return out;
}

/** WO-6.4: declined on site, clearly, with the address confirmed and the reason noted. */
function declineRefusals(d: OnSiteDecline | null): ClosingRefusal[] {
  if (!d) {
    return [
      {
        code: 'DECLINE_NOT_RECORDED',
        rule: 'WO-6.4',
        message: 'Record the customer’s decline on site before closing on it.',
        details: {},
      },
    ];
  }
  const out: ClosingRefusal[] = [];
  if (d.visitStartedAt === null || d.at < d.visitStartedAt) {
    out.push({
      code: 'DECLINE_NOT_ON_SITE',
      rule: 'WO-6.4',
      message: 'A decline closes the order only when given to the engineer on site; visit the customer.',
      details: { declinedAt: d.at, visitStartedAt: d.visitStartedAt },
    });
  }
  if (!d.clearlyDeclined) {
    out.push({
      code: 'DECLINE_NOT_CLEAR',
      rule: 'WO-6.4',
      message: 'The customer has not clearly declined the repair; keep the order open.',
      details: {},
    });
  }
  if (!d.addressConfirmed) {
    out.push({
      code: 'ADDRESS_NOT_CONFIRMED',
      rule: 'WO-6.4',
      message: 'Confirm the detailed address on site before closing.',
      details: {},
    });
  }
  if (!d.reason || d.reason.trim() === '') {
    out.push({
      code: 'DECLINE_REASON_REQUIRED',
      rule: 'WO-6.4',
      message: 'Note why the customer declined, for the call center.',
      details: {},
    });
  }
  return out;
}
