import Link from 'next/link';
import type { ReactNode } from 'react';
import { CHANGES, type InterviewImpact, type MovedInterview, type OutcomeChange } from '@/lib/impact';
import { LISTED_PER_CHANGE, type PortalImpact } from '@/lib/impact/portal';
import { CHANGE_WORDS } from '@/lib/impact/text';
import { TableRegion } from '../../_components/table-region';
import { dispositionName, gateName } from '../../_lib/format';
import { movement } from './outcome-words';

const n = (value: number) => value.toLocaleString('en-GB');
const sentence = (words: string) => words[0]!.toUpperCase() + words.slice(1);

/** Interview pages audit every view: a link to one is never prefetched. */
function InterviewLink({ id, code }: { id: string; code: string }) {
  return (
    <Link className="cp-cell-link cp-code" href={`/clinician/interviews/${id}`} prefetch={false}>
      {code}
    </Link>
  );
}

function Listed({ total, shown }: { total: number; shown: number }) {
  if (total <= shown) return null;
  return (
    <p className="cp-hint">
      The first {n(shown)} of {n(total)}. <code>npm run protocol:impact -- --json</code> lists them all.
    </p>
  );
}

/** A table of counts: one row per kind (its label as the row header), and how many interviews. */
function CountTable({
  id,
  caption,
  label,
  rows,
}: {
  id: string;
  caption: ReactNode;
  label: string;
  rows: { key: string; data: Record<`data-${string}`, string>; label: ReactNode; count: number }[];
}) {
  return (
    <TableRegion captionId={id}>
      <table className="cp-break-code">
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{label}</th>
            <th scope="col" className="cp-num">
              Interviews
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} {...r.data}>
              <th scope="row">{r.label}</th>
              <td className="cp-num">{n(r.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function MovedTable({ change, list, caption }: { change: OutcomeChange; list: readonly MovedInterview[]; caption: string }) {
  const shown = list.slice(0, LISTED_PER_CHANGE);
  return (
    <>
      <TableRegion captionId={`${change}-caption`}>
        <table className="cp-break-code" data-list={change}>
          <caption id={`${change}-caption`}>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Patient code</th>
              <th scope="col">Stored outcome → outcome under the new version</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <InterviewLink id={m.id} code={m.code} />
                </th>
                <td>{movement(m.from, m.to)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Listed total={list.length} shown={shown.length} />
    </>
  );
}

function OtherTable({ change, list, total, to }: { change: OutcomeChange; list: readonly InterviewImpact[]; total: number; to: string }) {
  return (
    <>
      <TableRegion captionId={`${change}-caption`}>
        <table className="cp-break-code" data-list={change}>
          <caption id={`${change}-caption`}>{sentence(CHANGE_WORDS[change])}</caption>
          <thead>
            <tr>
              <th scope="col">Patient code</th>
              <th scope="col">{change === 'cannot_tell' ? `The question ${to} would ask` : 'Outcome'}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <InterviewLink id={i.id} code={i.code} />
                </th>
                <td>
                  {change === 'cannot_tell' ? (
                    <code>{i.missing?.join(', ')}</code>
                  ) : change === 'gate_changed' ? (
                    `${dispositionName(i.from.disposition)}: ${gateName(i.from.gate).toLowerCase()} → ${gateName(i.to!.gate).toLowerCase()}`
                  ) : (
                    `${dispositionName(i.from.disposition)}, ${gateName(i.from.gate).toLowerCase()}: other plan steps`
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <Listed total={total} shown={list.length} />
    </>
  );
}

/**
 * The impact of a version on the stored interviews, with the command line's numbers (the same tally), and links to
 * every interview it would change, escalations first.
 */
export function ImpactReport({ impact }: { impact: PortalImpact }) {
  const s = impact.summary;
  const period = s.since || s.until ? `, started ${s.since ?? 'from the start'} to ${s.until ?? 'today'} (UTC)` : '';
  const rules = Object.entries(s.rules);
  const others = (['gate_changed', 'plan_changed', 'cannot_tell'] as const).filter((c) => s.changes[c] > 0);
  return (
    <div className="cp-stack" data-testid="impact">
      <p>
        <strong data-testid="impact-interviews">{n(s.interviews)}</strong> finished interview{s.interviews === 1 ? '' : 's'} stored
        under <code>{s.from}</code>
        {period}, with the answers each patient gave replayed under <code>{s.to}</code>. The stored outcome is compared with the
        outcome <code>{s.to}</code> gives.
      </p>
      <CountTable
        id="changes-caption"
        caption="What happens to each stored outcome"
        label="Change"
        rows={CHANGES.map((c) => ({ key: c, data: { 'data-change': c }, label: sentence(CHANGE_WORDS[c]), count: s.changes[c] }))}
      />
      {Object.keys(s.dispositions).length > 0 ? (
        <CountTable
          id="dispositions-caption"
          caption={
            <>
              Dispositions, stored under <code>{s.from}</code> → under <code>{s.to}</code>
            </>
          }
          label="Disposition"
          rows={Object.entries(s.dispositions).map(([pair, count]) => {
            const [from, to] = pair.split(' -> ') as [string, string];
            const words = from === to ? `${movement(from, to)} (unchanged)` : movement(from, to);
            return { key: pair, data: { 'data-pair': pair }, label: words, count };
          })}
        />
      ) : null}
      {rules.length > 0 ? (
        <TableRegion captionId="rule-changes-caption">
          <table className="cp-break-code">
            <caption id="rule-changes-caption">Rules that start or stop firing</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col" className="cp-num">
                  Starts firing on
                </th>
                <th scope="col" className="cp-num">
                  Stops firing on
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map(([id, r]) => (
                <tr key={id} data-rule={id}>
                  <th scope="row">
                    <code>{id}</code>
                  </th>
                  <td className="cp-num">{n(r.starts)}</td>
                  <td className="cp-num">{n(r.stops)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>No rule starts or stops firing.</p>
      )}
      <h3>Interviews that would change</h3>
      {s.escalated.length + s.deEscalated.length + others.length === 0 ? <p>None: every outcome stays the same.</p> : null}
      {s.escalated.length > 0 ? (
        <MovedTable change="escalated" list={s.escalated} caption="Escalated: more urgent under the new version, most serious first" />
      ) : null}
      {s.deEscalated.length > 0 ? (
        <MovedTable change="de-escalated" list={s.deEscalated} caption="De-escalated: less urgent under the new version, most serious first" />
      ) : null}
      {others.map((c) => (
        <OtherTable key={c} change={c} list={impact.others[c]} total={s.changes[c]} to={s.to} />
      ))}
    </div>
  );
}
