import { compile, condSchema, conditionWords, reads, valuesRead, type Cond } from './conditions';
import type { Change } from './derive';
import type { DispositionRule, FallbackRule, GateRule, ProtocolContent, QuestionDef, Source } from './model';
import { DISPOSITIONS, type Answers, type Disposition, type Gate, type QuestionId } from './types';

/** A rule as clinicians, exports and the docs see it: its outcome, its condition in words, its reason and sources. */
export interface RuleView {
  id: string;
  table: 'disposition' | 'gate';
  outcome: Disposition | Gate;
  /** Absent for the fallback rules (R30, G4), which fire when no other rule of their table does. */
  when?: Cond;
  condition: string;
  reason: string;
  sources: Source[];
}

/** A loaded protocol version: its content, frozen, and what every part of the product derives from it. */
export interface Protocol {
  readonly id: string;
  readonly title: string;
  readonly released: string;
  /** The version this one was derived from, and the changes it made (derive.ts). */
  readonly basedOn?: string;
  readonly changes: readonly Change[];
  readonly content: ProtocolContent;
  readonly questionIds: readonly QuestionId[];
  /** Disposition rules, R30, gate rules and G4, in table order. */
  readonly rules: readonly RuleView[];
  /** The disposition rules that end the interview at once (emergency or emergency_ambulance). */
  readonly earlyExitRules: readonly DispositionRule[];
  isQuestionId(id: string): id is QuestionId;
  question(id: QuestionId): QuestionDef;
  rule(id: string): RuleView | undefined;
  /** The compiled condition of a disposition or gate rule: true when the rule fires. */
  fires(ruleId: string, answers: Answers): boolean;
  /** The disposition rules (or the gate rules) that fire, in table order; the engine asks on every outcome. */
  firing(table: 'disposition' | 'gate', answers: Answers): string[];
  /** Whether a conditional question is asked after these answers (true for unconditional ones). */
  asks(questionId: QuestionId, answers: Answers): boolean;
  cite(sourceIds: readonly string[]): string;
}

export interface VersionDefinition {
  id: string;
  title: string;
  released: string;
  basedOn?: string;
  changes?: readonly Change[];
  content: ProtocolContent;
}

const RULE_ID = /^(R\d\d|G\d)_[a-z0-9_]+$/;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** "R01-R29 or R31": a table's ids, runs of consecutive numbers joined, for the fallback rule's wording. */
function idRuns(ids: readonly string[]): string {
  const numbers = ids
    .map((id) => ({ prefix: id[0]!, n: Number(id.slice(1, id.indexOf('_'))), width: id.indexOf('_') - 1 }))
    .sort((a, b) => a.n - b.n);
  const runs: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1]!.n === numbers[j]!.n + 1) j++;
    const label = (k: number) => `${numbers[k]!.prefix}${String(numbers[k]!.n).padStart(numbers[k]!.width, '0')}`;
    runs.push(i === j ? label(i) : `${label(i)}-${label(j)}`);
    i = j + 1;
  }
  return runs.length === 1 ? runs[0]! : `${runs.slice(0, -1).join(', ')} or ${runs.at(-1)}`;
}

/**
 * Checks a version's content and derives its indexes and compiled conditions. Everything that would otherwise fail
 * quietly at run time (an unknown question or value in a condition, a question asked before what it depends on, a
 * table out of urgency order, a missing source) throws here, when the version is loaded.
 */
export function defineProtocol(def: VersionDefinition): Protocol {
  const c = deepFreeze(def.content);
  const problems: string[] = [];
  const where = `protocol ${def.id}`;

  const questions = new Map<QuestionId, QuestionDef>();
  const order = new Map<QuestionId, number>();
  c.questions.forEach((q, i) => {
    if (questions.has(q.id)) problems.push(`question ${q.id} is defined twice`);
    questions.set(q.id, q);
    order.set(q.id, i);
    const values = (q.options ?? []).map((o) => o.value);
    if (new Set(values).size !== values.length) problems.push(`question ${q.id} repeats an answer value`);
    if (q.kind === 'integer' ? q.min === undefined || q.max === undefined || q.min > q.max : values.length < 2) {
      problems.push(`question ${q.id} has no valid answers`);
    }
  });
  const firstSelfCareOnly = c.questions.findIndex((q) => q.selfCareOnly);
  if (firstSelfCareOnly >= 0 && c.questions.slice(firstSelfCareOnly).some((q) => !q.selfCareOnly || q.askedWhen)) {
    problems.push('the self-care-only questions must come last and have no other condition');
  }

  const checkCond = (cond: Cond, owner: string, before?: number) => {
    const shape = condSchema.safeParse(cond);
    if (!shape.success) return problems.push(`${owner}: not a condition (${shape.error.issues[0]?.message})`);
    for (const id of reads(cond)) {
      const q = questions.get(id);
      if (!q) problems.push(`${owner} reads unknown question ${id}`);
      else if (before !== undefined && order.get(id)! >= before) problems.push(`${owner} reads ${id}, which is not asked before it`);
      else if (q.selfCareOnly) problems.push(`${owner} reads ${id}, which is asked only after the outcome is known`);
    }
    const kinds = (node: Cond): void => {
      if ('all' in node) return node.all.forEach(kinds);
      if ('any' in node) return node.any.forEach(kinds);
      if ('not' in node) return kinds(node.not);
      const id = 'has' in node ? node.has : 'is' in node ? node.is : node.num;
      const kind = questions.get(id)?.kind;
      const fits = 'has' in node ? kind === 'multi' : 'is' in node ? kind === 'single' || kind === 'consent' : kind === 'integer';
      if (kind && !fits) problems.push(`${owner}: ${id} is a ${kind} question`);
    };
    kinds(cond);
    for (const { question, values } of valuesRead(cond)) {
      const known = (questions.get(question)?.options ?? []).map((o) => o.value);
      for (const v of values) if (questions.has(question) && !known.includes(v)) problems.push(`${owner}: ${question} has no answer ${v}`);
    }
  };

  for (const q of c.questions) if (q.askedWhen) checkCond(q.askedWhen, `"asked when" of ${q.id}`, order.get(q.id));
  const tables: { id: string; when?: Cond; sources: readonly string[] }[] = [
    ...c.rules,
    c.noFlagsRule,
    ...c.gateRules,
    c.standardGateRule,
  ];
  const seen = new Set<string>();
  for (const r of tables) {
    if (seen.has(r.id)) problems.push(`rule ${r.id} is defined twice`);
    seen.add(r.id);
    if (!RULE_ID.test(r.id)) problems.push(`rule id ${r.id} is not of the form R01_name or G1_name`);
    if (r.when) checkCond(r.when, `rule ${r.id}`);
    for (const s of r.sources) if (!c.sources[s]) problems.push(`rule ${r.id} cites unknown source ${s}`);
  }
  for (const t of c.plan.techniques) for (const s of t.sources) if (!c.sources[s]) problems.push(`step ${t.id} cites unknown source ${s}`);
  c.rules.forEach((r, i) => {
    const previous = c.rules[i - 1];
    if (previous && DISPOSITIONS.indexOf(r.disposition) < DISPOSITIONS.indexOf(previous.disposition)) {
      problems.push(`rule ${r.id} is more urgent than ${previous.id} before it: the table must be most urgent first`);
    }
  });
  if (problems.length > 0) throw new Error(`${where} is not valid:\n- ${problems.join('\n- ')}`);

  const cite = (ids: readonly string[]) => ids.map((id) => `${c.sources[id]!.publisher}: ${c.sources[id]!.title}`).join('; ');
  const view = (
    r: DispositionRule | GateRule | FallbackRule<string>,
    table: RuleView['table'],
    fallbackOf?: readonly { id: string }[],
  ): RuleView => ({
    id: r.id,
    table,
    outcome: ('disposition' in r ? r.disposition : 'gate' in r ? r.gate : r.outcome) as RuleView['outcome'],
    ...('when' in r ? { when: r.when } : {}),
    condition: 'when' in r ? conditionWords(r.when) : `none of ${idRuns(fallbackOf!.map((x) => x.id))} fired`,
    reason: r.reason,
    sources: r.sources.map((s) => ({ ...c.sources[s]! })),
  });
  const rules = deepFreeze([
    ...c.rules.map((r) => view(r, 'disposition')),
    view(c.noFlagsRule, 'disposition', c.rules),
    ...c.gateRules.map((r) => view(r, 'gate')),
    view(c.standardGateRule, 'gate', c.gateRules),
  ]);
  const ruleIndex = new Map(rules.map((r) => [r.id, r]));
  const compiled = new Map([...c.rules, ...c.gateRules].map((r) => [r.id, compile(r.when)]));
  const firingTables = {
    disposition: c.rules.map((r) => ({ id: r.id, test: compiled.get(r.id)! })),
    gate: c.gateRules.map((r) => ({ id: r.id, test: compiled.get(r.id)! })),
  };
  const askedWhen = new Map(c.questions.filter((q) => q.askedWhen).map((q) => [q.id, compile(q.askedWhen!)]));

  return Object.freeze({
    id: def.id,
    title: def.title,
    released: def.released,
    ...(def.basedOn ? { basedOn: def.basedOn } : {}),
    changes: deepFreeze([...(def.changes ?? [])]),
    content: c,
    questionIds: c.questions.map((q) => q.id),
    rules,
    earlyExitRules: c.rules.filter((r) => r.disposition === 'emergency_ambulance' || r.disposition === 'emergency'),
    isQuestionId: (id: string): id is QuestionId => questions.has(id as QuestionId),
    question(id: QuestionId) {
      const q = questions.get(id);
      if (!q) throw new Error(`${where} has no question ${id}`);
      return q;
    },
    rule: (id: string) => ruleIndex.get(id),
    fires(ruleId: string, answers: Answers) {
      const test = compiled.get(ruleId);
      if (!test) throw new Error(`${where} has no rule ${ruleId}`);
      return test(answers);
    },
    firing(table: 'disposition' | 'gate', answers: Answers) {
      const fired: string[] = [];
      for (const r of firingTables[table]) if (r.test(answers)) fired.push(r.id);
      return fired;
    },
    asks: (questionId: QuestionId, answers: Answers) => askedWhen.get(questionId)?.(answers) ?? true,
    cite,
  });
}
