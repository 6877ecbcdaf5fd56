import { describe, expect, it } from 'vitest';
import { atBusinessTime } from '../../../../platform/time.ts';
import { defaultPolicyValue } from '../../../policy/domain/policy-values.ts';
import { canClose } from '../../../work-orders/index.ts';
import {
  callbackQuestions,
  closingCallbackFact,
  isSatisfied,
  validateCallbackAnswers,
} from '../callback-questionnaire.ts';

const tz = 'Asia/Shanghai';
const sh = (date: string, time: string) => atBusinessTime(date, time, tz);
const minScore = defaultPolicyValue('cb.satisfaction.min_satisfied_score');

const answers = (over: Record<string, unknown> = {}) => ({
  repairedOrInstalled: true,
  feeCharged: true,
  feeAmountFen: 8_000,
  timely: true,
  worksNow: true,
  satisfaction: 5,
  note: '  Engineer was polite. ',
  ...over,
});
const issues = (input: unknown) => {
  const r = validateCallbackAnswers(input, '/answers');
  return r.ok ? [] : r.issues.map((i) => `${i.path} ${i.code}`);
};

describe('callback questionnaire (CB-4)', () => {
  it('CB-4 asks repaired/installed, fee and amount, timely, works now, satisfaction 1–5 — worded for the order type', () => {
    const repair = callbackQuestions('repair');
    expect(repair.map((q) => [q.id, q.kind, q.path])).toEqual([
      ['repairedOrInstalled', 'yes_no', '/repairedOrInstalled'],
      ['feeCharged', 'yes_no', '/feeCharged'],
      ['feeAmountFen', 'amount_fen', '/feeAmountFen'],
      ['timely', 'yes_no', '/timely'],
      ['worksNow', 'yes_no', '/worksNow'],
      ['satisfaction', 'score', '/satisfaction'],
    ]);
    expect(repair.every((q) => q.rule === 'CB-4')).toBe(true);
    expect(repair[0]?.label['zh-CN']).toBe('产品是否已维修好？');
    expect(callbackQuestions('install')[0]?.label).toEqual({
      'zh-CN': '产品是否已安装好？',
      'en-US': 'Was the product installed?',
    });
    expect(repair.find((q) => q.id === 'feeAmountFen')?.askedWhen).toEqual({
      id: 'feeCharged',
      equals: true,
    });
    expect(repair.find((q) => q.id === 'satisfaction')).toMatchObject({ min: 1, max: 5 });
  });

  it('CB-4 a complete form is accepted and normalised', () => {
    expect(validateCallbackAnswers(answers())).toEqual({
      ok: true,
      answers: {
        repairedOrInstalled: true,
        feeCharged: true,
        feeAmountFen: 8_000,
        timely: true,
        worksNow: true,
        satisfaction: 5,
        note: 'Engineer was polite.',
      },
    });
    const free = validateCallbackAnswers(answers({ feeCharged: false, feeAmountFen: null, note: ' ' }));
    expect(free.ok ? [free.answers.feeAmountFen, free.answers.note] : free.issues).toEqual([null, null]);
  });

  it('CB-4 every problem is reported with the path of its field', () => {
    const cases: [unknown, string[]][] = [
      [null, ['/answers REQUIRED']],
      [
        {},
        [
          '/answers/repairedOrInstalled REQUIRED',
          '/answers/feeCharged REQUIRED',
          '/answers/timely REQUIRED',
          '/answers/worksNow REQUIRED',
          '/answers/satisfaction REQUIRED',
        ],
      ],
      [answers({ feeAmountFen: undefined }), ['/answers/feeAmountFen AMOUNT_REQUIRED']],
      [answers({ feeAmountFen: 0 }), ['/answers/feeAmountFen INVALID']],
      [answers({ feeAmountFen: 12.5 }), ['/answers/feeAmountFen INVALID']],
      [answers({ feeAmountFen: '80' }), ['/answers/feeAmountFen INVALID']],
      [answers({ feeCharged: false }), ['/answers/feeAmountFen AMOUNT_NOT_EXPECTED']],
      [answers({ timely: 'yes' }), ['/answers/timely INVALID']],
      [answers({ satisfaction: 0 }), ['/answers/satisfaction INVALID']],
      [answers({ satisfaction: 6 }), ['/answers/satisfaction INVALID']],
      [answers({ satisfaction: 4.5 }), ['/answers/satisfaction INVALID']],
      [answers({ note: 'x'.repeat(2001) }), ['/answers/note TOO_LONG']],
      [answers({ customerName: 'x' }), ['/answers/customerName UNKNOWN_FIELD']],
    ];
    expect(cases.map(([input]) => issues(input))).toEqual(cases.map(([, expected]) => expected));
    const r = validateCallbackAnswers(answers({ feeAmountFen: undefined }));
    expect(r.ok ? null : [r.code, r.issues[0]?.message]).toEqual([
      'AMOUNT_REQUIRED',
      'A fee was charged: enter how much, in fen (¥1.00 = 100).',
    ]);
  });

  it('CB-4 a score of 4 or 5 (policy) is a satisfied customer', () => {
    expect(minScore).toBe(4);
    expect([1, 2, 3, 4, 5].map((s) => isSatisfied({ satisfaction: s as 1 }, minScore))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });

  it('WO-6.1 CB-4 a satisfied callback lets the order close; unanswered or unhappy ones do not', () => {
    const completedAt = sh('2026-03-24', '11:00');
    const ok = validateCallbackAnswers(answers());
    const unhappy = validateCallbackAnswers(answers({ satisfaction: 2 }));
    if (!ok.ok || !unhappy.ok) throw new Error('fixture answers are invalid');
    const closeWith = (fact: ReturnType<typeof closingCallbackFact>) => {
      const r = canClose(
        {
          basis: 'completed',
          completedAt,
          unfinishedWork: [],
          callbacks: [fact],
          latestResult: null,
          openDisputes: 0,
          onSiteDecline: null,
        },
        { now: sh('2026-03-25', '12:00'), tz, noTimeHorizonDays: 7 },
      );
      return r.ok ? 'ok' : r.code;
    };
    const at = sh('2026-03-25', '10:00');
    const facts = [
      closingCallbackFact({ at, outcome: 'reached' }, ok.answers, 'call_center', minScore),
      closingCallbackFact({ at, outcome: 'other_knows' }, ok.answers, 'outlet', minScore),
      closingCallbackFact({ at, outcome: 'reached' }, unhappy.answers, 'call_center', minScore),
      closingCallbackFact({ at, outcome: 'no_answer' }, null, 'call_center', minScore),
    ];
    expect(facts.map((f) => [f.by, f.reached, f.satisfied])).toEqual([
      ['call_center', true, true],
      ['dispatcher', true, true],
      ['call_center', true, false],
      ['call_center', false, null],
    ]);
    expect(facts.map(closeWith)).toEqual(['ok', 'ok', 'CUSTOMER_NOT_SATISFIED', 'CALLBACK_REQUIRED']);
  });
});
