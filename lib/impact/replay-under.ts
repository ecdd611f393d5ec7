import { checkAnswer } from '../protocol/answer-schema';
import type { Protocol } from '../protocol/define';
import type { Outcome } from '../protocol/outcome';
import type { AnswerValue, QuestionId } from '../protocol/types';
import { answerNext, replay, type InterviewState, type RecordedAnswer, type ResumePoint } from '../interview/replay';

/** A live answer as stored: the question it answered and the value, in the order the interview asked them. */
export interface StoredAnswer {
  questionId: string;
  value: AnswerValue;
}

export type ReplayUnder = { outcome: Outcome } | { missing: QuestionId[] };

/**
 * An interview's stored answers played under another version: the target version asks its own questions in its own
 * order, and each is answered with what the patient said to that question. The interview cannot be judged when the
 * target asks a question the patient never answered, or does not accept the answer given (`missing` names it).
 * Answers to questions the target does not ask are ignored, as they would be in a live interview.
 */
export function replayUnder(p: Protocol, stored: readonly StoredAnswer[]): ReplayUnder {
  const state = inStoredOrder(p, stored) ?? askedByTarget(p, stored);
  if (state.status === 'asking') return { missing: [state.question!] };
  // A stored, finished interview consented; a version in which the same answer declines would be a defect.
  if (!state.outcome) throw new Error(`Protocol ${p.id} ended an interview without an outcome: its answers no longer consent.`);
  return { outcome: state.outcome };
}

/**
 * The common case, in one replay: the target asks exactly the stored questions, in the stored order, and accepts
 * every answer. Undefined when it does not (an earlier exit, another question in between, an answer it refuses):
 * then askedByTarget finds out question by question. When this succeeds, that would have fed the machine the very
 * same answers in the same order, so the two agree; this is only faster.
 */
function inStoredOrder(p: Protocol, stored: readonly StoredAnswer[]): InterviewState | undefined {
  const checked: RecordedAnswer[] = [];
  for (const a of stored) {
    if (!p.isQuestionId(a.questionId)) return undefined;
    const c = checkAnswer(p, a.questionId, a.value);
    if (!c.ok) return undefined;
    checked.push({ questionId: a.questionId, value: c.value });
  }
  try {
    return replay(p, checked);
  } catch {
    return undefined;
  }
}

/**
 * Question by question, as a patient would be asked: each question the target asks gets the stored answer to it.
 * Not play(): that checks the whole map against the target's questions (an answer to a question the target never
 * asks could fail it) and replays from the first answer at every step; this carries the machine's resume point.
 */
function askedByTarget(p: Protocol, stored: readonly StoredAnswer[]): InterviewState {
  const byQuestion = new Map(stored.map((a) => [a.questionId, a.value]));
  const recorded: RecordedAnswer[] = [];
  let resume: ResumePoint | undefined;
  let state = replay(p, recorded);
  while (state.status === 'asking') {
    const question = state.question!;
    const value = byQuestion.get(question);
    if (value === undefined) return state;
    const result = answerNext(p, recorded, question, value, resume);
    if (!result.ok) return state;
    recorded.push(result.accepted);
    resume = result.resume;
    state = result.state;
  }
  return state;
}
