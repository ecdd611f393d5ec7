import type { RuleView } from '@/lib/protocol/define';
import { dispositionName, gateName } from '../../_lib/format';

/** What a rule leads to, in the portal's words: a disposition, or a massage gate. */
export function leadsTo(rule: Pick<RuleView, 'table' | 'outcome'>): string {
  return rule.table === 'gate' ? `Massage gate: ${gateName(rule.outcome)}` : dispositionName(rule.outcome);
}

/** "Self-care plan → Doctor within 24 h". */
export function movement(from: string, to: string): string {
  return `${dispositionName(from)} → ${dispositionName(to)}`;
}
