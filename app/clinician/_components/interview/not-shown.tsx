import type { NotShown } from '../../_lib/load-interview';
import { OpeningInterview } from './opening-interview';

/** What an interview page shows instead of the record when it is not really being opened (load-interview.ts). */
export function InterviewNotShown({ why, href }: { why: NotShown; href: string }) {
  if (why === 'prefetch') return <OpeningInterview href={href} />;
  return (
    <section className="cp-panel cp-narrow" aria-labelledby="elsewhere-heading">
      <h1 id="elsewhere-heading">Open this interview from the portal</h1>
      <p>
        You followed a link to a patient&apos;s interview from another site or app. For patients&apos; privacy, interviews
        open only from within the Knotwise clinician portal, so that every view in the audit log is one you chose.
      </p>
      <p>If you meant to open it, this link is inside the portal:</p>
      <ul className="cp-links">
        <li>
          <a href={href}>Open the interview</a>
        </li>
        <li>
          <a href="/clinician">Go to the queue</a>
        </li>
      </ul>
    </section>
  );
}
