import type { Protocol } from './define';
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
export function buildOutcome(p: Protocol, answers: Answers, disposition: Disposition): Outcome {
  const { gate, gateRules } = massageGate(p, answers, disposition);
  const outcome: Outcome = {
    disposition,
    gate,
    rules: firedDispositionRules(p, answers),
    gateRules,
    advice: [...p.content.advice[disposition]],
    safetyNet: p.content.safetyNet.map((l) => l.text),
  };
  if (gate !== 'none') outcome.plan = buildPlan(p, answers, gate);
  return outcome;
}
