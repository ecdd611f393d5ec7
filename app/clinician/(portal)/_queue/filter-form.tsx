import Link from 'next/link';
import { QUEUE_BUCKETS } from '@/lib/clinician/queue';
import { ALL_RULE_IDS } from '@/lib/protocol/versions';
import { VersionSelect } from '@/app/clinician/_components/version-select';
import { describedBy } from '../../_components/field-error';
import { bucketName, ruleName } from '../../_lib/format';
import { DateRangeFields } from '@/app/clinician/_components/date-range-fields';

/**
 * A plain GET form: filtering needs no JavaScript and the result is a URL the clinician can bookmark. The values are
 * the raw query strings, so a rejected filter is shown back exactly as it was typed.
 */
export function QueueFilterForm({ values, error }: { values: Record<string, string>; error?: string }) {
  const errorId = error ? 'queue-filter-error' : undefined;
  return (
    <section className="cp-panel cp-no-print" aria-labelledby="queue-filter-heading">
      <h2 id="queue-filter-heading">Find interviews</h2>
      <form method="get" action="/clinician" role="search" aria-label="Filter the queue">
        {error ? (
          <p id="queue-filter-error" className="cp-alert" role="alert">
            {error}
          </p>
        ) : null}
        <div className="cp-filters">
          <div className="cp-field cp-field-wide">
            <label htmlFor="q">
              Patient code
              <span id="q-hint" className="cp-hint">
                For example BK7-F3Q-92X, or its start
              </span>
            </label>
            <input
              id="q"
              name="q"
              type="search"
              defaultValue={values.q ?? ''}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={describedBy('q-hint', errorId)}
            />
          </div>
          <div className="cp-field">
            <label htmlFor="disposition">Outcome</label>
            <select id="disposition" name="disposition" defaultValue={values.disposition ?? ''} aria-describedby={errorId}>
              <option value="">Any outcome</option>
              {QUEUE_BUCKETS.map((b) => (
                <option key={b} value={b}>
                  {bucketName(b)}
                </option>
              ))}
            </select>
          </div>
          <div className="cp-field">
            <label htmlFor="reviewed">Review</label>
            <select id="reviewed" name="reviewed" defaultValue={values.reviewed ?? ''} aria-describedby={errorId}>
              <option value="">Reviewed or not</option>
              <option value="no">Not reviewed yet</option>
              <option value="yes">Reviewed</option>
            </select>
          </div>
          <VersionSelect value={values.version} anyLabel="Any version" errorId={errorId} />
          <div className="cp-field">
            <label htmlFor="rule">Rule that fired</label>
            <select id="rule" name="rule" defaultValue={values.rule ?? ''} aria-describedby={errorId}>
              <option value="">Any rule</option>
              {ALL_RULE_IDS.map((id) => (
                <option key={id} value={id}>
                  {ruleName(id)}
                </option>
              ))}
            </select>
          </div>
          <DateRangeFields values={values} errorId={errorId} fromLabel="Started on or after" toLabel="Started on or before" />
        </div>
        <div className="cp-filter-actions">
          <button type="submit">Show interviews</button>
          <Link href="/clinician">Clear all filters</Link>
        </div>
      </form>
    </section>
  );
}

