import { DISPOSITION_ADVICE, SAFETY_NET } from './advice';
import { firedDispositionRules, massageGate } from './evaluate';
import { buildPlan, type Plan } from './plan/build';
import type { Answers, Disposition, Gate } from './types';

/** The outcome of a finished interview, in the shape of API.md. */
export interface Outcome {
  disposition: Disposition;
  gate: Gate;
  rules: string[];
  gateRules: string[];
  advice: string[];
  safetyNet: string[];
  plan?: Plan;
}

/**
 * Builds the outcome for the disposition the machine reached. The fired rules are every rule that holds on the
 * answers given (an early exit leaves later questions unanswered, so their rules cannot fire).
 */
export function buildOutcome(answers: Answers, disposition: Disposition): Outcome {
  const { gate, gateRules } = massageGate(answers, disposition);
  const outcome: Outcome = {
    disposition,
    gate,
    rules: firedDispositionRules(answers),
    gateRules,
    advice: [...DISPOSITION_ADVICE[disposition]],
    safetyNet: [...SAFETY_NET],
  };
  if (gate !== 'none') outcome.plan = buildPlan(answers, gate);
  return outcome;
}
