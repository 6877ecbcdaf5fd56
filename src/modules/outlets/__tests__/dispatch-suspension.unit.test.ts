import { describe, expect, it } from 'vitest';
import { dispatchSuspendedUntil, isDispatchSuspended } from '../domain/dispatch-suspension.ts';

const tz = 'Asia/Shanghai';
// 2026-11-23 17:00 in Shanghai.
const finding = new Date('2026-11-23T09:00:00Z');

describe('NET-10 a finding suspends dispatch to the outlet for N days', () => {
  it('NET-10 three days after a finding: dispatch resumes on the fourth business date', () => {
    const until = dispatchSuspendedUntil(finding, 3, { tz, currentUntil: null });
    expect(until).toBe('2026-11-27');
    expect(isDispatchSuspended(until, finding, tz)).toBe(true);
    expect(isDispatchSuspended(until, new Date('2026-11-26T15:59:00Z'), tz)).toBe(true); // 26th 23:59
    expect(isDispatchSuspended(until, new Date('2026-11-26T16:00:00Z'), tz)).toBe(false); // 27th 00:00
    expect(isDispatchSuspended(null, finding, tz)).toBe(false);
  });

  it('NET-10 a new shorter suspension never shortens one already running', () => {
    expect(dispatchSuspendedUntil(finding, 1, { tz, currentUntil: '2026-12-01' })).toBe('2026-12-01');
    expect(dispatchSuspendedUntil(finding, 10, { tz, currentUntil: '2026-12-01' })).toBe('2026-12-04');
  });

  it('the number of days must be a positive whole number', () => {
    expect(() => dispatchSuspendedUntil(finding, 0, { tz, currentUntil: null })).toThrow(RangeError);
    expect(() => dispatchSuspendedUntil(finding, 1.5, { tz, currentUntil: null })).toThrow(RangeError);
  });
});
