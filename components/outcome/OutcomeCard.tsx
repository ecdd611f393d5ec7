import type { Outcome } from '@/lib/protocol/outcome';
import { protocolFor } from '@/lib/protocol/versions';
import { nextLevel, type HeadingLevel } from '../Heading';
import { EmergencyOutcome } from './EmergencyOutcome';
import { PlanView } from './PlanView';
import { Reasons } from './Reasons';
import { ReferralOutcome } from './ReferralOutcome';
import { SafetyNet } from './SafetyNet';
import { SelfCareOutcome } from './SelfCareOutcome';

/** The outcome the server decided, laid out for its kind, with the reasons of the interview's protocol version. */
export function OutcomeCard({
  outcome,
  protocolVersion,
  number,
  level = 1,
}: {
  outcome: Outcome;
  protocolVersion: string;
  number: string;
  level?: HeadingLevel;
}) {
  const sub = nextLevel(level);
  const { disposition } = outcome;
  const protocol = protocolFor(protocolVersion);
  return (
    <section className={`outcome outcome-${disposition}`} aria-labelledby="outcome-title" data-disposition={disposition}>
      {disposition === 'emergency_ambulance' || disposition === 'emergency' ? (
        <EmergencyOutcome disposition={disposition} advice={outcome.advice} number={number} level={level} />
      ) : disposition === 'self_care' ? (
        <SelfCareOutcome advice={outcome.advice} level={level} />
      ) : (
        <ReferralOutcome disposition={disposition} advice={outcome.advice} level={level} />
      )}
      <Reasons title="Why we say this" ruleIds={outcome.rules} protocol={protocol} level={sub} />
      {outcome.plan ? (
        <>
          <Reasons title="Why this pressure" ruleIds={outcome.gateRules} protocol={protocol} level={sub} />
          <PlanView plan={outcome.plan} level={sub} />
        </>
      ) : null}
      <SafetyNet items={outcome.safetyNet} number={number} level={sub} />
    </section>
  );
}
