import type { Protocol } from '@/lib/protocol/define';
import { Heading, type HeadingLevel } from '../Heading';

/** Why this outcome: the plain-words reason of every rule that fired. */
export function Reasons({
  title,
  ruleIds,
  protocol,
  level,
}: {
  title: string;
  ruleIds: readonly string[];
  protocol: Protocol;
  level: HeadingLevel;
}) {
  const reasons = ruleIds.flatMap((id) => {
    const rule = protocol.rule(id);
    return rule ? [{ id, reason: rule.reason }] : [];
  });
  if (reasons.length === 0) return null;
  return (
    <section className="outcome-section reasons">
      <Heading level={level}>{title}</Heading>
      <ul>
        {reasons.map((r) => (
          <li key={r.id} data-rule={r.id}>
            {r.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
