import { answerAction } from '@/app/chat/actions';
import type { QuestionView } from '@/lib/interview/present';
import { ChoiceQuestion } from './ChoiceQuestion';
import { MultiQuestion } from './MultiQuestion';
import { NumberQuestion } from './NumberQuestion';

/**
 * The question being asked, as a plain form that works without JavaScript. The step travels with every answer, so a
 * double submit or a second tab is told the interview has moved on instead of answering the wrong question.
 */
export function CurrentQuestion({
  question,
  step,
  error,
  attempted,
  noticeId,
}: {
  question: QuestionView;
  step: number;
  error?: string;
  attempted?: string;
  /** Changes with each refusal, so the controls start fresh each time, as they do without JavaScript. */
  noticeId?: string;
}) {
  return (
    <section id="current" className="current-question" aria-label="Current question">
      <form action={answerAction} data-question-id={question.id} key={`${question.id}:${step}:${noticeId ?? ''}`}>
        <input type="hidden" name="questionId" value={question.id} />
        <input type="hidden" name="step" value={step} />
        {question.kind === 'multi' ? (
          <MultiQuestion question={question} error={error} />
        ) : question.kind === 'integer' ? (
          <NumberQuestion question={question} error={error} attempted={attempted} />
        ) : (
          <ChoiceQuestion question={question} error={error} />
        )}
      </form>
    </section>
  );
}
