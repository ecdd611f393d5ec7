import type { FiredRule } from '@/lib/clinician/detail';
import { dispositionName, gateName } from '../../_lib/format';

function leadsTo(rule: FiredRule): string {
  return rule.kind === 'gate' ? `Massage gate: ${gateName(rule.leadsTo)}` : dispositionName(rule.leadsTo);
}

/** Every rule that fired, each with what it checks, why it matters and where it comes from. */
export function FiredRules({ rules }: { rules: readonly FiredRule[] }) {
  if (rules.length === 0) return <p className="cp-empty">No rule has fired: the interview has no outcome yet.</p>;
  return (
    <ul className="cp-rules">
      {rules.map((rule) => (
        <li key={rule.id} data-rule={rule.id}>
          <h4>
            <code>{rule.id}</code> → {leadsTo(rule)}
          </h4>
          <dl className="cp-facts">
            <dt>Fires when</dt>
            <dd>
              <code>{rule.condition}</code>
            </dd>
            {rule.reason ? (
              <>
                <dt>Why</dt>
                <dd>{rule.reason}</dd>
              </>
            ) : null}
          </dl>
          {rule.sources.length > 0 ? (
            <>
              <p className="cp-hint">Sources:</p>
              <ul className="cp-sources">
                {rule.sources.map((s) => (
                  <li key={s.id}>
                    {s.publisher}: <cite>{s.title}</cite>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
