import { DISPOSITION_RULES, GATE_RULES, NO_FLAGS_RULE, STANDARD_GATE_RULE } from './rules';
import { DISPOSITIONS, type Answers, type Disposition, type Gate } from './types';

/** Every disposition rule that fires on these answers, in table order; `R30_no_flags` alone when none does. */
export function firedDispositionRules(answers: Answers): string[] {
  const fired = DISPOSITION_RULES.filter((r) => r.when(answers)).map((r) => r.id);
  return fired.length > 0 ? fired : [NO_FLAGS_RULE.id];
}

/** The most urgent disposition among the rules that fire (PROTOCOL.md section 3). */
export function mostUrgentDisposition(answers: Answers): Disposition {
  const dispositions = new Set<Disposition>(DISPOSITION_RULES.filter((r) => r.when(answers)).map((r) => r.disposition));
  return DISPOSITIONS.find((d) => dispositions.has(d)) ?? NO_FLAGS_RULE.disposition;
}

/** The massage gate and the gate rules that set it (PROTOCOL.md sections 1.2 and 4). */
export function massageGate(answers: Answers, disposition: Disposition): { gate: Gate; gateRules: string[] } {
  if (disposition !== 'self_care') return { gate: 'none', gateRules: [] };
  const fired = GATE_RULES.filter((r) => r.when(answers));
  if (fired.length === 0) return { gate: STANDARD_GATE_RULE.gate, gateRules: [STANDARD_GATE_RULE.id] };
  return { gate: 'gentle', gateRules: fired.map((r) => r.id) };
}
