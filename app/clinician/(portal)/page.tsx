import type { Metadata } from 'next';
import { requireClinician } from '@/lib/clinician/auth';
import { filtersToQuery, listInterviews, parseQueueFilters, queueSummary, type QueueFilters } from '@/lib/clinician/queue';
import { firstValues } from '@/lib/clinician/params';
import { DailyChart } from '../_components/daily-chart';
import { Pagination } from '../_components/pagination';
import { formatShortDate } from '../_lib/format';
import { queueCsvLink } from '../_lib/links';
import { BucketCounts } from './_queue/bucket-counts';
import { QueueFilterForm } from './_queue/filter-form';
import { QueueTable } from './_queue/queue-table';

export const metadata: Metadata = { title: 'Interview queue' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * A page of the queue under the same filters. The page size has no control on the form, so it is carried along only
 * when the address asked for one.
 */
function queueHref(filters: Partial<QueueFilters>, pageSize: string | undefined, cursor?: string): string {
  const query = new URLSearchParams(filtersToQuery({ ...filters, cursor }, cursor !== undefined));
  if (pageSize !== undefined) query.set('limit', pageSize);
  const text = query.toString();
  return text ? `/clinician?${text}` : '/clinician';
}

function chartTitle(days: readonly { day: string }[]): string {
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return 'Finished interviews per day';
  return `Finished interviews per day, ${formatShortDate(first.day)} to ${formatShortDate(last.day)}`;
}

async function Results({ filters, pageSize }: { filters: QueueFilters; pageSize: string | undefined }) {
  const [page, summary] = await Promise.all([listInterviews(filters), queueSummary(filters)]);
  const nextHref = page.nextCursor ? queueHref(filters, pageSize, page.nextCursor) : undefined;
  const firstHref = filters.cursor ? queueHref(filters, pageSize) : undefined;
  return (
    <>
      <BucketCounts counts={summary.counts} filters={filters} />
      <section className="cp-panel" aria-labelledby="results-heading">
        <div className="cp-page-head">
          <h2 id="results-heading">Interviews</h2>
          <ul className="cp-links cp-no-print">
            <li>
              <a href={queueCsvLink(filtersToQuery(filters))} download>
                Download CSV<span className="cp-visually-hidden"> of every interview matching these filters</span>
              </a>
            </li>
          </ul>
        </div>
        {page.items.length === 0 ? (
          <p className="cp-empty" role="status">
            No interviews match these filters.
          </p>
        ) : (
          <QueueTable items={page.items} caption="Most urgent first, then newest first" />
        )}
        <Pagination label="Queue pages" firstHref={firstHref} nextHref={nextHref} />
      </section>
      <DailyChart days={summary.days} title={chartTitle(summary.days)} />
    </>
  );
}

export default async function QueuePage({ searchParams }: { searchParams: SearchParams }) {
  await requireClinician();
  const raw = await searchParams;
  const parsed = parseQueueFilters(raw);
  const values = firstValues(raw);
  return (
    <>
      <div className="cp-page-head">
        <h1>Interview queue</h1>
        <p className="cp-lede">Finished and unfinished triage interviews, most urgent first.</p>
      </div>
      <QueueFilterForm values={values} error={parsed.ok ? undefined : parsed.message} />
      {parsed.ok ? <Results filters={parsed.value} pageSize={values.limit} /> : null}
    </>
  );
}
