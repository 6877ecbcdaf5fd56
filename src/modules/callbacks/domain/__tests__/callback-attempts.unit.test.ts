import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atBusinessTime, businessDate } from '../../../../platform/time.ts';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import type { AttemptOutcome } from '../callback-codes.ts';
import type { CallAttempt } from '../callback-attempts.ts';
import { callSlotOf, checkAttempt, roundState, taskCallProgress } from '../callback-attempts.ts';

const tz = 'Asia/Shanghai';
const sh = (date: string, time: string) => atBusinessTime(date, time, tz);
const policy = {
  maxAttempts: defaultPolicyValue('cb.unreachable.max_attempts'),
  slotStarts: defaultPolicyValue('cb.attempt.slot_starts'),
};
const call = (date: string, time: string, outcome: AttemptOutcome, agentId = 'agent_1'): CallAttempt => ({
  at: sh(date, time),
  outcome,
  agentId,
});
const check = (attempts: CallAttempt[], next: CallAttempt, p = policy) => {
  const r = checkAttempt(attempts, next, p, { now: sh('2026-04-30', '12:00'), tz });
  return r.ok ? `ok ${r.slot}` : r.code;
};

describe('callback attempts (CB-5)', () => {
  it('CB-5 slot policy defaults: morning from 08:00, afternoon from 12:00, evening from 18:00', () => {
    expect(policy.slotStarts).toEqual({ morning: '08:00', afternoon: '12:00', evening: '18:00' });
  });

  it('CB-5 the slot of a call is read on the business wall clock; before 08:00 counts as morning', () => {
    const cases: [string, string][] = [
      ['06:30', 'morning'],
      ['11:59', 'morning'],
      ['12:00', 'afternoon'],
      ['17:59', 'afternoon'],
      ['18:00', 'evening'],
      ['23:30', 'evening'],
    ];
    expect(cases.map(([time]) => [time, callSlotOf(sh('2026-03-24', time), policy.slotStarts, tz)])).toEqual(
      cases,
    );
    // 02:00Z is 10:00 in Shanghai: the host's or UTC's clock never decides.
    expect(callSlotOf(new Date('2026-03-24T02:00:00Z'), policy.slotStarts, tz)).toBe('morning');
  });

  it('CB-5 after no answer the next call is in another slot — on later days too, until every slot was tried', () => {
    const morning = [call('2026-03-24', '09:00', 'no_answer')];
    expect([
      check(morning, call('2026-03-24', '10:30', 'no_answer')),
      check(morning, call('2026-03-25', '09:00', 'no_answer')),
      check(morning, call('2026-03-24', '14:00', 'no_answer')),
      check(morning, call('2026-03-24', '19:00', 'reached')),
    ]).toEqual(['SAME_SLOT_AS_UNANSWERED', 'SAME_SLOT_AS_UNANSWERED', 'ok afternoon', 'ok evening']);
    const r = checkAttempt(morning, call('2026-03-24', '10:30', 'no_answer'), policy, {
      now: sh('2026-03-24', '10:30'),
      tz,
    });
    expect(r.ok ? null : [r.rule, r.message]).toEqual([
      'CB-5',
      'Nobody answered in the morning before; call in the afternoon or evening instead.',
    ]);
  });

  it('CB-5 with morning and afternoon unanswered only the evening is left, and the desk is told when', () => {
    const state = roundState(
      [call('2026-03-24', '09:00', 'no_answer'), call('2026-03-24', '13:00', 'no_answer')],
      policy,
      { now: sh('2026-03-24', '15:00'), tz },
    );
    expect(state.status === 'calling' ? [state.attemptsLeft, state.next] : state).toEqual([
      1,
      {
        guidance: 'TRY_ANOTHER_SLOT',
        message: 'Nobody answered; call again in the evening.',
        allowedSlots: ['evening'],
        notBeforeDate: null,
        suggestedAt: sh('2026-03-24', '18:00'),
      },
    ]);
  });

  it('CB-5 gives up after the policy’s number of failed calls: the round is unreachable', () => {
    const three = [
      call('2026-03-24', '09:00', 'no_answer'),
      call('2026-03-24', '13:00', 'no_answer'),
      call('2026-03-24', '19:00', 'no_answer'),
    ];
    const state = roundState(three, policy, { now: sh('2026-03-25', '09:00'), tz });
    expect(state).toEqual({
      status: 'unreachable',
      code: 'UNREACHABLE',
      message:
        'Nobody could give an account of the service after 3 calls; the callback is given up as unreachable.',
      failedAttempts: 3,
      lastAttemptAt: sh('2026-03-24', '19:00'),
    });
    expect(check(three, call('2026-03-25', '09:00', 'reached'))).toBe('ATTEMPTS_EXHAUSTED');
    // A policy allowing more calls: once every slot was tried, any slot but the last unanswered one.
    const five = { ...policy, maxAttempts: 5 };
    expect([
      check(three, call('2026-03-25', '19:30', 'no_answer'), five),
      check(three, call('2026-03-25', '09:00', 'no_answer'), five),
      check(three, call('2026-03-25', '13:00', 'no_answer'), five),
    ]).toEqual(['SAME_SLOT_AS_UNANSWERED', 'ok morning', 'ok afternoon']);
  });

  it('CB-5 someone else who does not know about the service: call the customer again another day', () => {
    const other = [call('2026-03-24', '10:00', 'other_does_not_know')];
    expect([
      check(other, call('2026-03-24', '19:00', 'reached')),
      check(other, call('2026-03-25', '10:00', 'reached')),
    ]).toEqual(['CUSTOMER_AGAIN_ANOTHER_DAY', 'ok morning']);
    const state = roundState(other, policy, { now: sh('2026-03-24', '10:05'), tz });
    expect(state.status === 'calling' ? state.next : state).toEqual({
      guidance: 'CALL_CUSTOMER_ANOTHER_DAY',
      message:
        'The person who answered did not know about the service; call the customer again from 2026-03-25 (morning or afternoon or evening).',
      allowedSlots: ['morning', 'afternoon', 'evening'],
      notBeforeDate: '2026-03-25',
      suggestedAt: sh('2026-03-25', '08:00'),
    });
  });

  it('CB-5 someone else who knows gives the account to record; the customer answering does too', () => {
    const viaOther = roundState(
      [call('2026-03-24', '10:00', 'no_answer'), call('2026-03-24', '14:00', 'other_knows')],
      policy,
      {
        now: sh('2026-03-24', '15:00'),
        tz,
      },
    );
    const direct = roundState([call('2026-03-24', '10:00', 'reached')], policy, {
      now: sh('2026-03-24', '15:00'),
      tz,
    });
    expect(
      [viaOther, direct].map((s) => (s.status === 'answered' ? [s.respondent, s.failedAttempts] : s.status)),
    ).toEqual([
      ['other', 1],
      ['customer', 0],
    ]);
    expect(check([call('2026-03-24', '10:00', 'reached')], call('2026-03-24', '14:00', 'reached'))).toBe(
      'ROUND_ALREADY_ANSWERED',
    );
  });

  it('CB-5 calls are recorded when made and in order; an early first call is suggested from the morning start', () => {
    const earlier = [call('2026-03-24', '14:00', 'no_answer')];
    const r = checkAttempt([], call('2026-03-24', '10:00', 'reached'), policy, {
      now: sh('2026-03-24', '09:00'),
      tz,
    });
    expect(r.ok ? 'ok' : r.code).toBe('ATTEMPT_IN_FUTURE');
    expect(check(earlier, call('2026-03-24', '10:00', 'reached'))).toBe('ATTEMPT_BEFORE_PREVIOUS');
    const first = roundState([], policy, { now: sh('2026-03-24', '06:00'), tz });
    expect(first.status === 'calling' ? [first.next.guidance, first.next.suggestedAt] : first).toEqual([
      'FIRST_CALL',
      sh('2026-03-24', '08:00'),
    ]);
  });

  it('CB-5 property: accepted calls never repeat an unanswered slot while one is untried, never follow a "does not know" the same day, never exceed the policy', () => {
    const outcome = fc.constantFrom<AttemptOutcome>(
      'no_answer',
      'no_answer',
      'other_does_not_know',
      'reached',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 30 * 60 }), outcome), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 6 }),
        (steps, maxAttempts) => {
          const p = { ...policy, maxAttempts };
          let at = sh('2026-03-24', '07:00').getTime();
          const accepted: CallAttempt[] = [];
          for (const [minutes, o] of steps) {
            at += minutes * 60_000;
            const next: CallAttempt = { at: new Date(at), outcome: o, agentId: 'a' };
            if (checkAttempt(accepted, next, p, { now: next.at, tz }).ok) accepted.push(next);
          }
          const failed = accepted.filter(
            (a) => a.outcome === 'no_answer' || a.outcome === 'other_does_not_know',
          );
          expect(failed.length).toBeLessThanOrEqual(maxAttempts);
          expect(accepted.filter((a) => a.outcome === 'reached').length).toBeLessThanOrEqual(1);
          const unanswered = accepted
            .filter((a) => a.outcome === 'no_answer')
            .map((a) => callSlotOf(a.at, p.slotStarts, tz));
          expect(new Set(unanswered.slice(0, 3)).size).toBe(Math.min(3, unanswered.length));
          for (let i = 1; i < unanswered.length; i++) expect(unanswered[i]).not.toBe(unanswered[i - 1]);
          accepted.forEach((a, i) => {
            const prev = accepted[i - 1];
            if (prev?.outcome === 'other_does_not_know') {
              expect(businessDate(a.at, tz) > businessDate(prev.at, tz)).toBe(true);
            }
          });
        },
      ),
    );
  });

  it('CB-2 CB-5 a high-value task needs every round answered; a later round given up is judged on the answered ones', () => {
    const answered = [call('2026-03-24', '10:00', 'reached')];
    const givenUp = [
      call('2026-03-25', '09:00', 'no_answer'),
      call('2026-03-25', '13:00', 'no_answer'),
      call('2026-03-25', '19:00', 'no_answer'),
    ];
    const ctx = { now: sh('2026-03-26', '09:00'), tz };
    const status = (rounds: CallAttempt[][]) => {
      const r = taskCallProgress(rounds, 2, policy, ctx);
      return r.status === 'calling'
        ? [r.status, r.round, r.roundsAnswered]
        : r.status === 'ready_for_verdict'
          ? [r.status, r.roundsAnswered, r.complete]
          : [r.status, r.failedAttempts];
    };
    expect([
      status([answered]),
      status([answered, [call('2026-03-25', '10:00', 'reached')]]),
      status([answered, givenUp]),
      status([givenUp]),
    ]).toEqual([
      ['calling', 2, 1],
      ['ready_for_verdict', 2, true],
      ['ready_for_verdict', 1, false],
      ['unreachable', 3],
    ]);
  });
});
