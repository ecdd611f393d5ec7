import type { QuestionId } from '../protocol/types';

/**
 * A condition on a patient's answers, in the few forms the protocol's rules and "asked when" conditions take, so that
 * a Questionnaire can carry them as FHIRPath (SDC enableWhenExpression) or, when simple enough, as a plain enableWhen.
 * Every atom is false while its question is unanswered, which is how the protocol's own predicates behave
 * (lib/protocol/rules.ts: "An unanswered question never makes a rule fire").
 */
export type Condition =
  | { question: QuestionId; oneOf: readonly string[] }
  | { question: QuestionId; compare: '<' | '<=' | '>=' | '>'; value: number }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

/** The answer is one of these codes (for a multi-answer question: at least one answer is). */
export const answerIn = (question: QuestionId, ...codes: string[]): Condition => ({ question, oneOf: codes });
export const numberIs = (question: QuestionId, compare: '<' | '<=' | '>=' | '>', value: number): Condition => ({
  question,
  compare,
  value,
});
export const all = (...conditions: Condition[]): Condition => ({ all: conditions });
export const any = (...conditions: Condition[]): Condition => ({ any: conditions });
export const not = (condition: Condition): Condition => ({ not: condition });

/**
 * The condition as it stands when only the questions in `known` can have answers: atoms on any other question are
 * false, and the constants that leaves are folded away. `true` or `false` when nothing is left to decide. Also made
 * shorter, so the FHIRPath stays readable: negations side by side in an "all" become one (not A and not B = not (A or
 * B)), the same condition given twice in an "any" counts once, and answer atoms on one question in an "any" merge.
 */
export function simplify(c: Condition, known: ReadonlySet<QuestionId>): Condition | boolean {
  if ('question' in c) return known.has(c.question) ? c : false;
  if ('not' in c) {
    const inner = simplify(c.not, known);
    return typeof inner === 'boolean' ? !inner : not(inner);
  }
  const isAll = 'all' in c;
  const parts = (isAll ? c.all : c.any).map((p) => simplify(p, known));
  // In an "all", a false part decides it; in an "any", a true part does. The other constant drops out.
  if (parts.includes(!isAll)) return !isAll;
  const rest = parts.filter((p): p is Condition => typeof p !== 'boolean');
  const merged = isAll ? mergeNegations(rest) : mergeAnswers(rest);
  if (merged.length === 0) return isAll;
  if (merged.length === 1) return merged[0]!;
  return isAll ? { all: merged } : { any: merged };
}

const alternatives = (c: Condition): readonly Condition[] => ('any' in c ? c.any : [c]);

function mergeNegations(parts: Condition[]): Condition[] {
  const negations = parts.filter((p): p is { not: Condition } => 'not' in p);
  if (negations.length < 2) return parts;
  const negated = mergeAnswers(negations.flatMap((p) => alternatives(p.not)));
  return [...parts.filter((p) => !('not' in p)), not(negated.length === 1 ? negated[0]! : any(...negated))];
}

function mergeAnswers(parts: readonly Condition[]): Condition[] {
  const out: Condition[] = [];
  const byQuestion = new Map<QuestionId, { question: QuestionId; oneOf: string[] }>();
  for (const p of parts) {
    if ('oneOf' in p) {
      const seen = byQuestion.get(p.question);
      if (seen) {
        for (const code of p.oneOf) if (!seen.oneOf.includes(code)) seen.oneOf.push(code);
        continue;
      }
      const atom = { question: p.question, oneOf: [...p.oneOf] };
      byQuestion.set(p.question, atom);
      out.push(atom);
    } else if (!out.some((o) => JSON.stringify(o) === JSON.stringify(p))) out.push(p);
  }
  return out;
}

const literal = (code: string) => `'${code.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const answers = (question: QuestionId) => `%resource.item.where(linkId = ${literal(question)}).answer.value`;

/** The condition as a FHIRPath expression over a QuestionnaireResponse (`%resource`, as SDC defines it). */
export function toFhirPath(c: Condition): string {
  if ('oneOf' in c) {
    const test = c.oneOf.length === 1 ? `code = ${literal(c.oneOf[0]!)}` : `code in (${c.oneOf.map(literal).join(' | ')})`;
    return `${answers(c.question)}.ofType(Coding).where(${test}).exists()`;
  }
  if ('compare' in c) return `${answers(c.question)}.ofType(integer).where($this ${c.compare} ${c.value}).exists()`;
  if ('not' in c) return `(${toFhirPath(c.not)}).not()`;
  const parts = ('all' in c ? c.all : c.any).map((p) => `(${toFhirPath(p)})`);
  return parts.join('all' in c ? ' and ' : ' or ');
}

/** The condition's one question and code, when it is a plain "this answer is X" that R4's enableWhen can carry. */
export function asAnswerEquals(c: Condition): { question: QuestionId; code: string } | undefined {
  return 'oneOf' in c && c.oneOf.length === 1 ? { question: c.question, code: c.oneOf[0]! } : undefined;
}
