import { z } from 'zod';
import type { Answers, QuestionId } from './types';

/**
 * The condition language every rule and every "asked when" is written in. A condition is plain JSON; the evaluation,
 * the compiled guard and the clinical wording all come from this one definition, so no condition is written twice.
 *
 * Unanswered is unknown, not false: a leaf on a question not (yet) answered is `unknown`; `all` is false as soon as
 * one child is false, `any` is true as soon as one child is true, `not` keeps unknown unknown. A rule fires only on
 * `true`, so no unanswered question can make a rule fire, and a missing age never means "under 16".
 */
export type Cond =
  /** A multiple-choice answer includes any of these values. */
  | { has: QuestionId; anyOf: readonly string[] }
  /** A single-choice answer is one of these values. */
  | { is: QuestionId; anyOf: readonly string[] }
  /** A whole-number answer is at least `atLeast` and below `below` (either bound may be left out). */
  | { num: QuestionId; atLeast?: number; below?: number }
  | { all: readonly Cond[] }
  | { any: readonly Cond[] }
  | { not: Cond };

export type Truth = true | false | 'unknown';

/** The shape of a condition. Whether its questions and values exist is checked against a version (load.ts). */
export const condSchema: z.ZodType<Cond> = z.lazy(() =>
  z.union([
    z.strictObject({ has: z.string(), anyOf: z.array(z.string()).min(1) }),
    z.strictObject({ is: z.string(), anyOf: z.array(z.string()).min(1) }),
    z
      .strictObject({ num: z.string(), atLeast: z.number().int().optional(), below: z.number().int().optional() })
      .refine((c) => c.atLeast !== undefined || c.below !== undefined, { error: 'A number condition needs a bound.' }),
    z.strictObject({ all: z.array(condSchema).min(2) }),
    z.strictObject({ any: z.array(condSchema).min(2) }),
    z.strictObject({ not: condSchema }),
  ]),
) as z.ZodType<Cond>;

function leafMatches(c: Cond, value: unknown): boolean {
  if ('has' in c) return Array.isArray(value) && c.anyOf.some((v) => value.includes(v));
  if ('is' in c) return c.anyOf.includes(value as string);
  if ('num' in c) {
    const n = value as number;
    return (c.atLeast === undefined || n >= c.atLeast) && (c.below === undefined || n < c.below);
  }
  throw new Error('Not a leaf condition.');
}

const questionOf = (c: Cond): QuestionId | undefined => ('has' in c ? c.has : 'is' in c ? c.is : 'num' in c ? c.num : undefined);

/** Three-valued evaluation: the reference semantics, used for traces and to check the compiled form. */
export function holds(c: Cond, a: Answers): Truth {
  if ('all' in c) {
    const values = c.all.map((x) => holds(x, a));
    return values.includes(false) ? false : values.includes('unknown') ? 'unknown' : true;
  }
  if ('any' in c) {
    const values = c.any.map((x) => holds(x, a));
    return values.includes(true) ? true : values.includes('unknown') ? 'unknown' : false;
  }
  if ('not' in c) {
    const v = holds(c.not, a);
    return v === 'unknown' ? v : !v;
  }
  const value = a[questionOf(c)!];
  return value === undefined ? 'unknown' : leafMatches(c, value);
}

type Test = (a: Answers) => boolean;

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/**
 * The condition as JavaScript over the answers, in two forms, "certainly true" and "certainly false" (a negation swaps
 * them, so an unanswered question stays unknown). Question ids are checked to be plain identifiers and values are
 * written as JSON literals, so the source can hold nothing but this condition.
 */
function source(c: Cond): { isTrue: string; isFalse: string } {
  if ('all' in c || 'any' in c) {
    const kids = ('all' in c ? c.all : c.any).map(source);
    const join = (parts: string[], op: string) => `(${parts.join(` ${op} `)})`;
    const t = kids.map((k) => k.isTrue);
    const f = kids.map((k) => k.isFalse);
    return 'all' in c ? { isTrue: join(t, '&&'), isFalse: join(f, '||') } : { isTrue: join(t, '||'), isFalse: join(f, '&&') };
  }
  if ('not' in c) {
    const inner = source(c.not);
    return { isTrue: inner.isFalse, isFalse: inner.isTrue };
  }
  const q = questionOf(c)!;
  if (!IDENTIFIER.test(q)) throw new Error(`Not a question id: ${JSON.stringify(q)}`);
  const v = `a.${q}`;
  const match =
    'has' in c
      ? c.anyOf.map((x) => `${v}.includes(${JSON.stringify(x)})`).join(' || ')
      : 'is' in c
        ? c.anyOf.map((x) => `${v} === ${JSON.stringify(x)}`).join(' || ')
        : [c.atLeast === undefined ? '' : `${v} >= ${Number(c.atLeast)}`, c.below === undefined ? '' : `${v} < ${Number(c.below)}`]
            .filter(Boolean)
            .join(' && ');
  return { isTrue: `(${v} !== undefined && (${match}))`, isFalse: `(${v} !== undefined && !(${match}))` };
}

/**
 * True only when the condition certainly holds: what makes a rule fire. Compiled to a function once per version,
 * because the machine's guards run it on every answer, and an interpreter (or a chain of small closures) walking the
 * tree there costs the engine a tenth of its speed. `holds` stays the reference; a property test checks the two agree.
 */
export function compile(c: Cond): Test {
  return new Function('a', `return ${source(c).isTrue};`) as Test;
}

/** The questions a condition reads, in the order they appear. */
export function reads(c: Cond): QuestionId[] {
  if ('all' in c) return [...new Set(c.all.flatMap(reads))];
  if ('any' in c) return [...new Set(c.any.flatMap(reads))];
  if ('not' in c) return reads(c.not);
  return [questionOf(c)!];
}

/** Every value a condition names for a question: what tells that question's answers apart. */
export function valuesRead(c: Cond): { question: QuestionId; values: readonly string[] }[] {
  if ('all' in c) return c.all.flatMap(valuesRead);
  if ('any' in c) return c.any.flatMap(valuesRead);
  if ('not' in c) return valuesRead(c.not);
  if ('num' in c) return [];
  return [{ question: questionOf(c)!, values: c.anyOf }];
}

const list = (values: readonly string[]) =>
  values.length === 1 ? values[0]! : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;

const severalValues = (c: Cond) => ('has' in c || 'is' in c) && c.anyOf.length > 1;

/**
 * The condition in the protocol's own words ("blood_thinners is anticoagulant or unsure, and onset is
 * sudden_severe"): the only source of "when" wording for clinicians, the docs, exports and change logs.
 * Nested groups are bracketed; commas separate the parts when there are more than two or a part lists values.
 */
export function conditionWords(c: Cond, nested = false): string {
  if ('all' in c || 'any' in c) {
    const kids = 'all' in c ? c.all : c.any;
    const word = 'all' in c ? 'and' : 'or';
    const parts = kids.map((k) => conditionWords(k, true));
    const text =
      kids.length > 2 || kids.some(severalValues)
        ? `${parts.slice(0, -1).join(', ')}, ${word} ${parts.at(-1)}`
        : parts.join(` ${word} `);
    return nested ? `(${text})` : text;
  }
  if ('not' in c) {
    const inner = c.not;
    if ('is' in inner) return `${inner.is} is not ${list(inner.anyOf)}`;
    if ('has' in inner) return `${inner.has} has none of ${inner.anyOf.join(', ')}`;
    return `not ${conditionWords(inner, true)}`;
  }
  if ('has' in c) return `${c.has} has ${list(c.anyOf)}`;
  if ('is' in c) return `${c.is} is ${list(c.anyOf)}`;
  if (c.atLeast !== undefined && c.below !== undefined) return `${c.num} from ${c.atLeast} to ${c.below - 1}`;
  return c.atLeast !== undefined ? `${c.num} >= ${c.atLeast}` : `${c.num} < ${c.below}`;
}
