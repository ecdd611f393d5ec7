import Link from 'next/link';
import { EmergencyCall, OtherEmergencyNumbers } from '@/components/EmergencyCall';
import { SiteHeader } from '@/components/SiteHeader';
import { StartForm } from '@/components/StartForm';
import { FinishAndClear } from '@/components/chat/FinishAndClear';
import { emergencyNumber } from '@/lib/chat/emergency';
import { env } from '@/lib/env';
import { currentInterview } from '@/lib/chat/session';
import { slowDownMessage } from '@/lib/chat/slow-down';

export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ expired, deleted, cleared, wait }, number, current] = await Promise.all([searchParams, emergencyNumber(), currentInterview()]);
  const resumable = current.found ? current.session.status : undefined;
  const retentionDays = env().RETENTION_DAYS;
  const notices = [
    deleted && !current.found ? 'Your answers have been deleted.' : undefined,
    cleared && !current.found
      ? 'Your chat has been cleared from this browser. A doctor or nurse can still find your answers with your reference code.'
      : undefined,
    expired && !current.found ? 'We could not find your earlier chat. It may have expired. You can start a new one below.' : undefined,
    slowDownMessage(wait),
  ].filter((n): n is string => n !== undefined);
  return (
    <>
      <SiteHeader emergencyNumber={number} />
      <main id="main" className="page landing">
        {notices.map((notice) => (
          <div key={notice} className="turn-notice" role="status">
            <p>{notice}</p>
          </div>
        ))}
        <section className="hero" aria-labelledby="landing-title">
          <h1 id="landing-title">Help with neck, back or hip pain</h1>
          <p className="lead">
            Answer a short chat of about 18 questions. It takes around 5 minutes. Knotwise then tells you whether to
            see a doctor and how soon, or gives you a safe self-massage plan to use at home.
          </p>
          {resumable === 'in_progress' ? (
            <div className="resume">
              <Link href="/chat#current" className="button primary large">
                Continue your chat
              </Link>
              <p>Or start a new chat:</p>
              <StartForm label="Start a new chat" quiet />
            </div>
          ) : resumable ? (
            <>
              <StartForm label="Start the chat" />
              {/* On a shared device the last patient's result must not be the next person's first click. */}
              <details className="earlier-chat">
                <summary>Finished a chat in this browser in the last 2 hours?</summary>
                <p>Only open it if it is yours.</p>
                <Link href="/chat" className="button secondary">
                  Show my result
                </Link>
                <FinishAndClear />
              </details>
            </>
          ) : (
            <StartForm label="Start the chat" />
          )}
        </section>

        <section className="emergency-box" aria-labelledby="emergency-title">
          <h2 id="emergency-title">Not for emergencies</h2>
          <p>If you think this is an emergency, or you are in danger, do not use this chat.</p>
          <EmergencyCall number={number} className="call-now">
            Call {number} now
          </EmergencyCall>
          <OtherEmergencyNumbers number={number} />
        </section>

        <div className="landing-columns">
          <section aria-labelledby="what-title">
            <h2 id="what-title">What Knotwise is</h2>
            <ul>
              <li>A set of questions that checks for warning signs first.</li>
              <li>Advice on where to get care, and how soon, with the reasons why.</li>
              <li>When it is safe, a step-by-step self-massage plan that uses things you already have at home.</li>
            </ul>
          </section>
          <section aria-labelledby="not-title">
            <h2 id="not-title">What Knotwise is not</h2>
            <ul>
              <li>It is not a diagnosis. It cannot tell you what is causing your pain.</li>
              <li>It is not for emergencies.</li>
              <li>It does not replace a doctor, a nurse or a physiotherapist.</li>
            </ul>
          </section>
        </div>

        <section className="privacy" aria-labelledby="privacy-title">
          <h2 id="privacy-title">Your answers</h2>
          <p>
            Your answers are saved so you can come back to the chat in this browser for 2 hours after you start it.
            On a shared computer or tablet, choose &ldquo;Finish and clear this device&rdquo; when you are done. A
            clinician may review your answers. You get a short reference code you can read out to your doctor.
          </p>
          <p>
            You can delete your answers from the chat at any time. They are then gone from Knotwise, and within a few
            minutes from the files it keeps its data in. Knotwise keeps only a record that a chat was deleted. Answers
            older than {retentionDays} days are deleted the same way.
          </p>
        </section>
      </main>
    </>
  );
}
