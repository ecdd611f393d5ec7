import { createActor, type Snapshot } from 'xstate';
import { currentQuestion, finalDisposition, machineFor } from '../../machines/triage';
import { allowedAnswers, checkAnswer } from '../protocol/answer-schema';
import type { Protocol } from '../protocol/define';
import { buildOutcome, type Outcome } from '../protocol/outcome';
import type { Answers, AnswerValue, QuestionId } from '../protocol/types';

export interface RecordedAnswer {
  questionId: QuestionId;
  value: AnswerValue;
}

export type InterviewStatus = 'asking' | 'complete' | 'declined';

/** Where an interview stands after replaying its answers. */
export interface InterviewState {
  status: InterviewStatus;
  /** Answers accepted so far. */
  step: number;
  /** The question being asked (when asking). */
  question?: QuestionId;
  /** Question ids in the order they were asked, consent first, including the one being asked. */
  asked: QuestionId[];
  answers: Answers;
  /** When complete. */
  outcome?: Outcome;
}

export type AnswerRejection =
  | { code: 'interview_finished'; message: string }
  | { code: 'not_current_question'; message: string }
  | { code: 'invalid_answer'; message: string; questionId: QuestionId; allowed?: string[]; min?: number; max?: number };

/**
 * The machine after some answers, as plain data: where the next answer can start from instead of a replay. Valid only
 * for the version whose machine wrote it: an interview keeps one version for life, and so does its resume point.
 */
export type ResumePoint = Snapshot<unknown>;

export type AnswerResult =
  | { ok: true; state: InterviewState; accepted: RecordedAnswer; resume: ResumePoint }
  | { ok: false; error: AnswerRejection };

function runMachine(p: Protocol, answers: readonly RecordedAnswer[], from?: ResumePoint) {
  const machine = machineFor(p);
  // A resume point is always taken after exactly these answers (answer-cache.ts keeps the two together).
  if (from) return createActor(machine, { snapshot: from }).start();
  const actor = createActor(machine).start();
  for (const a of answers) {
    if (currentQuestion(actor.getSnapshot()) !== a.questionId) {
      throw new Error(`Stored answers do not replay: "${a.questionId}" is not the question being asked.`);
    }
    actor.send({ type: 'ANSWER', questionId: a.questionId, value: a.value });
  }
  return actor;
}

function stateOf(p: Protocol, actor: ReturnType<typeof runMachine>, answered: readonly RecordedAnswer[]): InterviewState {
  const snapshot = actor.getSnapshot();
  const answers = snapshot.context.answers;
  const asked = answered.map((a) => a.questionId);
  const question = currentQuestion(snapshot);
  if (question) return { status: 'asking', step: answered.length, question, asked: [...asked, question], answers };
  const disposition = finalDisposition(snapshot);
  if (!disposition) return { status: 'declined', step: answered.length, asked, answers };
  return { status: 'complete', step: answered.length, asked, answers, outcome: buildOutcome(p, answers, disposition) };
}

/**
 * The interview that these answers lead to. The answers list is the source of truth: the state, the next
 * question and the outcome all follow from replaying it under the interview's version. Throws if the list does not
 * replay (corrupt data).
 */
export function replay(p: Protocol, answers: readonly RecordedAnswer[]): InterviewState {
  return stateOf(p, runMachine(p, answers), answers);
}

/**
 * Checks one answer against the interview these answers lead to and, if it fits, the state after it. `from`, the
 * resume point of these same answers, saves replaying them.
 */
export function answerNext(
  p: Protocol,
  answers: readonly RecordedAnswer[],
  questionId: string,
  value: unknown,
  from?: ResumePoint,
): AnswerResult {
  const actor = runMachine(p, answers, from);
  const current = currentQuestion(actor.getSnapshot());
  if (!current) {
    return {
      ok: false,
      error: {
        code: 'interview_finished',
        message: 'This interview has finished. To change an answer, ask to revise that question.',
      },
    };
  }
  if (questionId !== current) {
    return {
      ok: false,
      error: {
        code: 'not_current_question',
        message: `The question being asked is "${current}", not "${questionId}". Answer "${current}" next.`,
      },
    };
  }
  const checked = checkAnswer(p, current, value);
  if (!checked.ok) {
    return {
      ok: false,
      error: { code: 'invalid_answer', message: checked.message, questionId: current, ...allowedAnswers(p.question(current)) },
    };
  }
  const accepted: RecordedAnswer = { questionId: current, value: checked.value };
  actor.send({ type: 'ANSWER', questionId: current, value: checked.value });
  return { ok: true, state: stateOf(p, actor, [...answers, accepted]), accepted, resume: actor.getPersistedSnapshot() };
}

export type ReviseResult = { ok: true; kept: RecordedAnswer[]; state: InterviewState } | { ok: false; message: string };

/**
 * Asks an earlier question again: the answers before it are kept and it becomes the current question; the answer
 * to it and every later one are superseded.
 */
export function revise(p: Protocol, answers: readonly RecordedAnswer[], questionId: string): ReviseResult {
  const index = answers.findIndex((a) => a.questionId === questionId);
  if (!p.isQuestionId(questionId) || index < 0) {
    return { ok: false, message: `"${questionId}" has not been answered in this interview, so it cannot be changed.` };
  }
  const kept = answers.slice(0, index);
  return { ok: true, kept, state: replay(p, kept) };
}
