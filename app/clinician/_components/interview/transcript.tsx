import type { DetailEntry } from '@/lib/clinician/detail';
import { shownExchanges, type AnswerShown } from '../../_lib/exchanges';
import { Time } from '../time';

function Answer({ answer }: { answer: AnswerShown }) {
  if (answer.supersededAt) {
    return (
      <p className="cp-answer cp-answer-old">
        <span className="cp-visually-hidden">Changed answer: </span>
        <del>{answer.text}</del>{' '}
        <span className="cp-when">
          (given <Time value={answer.at} precise />, changed <Time value={answer.supersededAt} precise />)
        </span>
      </p>
    );
  }
  return (
    <p className="cp-answer">
      <span className="cp-visually-hidden">Answer: </span>
      {answer.text}{' '}
      <span className="cp-when">
        (<Time value={answer.at} precise />)
      </span>
    </p>
  );
}

/** The conversation as the patient saw it: each question's words, each answer's words, changes struck through. */
export function Transcript({ transcript }: { transcript: readonly DetailEntry[] }) {
  const exchanges = shownExchanges(transcript);
  if (exchanges.length === 0) return <p className="cp-empty">The patient has not seen any question yet.</p>;
  return (
    <ol className="cp-transcript">
      {exchanges.map((exchange) => (
        <li key={exchange.key} data-question={exchange.questionId}>
          <p className="cp-q">
            <span className="cp-q-id">
              Asked <Time value={exchange.askedAt} precise /> · <code>{exchange.questionId}</code>
            </span>
            <br />
            {exchange.prompt}
          </p>
          {exchange.withdrawnAt ? (
            <p className="cp-when">
              No longer asked from <Time value={exchange.withdrawnAt} precise />: an earlier answer changed.
            </p>
          ) : null}
          {exchange.answers.map((answer) => (
            <Answer key={answer.at + answer.text} answer={answer} />
          ))}
          {exchange.answers.length === 0 && !exchange.withdrawnAt ? (
            <p className="cp-when">Not answered yet.</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
