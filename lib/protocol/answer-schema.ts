import { z } from 'zod';
import type { Protocol } from './define';
import type { QuestionDef } from './model';
import type { AnswerValue, QuestionId } from './types';

function allowedList(q: QuestionDef): string {
  return (q.options ?? []).map((o) => `"${o.value}"`).join(', ');
}

function buildSchema(q: QuestionDef): z.ZodType<AnswerValue> {
  const values = (q.options ?? []).map((o) => o.value);
  switch (q.kind) {
    case 'integer':
      return z
        .number({ error: `Enter your ${q.id === 'age_years' ? 'age' : 'answer'} as a whole number.` })
        // Range first, so a huge number is told the range rather than "no decimals" (zod's int() stops at 2^53).
        .min(q.min ?? 0, { error: `Enter a number from ${q.min} to ${q.max}.` })
        .max(q.max ?? Number.MAX_SAFE_INTEGER, { error: `Enter a number from ${q.min} to ${q.max}.` })
        .int({ error: 'Enter a whole number, without decimals.' });
    case 'consent':
    case 'single':
      return z.string({ error: `Choose one answer: ${allowedList(q)}.` }).refine((v) => values.includes(v), {
        error: `Choose one of the listed answers: ${allowedList(q)}.`,
      });
    case 'multi':
      return z
        .array(z.string({ error: `Choose only from the listed answers: ${allowedList(q)}.` }), {
          error: `Choose one or more answers as a list: ${allowedList(q)}.`,
        })
        .min(1, { error: 'Choose at least one answer.' })
        .refine((vs) => vs.every((v) => values.includes(v)), {
          error: `Choose only from the listed answers: ${allowedList(q)}.`,
        })
        .refine((vs) => new Set(vs).size === vs.length, { error: 'Choose each answer only once.' })
        .refine((vs) => !vs.includes('none') || vs.length === 1, {
          error: '"None of these" cannot be chosen together with another answer.',
        });
  }
}

// Built once per version: a version's questions never change once loaded.
const schemasOf = new WeakMap<Protocol, Map<QuestionId, z.ZodType<AnswerValue>>>();

function schemas(protocol: Protocol) {
  let built = schemasOf.get(protocol);
  if (!built) {
    built = new Map(protocol.content.questions.map((q) => [q.id, buildSchema(q)]));
    schemasOf.set(protocol, built);
  }
  return built;
}

export type AnswerCheck = { ok: true; value: AnswerValue } | { ok: false; message: string };

/** Validates one answer against its question in this version. The message is written for the person answering. */
export function checkAnswer(protocol: Protocol, questionId: QuestionId, value: unknown): AnswerCheck {
  const schema = schemas(protocol).get(questionId);
  if (!schema) return { ok: false, message: `There is no question "${questionId}".` };
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'This answer does not fit the question.' };
}

/** What a question accepts, for error responses: the allowed values or the range. */
export function allowedAnswers(q: QuestionDef): { allowed: string[] } | { min: number; max: number } {
  if (q.kind === 'integer') return { min: q.min ?? 0, max: q.max ?? 0 };
  return { allowed: (q.options ?? []).map((o) => o.value) };
}
