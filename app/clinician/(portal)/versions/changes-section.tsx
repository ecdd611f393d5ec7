import type { RuleView } from '@/lib/protocol/define';
import type { VersionsView } from '@/lib/impact/portal';
import { TableRegion } from '../../_components/table-region';
import { leadsTo } from './outcome-words';

function RuleCell({ rule }: { rule: RuleView | null }) {
  if (!rule) return <td>—</td>;
  return (
    <td>
      <span>When {rule.condition}</span>
      <span className="cp-hint">→ {leadsTo(rule)}</span>
    </td>
  );
}

const KIND_WORDS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

/** The recorded changes with their reasons, and the rule tables compared: what a clinical team signs off. */
export function ChangesSection({ from, to, comparison }: { from: string; to: string; comparison: NonNullable<VersionsView['comparison']> }) {
  const { direction, versions, rules } = comparison;
  return (
    <section className="cp-panel" aria-labelledby="changes-heading">
      <h2 id="changes-heading">
        What changed from <code>{from}</code> to <code>{to}</code>
      </h2>
      <h3>Recorded changes</h3>
      {direction === 'unrelated' ? (
        <p>Neither version is based on the other, so no recorded changes lead from one to the other. The rules are compared below.</p>
      ) : (
        <>
          {direction === 'backward' ? (
            <p>
              <code>{to}</code> is the older version: going back to it undoes these changes.
            </p>
          ) : null}
          {versions.map((v) => (
            <div key={v.version}>
              <p>
                <code>{v.version}</code> is <code>{v.basedOn}</code> with {v.changes.length === 1 ? 'this change' : `these ${v.changes.length} changes`}:
              </p>
              <ol>
                {v.changes.map((c, i) => (
                  <li key={i}>
                    {c.words}
                    <span className="cp-hint">Why: {c.why}</span>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </>
      )}
      <h3>Rules</h3>
      {rules.length === 0 ? (
        <p>The two versions have the same rules.</p>
      ) : (
        <TableRegion captionId="rules-caption">
          <table className="cp-break-code">
            <caption id="rules-caption">
              Rules added, removed or changed from <code>{from}</code> to <code>{to}</code>, with their conditions in words
            </caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">
                  In <code>{from}</code>
                </th>
                <th scope="col">
                  In <code>{to}</code>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id} data-rule={r.id}>
                  <th scope="row">
                    <code>{r.id}</code>
                    <span className="cp-hint">{KIND_WORDS[r.kind]}</span>
                  </th>
                  <RuleCell rule={r.before} />
                  <RuleCell rule={r.after} />
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
