import type { QuestionView } from '@/lib/interview/present';
import { ANSWER_ERROR_ID, describedBy } from './AnswerError';
import { QuestionFieldset } from './QuestionFieldset';

/** The protocol's value for the exclusive "None of these" answer (PROTOCOL.md section 2). */
const NONE = 'none';

/**
 * Checkboxes, never pre-selected. "None of these" is one more checkbox, set apart; choosing it with another answer
 * is left to the server to refuse, so the patient reads the same rule whatever their browser runs.
 */
export function MultiQuestion({ question, error }: { question: QuestionView; error?: string }) {
  const options = question.options ?? [];
  const choices = options.filter((o) => o.value !== NONE);
  const none = options.find((o) => o.value === NONE);
  const errorId = error ? ANSWER_ERROR_ID : undefined;
  return (
    <QuestionFieldset question={question} error={error} errorId={errorId}>
      <div className="checkboxes">
        {choices.map((option, i) => (
          <Checkbox
            key={option.value}
            id={`answer-${option.value}`}
            value={option.value}
            label={option.label}
            describedBy={i === 0 ? describedBy(errorId) : undefined}
            focusTarget={i === 0}
          />
        ))}
        {none ? (
          <>
            <p className="checkbox-divider">or</p>
            <Checkbox id={`answer-${none.value}`} value={none.value} label={none.label} />
          </>
        ) : null}
      </div>
      <button type="submit" className="button primary">
        Continue
      </button>
    </QuestionFieldset>
  );
}

function Checkbox({
  id,
  value,
  label,
  describedBy: description,
  focusTarget = false,
}: {
  id: string;
  value: string;
  label: string;
  describedBy?: string;
  focusTarget?: boolean;
}) {
  return (
    <div className="checkbox">
      <input
        type="checkbox"
        id={id}
        name="value"
        value={value}
        aria-describedby={description}
        data-focus-target={focusTarget || undefined}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
