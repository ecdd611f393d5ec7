import type { ReactNode } from 'react';

/** A link that dials the emergency number on a phone. */
export function EmergencyCall({
  number,
  className,
  children,
}: {
  number: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <a href={`tel:${number}`} className={className}>
      {children ?? `Call ${number}`}
    </a>
  );
}

const OTHER_NUMBERS = [
  { number: '112', where: 'in Europe' },
  { number: '999', where: 'in the UK' },
];

/** Visitors may not be where this deployment is: say which numbers work elsewhere. */
export function OtherEmergencyNumbers({ number }: { number: string }) {
  const others = OTHER_NUMBERS.filter((o) => o.number !== number);
  if (others.length === 0) return null;
  return (
    <p className="other-numbers">
      {others.map((o, i) => (
        <span key={o.number}>
          {i > 0 ? ' ' : ''}
          <span className="nowrap">{o.number}</span> works {o.where}.
        </span>
      ))}
    </p>
  );
}
