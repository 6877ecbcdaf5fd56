import type { FieldError } from '../../../platform/errors.ts';

/**
 * Codes of the callbacks module (CB, seed 000 六、回访管理). Every list is closed: the service stores these
 * strings, the console translates them, and tests name them.
 */

/** NET-6 outlet grades (甲乙丙丁) as the outlets module stores them; the CB-2 sampling rate depends on it. */
export const outletGrades = ['A', 'B', 'C', 'D'] as const;
export type OutletGrade = (typeof outletGrades)[number];

/** Who makes a task's callback: the HQ call center (呼叫中心) or the outlet itself (网点回访, CB-2). */
export const callbackCallers = ['call_center', 'outlet'] as const;
export type CallbackCaller = (typeof callbackCallers)[number];

/**
 * CB-5 how one call ended. `other_knows`: someone else answered and knows about the service, so their
 * account is recorded as the result; `other_does_not_know`: someone else answered and does not, so the
 * customer is called again another day (seed 000: 改天联系客户本人).
 */
export const attemptOutcomes = ['no_answer', 'other_knows', 'other_does_not_know', 'reached'] as const;
export type AttemptOutcome = (typeof attemptOutcomes)[number];

/** Outcomes that give the call center an account of the service to judge. */
export const answeredOutcomes: readonly AttemptOutcome[] = ['reached', 'other_knows'];

/** CB-5 time slots (时间段); their boundaries are policy `cb.attempt.slot_starts`. */
export const callSlots = ['morning', 'afternoon', 'evening'] as const;
export type CallSlot = (typeof callSlots)[number];

/** CB-6 verdicts: 合格 / 不合格 / 不属实. */
export const verdicts = ['qualified', 'unqualified', 'untrue'] as const;
export type Verdict = (typeof verdicts)[number];

/**
 * CB-6 reasons for 不合格. The seed's example (同一电话不同姓名地址多次录单) gives the first two; the seed ends
 * its list with 等 ("and so on"), so the quality findings the CB-4 questions can reveal are added, and
 * OTHER_UNQUALIFIED needs a note.
 */
export const unqualifiedReasons = [
  'SAME_PHONE_DIFFERENT_NAME',
  'SAME_PHONE_DIFFERENT_ADDRESS',
  'NOT_WORKING_AFTER_SERVICE',
  'SERVICE_NOT_TIMELY',
  'CUSTOMER_DISSATISFIED',
  'OTHER_UNQUALIFIED',
] as const;
export type UnqualifiedReason = (typeof unqualifiedReasons)[number];

/**
 * CB-6 reasons for 不属实: 谎报上门服务 (VISIT_NOT_MADE), 虚报服务方式 (FALSE_SERVICE_MODE), 多报费用
 * (FEE_OVER_REPORTED) from the seed; WORK_NOT_DONE (the customer says nothing was repaired or installed on
 * an order reported complete) and OTHER_UNTRUE (with a note) cover the seed's 等.
 */
export const untrueReasons = [
  'VISIT_NOT_MADE',
  'FALSE_SERVICE_MODE',
  'FEE_OVER_REPORTED',
  'WORK_NOT_DONE',
  'OTHER_UNTRUE',
] as const;
export type UntrueReason = (typeof untrueReasons)[number];

export type VerdictReason = UnqualifiedReason | UntrueReason;

/** Reasons a verdict may carry; a qualified verdict carries none. */
export const reasonsByVerdict: Record<Verdict, readonly VerdictReason[]> = {
  qualified: [],
  unqualified: unqualifiedReasons,
  untrue: untrueReasons,
};

/** Reasons whose meaning is only in the agent's note. */
export const reasonsNeedingNote: readonly VerdictReason[] = ['OTHER_UNQUALIFIED', 'OTHER_UNTRUE'];

/** Reasons that need the conflicting orders as evidence (CB-6, `findSamePhoneConflicts`). */
export const samePhoneReasons: readonly VerdictReason[] = [
  'SAME_PHONE_DIFFERENT_NAME',
  'SAME_PHONE_DIFFERENT_ADDRESS',
];

/** CB-8 channels of a home-service callback (seed 004: 电话/短信/微信/邮件/登门造访). */
export const homeServiceChannels = ['phone', 'sms', 'wechat', 'email', 'visit'] as const;
export type HomeServiceChannel = (typeof homeServiceChannels)[number];

/** CB-8 who is called back on a home-service placement: the customer (用户) or the placed worker (家政服务员). */
export const homeServiceParties = ['customer', 'worker'] as const;
export type HomeServiceParty = (typeof homeServiceParties)[number];

/** A field problem: JSON-pointer `path`, a stable `code` for the console and tests, an English sentence. */
export interface CallbackFieldIssue extends FieldError {
  code: string;
}

/** Values allowed in refusal details (they reach problem+json and audit rows; never personal data). */
export type DetailValue = string | number | boolean | Date | null;

export const isOneOf = <T extends string>(options: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (options as readonly string[]).includes(value);
