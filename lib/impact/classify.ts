import { isDeepStrictEqual } from 'node:util';
import type { PlanStep } from '../protocol/plan/build';
import { DISPOSITIONS, type Disposition, type Gate } from '../protocol/types';

/** What replaying an interview under another version does to its outcome. */
export const CHANGES = ['same', 'escalated', 'de-escalated', 'gate_changed', 'plan_changed', 'cannot_tell'] as const;
export type OutcomeChange = (typeof CHANGES)[number];

/** An outcome as the impact compares it: the disposition, the massage gate, and every rule that fired (disposition rules, then gate rules). */
export interface OutcomeBrief {
  disposition: Disposition;
  gate: Gate;
  rules: string[];
}

/** What the comparison reads of an outcome: the brief, and the plan steps (absent when there is no plan). */
export interface ComparedOutcome extends OutcomeBrief {
  steps: readonly PlanStep[] | null;
}

/** Lower is more urgent: the order of DISPOSITIONS. */
export const urgencyRank = (d: Disposition) => DISPOSITIONS.indexOf(d);

/**
 * The change from one outcome to the other, the most consequential first: a different disposition, else a different
 * gate, else different plan steps. Steps compare by value, so key order (jsonb sorts keys) does not matter.
 */
export function classify(from: ComparedOutcome, to: ComparedOutcome): Exclude<OutcomeChange, 'cannot_tell'> {
  if (from.disposition !== to.disposition) {
    return urgencyRank(to.disposition) < urgencyRank(from.disposition) ? 'escalated' : 'de-escalated';
  }
  if (from.gate !== to.gate) return 'gate_changed';
  if (!isDeepStrictEqual(from.steps ?? null, to.steps ?? null)) return 'plan_changed';
  return 'same';
}
