import { EmergencyCall, OtherEmergencyNumbers } from '../EmergencyCall';
import { Heading, type HeadingLevel } from '../Heading';

/** Shown with every outcome: when to call, when to get help sooner, and what to expect. */
export function SafetyNet({ items, number, level }: { items: readonly string[]; number: string; level: HeadingLevel }) {
  return (
    <section className="outcome-section safety-net" aria-labelledby="safety-net-title">
      <Heading level={level} id="safety-net-title">
        When to get help
      </Heading>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p className="safety-number">
        Your emergency number: <EmergencyCall number={number} className="inline-target">
          {number}
        </EmergencyCall>
      </p>
      <OtherEmergencyNumbers number={number} />
    </section>
  );
}
