import type { Entry } from '../interview/present';

/** One question the assistant asked and, once given, the patient's answer to it. */
export interface Exchange {
  questionId: string;
  prompt: string;
  answer?: string;
}

/**
 * The live conversation as question-and-answer pairs, in the order it happened. Superseded entries are left out:
 * after a revision the question asked again keeps its live assistant entry, so it pairs with the new answer.
 */
export function liveExchanges(transcript: readonly Entry[]): Exchange[] {
  const exchanges: Exchange[] = [];
  for (const entry of transcript) {
    if (entry.supersededAt) continue;
    if (entry.role === 'assistant') {
      exchanges.push({ questionId: entry.questionId, prompt: entry.text });
      continue;
    }
    const asked = exchanges.findLast((e) => e.questionId === entry.questionId && e.answer === undefined);
    if (asked) asked.answer = entry.text;
  }
  return exchanges.filter((e) => e.answer !== undefined);
}

export interface ChangedAnswer {
  prompt: string;
  answer: string;
  at: string;
  supersededAt: string;
}

/** Answers the patient later changed, oldest first, with the question they answered. */
export function changedAnswers(transcript: readonly Entry[]): ChangedAnswer[] {
  const prompts = new Map<string, string>();
  const changed: ChangedAnswer[] = [];
  for (const entry of transcript) {
    if (entry.role === 'assistant') prompts.set(entry.questionId, entry.text);
    else if (entry.supersededAt) {
      changed.push({
        prompt: prompts.get(entry.questionId) ?? entry.questionId,
        answer: entry.text,
        at: entry.at,
        supersededAt: entry.supersededAt,
      });
    }
  }
  return changed;
}
