import type { Metadata } from 'next';
import Link from 'next/link';
import { requireClinician } from '@/lib/clinician/auth';
import { firstValues } from '@/lib/clinician/params';
import { parseReportFilters, protocolReport, type ProtocolReport, type RuleReport } from '@/lib/clinician/report';
import { VersionSelect } from '@/app/clinician/_components/version-select';
import { dispositionName, gateName } from '../../_lib/format';
import { DateRangeFields } from '@/app/clinician/_components/date-range-fields';

export const metadata: Metadata = { title: 'Protocol report' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function leadsTo(rule: RuleReport): string {
  return rule.kind === 'gate' ? `Massage gate: ${gateName(rule.leadsTo)}` : dispositionName(rule.leadsTo);
}

function PeriodForm({ values, version, error }: { values: Record<string, string>; version?: string; error?: string }) {
  const errorId = error ? 'report-error' : undefined;
  return (
    <form method="get" action="/clinician/report" className="cp-panel cp-no-print" aria-labelledby="period-heading">
      <h2 id="period-heading">Version and period</h2>
      {error ? (
        <p id="report-error" className="cp-alert" role="alert">
          {error}
        </p>
      ) : null}
      <div className="cp-filters">
        <VersionSelect value={values.version ?? version} errorId={errorId} />
        <DateRangeFields values={values} errorId={errorId} fromLabel="Started on or after" toLabel="Started on or before" />
      </div>
      <div className="cp-filter-actions">
        <button type="submit">Show report</button>
        <Link href="/clinician/report">All time</Link>
      </div>
    </form>
  );
}

function RuleTable({ report }: { report: ProtocolReport }) {
  return (
    <div className="cp-table-wrap">
      <table>
        <caption>
          Each rule of protocol <code>{report.protocolVersion}</code>: how often it fired, and how reviewers judged those
          outcomes
        </caption>
        <thead>
          <tr>
            <th scope="col">Rule, when it fires, what it leads to</th>
            <th scope="col" className="cp-num">Fired</th>
            <th scope="col" className="cp-num">Reviewed</th>
            <th scope="col" className="cp-num">Agree</th>
            <th scope="col" className="cp-num">Over-triaged</th>
            <th scope="col" className="cp-num">Under-triaged</th>
            <th scope="col" className="cp-num">Disagreements</th>
          </tr>
        </thead>
        <tbody>
          {report.rules.map((rule) => (
            <tr key={rule.id} data-rule={rule.id}>
              <th scope="row">
                {rule.fired > 0 ? (
                  <Link className="cp-cell-link" href={`/clinician?rule=${encodeURIComponent(rule.id)}`}>
                    <code>{rule.id}</code>
                  </Link>
                ) : (
                  <code>{rule.id}</code>
                )}
                <span className="cp-hint">
                  <code>{rule.condition}</code>
                </span>
                <span className="cp-hint">→ {leadsTo(rule)}</span>
              </th>
              <td className="cp-num">{rule.fired}</td>
              <td className="cp-num">{rule.reviewed}</td>
              <td className="cp-num">{rule.agree}</td>
              <td className="cp-num">{rule.overTriaged}</td>
              <td className="cp-num">{rule.underTriaged}</td>
              <td className="cp-num">{rule.disagreed > 0 ? <strong>{rule.disagreed}</strong> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function ReportPage({ searchParams }: { searchParams: SearchParams }) {
  await requireClinician();
  const raw = await searchParams;
  const parsed = parseReportFilters(raw);
  const report = parsed.ok ? await protocolReport(parsed.value) : undefined;
  return (
    <>
      <div className="cp-page-head">
        <h1>Protocol report</h1>
        <p className="cp-lede">
          Which rules fire, and where reviewers disagree with the outcome. Under-triage is the one to act on first.
        </p>
      </div>
      <PeriodForm values={firstValues(raw)} version={report?.protocolVersion} error={parsed.ok ? undefined : parsed.message} />
      {report ? (
        <section className="cp-panel" aria-labelledby="rules-heading">
          <h2 id="rules-heading">Rules</h2>
          <p>
            {report.interviews} finished interviews
            {report.from || report.to ? ` from ${report.from ?? 'the start'} to ${report.to ?? 'today'}` : ''};{' '}
            {report.reviewedInterviews} of them reviewed. Verdicts count reviews, so one interview can add more than one.
          </p>
          <RuleTable report={report} />
        </section>
      ) : null}
    </>
  );
}
