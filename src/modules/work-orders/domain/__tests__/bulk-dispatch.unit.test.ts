import { describe, expect, it } from 'vitest';
import { bulkEngineerChoice } from '../bulk-dispatch.ts';
import type { EngineerCandidate } from '../dispatch.ts';

const engineer = (code: string, over: Partial<EngineerCandidate> = {}): EngineerCandidate => ({
  engineerId: `eng_${code}`,
  code,
  active: true,
  categories: ['air_conditioner'],
  openAssigned: 0,
  assignedToday: 0,
  ...over,
});

const team = [
  engineer('E01', { openAssigned: 3 }),
  engineer('E02', { openAssigned: 1, categories: ['air_conditioner', 'refrigerator'] }),
  engineer('E03', { openAssigned: 0, categories: ['refrigerator'] }),
  engineer('E04', { openAssigned: 0, active: false, categories: ['air_conditioner', 'refrigerator'] }),
];

describe('one engineer for several orders (WO-13)', () => {
  it('WO-13 one category: the single-order ranking, least loaded first, with the rejected and why', () => {
    const c = bulkEngineerChoice(team, ['air_conditioner', 'air_conditioner']);
    expect(c.categoryCodes).toEqual(['air_conditioner']);
    expect(c.proposal.ok).toBe(true);
    expect(c.proposal.ranked.map((r) => [r.code, r.rank, r.openAssigned])).toEqual([
      ['E02', 1, 1],
      ['E01', 2, 3],
    ]);
    expect(c.proposal.ok && c.proposal.proposal.reasons.map((r) => r.code)).toEqual([
      'QUALIFIED',
      'LEAST_LOADED',
    ]);
    expect(c.proposal.rejected.map((r) => [r.code, r.reasons.map((x) => x.code)])).toEqual([
      ['E03', ['NOT_QUALIFIED']],
      ['E04', ['NOT_ACTIVE']],
    ]);
  });

  it('WO-13 several categories: only engineers qualified for all of them rank; each missing one is a reason', () => {
    const c = bulkEngineerChoice(team, ['refrigerator', 'air_conditioner']);
    expect(c.categoryCodes).toEqual(['air_conditioner', 'refrigerator']);
    expect(c.proposal.ranked.map((r) => r.code)).toEqual(['E02']);
    expect(c.proposal.ok && c.proposal.proposal.reasons.map((r) => r.code)).toEqual([
      'QUALIFIED',
      'ONLY_CANDIDATE',
    ]);
    const why = Object.fromEntries(
      c.proposal.rejected.map((r) => [r.code, r.reasons.map((x) => `${x.code}:${x.data.category ?? ''}`)]),
    );
    expect(why).toEqual({
      E01: ['NOT_QUALIFIED:refrigerator'],
      E03: ['NOT_QUALIFIED:air_conditioner'],
      E04: ['NOT_ACTIVE:'],
    });
  });

  it('WO-13 nobody fits every category: no suggestion, a message saying what to do', () => {
    const c = bulkEngineerChoice(
      [engineer('E01'), engineer('E03', { categories: ['refrigerator'] })],
      ['air_conditioner', 'refrigerator'],
    );
    expect(c.proposal).toMatchObject({ ok: false, code: 'NO_ELIGIBLE_ENGINEER', ranked: [] });
    expect(c.proposal.ok ? '' : c.proposal.message).toContain('one category');
    expect(() => bulkEngineerChoice(team, [])).toThrow(RangeError);
  });
});
