import type { ReactNode } from 'react';
import type { QuestionView } from '@/lib/interview/present';
import { AnswerError, describedBy } from './AnswerError';
import { WhyWeAsk } from './WhyWeAsk';

/** A question whose answers are a group of controls: the prompt is the group's legend, the error describes it. */
export function QuestionFieldset({
  question,
  error,
  errorId,
  children,
}: {
  question: QuestionView;
  error?: string;
  errorId?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="answer-group" aria-describedby={describedBy(errorId)}>
      <legend className="question-legend">
        <h2 className="bubble bubble-assistant question-prompt">{question.prompt}</h2>
      </legend>
      <WhyWeAsk help={question.help} />
      <AnswerError message={error} />
      {children}
    </fieldset>
  );
}
