import { DISPOSITION_TITLE } from '@/lib/protocol/labels';
import type { Outcome } from '@/lib/protocol/outcome';
import { EmergencyCall, OtherEmergencyNumbers } from '../EmergencyCall';
import { Heading, type HeadingLevel } from '../Heading';
import { Advice } from './Advice';

/**
 * An emergency leads with one call to action and nothing beside it: call now (ambulance), or go to an emergency
 * department now. The first advice line is that call to action, so it is the heading and the big link, not a bullet.
 */
export function EmergencyOutcome({
  disposition,
  advice,
  number,
  level,
}: {
  disposition: Extract<Outcome['disposition'], 'emergency_ambulance' | 'emergency'>;
  advice: readonly string[];
  number: string;
  level: HeadingLevel;
}) {
  const [, ...rest] = advice;
  const ambulance = disposition === 'emergency_ambulance';
  return (
    <div className={`emergency-banner ${ambulance ? 'emergency-call' : 'emergency-go'}`}>
      <Heading level={level} id="outcome-title" tabIndex={-1} data-focus-target>
        {DISPOSITION_TITLE[disposition]}
      </Heading>
      {ambulance ? (
        <EmergencyCall number={number} className="call-now">
          Call {number} now
        </EmergencyCall>
      ) : null}
      <Advice lines={rest} />
      {ambulance ? null : (
        <p className="emergency-fallback">
          <EmergencyCall number={number} className="call-secondary" />
        </p>
      )}
      <OtherEmergencyNumbers number={number} />
    </div>
  );
}
