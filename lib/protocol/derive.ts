import type { Cond } from './conditions';
import { conditionWords } from './conditions';
import { defineProtocol, type Protocol, type RuleView } from './define';
import type { DispositionRule, Line, PlanCoverage, ProtocolContent, Source } from './model';

/**
 * A later version is its base plus named changes, each with the clinical reason for it. Changes address their target
 * by id, never by position, and a change that does not apply (an unknown target, a duplicate id, no difference, no
 * reason) throws: a silently skipped change would release a version that is not what the clinicians signed.
 */
export type Change =
  | { op: 'addRule'; after: string; rule: DispositionRule; why: string }
  | { op: 'changeRule'; rule: string; when?: Cond; sources?: readonly string[]; reason?: string; why: string }
  | { op: 'addSource'; source: Source; why: string }
  | { op: 'changeStopRule'; id: string; text: string; why: string }
  | { op: 'addStopRule'; after: string; line: Line; why: string }
  | { op: 'changeSafetyNet'; id: string; text: string; why: string }
  | { op: 'addSafetyNet'; after: string; line: Line; why: string }
  | { op: 'setPlanCoverage'; coverage: PlanCoverage; why: string };

const clone = <T>(value: T): T => structuredClone(value) as T;

function insertAfter<T extends { id: string }>(list: readonly T[], after: string, item: T, what: string): T[] {
  const index = list.findIndex((x) => x.id === after);
  if (index < 0) throw new Error(`${what}: there is no ${after} to add after`);
  if (list.some((x) => x.id === item.id)) throw new Error(`${what}: ${item.id} exists already`);
  return [...list.slice(0, index + 1), item, ...list.slice(index + 1)];
}

function replaceText(list: readonly Line[], id: string, text: string, what: string): Line[] {
  const line = list.find((l) => l.id === id);
  if (!line) throw new Error(`${what}: there is no line ${id}`);
  if (line.text === text) throw new Error(`${what}: line ${id} already says that`);
  return list.map((l) => (l.id === id ? { id, text } : l));
}

function apply(content: ProtocolContent, change: Change): ProtocolContent {
  const what = `${change.op}`;
  switch (change.op) {
    case 'addRule':
      return { ...content, rules: insertAfter(content.rules, change.after, change.rule, `${what} ${change.rule.id}`) };
    case 'changeRule': {
      const rule = content.rules.find((r) => r.id === change.rule);
      if (!rule) throw new Error(`${what}: there is no disposition rule ${change.rule}`);
      const next: DispositionRule = {
        ...rule,
        ...(change.when ? { when: change.when } : {}),
        ...(change.sources ? { sources: change.sources } : {}),
        ...(change.reason ? { reason: change.reason } : {}),
      };
      if (JSON.stringify(next) === JSON.stringify(rule)) throw new Error(`${what} ${change.rule} changes nothing`);
      return { ...content, rules: content.rules.map((r) => (r.id === rule.id ? next : r)) };
    }
    case 'addSource':
      if (content.sources[change.source.id]) throw new Error(`${what}: source ${change.source.id} exists already`);
      return { ...content, sources: { ...content.sources, [change.source.id]: change.source } };
    case 'changeStopRule':
      return { ...content, plan: { ...content.plan, stopRules: replaceText(content.plan.stopRules, change.id, change.text, what) } };
    case 'addStopRule':
      return { ...content, plan: { ...content.plan, stopRules: insertAfter(content.plan.stopRules, change.after, change.line, what) } };
    case 'changeSafetyNet':
      return { ...content, safetyNet: replaceText(content.safetyNet, change.id, change.text, what) };
    case 'addSafetyNet':
      return { ...content, safetyNet: insertAfter(content.safetyNet, change.after, change.line, what) };
    case 'setPlanCoverage':
      if (JSON.stringify(change.coverage) === JSON.stringify(content.plan.coverage)) throw new Error(`${what} changes nothing`);
      return { ...content, plan: { ...content.plan, coverage: change.coverage } };
  }
}

/** A new version: the base's content (never touched) with these changes applied in order. */
export function derive(
  base: Protocol,
  next: { id: string; title: string; released: string },
  changes: readonly Change[],
): Protocol {
  if (changes.length === 0) throw new Error(`${next.id} changes nothing from ${base.id}`);
  let content = clone(base.content) as ProtocolContent;
  for (const change of changes) {
    if (!change.why.trim()) throw new Error(`${next.id}: the change ${change.op} gives no reason`);
    content = apply(content, clone(change));
  }
  return defineProtocol({ ...next, basedOn: base.id, changes, content });
}

/** One change in words, for the docs, the portal and reviewers: what it changed, from what, and why. */
export function changeWords(change: Change, base: Protocol): string {
  switch (change.op) {
    case 'addRule':
      return `New rule ${change.rule.id} (${change.rule.disposition}): ${conditionWords(change.rule.when)}.`;
    case 'changeRule': {
      const before = base.rule(change.rule);
      const parts = [
        change.when ? `condition was "${before?.condition}", now "${conditionWords(change.when)}"` : '',
        change.sources ? `sources now ${change.sources.join(', ')}` : '',
        change.reason ? `reason now "${change.reason}"` : '',
      ].filter(Boolean);
      return `${change.rule}: ${parts.join('; ')}.`;
    }
    case 'addSource':
      return `New source: ${change.source.publisher}: ${change.source.title}.`;
    case 'changeStopRule':
    case 'changeSafetyNet':
      return `${change.op === 'changeStopRule' ? 'Stop rule' : 'Safety net'} "${change.id}" now says: "${change.text}"`;
    case 'addStopRule':
    case 'addSafetyNet':
      return `New ${change.op === 'addStopRule' ? 'stop rule' : 'safety-net line'} "${change.line.id}": "${change.line.text}"`;
    case 'setPlanCoverage':
      return change.coverage.kind === 'everyRegion'
        ? 'Plans work every painful region, in the order of the question, with a tennis ball where the patient\u2019s tools cannot.'
        : 'Plans work the painful regions in turn and complete from neighbouring regions.';
  }
}

/** How the rule tables of two versions differ: what a clinician compares before releasing or adopting a version. */
export function ruleDifferences(from: Protocol, to: Protocol) {
  const byId = (p: Protocol) => new Map(p.rules.map((r) => [r.id, r]));
  const a = byId(from);
  const b = byId(to);
  const same = (x: RuleView, y: RuleView) =>
    x.condition === y.condition && x.outcome === y.outcome && x.reason === y.reason &&
    JSON.stringify(x.sources) === JSON.stringify(y.sources);
  return {
    added: to.rules.filter((r) => !a.has(r.id)),
    removed: from.rules.filter((r) => !b.has(r.id)),
    changed: to.rules.filter((r) => a.has(r.id) && !same(a.get(r.id)!, r)).map((r) => ({ before: a.get(r.id)!, after: r })),
  };
}
