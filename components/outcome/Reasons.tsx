import { ruleById } from '@/lib/protocol/rules';
import { Heading, type HeadingLevel } from '../Heading';

/** Why this outcome: the plain-words reason of every rule that fired. */
export function Reasons({ title, ruleIds, level }: { title: string; ruleIds: readonly string[]; level: HeadingLevel }) {
  const reasons = ruleIds.flatMap((id) => {
    const rule = ruleById(id);
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
