import type { Protocol } from './define';
import type { Answers, Disposition, Gate } from './types';

/** Every disposition rule that fires on these answers, in table order; the no-flags rule alone when none does. */
export function firedDispositionRules(p: Protocol, answers: Answers): string[] {
  const fired = p.firing('disposition', answers);
  return fired.length > 0 ? fired : [p.content.noFlagsRule.id];
}

/** The massage gate and the gate rules that set it (PROTOCOL.md sections 1.2 and 4). */
export function massageGate(p: Protocol, answers: Answers, disposition: Disposition): { gate: Gate; gateRules: string[] } {
  if (disposition !== 'self_care') return { gate: 'none', gateRules: [] };
  const fired = p.firing('gate', answers);
  if (fired.length === 0) return { gate: p.content.standardGateRule.outcome, gateRules: [p.content.standardGateRule.id] };
  return { gate: 'gentle', gateRules: fired };
}
