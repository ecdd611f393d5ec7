import Link from 'next/link';
import type { VersionListing } from '@/lib/impact/versions';
import { DateRangeFields } from '../../_components/date-range-fields';

/** A plain GET form: the comparison is a URL a clinical team can share, and it needs no JavaScript. */
export function CompareForm({ versions, values, error }: { versions: readonly VersionListing[]; values: Record<string, string>; error?: string }) {
  const errorId = error ? 'compare-error' : undefined;
  const versionField = (name: 'from' | 'to', label: string) => (
    <div className="cp-field">
      <label htmlFor={name}>{label}</label>
      <select id={name} name={name} defaultValue={values[name]} aria-describedby={errorId}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.id}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="cp-panel cp-no-print" aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare two versions</h2>
      <form method="get" action="/clinician/versions">
        {error ? (
          <p id="compare-error" className="cp-alert" role="alert">
            {error}
          </p>
        ) : null}
        <div className="cp-filters">
          {versionField('from', 'From')}
          {versionField('to', 'To')}
          <DateRangeFields
            values={values}
            errorId={errorId}
            names={{ from: 'since', to: 'until' }}
            fromLabel="Started on or after"
            toLabel="Started on or before"
          />
        </div>
        <div className="cp-filter-actions">
          <button type="submit">Compare</button>
          <Link href="/clinician/versions" prefetch={false}>
            The newest change
          </Link>
        </div>
      </form>
    </section>
  );
}
