import 'server-only';
import { protocolFor } from '../protocol/versions';
import { classify, type ComparedOutcome } from './classify';
import { dayText, type ImpactOptions } from './options';
import { finishedInterviews, type StoredInterview } from './read';
import { replayUnder } from './replay-under';
import { ImpactTally, type ImpactSummary, type InterviewImpact } from './summary';

export { CHANGES, type OutcomeBrief, type OutcomeChange } from './classify';
export { dayText, impactOptionsSchema, parseImpactOptions, type ImpactFieldNames, type ImpactOptions } from './options';
export type { ImpactSummary, InterviewImpact, MovedInterview } from './summary';

/** Interviews read from the database at a time: enough to keep round trips few, few enough that memory stays flat. */
export const BATCH_SIZE = 500;

const brief = ({ disposition, gate, rules }: ComparedOutcome) => ({ disposition, gate, rules });

function judge(row: StoredInterview, target: ReturnType<typeof protocolFor>): InterviewImpact {
  const from: ComparedOutcome = { disposition: row.disposition, gate: row.gate, rules: [...row.rules, ...row.gateRules], steps: row.steps };
  const replayed = replayUnder(target, row.answers);
  if ('missing' in replayed) return { id: row.id, code: row.code, from: brief(from), to: null, change: 'cannot_tell', missing: replayed.missing };
  const o = replayed.outcome;
  const to: ComparedOutcome = { disposition: o.disposition, gate: o.gate, rules: [...o.rules, ...o.gateRules], steps: o.plan?.steps ?? null };
  return { id: row.id, code: row.code, from: brief(from), to: brief(to), change: classify(from, to) };
}

/**
 * The impact of moving from one protocol version to another on the interviews already stored: every finished
 * interview stored under `from` (its stored outcome, never re-computed) against its live answers replayed under `to`,
 * one at a time, in id order, reading the database in batches.
 */
export async function* impactOf(options: ImpactOptions, batchSize = BATCH_SIZE): AsyncGenerator<InterviewImpact> {
  protocolFor(options.from);
  const target = protocolFor(options.to);
  for await (const batch of finishedInterviews(options, batchSize)) {
    for (const row of batch) yield judge(row, target);
  }
}

/** A tally for these options: add each interview of impactOf, then read the result. */
export function impactTally(options: ImpactOptions): ImpactTally {
  return new ImpactTally(protocolFor(options.from), protocolFor(options.to), {
    since: dayText(options.since),
    until: dayText(options.until),
  });
}

/** The summary alone (the portal): the same interviews and the same tally as the command line. */
export async function impactSummary(options: ImpactOptions): Promise<ImpactSummary> {
  const tally = impactTally(options);
  for await (const impact of impactOf(options)) tally.add(impact);
  return tally.result();
}
