import type { Outcome } from '@/lib/protocol/outcome';
import type { Plan } from '@/lib/protocol/plan/build';
import { gateName } from '../../_lib/format';
import { AREA_LABEL, holdTime, POSITION_LABEL, pressureLimit, roundsLabel, TOOL_LABEL } from '@/lib/protocol/labels';

function Steps({ plan }: { plan: Plan }) {
  return (
    <ol className="cp-plan-steps">
      {plan.steps.map((step, i) => (
        <li key={`${step.area}-${step.muscle}-${i}`}>
          <strong>
            {AREA_LABEL[step.area]}: {step.muscle}
          </strong>
          <dl className="cp-facts">
            <dt>Tool</dt>
            <dd>{TOOL_LABEL[step.tool]}</dd>
            <dt>Position</dt>
            <dd>{POSITION_LABEL[step.position]}</dd>
            <dt>Hold</dt>
            <dd>
              {holdTime(step.holdSeconds, step.perSide)}, {roundsLabel(step.rounds)}
            </dd>
            <dt>Pressure</dt>
            <dd>{pressureLimit(step.pressure)}</dd>
            <dt>Instructions</dt>
            <dd>{step.instructions}</dd>
            <dt>Source</dt>
            <dd>{step.source}</dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}

function Bullets({ items }: { items: readonly string[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

/** What the patient was told to do: the advice, the self-massage plan when there is one, and the safety net. */
export function PlanView({ outcome, plan }: { outcome: Outcome; plan: Plan | null }) {
  return (
    <>
      <h3>Advice shown</h3>
      <Bullets items={outcome.advice} />
      {plan ? (
        <>
          <h3>Self-massage plan</h3>
          <dl className="cp-facts">
            <dt>Gate</dt>
            <dd>{gateName(plan.gate)}</dd>
            <dt>How often</dt>
            <dd>{plan.frequency}</dd>
            <dt>Session length</dt>
            <dd>At most {plan.sessionMinutes} minutes</dd>
            {plan.toolNote ? (
              <>
                <dt>Tools</dt>
                <dd>{plan.toolNote}</dd>
              </>
            ) : null}
          </dl>
          <Steps plan={plan} />
          <h3>Stop rules</h3>
          <Bullets items={plan.stopRules} />
          <h3>Keep active</h3>
          <Bullets items={plan.keepActive} />
        </>
      ) : (
        <p>No self-massage plan: the patient was told not to start self-massage until a clinician has seen them.</p>
      )}
      <h3>Safety net</h3>
      <Bullets items={outcome.safetyNet} />
    </>
  );
}
