import type { QuestionView } from '@/lib/interview/present';
import { ANSWER_ERROR_ID, AnswerError, describedBy } from './AnswerError';
import { WhyWeAsk } from './WhyWeAsk';

const INPUT_ID = 'answer-number';
const HINT_ID = 'answer-hint';

/**
 * A whole-number answer. The browser checks the range first (HTML attributes); whatever still gets through is judged
 * by the server, whose message appears under the hint.
 */
export function NumberQuestion({
  question,
  error,
  attempted,
}: {
  question: QuestionView;
  error?: string;
  attempted?: string;
}) {
  return (
    <div className="answer-group">
      <h2 className="bubble bubble-assistant question-prompt">
        <label htmlFor={INPUT_ID}>{question.prompt}</label>
      </h2>
      <WhyWeAsk help={question.help} />
      <p id={HINT_ID} className="hint">
        Enter a whole number from {question.min} to {question.max}.
      </p>
      <AnswerError message={error} />
      <div className="number-row">
        <input
          id={INPUT_ID}
          name="value"
          type="number"
          inputMode="numeric"
          min={question.min}
          max={question.max}
          step={1}
          required
          autoComplete="off"
          defaultValue={error ? attempted : undefined}
          aria-describedby={describedBy(HINT_ID, error && ANSWER_ERROR_ID)}
          aria-invalid={error ? true : undefined}
          className="number-input"
          data-focus-target
        />
        <button type="submit" className="button primary">
          Continue
        </button>
      </div>
    </div>
  );
}
