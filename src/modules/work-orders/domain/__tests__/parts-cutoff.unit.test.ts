import { describe, expect, it } from 'vitest';
import { atBusinessTime } from '../../../../platform/time.ts';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import type { ArrivedPartFacts, VisitPartsFacts } from '../monitoring.ts';
import { partRequestDeadline, partsWarnings } from '../monitoring.ts';

const tz = 'Asia/Shanghai';
const sh = (date: string, time: string) => atBusinessTime(date, time, tz);
const requestCutoff = defaultPolicyValue('wo.parts.request_cutoff');

const visit = (orderId: string, over: Partial<VisitPartsFacts> = {}): VisitPartsFacts => ({
  orderId,
  engineerId: 'e1',
  visitedAt: sh('2026-03-24', '10:00'),
  partsNeeded: true,
  partRequestedAt: null,
  ...over,
});
const part = (orderId: string, over: Partial<ArrivedPartFacts> = {}): ArrivedPartFacts => ({
  orderId,
  partName: 'Fan motor',
  arrivedAtOutletAt: sh('2026-03-23', '10:00'),
  fittedAt: null,
  ...over,
});
const warn = (visits: VisitPartsFacts[], parts: ArrivedPartFacts[], now: Date) =>
  partsWarnings(visits, parts, { now, tz, requestCutoff }).map((w) => [w.orderId, w.code, w.minutesLeft]);

describe('parts cut-off (WO-11)', () => {
  it('WO-11 a visit today without a part request is warned before 17:00 and late from 17:00 exactly', () => {
    const visits = [visit('v1')];
    expect(warn(visits, [], sh('2026-03-24', '16:59'))).toEqual([['v1', 'PART_REQUEST_DUE', 1]]);
    expect(warn(visits, [], sh('2026-03-24', '17:00'))).toEqual([['v1', 'PART_REQUEST_LATE', 0]]);
    const w = partsWarnings(visits, [], { now: sh('2026-03-24', '12:00'), tz, requestCutoff })[0];
    expect(w).toEqual({
      code: 'PART_REQUEST_DUE',
      rule: 'WO-11',
      orderId: 'v1',
      dueAt: new Date('2026-03-24T09:00:00Z'),
      minutesLeft: 300,
      detail: { engineerId: 'e1', partsNeeded: true },
    });
  });

  it('WO-11 no warning once requested, when no part is needed, or before the visit; unknown need is warned', () => {
    const visits = [
      visit('requested', { partRequestedAt: sh('2026-03-24', '11:00') }),
      visit('no-part', { partsNeeded: false }),
      visit('later-today', { visitedAt: sh('2026-03-24', '15:00') }),
      visit('unknown', { partsNeeded: null }),
    ];
    expect(warn(visits, [], sh('2026-03-24', '12:00'))).toEqual([['unknown', 'PART_REQUEST_DUE', 300]]);
  });

  it('WO-11 a visit made after the cut-off has until the next day’s cut-off', () => {
    expect(partRequestDeadline(sh('2026-03-24', '17:00'), requestCutoff, tz)).toEqual(
      sh('2026-03-25', '17:00'),
    );
    expect(partRequestDeadline(sh('2026-03-24', '16:59'), requestCutoff, tz)).toEqual(
      sh('2026-03-24', '17:00'),
    );
  });

  it('WO-11 a part that arrived must be fitted the same business day: warned until Shanghai midnight, overdue after', () => {
    const parts = [part('p1'), part('fitted', { fittedAt: sh('2026-03-23', '15:00') })];
    expect(warn([], parts, new Date('2026-03-23T15:59:00Z'))).toEqual([['p1', 'PART_FIT_DUE_TODAY', 1]]);
    expect(warn([], parts, new Date('2026-03-23T16:00:00Z'))).toEqual([['p1', 'PART_FIT_OVERDUE', 0]]);
  });

  it('WO-11 warnings are ordered by due time', () => {
    const r = warn(
      [visit('v1', { visitedAt: sh('2026-03-24', '08:30') })],
      [part('p1', { arrivedAtOutletAt: sh('2026-03-24', '08:00') })],
      sh('2026-03-24', '09:00'),
    );
    expect(r).toEqual([
      ['v1', 'PART_REQUEST_DUE', 480],
      ['p1', 'PART_FIT_DUE_TODAY', 900],
    ]);
  });
});
