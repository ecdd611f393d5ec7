import type { Protocol } from './define';
import { DISPOSITIONS, type Answers, type Disposition, type Gate } from './types';

/** Every disposition rule that fires on these answers, in table order; the no-flags rule alone when none does. */
export function firedDispositionRules(p: Protocol, answers: Answers): string[] {
  const fired = p.content.rules.filter((r) => p.fires(r.id, answers)).map((r) => r.id);
  return fired.length > 0 ? fired : [p.content.noFlagsRule.id];
}

/** The most urgent disposition among the rules that fire (PROTOCOL.md section 3). */
export function mostUrgentDisposition(p: Protocol, answers: Answers): Disposition {
  const dispositions = new Set<Disposition>(p.content.rules.filter((r) => p.fires(r.id, answers)).map((r) => r.disposition));
  return DISPOSITIONS.find((d) => dispositions.has(d)) ?? p.content.noFlagsRule.outcome;
}

/** The massage gate and the gate rules that set it (PROTOCOL.md sections 1.2 and 4). */
export function massageGate(p: Protocol, answers: Answers, disposition: Disposition): { gate: Gate; gateRules: string[] } {
  if (disposition !== 'self_care') return { gate: 'none', gateRules: [] };
  const fired = p.content.gateRules.filter((r) => p.fires(r.id, answers));
  if (fired.length === 0) return { gate: p.content.standardGateRule.outcome, gateRules: [p.content.standardGateRule.id] };
  return { gate: 'gentle', gateRules: fired.map((r) => r.id) };
}
