import { GATE_LABEL, PRESSURE_SCALE } from '@/lib/protocol/labels';
import type { Plan } from '@/lib/protocol/plan/build';
import { Heading, nextLevel, type HeadingLevel } from '../Heading';
import { PlanStep } from './PlanStep';

/** The self-massage plan, step by step, with its dose, stop rules and keep-active advice. */
export function PlanView({ plan, level }: { plan: Plan; level: HeadingLevel }) {
  return (
    <>
      <section className="outcome-section plan-overview" aria-labelledby="plan-how">
        <Heading level={level} id="plan-how">
          How to use your plan
        </Heading>
        <dl className="plan-facts">
          <div>
            <dt>How often</dt>
            <dd>{plan.frequency}</dd>
          </div>
          <div>
            <dt>Each session</dt>
            <dd>About {plan.sessionMinutes} minutes</dd>
          </div>
          <div>
            <dt>Pressure</dt>
            <dd>
              {GATE_LABEL[plan.gate]}. {PRESSURE_SCALE}
            </dd>
          </div>
        </dl>
        {plan.toolNote ? <p className="callout tool-note">{plan.toolNote}</p> : null}
      </section>
      <section className="outcome-section plan-steps-section" aria-labelledby="plan-steps">
        <Heading level={level} id="plan-steps">
          Your steps
        </Heading>
        <ol className="plan-steps">
          {plan.steps.map((step, i) => (
            <PlanStep key={`${step.muscle}:${step.tool}`} step={step} index={i} level={nextLevel(level)} />
          ))}
        </ol>
      </section>
      <section className="outcome-section stop-rules" aria-labelledby="plan-stop">
        <Heading level={level} id="plan-stop">
          When to stop
        </Heading>
        <ul>
          {plan.stopRules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>
      <section className="outcome-section keep-active" aria-labelledby="plan-active">
        <Heading level={level} id="plan-active">
          Keep active
        </Heading>
        <ul>
          {plan.keepActive.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
