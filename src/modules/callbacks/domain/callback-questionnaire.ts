import type { OrderType } from '../../work-orders/index.ts';
import type { AttemptOutcome, CallbackCaller, CallbackFieldIssue } from './callback-codes.ts';
import { answeredOutcomes } from './callback-codes.ts';
import { assertCount, assertInstant } from './callback-time.ts';

/**
 * CB-4 callback questions (seed 000 回访内容: 产品是否维修, 维修是否收费, 服务是否及时, 维修后使用情况 …).
 * The seed asks only whether a fee was charged; DOMAIN adds "how much", and the 1–5 satisfaction score is
 * DOMAIN's too (the seed's list ends with "……").
 */

export interface LocalizedLabel {
  'zh-CN': string;
  'en-US': string;
}

export const satisfactionScores = [1, 2, 3, 4, 5] as const;
export type SatisfactionScore = (typeof satisfactionScores)[number];

export interface CallbackAnswers {
  /** 产品是否维修/安装好. */
  repairedOrInstalled: boolean;
  /** 是否收费. */
  feeCharged: boolean;
  /** What the customer says they paid, in fen; null when no fee was charged. */
  feeAmountFen: number | null;
  /** 服务是否及时. */
  timely: boolean;
  /** 现在使用是否正常. */
  worksNow: boolean;
  satisfaction: SatisfactionScore;
  /** Anything else the agent heard. */
  note: string | null;
}

export type QuestionId = Exclude<keyof CallbackAnswers, 'note'>;

export interface CallbackQuestion {
  id: QuestionId;
  /** JSON pointer of the answer in the form. */
  path: string;
  kind: 'yes_no' | 'amount_fen' | 'score';
  rule: 'CB-4';
  label: LocalizedLabel;
  /** Asked only when another answer has this value (the amount only when a fee was charged). */
  askedWhen: { id: QuestionId; equals: boolean } | null;
  min: number | null;
  max: number | null;
}

const question = (
  id: QuestionId,
  kind: CallbackQuestion['kind'],
  label: LocalizedLabel,
  extra: Partial<Pick<CallbackQuestion, 'askedWhen' | 'min' | 'max'>> = {},
): CallbackQuestion => ({
  id,
  path: `/${id}`,
  kind,
  rule: 'CB-4',
  label,
  askedWhen: extra.askedWhen ?? null,
  min: extra.min ?? null,
  max: extra.max ?? null,
});

/** CB-4: the script's questions, in the order the agent asks them; the first names what the order was for. */
export function callbackQuestions(orderType: OrderType): CallbackQuestion[] {
  const install = orderType === 'install';
  return [
    question(
      'repairedOrInstalled',
      'yes_no',
      install
        ? { 'zh-CN': '产品是否已安装好？', 'en-US': 'Was the product installed?' }
        : { 'zh-CN': '产品是否已维修好？', 'en-US': 'Was the product repaired?' },
    ),
    question('feeCharged', 'yes_no', { 'zh-CN': '服务是否收费？', 'en-US': 'Were you charged a fee?' }),
    question(
      'feeAmountFen',
      'amount_fen',
      { 'zh-CN': '收费多少？', 'en-US': 'How much were you charged?' },
      { askedWhen: { id: 'feeCharged', equals: true }, min: 1, max: Number.MAX_SAFE_INTEGER },
    ),
    question('timely', 'yes_no', { 'zh-CN': '服务是否及时？', 'en-US': 'Was the service on time?' }),
    question('worksNow', 'yes_no', {
      'zh-CN': '现在使用是否正常？',
      'en-US': 'Does the product work properly now?',
    }),
    question(
      'satisfaction',
      'score',
      {
        'zh-CN': '您对本次服务的满意度（1–5 分）？',
        'en-US': 'How satisfied are you with the service (1–5)?',
      },
      { min: 1, max: 5 },
    ),
  ];
}

export type AnswersValidation =
  { ok: true; answers: CallbackAnswers } | { ok: false; code: string; issues: CallbackFieldIssue[] };

const KNOWN_FIELDS = new Set<string>([
  'repairedOrInstalled',
  'feeCharged',
  'feeAmountFen',
  'timely',
  'worksNow',
  'satisfaction',
  'note',
]);

const NOTE_MAX = 2000;

/**
 * CB-4: checks the callback form. Every question is required; the amount is required (and above zero)
 * exactly when a fee was charged. All problems are listed, each with the path of its field.
 */
export function validateCallbackAnswers(input: unknown, basePath = ''): AnswersValidation {
  const issues: CallbackFieldIssue[] = [];
  const add = (field: string, code: string, message: string) =>
    issues.push({ path: field === '' ? basePath : `${basePath}/${field}`, code, message });
  const fail = (): AnswersValidation => ({ ok: false, code: issues[0]?.code ?? 'INVALID', issues });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    add('', 'REQUIRED', 'Fill in the callback answers.');
    return fail();
  }
  const form = input as Record<string, unknown>;
  for (const key of Object.keys(form)) {
    if (!KNOWN_FIELDS.has(key)) add(key, 'UNKNOWN_FIELD', `Remove "${key}": it is not a callback question.`);
  }
  const yesNo = (field: QuestionId, what: string): boolean | undefined => {
    const value = form[field];
    if (typeof value === 'boolean') return value;
    add(
      field,
      value === undefined || value === null ? 'REQUIRED' : 'INVALID',
      `Answer whether ${what}: yes or no.`,
    );
    return undefined;
  };
  const repairedOrInstalled = yesNo('repairedOrInstalled', 'the product was repaired or installed');
  const feeCharged = yesNo('feeCharged', 'a fee was charged');
  const timely = yesNo('timely', 'the service was on time');
  const worksNow = yesNo('worksNow', 'the product works properly now');

  const amount = form.feeAmountFen;
  let feeAmountFen: number | null = null;
  if (feeCharged === true) {
    if (amount === undefined || amount === null) {
      add('feeAmountFen', 'AMOUNT_REQUIRED', 'A fee was charged: enter how much, in fen (¥1.00 = 100).');
    } else if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
      add('feeAmountFen', 'INVALID', 'Enter the fee as a whole number of fen above 0 (¥1.00 = 100).');
    } else {
      feeAmountFen = amount;
    }
  } else if (feeCharged === false && amount !== undefined && amount !== null && amount !== 0) {
    add(
      'feeAmountFen',
      'AMOUNT_NOT_EXPECTED',
      'No fee was charged, so leave the amount empty — or answer that a fee was charged.',
    );
  }

  const score = form.satisfaction;
  const satisfaction = (satisfactionScores as readonly unknown[]).includes(score)
    ? (score as SatisfactionScore)
    : undefined;
  if (satisfaction === undefined) {
    add(
      'satisfaction',
      score === undefined || score === null ? 'REQUIRED' : 'INVALID',
      'Enter the satisfaction score as a whole number from 1 (very dissatisfied) to 5 (very satisfied).',
    );
  }

  let note: string | null = null;
  if (form.note !== undefined && form.note !== null) {
    if (typeof form.note !== 'string') add('note', 'INVALID', 'The note must be text.');
    else if (form.note.length > NOTE_MAX)
      add('note', 'TOO_LONG', `Shorten the note to ${NOTE_MAX} characters.`);
    else note = form.note.trim() === '' ? null : form.note.trim();
  }

  if (
    issues.length > 0 ||
    repairedOrInstalled === undefined ||
    feeCharged === undefined ||
    timely === undefined ||
    worksNow === undefined ||
    satisfaction === undefined
  ) {
    return fail();
  }
  return {
    ok: true,
    answers: { repairedOrInstalled, feeCharged, feeAmountFen, timely, worksNow, satisfaction, note },
  };
}

/** CB-4 / WO-6.1: a score at least policy `cb.satisfaction.min_satisfied_score` (4) is a satisfied customer. */
export function isSatisfied(
  answers: Pick<CallbackAnswers, 'satisfaction'>,
  minSatisfiedScore: number,
): boolean {
  assertCount(minSatisfiedScore, 'minSatisfiedScore', 1);
  return answers.satisfaction >= minSatisfiedScore;
}

/** The shape work-orders' `canClose` (WO-6.1) reads as a callback on the order. */
export interface ClosingCallbackFact {
  by: 'dispatcher' | 'call_center';
  at: Date;
  reached: boolean;
  satisfied: boolean | null;
}

/**
 * WO-6.1 needs a satisfied callback before a normal completion closes: one call of a task as the order's
 * closing rule reads it. An outlet's own callback is its dispatcher's (信息员回访). Someone who knows about
 * the service (CB-5 `other_knows`) counts as reached, because their account is the recorded result.
 */
export function closingCallbackFact(
  call: { at: Date; outcome: AttemptOutcome },
  answers: CallbackAnswers | null,
  caller: CallbackCaller,
  minSatisfiedScore: number,
): ClosingCallbackFact {
  assertInstant(call.at, 'call.at');
  const reached = answeredOutcomes.includes(call.outcome) && answers !== null;
  return {
    by: caller === 'outlet' ? 'dispatcher' : 'call_center',
    at: call.at,
    reached,
    satisfied: reached && answers ? isSatisfied(answers, minSatisfiedScore) : null,
  };
}
