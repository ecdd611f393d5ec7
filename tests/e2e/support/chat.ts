import { expect, type Locator, type Page } from '@playwright/test';
import type { Answers, QuestionId } from '../../../lib/protocol/types';
import { NEWEST_VERSION, protocolFor } from '../../../lib/protocol/versions';

/** The version the browser tests meet: the web server runs with the default, the newest. */
export const PROTOCOL = protocolFor(NEWEST_VERSION);

/** The button that starts a chat on the landing page. */
export async function startChat(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Start the chat' }).click();
  await expect(page).toHaveURL(/\/chat/);
  await expect(currentForm(page)).toHaveAttribute('data-question-id', 'consent');
}

export function currentForm(page: Page): Locator {
  return page.locator('#current form');
}

export function outcomeCard(page: Page): Locator {
  return page.locator('[data-disposition]');
}

/** The id of the question being asked, or undefined when the chat shows an outcome or has stopped. */
export async function currentQuestionId(page: Page): Promise<QuestionId | undefined> {
  // Waits for the chat page itself (a navigation to it may still be under way).
  await expect(page.locator('main')).toHaveAttribute('data-turn', /.+/);
  const turn = await page.locator('main').getAttribute('data-turn');
  if (!turn?.startsWith('asking:')) return undefined;
  const id = await currentForm(page).getAttribute('data-question-id');
  if (!id || !PROTOCOL.isQuestionId(id)) throw new Error(`The chat shows an unknown question: ${id}`);
  return id;
}

export async function turnMarker(page: Page): Promise<string> {
  const marker = await page.locator('main').getAttribute('data-turn');
  if (!marker) throw new Error('The page is not the chat (no data-turn on <main>).');
  return marker;
}

function label(questionId: QuestionId, value: string): string {
  const option = PROTOCOL.question(questionId).options?.find((o) => o.value === value);
  if (!option) throw new Error(`"${value}" is not an option of ${questionId}`);
  return option.label;
}

/** Fills in (but does not send) an answer to the current question, the way a person would. */
export async function fillAnswer(page: Page, questionId: QuestionId, value: Answers[QuestionId]): Promise<Locator> {
  const form = currentForm(page);
  const kind = PROTOCOL.question(questionId).kind;
  if (kind === 'integer') {
    await form.getByLabel(PROTOCOL.question(questionId).prompt).fill(String(value));
    return form.getByRole('button', { name: 'Continue' });
  }
  if (kind === 'multi') {
    for (const v of value as string[]) await form.getByRole('checkbox', { name: label(questionId, v), exact: true }).check();
    return form.getByRole('button', { name: 'Continue' });
  }
  return form.getByRole('button', { name: label(questionId, String(value)), exact: true });
}

/** Answers the current question and waits for the chat to move on. */
export async function answer(page: Page, questionId: QuestionId, value: Answers[QuestionId]): Promise<void> {
  await expect(currentForm(page)).toHaveAttribute('data-question-id', questionId);
  const before = await turnMarker(page);
  const send = await fillAnswer(page, questionId, value);
  await send.click();
  await expect(page.locator('main')).not.toHaveAttribute('data-turn', before);
  // The page's <title> is streamed after its content on a client-side navigation: wait for the page to settle.
  await expect(page).toHaveTitle(/\S/);
}

/**
 * Answers whatever the server asks, from `answers`, until it stops asking. Fails on a question that has no answer
 * here, and on an answer the server never asked for. Returns the questions in the order they were asked.
 */
export async function walk(page: Page, answers: Answers, until?: QuestionId): Promise<QuestionId[]> {
  const asked: QuestionId[] = [];
  for (let id = await currentQuestionId(page); id !== undefined && id !== until; id = await currentQuestionId(page)) {
    if (!(id in answers)) throw new Error(`The chat asked "${id}", which this walk has no answer for.`);
    if (asked.includes(id)) throw new Error(`The chat asked "${id}" twice.`);
    asked.push(id);
    await answer(page, id, answers[id]);
  }
  if (until === undefined) {
    const unused = Object.keys(answers).filter((k) => !asked.includes(k as QuestionId));
    expect(unused, 'answers the chat never asked for').toEqual([]);
  }
  return asked;
}

/** Every exchange in the conversation log, as the question id it answers and the answer shown. */
export async function transcript(page: Page): Promise<{ questionId: string; answer: string }[]> {
  return page.locator('[role="log"] li.exchange').evaluateAll((items) =>
    items.map((li) => ({
      questionId: (li.querySelector('[id^="asked-"]')?.id ?? '').replace(/^asked-/, ''),
      answer: (li.querySelector('.bubble-patient')?.textContent ?? '').replace(/^You answered: /, ''),
    })),
  );
}

/** The "Change this answer" button for an earlier question. */
export function changeButton(page: Page, questionId: QuestionId): Locator {
  return page.locator('li.exchange').filter({ has: page.locator(`#asked-${questionId}`) }).getByRole('button', {
    name: 'Change this answer',
  });
}

/** Waits until the chat asks `questionId`. */
export async function expectQuestion(page: Page, questionId: QuestionId): Promise<void> {
  await expect(currentForm(page)).toHaveAttribute('data-question-id', questionId);
}
