import Link from 'next/link';
import { filtersToQuery, QUEUE_BUCKETS, type QueueBucket, type QueueFilters } from '@/lib/clinician/queue';
import { bucketName } from '../../_lib/format';

/** How many interviews fall in each outcome under the other filters; each number opens that outcome's list. */
export function BucketCounts({
  counts,
  filters,
}: {
  counts: Record<QueueBucket, number>;
  filters: Partial<QueueFilters>;
}) {
  return (
    <section aria-labelledby="counts-heading">
      <h2 id="counts-heading" className="cp-visually-hidden">
        Interviews per outcome
      </h2>
      <ul className="cp-counts">
        {QUEUE_BUCKETS.map((bucket) => {
          const query = filtersToQuery({ ...filters, disposition: bucket, cursor: undefined });
          const colour = bucket === 'in_progress' || bucket === 'declined' ? 'other' : bucket;
          return (
            <li key={bucket} className={`cp-count-${colour}`}>
              <Link
                className="cp-cell-link"
                href={`/clinician?${query}`}
                aria-current={filters.disposition === bucket ? 'true' : undefined}
              >
                {bucketName(bucket)}
              </Link>
              <span className="cp-count" data-testid={`count-${bucket}`}>
                {counts[bucket]}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
