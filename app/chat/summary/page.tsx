import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SiteHeader } from '@/components/SiteHeader';
import { FinishAndClear } from '@/components/chat/FinishAndClear';
import { OutcomeCard } from '@/components/outcome/OutcomeCard';
import { emergencyNumber } from '@/lib/chat/emergency';
import { changedAnswers, liveExchanges } from '@/lib/chat/exchanges';
import { currentInterview } from '@/lib/chat/session';

export const metadata: Metadata = { title: 'Your summary' };

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

function when(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}

/** A printable record to take to a clinician: the reference code, the outcome and every answer. */
export default async function SummaryPage() {
  const current = await currentInterview();
  if (!current.found) redirect(current.reason === 'expired' ? '/?expired=1' : '/');
  const { session, turn, transcript } = current;
  const number = await emergencyNumber();
  const answers = liveExchanges(transcript);
  const changed = changedAnswers(transcript);

  return (
    <>
      <SiteHeader emergencyNumber={number} />
      <main id="main" className="page summary">
        <h1>Your Knotwise summary</h1>
        <dl className="summary-facts">
          <div>
            <dt>Reference code</dt>
            <dd className="code" data-testid="session-code">
              {session.code}
            </dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>{when(session.createdAt)}</dd>
          </div>
          <div>
            <dt>Protocol</dt>
            <dd>{session.protocolVersion}</dd>
          </div>
        </dl>
        <p className="hint">
          Read the reference code to your doctor, nurse or physiotherapist. Knotwise is not a diagnosis.
        </p>
        <p className="no-print summary-print-hint">
          To print this page or save it as a PDF, use your browser&apos;s Print command.{' '}
          <Link href="/chat" className="inline-target">
            Back to your chat
          </Link>
        </p>

        {turn.status === 'complete' && turn.outcome ? (
          <OutcomeCard outcome={turn.outcome} protocolVersion={session.protocolVersion} number={number} level={2} />
        ) : (
          <section className="outcome-section" aria-labelledby="no-outcome">
            <h2 id="no-outcome">{turn.status === 'declined' ? 'You chose not to go on' : 'Not finished yet'}</h2>
            <p>
              {turn.status === 'declined'
                ? 'The chat stopped at the start, so there is no advice.'
                : 'There is no advice until you answer every question.'}
            </p>
          </section>
        )}

        <section className="outcome-section" aria-labelledby="summary-answers">
          <h2 id="summary-answers">Your answers</h2>
          {answers.length > 0 ? (
            <dl className="answer-list">
              {answers.map((a) => (
                <div key={a.questionId}>
                  <dt>{a.prompt}</dt>
                  <dd>{a.answer}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p>No answers yet.</p>
          )}
        </section>

        {changed.length > 0 ? (
          <section className="outcome-section" aria-labelledby="summary-changed">
            <h2 id="summary-changed">Answers you changed</h2>
            <ul className="changed-list">
              {changed.map((c) => (
                <li key={`${c.at}:${c.prompt}`}>
                  <span className="changed-prompt">{c.prompt}</span> You first answered: {c.answer} (changed{' '}
                  {when(c.supersededAt)})
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        <FinishAndClear />
      </main>
    </>
  );
}
