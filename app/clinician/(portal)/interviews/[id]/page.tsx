import type { Metadata } from 'next';
import Link from 'next/link';
import { requireClinician } from '@/lib/clinician/auth';
import { MAX_NOTE_LENGTH } from '@/lib/clinician/reviews';
import { ExportLinks } from '../../../_components/interview/export-links';
import { InterviewFacts } from '../../../_components/interview/facts';
import { FiredRules } from '../../../_components/interview/fired-rules';
import { InterviewNotShown } from '../../../_components/interview/not-shown';
import { PlanView } from '../../../_components/interview/plan-view';
import { ReviewList } from '../../../_components/interview/review-list';
import { Transcript } from '../../../_components/interview/transcript';
import { OnThisPage } from '../../../_components/on-this-page';
import { interviewLinks } from '../../../_lib/links';
import { loadInterview } from '../../../_lib/load-interview';
import { reviewAction } from './actions';
import { ReviewForm } from './review-form';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const load = await loadInterview((await params).id);
  return { title: load.shown ? `Interview ${load.detail.session.code}` : 'Interview' };
}

export default async function InterviewPage({ params }: { params: Params }) {
  await requireClinician();
  const { id } = await params;
  const load = await loadInterview(id);
  if (!load.shown) return <InterviewNotShown why={load.why} href={interviewLinks(id).page} />;
  const { session, outcome } = load.detail;
  const { detail } = load;
  return (
    <>
      <p className="cp-no-print">
        <Link className="cp-cell-link" href="/clinician">
          ← Back to the queue
        </Link>
      </p>
      <div className="cp-page-head">
        <h1>
          Interview <code>{session.code}</code>
        </h1>
        <ExportLinks id={session.id} code={session.code} />
      </div>
      <OnThisPage
        links={[
          { href: '#outcome-heading', label: 'Outcome' },
          { href: '#transcript-heading', label: 'Conversation' },
          { href: '#review-heading', label: 'Your review' },
          { href: '#reviews-heading', label: 'Reviews' },
          { href: '#plan-heading', label: 'What the patient was told' },
        ]}
      />
      <div className="cp-grid cp-grid-detail">
        <div>
          <section className="cp-panel" aria-labelledby="outcome-heading">
            <h2 id="outcome-heading">Outcome</h2>
            <InterviewFacts detail={detail} />
            <h3>Rules that fired</h3>
            <FiredRules rules={detail.firedRules} />
          </section>
          <section className="cp-panel" aria-labelledby="transcript-heading">
            <h2 id="transcript-heading">Conversation</h2>
            <p className="cp-hint">As the patient saw it. Answers the patient changed are struck through.</p>
            <Transcript transcript={detail.transcript} />
          </section>
        </div>
        <div>
          <section className="cp-panel" aria-labelledby="review-heading">
            <h2 id="review-heading">Your review</h2>
            {session.status === 'complete' ? (
              <ReviewForm action={reviewAction.bind(null, session.id)} maxNoteLength={MAX_NOTE_LENGTH} />
            ) : (
              <p>Only a finished interview has an outcome to review.</p>
            )}
          </section>
          <section className="cp-panel" aria-labelledby="reviews-heading">
            <h2 id="reviews-heading">Reviews</h2>
            <ReviewList reviews={detail.reviews} />
          </section>
          <section className="cp-panel" aria-labelledby="plan-heading">
            <h2 id="plan-heading">What the patient was told</h2>
            {outcome ? <PlanView outcome={outcome} plan={detail.plan} /> : <p>No outcome yet: the interview is not finished.</p>}
          </section>
        </div>
      </div>
    </>
  );
}
