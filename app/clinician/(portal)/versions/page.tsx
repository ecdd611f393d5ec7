import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Suspense } from 'react';
import { OpeningInterview } from '@/app/clinician/_components/interview/opening-interview';
import { requireClinician } from '@/lib/clinician/auth';
import type { ImpactOptions } from '@/lib/impact';
import { portalImpact, viewVersions } from '@/lib/impact/portal';
import { PREFETCH_MARK } from '@/lib/prefetch';
import { ChangesSection } from './changes-section';
import { CompareForm } from './compare-form';
import { ImpactReport } from './impact-report';
import { VersionsTable } from './versions-table';

export const metadata: Metadata = { title: 'Protocol versions' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Replaying every stored interview takes a while on a large database: the rest of the page does not wait for it. */
async function Impact({ options }: { options: ImpactOptions }) {
  return <ImpactReport impact={await portalImpact(options)} />;
}

export default async function VersionsPage({ searchParams }: { searchParams: SearchParams }) {
  const clinician = await requireClinician();
  // Viewing is audited, and a prefetch is not a view: it gets a stand-in that asks again once really shown.
  if ((await headers()).get(PREFETCH_MARK) === '1') return <OpeningInterview href="/clinician/versions" what="the protocol versions" />;
  const view = await viewVersions(await searchParams, clinician);
  const { options, comparison } = view;
  return (
    <>
      <div className="cp-page-head">
        <h1>Protocol versions</h1>
        <p className="cp-lede">
          The versions this build supports, what changed between two of them and why, and what the change does to the
          interviews already stored.
        </p>
      </div>
      <section className="cp-panel" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Supported versions</h2>
        <p>An interview keeps the version it started with for life; a new interview uses the active one.</p>
        <VersionsTable versions={view.versions} />
      </section>
      <CompareForm versions={view.versions} values={view.values} error={view.error} />
      {options && comparison ? (
        <>
          <ChangesSection from={options.from} to={options.to} comparison={comparison} />
          <section className="cp-panel" aria-labelledby="impact-heading">
            <h2 id="impact-heading">Impact on stored interviews</h2>
            <Suspense
              fallback={
                <p role="status">
                  Replaying the stored interviews under <code>{options.to}</code>…
                </p>
              }
            >
              <Impact options={options} />
            </Suspense>
          </section>
        </>
      ) : null}
    </>
  );
}
