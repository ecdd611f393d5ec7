import type { QuestionView } from '@/lib/interview/present';
import { ANSWER_ERROR_ID, AnswerError, describedBy } from './AnswerError';
import { WhyWeAsk } from './WhyWeAsk';

/** Consent and single-answer questions: one quick-reply button per option, each a submit button. */
export function ChoiceQuestion({ question, error }: { question: QuestionView; error?: string }) {
  const errorId = error ? ANSWER_ERROR_ID : undefined;
  return (
    <fieldset className="answer-group" aria-describedby={describedBy(errorId)}>
      <legend className="question-legend">
        <h2 className="bubble bubble-assistant question-prompt">{question.prompt}</h2>
      </legend>
      <WhyWeAsk help={question.help} />
      <AnswerError message={error} />
      <div className="replies">
        {(question.options ?? []).map((option, i) => (
          <button
            key={option.value}
            type="submit"
            name="value"
            value={option.value}
            className={question.kind === 'consent' && i === 0 ? 'reply reply-primary' : 'reply'}
            aria-describedby={i === 0 ? describedBy(errorId) : undefined}
            data-focus-target={i === 0 ? true : undefined}
          >
            {option.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
