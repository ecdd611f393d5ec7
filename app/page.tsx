import Link from 'next/link';
import { EmergencyCall, OtherEmergencyNumbers } from '@/components/EmergencyCall';
import { SiteHeader } from '@/components/SiteHeader';
import { StartForm } from '@/components/StartForm';
import { emergencyNumber } from '@/lib/chat/emergency';
import { currentInterview } from '@/lib/chat/session';
import { slowDownMessage } from '@/lib/chat/slow-down';

export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ expired, deleted, wait }, number, current] = await Promise.all([searchParams, emergencyNumber(), currentInterview()]);
  const resumable = current.found ? current.session.status : undefined;
  const slowDownNotice = slowDownMessage(wait);
  return (
    <>
      <SiteHeader emergencyNumber={number} />
      <main id="main" className="page landing">
        {deleted && !current.found ? (
          <div className="turn-notice" role="status">
            <p>Your answers have been deleted.</p>
          </div>
        ) : null}
        {slowDownNotice ? (
          <div className="turn-notice" role="status">
            <p>{slowDownNotice}</p>
          </div>
        ) : null}
        {expired && !current.found ? (
          <div className="turn-notice" role="status">
            <p>We could not find your earlier chat. It may have expired. You can start a new one below.</p>
          </div>
        ) : null}
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
            <div className="resume">
              <Link href="/chat" className="button primary large">
                See your last result
              </Link>
              <StartForm label="Start a new chat" quiet />
            </div>
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
            Your answers are saved so you can come back to the chat in this browser. A clinician may review them. You
            get a short reference code you can read out to your doctor.
          </p>
        </section>
      </main>
    </>
  );
}
