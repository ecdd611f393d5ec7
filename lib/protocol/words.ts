import { conditionWords } from './conditions';
import type { Protocol } from './define';
import type { QuestionDef } from './model';
import type { QuestionId } from './types';

/** The words shown for an answer in this version: option labels joined, or the number. */
export function answerLabel(p: Protocol, id: QuestionId, value: unknown): string {
  const q = p.question(id);
  if (q.kind === 'integer') return String(value);
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => q.options?.find((o) => o.value === v)?.label ?? String(v)).join('; ');
}

/** When a question is asked, in the protocol's words; undefined for a question that is always asked. */
export function askedWhenWords(q: QuestionDef): string | undefined {
  if (q.selfCareOnly) return 'the disposition is still self_care after every earlier question';
  return q.askedWhen ? conditionWords(q.askedWhen) : undefined;
}
