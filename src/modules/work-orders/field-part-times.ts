import type { FieldIssue } from './domain/field-checks.ts';

/**
 * WO-7.6 / WO-11: a part's movement times as reported by the outlet. They are facts, not plans: none may lie
 * in the future (beyond a small allowance for clocks that run ahead) or before the application, and they
 * follow the part's path — off the division's shelf, through the station, to the outlet, into the unit.
 * Pure: the caller passes `now` and the merged times (stored values with the requested changes applied).
 */

export const partTimeFields = ['shelfOffAt', 'stationArrivalAt', 'arrivedAtOutletAt', 'fittedAt'] as const;
export type PartTimeField = (typeof partTimeFields)[number];
export type PartTimes = Record<PartTimeField, Date | null>;

/** Devices' clocks drift; a report stamped a few minutes ahead of the server is still a fact. */
export const FUTURE_ALLOWANCE_MS = 5 * 60_000;

const labels: Record<PartTimeField, string> = {
  shelfOffAt: 'the shelf-off time (下架)',
  stationArrivalAt: 'the station arrival (过站)',
  arrivedAtOutletAt: 'the arrival at the outlet',
  fittedAt: 'the fitting time',
};

export function checkPartTimes(
  times: PartTimes,
  ctx: { now: Date; appliedAt: Date; changed: readonly PartTimeField[] },
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const latest = ctx.now.getTime() + FUTURE_ALLOWANCE_MS;
  for (const field of ctx.changed) {
    const t = times[field];
    if (!t) continue;
    if (t.getTime() > latest) {
      issues.push({
        path: `/${field}`,
        code: 'TIME_IN_FUTURE',
        message: `${capital(labels[field])} cannot be in the future; enter when it happened.`,
      });
    } else if (t.getTime() < ctx.appliedAt.getTime()) {
      issues.push({
        path: `/${field}`,
        code: 'BEFORE_APPLICATION',
        message: `${capital(labels[field])} cannot be before the part was applied for.`,
      });
    }
  }
  // Each known time must not precede an earlier step that is known.
  partTimeFields.forEach((field, i) => {
    const t = times[field];
    if (!t) return;
    for (const earlier of partTimeFields.slice(0, i)) {
      const e = times[earlier];
      if (e && t.getTime() < e.getTime()) {
        issues.push({
          path: `/${field}`,
          code: 'OUT_OF_ORDER',
          message: `${capital(labels[field])} cannot be before ${labels[earlier]}.`,
        });
        break;
      }
    }
  });
  return issues;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
