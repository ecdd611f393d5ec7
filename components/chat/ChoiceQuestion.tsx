import type { QuestionView } from '@/lib/interview/present';
import { ANSWER_ERROR_ID, describedBy } from './AnswerError';
import { QuestionFieldset } from './QuestionFieldset';

/** Consent and single-answer questions: one quick-reply button per option, each a submit button. */
export function ChoiceQuestion({ question, error }: { question: QuestionView; error?: string }) {
  const errorId = error ? ANSWER_ERROR_ID : undefined;
  return (
    <QuestionFieldset question={question} error={error} errorId={errorId}>
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
    </QuestionFieldset>
  );
}
