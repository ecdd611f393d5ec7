import type { Outcome } from '@/lib/protocol/outcome';
import { nextLevel, type HeadingLevel } from '../Heading';
import { EmergencyOutcome } from './EmergencyOutcome';
import { PlanView } from './PlanView';
import { Reasons } from './Reasons';
import { ReferralOutcome } from './ReferralOutcome';
import { SafetyNet } from './SafetyNet';
import { SelfCareOutcome } from './SelfCareOutcome';

/** The outcome the server decided, laid out for its kind. */
export function OutcomeCard({ outcome, number, level = 1 }: { outcome: Outcome; number: string; level?: HeadingLevel }) {
  const sub = nextLevel(level);
  const { disposition } = outcome;
  return (
    <section className={`outcome outcome-${disposition}`} aria-labelledby="outcome-title" data-disposition={disposition}>
      {disposition === 'emergency_ambulance' || disposition === 'emergency' ? (
        <EmergencyOutcome disposition={disposition} number={number} level={level} />
      ) : disposition === 'self_care' ? (
        <SelfCareOutcome level={level} />
      ) : (
        <ReferralOutcome disposition={disposition} level={level} />
      )}
      <Reasons title="Why we say this" ruleIds={outcome.rules} level={sub} />
      {outcome.plan ? (
        <>
          <Reasons title="Why this pressure" ruleIds={outcome.gateRules} level={sub} />
          <PlanView plan={outcome.plan} level={sub} />
        </>
      ) : null}
      <SafetyNet items={outcome.safetyNet} number={number} level={sub} />
    </section>
  );
}
