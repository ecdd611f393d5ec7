import { AREA_LABEL, holdTime, POSITION_LABEL, pressureLimit, roundsLabel, TOOL_LABEL } from '@/lib/protocol/labels';
import type { PlanStep as Step } from '@/lib/protocol/plan/build';
import { Heading, type HeadingLevel } from '../Heading';

export function PlanStep({ step, index, level }: { step: Step; index: number; level: HeadingLevel }) {
  return (
    <li className="plan-step">
      <Heading level={level}>
        <span className="step-number">Step {index + 1}</span> {step.muscle}
      </Heading>
      <dl className="step-facts">
        <div>
          <dt>Where</dt>
          <dd>{AREA_LABEL[step.area]}</dd>
        </div>
        <div>
          <dt>Tool</dt>
          <dd>{TOOL_LABEL[step.tool]}</dd>
        </div>
        <div>
          <dt>Position</dt>
          <dd>{POSITION_LABEL[step.position]}</dd>
        </div>
        <div>
          <dt>Hold</dt>
          <dd>{holdTime(step.holdSeconds, step.perSide)}</dd>
        </div>
        <div>
          <dt>Rounds</dt>
          <dd>{roundsLabel(step.rounds)}</dd>
        </div>
        <div>
          <dt>Pressure</dt>
          <dd>{pressureLimit(step.pressure)}</dd>
        </div>
      </dl>
      <p className="step-instructions">{step.instructions}</p>
      <p className="step-source">Source: {step.source}</p>
    </li>
  );
}
