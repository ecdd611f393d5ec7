import type { Exchange } from '@/lib/chat/exchanges';
import { ChangeAnswer } from './ChangeAnswer';

/**
 * The conversation so far. A polite live log, so the question just answered and its answer are read out when they
 * join it; the question being asked lives outside it and gets focus instead.
 */
export function Transcript({
  exchanges,
  canChange,
  labelledBy,
}: {
  exchanges: readonly Exchange[];
  canChange: boolean;
  /** The id of a visible heading that already names the conversation, if the page has one. */
  labelledBy?: string;
}) {
  return (
    <section className="transcript" aria-labelledby={labelledBy ?? 'transcript-title'}>
      {labelledBy ? null : (
        <h2 id="transcript-title" className="visually-hidden">
          Your answers so far
        </h2>
      )}
      <div role="log" aria-live="polite" aria-relevant="additions" aria-labelledby={labelledBy ?? 'transcript-title'}>
        <ol className="exchanges">
          {exchanges.map((e) => (
            <li key={e.questionId} className="exchange">
              <p className="bubble bubble-assistant" id={`asked-${e.questionId}`}>
                <span className="visually-hidden">Knotwise asked: </span>
                {e.prompt}
              </p>
              <div className="patient-turn">
                <p className="bubble bubble-patient">
                  <span className="visually-hidden">You answered: </span>
                  {e.answer}
                </p>
                {canChange ? <ChangeAnswer questionId={e.questionId} describedBy={`asked-${e.questionId}`} /> : null}
              </div>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
