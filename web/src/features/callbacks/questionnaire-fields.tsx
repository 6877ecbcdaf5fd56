import { Form, Input, InputNumber, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnswerId, AttemptBody, Question } from '../../api/callbacks';
import { localized } from '../../lib/labels';

/** The call form: the attempt's note, and the CB-4 answers (`feeAmountFen` holds yuan while typed). */
export interface CallValues {
  note?: string;
  answers?: Partial<Record<AnswerId, boolean | number | null>> & { note?: string };
}

/** The form's answers as the server takes them: the fee in integer fen, the note trimmed. */
export function answersBody(
  answers: NonNullable<CallValues['answers']>,
): NonNullable<AttemptBody['answers']> {
  const yuan = answers.feeAmountFen;
  return {
    repairedOrInstalled: answers.repairedOrInstalled ?? null,
    feeCharged: answers.feeCharged ?? null,
    feeAmountFen: answers.feeCharged === true && typeof yuan === 'number' ? Math.round(yuan * 100) : null,
    timely: answers.timely ?? null,
    worksNow: answers.worksNow ?? null,
    satisfaction: answers.satisfaction ?? null,
    note: answers.note?.trim() || null,
  };
}

function QuestionField({ question }: { question: Question }) {
  const { t, i18n } = useTranslation();
  const label = localized(question.label, i18n.language);
  const rules = [{ required: true, message: t('callbacks.issues.REQUIRED') }];
  const name = ['answers', question.id];
  switch (question.kind) {
    case 'yes_no':
      return (
        <Form.Item name={name} label={label} rules={rules} className="callback-question">
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('callbacks.questionnaire.yes') },
              { value: false, label: t('callbacks.questionnaire.no') },
            ]}
          />
        </Form.Item>
      );
    case 'amount_fen':
      return (
        <Form.Item name={name} label={label} rules={rules} className="callback-question">
          <InputNumber
            min={0.01}
            max={1_000_000}
            precision={2}
            prefix="¥"
            aria-label={t('callbacks.questionnaire.feeYuan')}
            style={{ width: 200 }}
          />
        </Form.Item>
      );
    case 'score':
      return (
        <Form.Item
          name={name}
          label={label}
          rules={rules}
          extra={t('callbacks.questionnaire.satisfactionHint')}
          className="callback-question"
        >
          <Radio.Group
            optionType="button"
            options={[1, 2, 3, 4, 5].map((score) => ({ value: score, label: String(score) }))}
          />
        </Form.Item>
      );
  }
}

/**
 * CB-4: the script's questions in the order the server gives them (their wording is the server's, in both
 * languages); a question asked only on another's answer (the fee amount) appears with that answer.
 */
export function QuestionnaireFields({ questions }: { questions: Question[] }) {
  const { t } = useTranslation();
  return (
    <div className="callback-questionnaire">
      {questions.map((question) => {
        const when = question.askedWhen;
        if (!when) return <QuestionField key={question.id} question={question} />;
        return (
          <Form.Item key={question.id} noStyle dependencies={[['answers', when.id]]}>
            {({ getFieldValue }) =>
              getFieldValue(['answers', when.id]) === when.equals ? (
                <QuestionField question={question} />
              ) : null
            }
          </Form.Item>
        );
      })}
      <Form.Item name={['answers', 'note']} label={t('callbacks.questionnaire.note')}>
        <Input.TextArea
          rows={2}
          maxLength={2000}
          placeholder={t('callbacks.questionnaire.notePlaceholder')}
        />
      </Form.Item>
    </div>
  );
}
