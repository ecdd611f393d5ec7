import type { Metadata } from 'next';
import { requireClinician } from '@/lib/clinician/auth';
import { InterviewFacts } from '../../../../_components/interview/facts';
import { FiredRules } from '../../../../_components/interview/fired-rules';
import { InterviewNotShown } from '../../../../_components/interview/not-shown';
import { PlanView } from '../../../../_components/interview/plan-view';
import { ReviewList } from '../../../../_components/interview/review-list';
import { Transcript } from '../../../../_components/interview/transcript';
import { InterviewLink } from '../../../../_components/interview-link';
import { PrintButton } from '../../../../_components/print-button';
import { Time } from '../../../../_components/time';
import { interviewLinks } from '../../../../_lib/links';
import { loadInterview } from '../../../../_lib/load-interview';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const load = await loadInterview((await params).id);
  return { title: load.shown ? `Print: interview ${load.detail.session.code}` : 'Print: interview' };
}

export default async function PrintInterviewPage({ params }: { params: Params }) {
  await requireClinician();
  const { id } = await params;
  const load = await loadInterview(id);
  if (!load.shown) return <InterviewNotShown why={load.why} href={interviewLinks(id).print} />;
  const { clinician, detail } = load;
  const { session, outcome } = detail;
  return (
    <article>
      <div className="cp-filter-actions cp-no-print">
        <PrintButton />
        <InterviewLink id={session.id} className="cp-cell-link">
          Back to the interview
        </InterviewLink>
      </div>
      <h1>
        Knotwise triage record <code>{session.code}</code>
      </h1>
      <p className="cp-hint">
        Printed by {clinician.name} on <Time value={new Date()} />. Confidential patient information.
      </p>
      <section className="cp-panel" aria-labelledby="p-outcome">
        <h2 id="p-outcome">Outcome</h2>
        <InterviewFacts detail={detail} />
        <h3>Rules that fired</h3>
        <FiredRules rules={detail.firedRules} />
      </section>
      <section className="cp-panel" aria-labelledby="p-told">
        <h2 id="p-told">What the patient was told</h2>
        {outcome ? <PlanView outcome={outcome} plan={detail.plan} /> : <p>No outcome yet: the interview is not finished.</p>}
      </section>
      <section className="cp-panel" aria-labelledby="p-conversation">
        <h2 id="p-conversation">Conversation</h2>
        <Transcript transcript={detail.transcript} />
      </section>
      <section className="cp-panel" aria-labelledby="p-reviews">
        <h2 id="p-reviews">Reviews</h2>
        <ReviewList reviews={detail.reviews} />
      </section>
    </article>
  );
}
