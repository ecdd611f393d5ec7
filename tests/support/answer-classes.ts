import type { Cond } from '@/lib/protocol/conditions';
import type { Protocol } from '@/lib/protocol/define';
import type { QuestionId } from '@/lib/protocol/types';

/**
 * The classes of answers a protocol version cannot tell apart, derived from its own conditions: two answers to a
 * question are in one class only if no rule, gate rule or "asked when" of the version reads them differently. The
 * exhaustive path proof branches once per class; tests/unit/answer-classes.test.ts shows the classes are sound by
 * swapping members under the independent oracle. What the plan builder reads (pain_region, equipment, floor_ok) is
 * not a condition: phase C of the proof enumerates those answers completely instead.
 */
export type Value = string | number | string[];
export type AnswerClasses = Record<QuestionId, Value[][]>;

type Leaf = { question: QuestionId; values?: readonly string[]; bounds?: number[] };

function leaves(c: Cond): Leaf[] {
  if ('all' in c) return c.all.flatMap(leaves);
  if ('any' in c) return c.any.flatMap(leaves);
  if ('not' in c) return leaves(c.not);
  if ('num' in c) return [{ question: c.num, bounds: [c.atLeast, c.below].filter((b): b is number => b !== undefined) }];
  return [{ question: 'has' in c ? c.has : c.is, values: c.anyOf }];
}

function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => mask & (1 << i)));
  return out.sort((a, b) => a.length - b.length);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

export function answerClasses(p: Protocol): AnswerClasses {
  const all = [...p.content.rules, ...p.content.gateRules].map((r) => r.when);
  for (const q of p.content.questions) if (q.askedWhen) all.push(q.askedWhen);
  const read = all.flatMap(leaves);
  const classes = {} as AnswerClasses;
  for (const q of p.content.questions) {
    const own = read.filter((l) => l.question === q.id);
    const values = (q.options ?? []).map((o) => o.value);
    if (q.kind === 'consent') {
      // The interview itself reads consent: "decline" ends it.
      classes[q.id] = values.map((v) => [v]);
    } else if (q.kind === 'integer') {
      const bounds = [...new Set(own.flatMap((l) => l.bounds ?? []))].filter((b) => b > q.min! && b <= q.max!).sort((a, b) => a - b);
      const starts = [q.min!, ...bounds];
      classes[q.id] = starts.map((lo, i) => {
        const hi = (starts[i + 1] ?? q.max! + 1) - 1;
        // Both ends first: an off-by-one at a boundary shows at the ends.
        const inner = Array.from({ length: Math.max(0, hi - lo - 1) }, (_, k) => lo + 1 + k);
        return lo === hi ? [lo] : [lo, hi, ...inner];
      });
    } else if (q.kind === 'single') {
      classes[q.id] = groupBy(values, (v) => own.map((l) => l.values!.includes(v)).join());
    } else {
      const options = values.filter((v) => v !== 'none');
      const answers: string[][] = [...(values.includes('none') ? [['none']] : []), ...subsets(options)];
      classes[q.id] = groupBy(answers, (s) => own.map((l) => l.values!.some((v) => s.includes(v))).join());
    }
  }
  return classes;
}
