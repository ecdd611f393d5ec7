import type { DetailEntry } from '@/lib/clinician/detail';

export interface AnswerShown {
  text: string;
  at: string;
  /** When the patient went back and changed it; absent for the answer that stands. */
  supersededAt?: string;
}

/** One question as it appeared on the patient's screen, with every answer given to it there. */
export interface ShownExchange {
  key: string;
  questionId: string;
  step: number;
  prompt: string;
  askedAt: string;
  /** The question itself was withdrawn because an earlier answer changed, so the path no longer passes here. */
  withdrawnAt?: string;
  answers: AnswerShown[];
}

/**
 * Groups the transcript into the questions the patient saw, in the order they first saw them. A revised question
 * keeps its live assistant entry, so its old (struck-through) and new answers sit together under it; questions that
 * a change of path withdrew stay where they were, marked, with their answers.
 */
export function shownExchanges(transcript: readonly DetailEntry[]): ShownExchange[] {
  const exchanges: ShownExchange[] = [];
  for (const [index, entry] of transcript.entries()) {
    if (entry.role === 'assistant') {
      exchanges.push({
        key: `q${index}`,
        questionId: entry.questionId,
        step: entry.step,
        prompt: entry.text,
        askedAt: entry.at,
        withdrawnAt: entry.supersededAt,
        answers: [],
      });
      continue;
    }
    const answer: AnswerShown = { text: entry.text, at: entry.at, supersededAt: entry.supersededAt };
    // The newest showing of this question at this step is the one the answer was typed into.
    const asked = exchanges.findLast((e) => e.questionId === entry.questionId && e.step === entry.step);
    if (asked) {
      asked.answers.push(answer);
    } else {
      exchanges.push({
        key: `a${index}`,
        questionId: entry.questionId,
        step: entry.step,
        prompt: entry.question ?? entry.questionId,
        askedAt: entry.at,
        answers: [answer],
      });
    }
  }
  return exchanges;
}
