import { EmergencyCall, OtherEmergencyNumbers } from '../EmergencyCall';
import { StartForm } from '../StartForm';

/** The end of an interview the patient chose not to go on with. */
export function Declined({ number }: { number: string }) {
  return (
    <section className="outcome outcome-declined" aria-labelledby="outcome-title">
      <h1 id="outcome-title" tabIndex={-1} data-focus-target>
        We have stopped here
      </h1>
      <p>You chose not to go on, and that is fine. Thank you for telling us.</p>
      <p>We have not given you any advice, because we did not ask you any questions about your pain.</p>
      <p className="declined-emergency">
        If you are in danger or feel very unwell, call <EmergencyCall number={number} className="inline-target">
          {number}
        </EmergencyCall> now.
      </p>
      <OtherEmergencyNumbers number={number} />
      <p>If you change your mind, you can start again at any time.</p>
      <StartForm label="Start again" />
    </section>
  );
}
