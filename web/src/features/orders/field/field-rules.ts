import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import type { PartRequest, PartTimeField, ResultCode } from '../../../api/work-orders';
import { PART_TIME_FIELDS } from '../../../api/work-orders';
import { BUSINESS_TZ } from '../../../lib/format';

/**
 * Which field commands an order's status allows, mirroring the server's state machine
 * (domain/lifecycle.ts and the result effects of field-results.service.ts). Buttons are hidden or greyed
 * from these; the server remains the judge and its refusal is shown when the two disagree.
 */
const WORKING = ['accepted', 'assigned', 'appointed', 'in_progress', 'awaiting_parts', 'follow_up'];

export const fieldRules = {
  appoint: ['accepted', 'assigned', 'follow_up', 'awaiting_parts'],
  reschedule: ['appointed'],
  requestPart: WORKING,
  startVisit: ['appointed'],
  complete: ['in_progress'],
} as const satisfies Record<string, readonly string[]>;

export const resultCodeStatuses: Record<ResultCode, readonly string[]> = {
  APPOINTED: fieldRules.appoint,
  RESCHEDULED: fieldRules.reschedule,
  UNREACHABLE: WORKING,
  AWAITING_PARTS: ['in_progress', 'follow_up', 'awaiting_parts'],
  TAKEN_FOR_REPAIR: ['assigned', 'appointed', 'in_progress', 'follow_up', 'awaiting_parts'],
  NORMAL_NOT_ACCEPTED: ['in_progress', 'follow_up'],
  RETURN_EXCHANGE: ['in_progress', 'follow_up'],
  OUT_OF_WARRANTY_DECLINED: ['in_progress', 'follow_up'],
  CUSTOMER_NO_TIME: ['accepted', 'assigned', 'appointed', 'follow_up', 'awaiting_parts'],
};

export const isClosed = (status: string) => status === 'closed' || status === 'cancelled';
export const allows = (statuses: readonly string[], status: string) => statuses.includes(status);
export const mayRecordResult = (status: string) =>
  Object.values(resultCodeStatuses).some((statuses) => statuses.includes(status));

/* Business-time helpers: the forms read picked values as wall-clock time in the business zone (POL-2). */

export const DATE = 'YYYY-MM-DD';
export const TIME = 'HH:mm';

export const businessToday = (): string => dayjs().tz(BUSINESS_TZ).format(DATE);
export const businessNowMinute = (): string => dayjs().tz(BUSINESS_TZ).format(`${DATE} ${TIME}`);
export const dateText = (value: Dayjs | null | undefined): string | undefined =>
  value ? value.format(DATE) : undefined;
export const timeText = (value: Dayjs | null | undefined): string | undefined =>
  value ? value.format(TIME) : undefined;

/** Server's allowance for device clocks that run ahead (field-part-times.ts). */
const FUTURE_ALLOWANCE_MS = 5 * 60_000;

export type PartTimeProblem =
  { kind: 'future' } | { kind: 'beforeApplied' } | { kind: 'order'; step: PartTimeField };

/** WO-7.6 part times are facts: not in the future, not before the application, in the part's path order. */
export function partTimeProblems(
  part: PartRequest,
  times: Record<PartTimeField, string | null>,
  changed: readonly PartTimeField[],
): Partial<Record<PartTimeField, PartTimeProblem>> {
  const out: Partial<Record<PartTimeField, PartTimeProblem>> = {};
  const latest = Date.now() + FUTURE_ALLOWANCE_MS;
  const applied = new Date(part.appliedAt).getTime();
  PART_TIME_FIELDS.forEach((field, i) => {
    const value = times[field];
    if (!value) return;
    const at = new Date(value).getTime();
    if (changed.includes(field) && at > latest) out[field] = { kind: 'future' };
    else if (changed.includes(field) && at < applied) out[field] = { kind: 'beforeApplied' };
    else {
      const earlier = PART_TIME_FIELDS.slice(0, i).find((prev) => {
        const before = times[prev];
        return before !== null && new Date(before).getTime() > at;
      });
      if (earlier) out[field] = { kind: 'order', step: earlier };
    }
  });
  return out;
}
