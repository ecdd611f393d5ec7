import type { Protocol, RuleView } from '../protocol/define';
import { changeWords, ruleDifferences } from '../protocol/derive';
import { protocolFor, VERSIONS } from '../protocol/versions';

/** One recorded change, as the clinical team wrote it: what it does, in words, and why. */
export interface RecordedChange {
  words: string;
  why: string;
}

/** The changes that made one version out of the one it is based on. */
export interface VersionChanges {
  version: string;
  basedOn: string;
  changes: RecordedChange[];
}

/**
 * The recorded changes that lead from one version to the other along their "based on" line, oldest first.
 * `forward`: `to` descends from `from`, so these changes are what moving to `to` adds. `backward`: `from` descends from
 * `to`, so moving to `to` undoes them. `unrelated`: neither descends from the other (only the rule tables compare).
 */
export function changesBetween(from: Protocol, to: Protocol): { direction: 'forward' | 'backward' | 'unrelated'; versions: VersionChanges[] } {
  const line = (descendant: Protocol, ancestor: Protocol): Protocol[] | undefined => {
    const chain: Protocol[] = [];
    for (let v: Protocol | undefined = descendant; v; v = v.basedOn ? protocolFor(v.basedOn) : undefined) {
      if (v.id === ancestor.id) return chain.reverse();
      chain.push(v);
    }
    return undefined;
  };
  const recorded = (versions: Protocol[]): VersionChanges[] =>
    versions.map((v) => {
      const base = protocolFor(v.basedOn!);
      return { version: v.id, basedOn: base.id, changes: v.changes.map((c) => ({ words: changeWords(c, base), why: c.why })) };
    });
  const forward = line(to, from);
  if (forward) return { direction: 'forward', versions: recorded(forward) };
  const backward = line(from, to);
  if (backward) return { direction: 'backward', versions: recorded(backward) };
  return { direction: 'unrelated', versions: [] };
}

/** A supported version as the portal lists it. */
export interface VersionListing {
  id: string;
  title: string;
  released: string;
  basedOn: string | null;
  active: boolean;
}

export function listVersions(active: string): VersionListing[] {
  return VERSIONS.map((v) => ({ id: v.id, title: v.title, released: v.released, basedOn: v.basedOn ?? null, active: v.id === active }));
}

/** The pair the page compares when none is chosen: the version before the newest, and the newest. */
export function defaultPair(): { from: string; to: string } {
  const newest = VERSIONS.at(-1)!;
  return { from: (VERSIONS.at(-2) ?? newest).id, to: newest.id };
}

export interface RuleDifference {
  id: string;
  kind: 'added' | 'removed' | 'changed';
  before: RuleView | null;
  after: RuleView | null;
}

/** ruleDifferences as one list in the target's table order (removed rules last), for a table a clinician reads down. */
export function ruleChanges(from: Protocol, to: Protocol): RuleDifference[] {
  const d = ruleDifferences(from, to);
  const listed: RuleDifference[] = [
    ...d.added.map((r) => ({ id: r.id, kind: 'added' as const, before: null, after: r })),
    ...d.changed.map((c) => ({ id: c.after.id, kind: 'changed' as const, before: c.before, after: c.after })),
  ];
  const order = to.rules.map((r) => r.id);
  listed.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return [...listed, ...d.removed.map((r) => ({ id: r.id, kind: 'removed' as const, before: r, after: null }))];
}
