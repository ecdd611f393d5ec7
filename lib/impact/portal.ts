import 'server-only';
import { audit } from '../audit';
import type { Actor } from '../clinician/types';
import { firstValues, type ParamsInput } from '../clinician/params';
import { env } from '../env';
import { protocolFor } from '../protocol/versions';
import type { OutcomeChange } from './classify';
import { dayText, impactOf, impactTally, parseImpactOptions, type ImpactOptions } from './index';
import type { ImpactSummary, InterviewImpact } from './summary';
import { changesBetween, defaultPair, listVersions, ruleChanges, type RuleDifference, type VersionChanges, type VersionListing } from './versions';

/** What the "Protocol versions" page shows above the impact: the versions, the form, and what changed. */
export interface VersionsView {
  versions: VersionListing[];
  /** The form's values as typed (the defaults when nothing was chosen), so a rejected value is shown back. */
  values: Record<string, string>;
  error?: string;
  options?: ImpactOptions;
  comparison?: {
    direction: 'forward' | 'backward' | 'unrelated';
    versions: VersionChanges[];
    rules: RuleDifference[];
  };
}

/**
 * Reads the page's query (default: the version before the newest against the newest) and audits the view, as the
 * interview page audits its own: who looked, when, and which comparison (no clinical content).
 */
export async function viewVersions(input: ParamsInput, viewer: Actor): Promise<VersionsView> {
  const values = { ...defaultPair(), ...firstValues(input) };
  const parsed = parseImpactOptions(values, { from: 'From', to: 'To', since: 'Started on or after', until: 'Started on or before' });
  const versions = listVersions(env().PROTOCOL_VERSION);
  await audit({
    action: 'protocol_versions.viewed',
    actor: viewer,
    address: viewer.address,
    targetType: 'protocol',
    targetId: parsed.ok ? parsed.value.to : null,
    // The typed values of a refused query are not kept: they are not checked, and the form shows them back anyway.
    detail: parsed.ok
      ? { from: parsed.value.from, to: parsed.value.to, since: dayText(parsed.value.since) ?? null, until: dayText(parsed.value.until) ?? null }
      : { invalid: true },
  });
  if (!parsed.ok) return { versions, values, error: parsed.message };
  const [from, to] = [protocolFor(parsed.value.from), protocolFor(parsed.value.to)];
  return { versions, values, options: parsed.value, comparison: { ...changesBetween(from, to), rules: ruleChanges(from, to) } };
}

/** Interviews listed per change on the page beyond escalations and de-escalations (the counts are always complete). */
export const LISTED_PER_CHANGE = 100;

/** The impact as the page shows it: the command line's summary, and some of the interviews with other changes. */
export interface PortalImpact {
  summary: ImpactSummary;
  /** The first LISTED_PER_CHANGE interviews (in id order) of each of these changes. */
  others: Record<Extract<OutcomeChange, 'gate_changed' | 'plan_changed' | 'cannot_tell'>, InterviewImpact[]>;
}

/** The same replay and the same tally as `npm run protocol:impact`, so the page and the command line agree. */
export async function portalImpact(options: ImpactOptions): Promise<PortalImpact> {
  const tally = impactTally(options);
  const others: PortalImpact['others'] = { gate_changed: [], plan_changed: [], cannot_tell: [] };
  for await (const impact of impactOf(options)) {
    tally.add(impact);
    const list = impact.change in others ? others[impact.change as keyof PortalImpact['others']] : undefined;
    if (list && list.length < LISTED_PER_CHANGE) list.push(impact);
  }
  return { summary: tally.result(), others };
}
