import type { Protocol } from '../protocol/define';
import type { Disposition } from '../protocol/types';
import { CHANGES, urgencyRank, type OutcomeBrief, type OutcomeChange } from './classify';

/** One interview's impact: its stored outcome, its outcome under the target version, and the change. */
export interface InterviewImpact {
  id: string;
  code: string;
  from: OutcomeBrief;
  /** Null when the target version cannot judge the interview (`cannot_tell`). */
  to: OutcomeBrief | null;
  change: OutcomeChange;
  /** For `cannot_tell`: the question the target version would ask that the interview has no acceptable answer to. */
  missing?: string[];
}

/** An interview whose disposition the target version changes. */
export interface MovedInterview {
  id: string;
  code: string;
  from: Disposition;
  to: Disposition;
}

export interface ImpactSummary {
  from: string;
  to: string;
  since: string | null;
  until: string | null;
  interviews: number;
  /** Every change, zero included. */
  changes: Record<OutcomeChange, number>;
  /** "self_care -> consultation_24": interviews, for every interview the target version can judge; most urgent first. */
  dispositions: Record<string, number>;
  /** Per rule id (disposition and gate rules), in the target version's order: interviews it starts or stops firing on. */
  rules: Record<string, { starts: number; stops: number }>;
  /** Most serious first: the most urgent new disposition, then the longest way up. */
  escalated: MovedInterview[];
  /** Most serious first: the most urgent disposition given up, then the longest way down. */
  deEscalated: MovedInterview[];
  /** For `cannot_tell`: per question id, how many interviews lack an acceptable answer to it. */
  missing: Record<string, number>;
}

const byRank = (a: Disposition, b: Disposition) => urgencyRank(a) - urgencyRank(b);

/**
 * Adds interviews up one at a time, so a caller can stream them out as it goes; keeps counts, and the codes of the
 * interviews whose disposition changes (what a clinical team reads through).
 */
export class ImpactTally {
  private count = 0;
  private readonly changes = Object.fromEntries(CHANGES.map((c) => [c, 0])) as Record<OutcomeChange, number>;
  private readonly pairs = new Map<string, { from: Disposition; to: Disposition; n: number }>();
  private readonly rules = new Map<string, { starts: number; stops: number }>();
  private readonly missing = new Map<string, number>();
  private readonly escalated: MovedInterview[] = [];
  private readonly deEscalated: MovedInterview[] = [];

  constructor(
    private readonly source: Protocol,
    private readonly target: Protocol,
    private readonly period: { since?: string; until?: string } = {},
  ) {}

  add(impact: InterviewImpact): void {
    this.count++;
    this.changes[impact.change]++;
    for (const q of impact.missing ?? []) this.missing.set(q, (this.missing.get(q) ?? 0) + 1);
    const { from, to } = impact;
    if (!to) return;
    const key = `${from.disposition} -> ${to.disposition}`;
    const pair = this.pairs.get(key) ?? { from: from.disposition, to: to.disposition, n: 0 };
    pair.n++;
    this.pairs.set(key, pair);
    const rule = (id: string) => this.rules.get(id) ?? this.rules.set(id, { starts: 0, stops: 0 }).get(id)!;
    for (const id of to.rules) if (!from.rules.includes(id)) rule(id).starts++;
    for (const id of from.rules) if (!to.rules.includes(id)) rule(id).stops++;
    const moved = { id: impact.id, code: impact.code, from: from.disposition, to: to.disposition };
    if (impact.change === 'escalated') this.escalated.push(moved);
    if (impact.change === 'de-escalated') this.deEscalated.push(moved);
  }

  result(): ImpactSummary {
    const ruleOrder = [...new Set([...this.target.rules, ...this.source.rules].map((r) => r.id))];
    const position = (id: string) => (ruleOrder.includes(id) ? ruleOrder.indexOf(id) : ruleOrder.length);
    const byCode = (a: MovedInterview, b: MovedInterview) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
    return {
      from: this.source.id,
      to: this.target.id,
      since: this.period.since ?? null,
      until: this.period.until ?? null,
      interviews: this.count,
      changes: { ...this.changes },
      dispositions: Object.fromEntries(
        [...this.pairs]
          .sort(([, a], [, b]) => byRank(a.from, b.from) || byRank(a.to, b.to))
          .map(([key, p]) => [key, p.n]),
      ),
      rules: Object.fromEntries(
        [...this.rules].sort(([a], [b]) => position(a) - position(b) || (a < b ? -1 : 1)).map(([id, n]) => [id, { ...n }]),
      ),
      escalated: [...this.escalated].sort((a, b) => byRank(a.to, b.to) || byRank(b.from, a.from) || byCode(a, b)),
      deEscalated: [...this.deEscalated].sort((a, b) => byRank(a.from, b.from) || byRank(b.to, a.to) || byCode(a, b)),
      missing: Object.fromEntries([...this.missing].sort(([a], [b]) => (a < b ? -1 : 1))),
    };
  }
}
