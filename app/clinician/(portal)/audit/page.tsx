import type { Metadata } from 'next';
import Link from 'next/link';
import { AUDIT_ACTIONS, listAudit, parseAuditFilters, type AuditEntry, type AuditFilters } from '@/lib/audit';
import { requireAdmin } from '@/lib/clinician/auth';
import { firstValues } from '@/lib/clinician/params';
import { InterviewLink } from '../../_components/interview-link';
import { Pagination } from '../../_components/pagination';
import { Time } from '../../_components/time';
import { DateRangeFields } from '@/app/clinician/_components/date-range-fields';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The query string of the current filters; the parser names the target id `target`. */
function auditHref(values: Record<string, string>, cursor?: string): string {
  const query = new URLSearchParams();
  for (const key of ['action', 'actor', 'target', 'from', 'to'] as const) {
    const value = values[key];
    if (value) query.set(key, value);
  }
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `/clinician/audit?${text}` : '/clinician/audit';
}

/**
 * An event's details. Text a caller typed (the email on the sign-in form) is stored escaped and cut short
 * (lib/clinician/untrusted.ts) and is shown as code, labelled as unverified: it may be anything but a real address.
 */
function AuditDetail({ detail }: { detail: Record<string, unknown> }) {
  const { untrustedEmail, ...rest } = detail;
  const text = Object.entries(rest)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
  if (typeof untrustedEmail !== 'string') return <>{text || '—'}</>;
  return (
    <>
      {text}
      <span className="cp-hint">
        Email as typed, unverified: <code>{untrustedEmail}</code>
      </span>
    </>
  );
}

function AuditFilterForm({ values, error }: { values: Record<string, string>; error?: string }) {
  const errorId = error ? 'audit-error' : undefined;
  return (
    <form method="get" action="/clinician/audit" className="cp-panel" role="search" aria-label="Filter the audit log">
      <h2>Find events</h2>
      {error ? (
        <p id="audit-error" className="cp-alert" role="alert">
          {error}
        </p>
      ) : null}
      <div className="cp-filters">
        <div className="cp-field">
          <label htmlFor="action">Event</label>
          <select id="action" name="action" defaultValue={values.action ?? ''} aria-describedby={errorId}>
            <option value="">Any event</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div className="cp-field">
          <label htmlFor="actor">By (email)</label>
          <input id="actor" name="actor" type="email" defaultValue={values.actor ?? ''} aria-describedby={errorId} />
        </div>
        <div className="cp-field">
          <label htmlFor="target">Target id</label>
          <input id="target" name="target" type="text" defaultValue={values.target ?? ''} spellCheck={false} aria-describedby={errorId} />
        </div>
        <DateRangeFields values={values} errorId={errorId} fromLabel="On or after" toLabel="On or before" />
      </div>
      <div className="cp-filter-actions">
        <button type="submit">Show events</button>
        <Link href="/clinician/audit">Clear all filters</Link>
      </div>
    </form>
  );
}

function AuditTable({ items }: { items: readonly AuditEntry[] }) {
  return (
    <div className="cp-table-wrap">
      <table>
        <caption>Events, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Event</th>
            <th scope="col">By, from</th>
            <th scope="col">Target</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <Time value={e.at} precise />
              </th>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.actorEmail ?? 'Patient or system'}
                {e.address ? <span className="cp-hint">{e.address}</span> : null}
              </td>
              <td>
                {e.targetType === 'interview' && e.targetId ? (
                  <InterviewLink id={e.targetId} className="cp-cell-link">
                    Interview <code>{e.targetId.slice(0, 8)}</code>
                  </InterviewLink>
                ) : e.targetType ? (
                  <>
                    {e.targetType} {e.targetId ? <code>{e.targetId.slice(0, 8)}</code> : null}
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <AuditDetail detail={e.detail} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function Events({ filters, values }: { filters: AuditFilters; values: Record<string, string> }) {
  const page = await listAudit(filters);
  return (
    <section className="cp-panel" aria-labelledby="events-heading">
      <h2 id="events-heading">Events</h2>
      {page.items.length === 0 ? (
        <p className="cp-empty" role="status">
          No events match these filters.
        </p>
      ) : (
        <AuditTable items={page.items} />
      )}
      <Pagination
        label="Audit log pages"
        firstHref={filters.cursor ? auditHref(values) : undefined}
        nextHref={page.nextCursor ? auditHref(values, page.nextCursor) : undefined}
      />
    </section>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const raw = await searchParams;
  const values = firstValues(raw);
  const parsed = parseAuditFilters(raw);
  return (
    <>
      <div className="cp-page-head">
        <h1>Audit log</h1>
        <p className="cp-lede">Every sign-in, view, export, review and account change. Read-only.</p>
      </div>
      <AuditFilterForm values={values} error={parsed.ok ? undefined : parsed.message} />
      {parsed.ok ? <Events filters={parsed.value} values={values} /> : null}
    </>
  );
}
