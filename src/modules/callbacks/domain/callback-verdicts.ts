import type { CallbackFieldIssue, Verdict, VerdictReason } from './callback-codes.ts';
import {
  isOneOf,
  reasonsByVerdict,
  reasonsNeedingNote,
  samePhoneReasons,
  verdicts,
} from './callback-codes.ts';
import { assertCount } from './callback-time.ts';

/**
 * CB-6 verdicts (seed 000 5.回访结果): 合格; 不合格, e.g. the same phone entered with different names or
 * addresses on several orders (同一电话不同姓名地址多次录单); 不属实, e.g. a visit that was not made, a false
 * service mode, over-reported fees. 合格按照标准结算, 不合格和不属实给予不同结算标准 — CB-1: the verdict is
 * what settlement pays on (为结算提供依据).
 */

// ---------------------------------------------------------------------------------------------------------
// Evidence: the same phone with a different name or address on other orders.

export interface OrderContactFacts {
  orderId: string;
  /** HMAC blind index of the customer's phone (MD-5); null when the order has no phone. */
  phoneIndex: string | null;
  /** Decrypted by the service for the comparison only; never returned. */
  name: string;
  address: string;
}

export interface SamePhoneConflict {
  orderId: string;
  differentName: boolean;
  differentAddress: boolean;
}

/**
 * Names and addresses compare after NFKC (full-width → half-width), lower-casing and dropping spaces,
 * punctuation and symbols: "朝阳区 建国路８８号" and "朝阳区建国路88号" are one address.
 */
export function comparableText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * CB-6 evidence finder: the other orders entered with the same phone (by blind index) under a different
 * name or address. An empty name or address on either side proves nothing and is not a difference. Only
 * order ids and flags come back, so the result can be shown and audited without personal data.
 */
export function findSamePhoneConflicts(
  order: OrderContactFacts,
  others: readonly OrderContactFacts[],
): SamePhoneConflict[] {
  if (order.phoneIndex === null || order.phoneIndex === '') return [];
  const name = comparableText(order.name);
  const address = comparableText(order.address);
  const differs = (a: string, b: string) => a !== '' && b !== '' && a !== b;
  const seen = new Set<string>();
  const out: SamePhoneConflict[] = [];
  for (const other of others) {
    if (other.orderId === order.orderId || other.phoneIndex !== order.phoneIndex || seen.has(other.orderId)) {
      continue;
    }
    seen.add(other.orderId);
    const differentName = differs(name, comparableText(other.name));
    const differentAddress = differs(address, comparableText(other.address));
    if (differentName || differentAddress)
      out.push({ orderId: other.orderId, differentName, differentAddress });
  }
  return out.sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------------------
// The verdict form.

export interface VerdictDecision {
  verdict: Verdict;
  reasons: VerdictReason[];
  note: string | null;
  /** Conflicting orders cited for the same-phone reasons. */
  evidenceOrderIds: string[];
}

export type VerdictValidation =
  { ok: true; decision: VerdictDecision } | { ok: false; code: string; issues: CallbackFieldIssue[] };

const NOTE_MAX = 2000;

/**
 * CB-6: checks the agent's verdict `{ verdict, reasons, note }` against the conflicts found for the order.
 * A qualified verdict has no reasons; the others need at least one of their own; "other" needs a note; a
 * same-phone reason needs a conflicting order of that kind as evidence.
 */
export function validateVerdict(
  input: unknown,
  conflicts: readonly SamePhoneConflict[],
  basePath = '',
): VerdictValidation {
  const issues: CallbackFieldIssue[] = [];
  const add = (path: string, code: string, message: string) =>
    issues.push({ path: `${basePath}${path}`, code, message });
  const fail = (): VerdictValidation => ({ ok: false, code: issues[0]?.code ?? 'INVALID', issues });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    add('', 'REQUIRED', 'Choose a verdict: qualified, unqualified or untrue.');
    return fail();
  }
  const form = input as Record<string, unknown>;
  if (!isOneOf(verdicts, form.verdict)) {
    add(
      '/verdict',
      form.verdict === undefined || form.verdict === null ? 'REQUIRED' : 'INVALID',
      'Choose a verdict: qualified, unqualified or untrue.',
    );
    return fail();
  }
  const verdict = form.verdict;
  const allowed = reasonsByVerdict[verdict];
  const raw = form.reasons ?? [];
  if (!Array.isArray(raw)) {
    add('/reasons', 'INVALID', 'Give the reasons as a list of reason codes.');
    return fail();
  }
  let note: string | null = null;
  if (form.note !== undefined && form.note !== null) {
    if (typeof form.note !== 'string') add('/note', 'INVALID', 'The note must be text.');
    else if (form.note.length > NOTE_MAX)
      add('/note', 'TOO_LONG', `Shorten the note to ${NOTE_MAX} characters.`);
    else note = form.note.trim() === '' ? null : form.note.trim();
  }
  if (verdict === 'qualified' && raw.length > 0) {
    add(
      '/reasons',
      'REASONS_NOT_ALLOWED',
      'A qualified verdict has no reasons; remove them or choose another verdict.',
    );
  }
  if (verdict !== 'qualified' && raw.length === 0) {
    add('/reasons', 'REASON_REQUIRED', `Choose at least one reason for "${verdict}": ${allowed.join(', ')}.`);
  }
  const reasons: VerdictReason[] = [];
  raw.forEach((reason: unknown, i) => {
    if (verdict === 'qualified') return;
    if (!isOneOf(allowed, reason)) {
      add(
        `/reasons/${i}`,
        'REASON_NOT_FOR_VERDICT',
        `"${String(reason)}" is not a reason for "${verdict}"; choose from ${allowed.join(', ')}.`,
      );
    } else if (reasons.includes(reason)) {
      add(`/reasons/${i}`, 'DUPLICATE_REASON', `"${reason}" is listed twice; keep it once.`);
    } else {
      reasons.push(reason);
    }
  });
  if (reasons.some((r) => reasonsNeedingNote.includes(r)) && note === null) {
    add(
      '/note',
      'NOTE_REQUIRED',
      'Say in the note what was wrong: an "other" reason has no meaning of its own.',
    );
  }
  const evidenceOrderIds: string[] = [];
  for (const reason of reasons.filter((r) => samePhoneReasons.includes(r))) {
    const matching = conflicts.filter((c) =>
      reason === 'SAME_PHONE_DIFFERENT_NAME' ? c.differentName : c.differentAddress,
    );
    if (matching.length === 0) {
      add(
        `/reasons/${raw.indexOf(reason)}`,
        'EVIDENCE_MISSING',
        `No other order with this phone has a different ${reason === 'SAME_PHONE_DIFFERENT_NAME' ? 'name' : 'address'}; choose another reason.`,
      );
    }
    for (const c of matching) if (!evidenceOrderIds.includes(c.orderId)) evidenceOrderIds.push(c.orderId);
  }
  if (issues.length > 0) return fail();
  return { ok: true, decision: { verdict, reasons, note, evidenceOrderIds: evidenceOrderIds.sort() } };
}

// ---------------------------------------------------------------------------------------------------------
// Settlement effect.

export interface SettlementEffectPolicy {
  /** Policy `stl.callback_result.fee_share`. */
  feeShare: Record<Verdict, number>;
  /** Policy `stl.callback_result.untrue_deduction_fen`. */
  untrueDeductionFen: number;
}

export interface SettlementEffect {
  verdict: Verdict;
  /** standard: the full fee; reduced: a lower share; deducted: an amount is also taken from the outlet. */
  kind: 'standard' | 'reduced' | 'deducted';
  feeShare: number;
  standardFeeFen: number;
  /** The fee paid for the order, rounded to the nearest fen. */
  payableFen: number;
  /** Taken from the outlet's statement on top (untrue orders). */
  deductionFen: number;
  /** payable − deduction; negative when the deduction is larger. */
  netFen: number;
}

/**
 * CB-1 / CB-6: what a final verdict means for settlement. The seed says only that unqualified and untrue
 * settle at "different standards" (不同结算标准) and that the call center 按制度扣罚; the shares and the
 * deduction are policy, and a deduction applies to untrue orders only.
 */
export function settlementEffect(
  verdict: Verdict,
  standardFeeFen: number,
  policy: SettlementEffectPolicy,
): SettlementEffect {
  assertCount(standardFeeFen, 'standardFeeFen');
  assertCount(policy.untrueDeductionFen, 'untrueDeductionFen');
  const feeShare = policy.feeShare[verdict];
  if (typeof feeShare !== 'number' || !(feeShare >= 0 && feeShare <= 1)) {
    throw new Error(`Invalid fee share for ${verdict}: expected 0–1, got ${String(feeShare)}.`);
  }
  const payableFen = Math.round(standardFeeFen * feeShare);
  const deductionFen = verdict === 'untrue' ? policy.untrueDeductionFen : 0;
  return {
    verdict,
    kind: deductionFen > 0 ? 'deducted' : feeShare === 1 ? 'standard' : 'reduced',
    feeShare,
    standardFeeFen,
    payableFen,
    deductionFen,
    netFen: payableFen - deductionFen,
  };
}
