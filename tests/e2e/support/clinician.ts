import { expect, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import type { Answers, QuestionId } from '../../../lib/protocol/types';

/**
 * The server closes a keep-alive connection after 5 idle seconds; a request that reuses it at that moment gets
 * ECONNRESET before the server sees it. Playwright retries only that error, so a retry never repeats a request the
 * server handled (and the interview API treats a repeated answer as the same answer anyway).
 */
export const RETRY_RESET = { maxRetries: 2 } as const;

export interface ApiTurn {
  step: number;
  status: 'asking' | 'complete' | 'declined';
  question?: { id: QuestionId };
  outcome?: { disposition: string; rules: string[] };
}

export interface PatientInterview {
  id: string;
  code: string;
  token: string;
  turn: ApiTurn;
}

async function json<T>(response: APIResponse, what: string): Promise<T> {
  expect(response.ok(), `${what}: HTTP ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/** Answers whatever the API asks, from `answers`, until it stops asking; fails on a question with no answer here. */
async function answerAll(request: APIRequestContext, interview: PatientInterview, answers: Answers): Promise<ApiTurn> {
  let turn = interview.turn;
  while (turn.status === 'asking' && turn.question) {
    const id = turn.question.id;
    if (!(id in answers)) throw new Error(`The API asked "${id}", which these answers do not cover.`);
    const body = await json<{ turn: ApiTurn }>(
      await request.post(`/api/v1/sessions/${interview.id}/answers`, {
        ...RETRY_RESET,
        headers: { Authorization: `Bearer ${interview.token}` },
        data: { questionId: id, value: answers[id], step: turn.step },
      }),
      `answer ${id}`,
    );
    turn = body.turn;
  }
  return turn;
}

/** A patient's whole interview through the JSON API (the patient API: docs/api.md), under the active or a chosen version. */
export async function interviewThroughApi(
  request: APIRequestContext,
  answers: Answers,
  options: { protocolVersion?: string } = {},
): Promise<PatientInterview> {
  const created = await json<{ session: { id: string; code: string }; token: string; turn: ApiTurn }>(
    await request.post('/api/v1/sessions', { ...RETRY_RESET, data: options.protocolVersion ? { protocolVersion: options.protocolVersion } : {} }),
    'start an interview',
  );
  const interview: PatientInterview = { id: created.session.id, code: created.session.code, token: created.token, turn: created.turn };
  interview.turn = await answerAll(request, interview, answers);
  return interview;
}

/** The patient goes back to `questionId` and answers from there with `answers`, as the chat's "change" link does. */
export async function reviseThroughApi(
  request: APIRequestContext,
  interview: PatientInterview,
  questionId: QuestionId,
  answers: Answers,
): Promise<PatientInterview> {
  const revised = await json<{ turn: ApiTurn }>(
    await request.post(`/api/v1/sessions/${interview.id}/revisions`, {
      ...RETRY_RESET,
      headers: { Authorization: `Bearer ${interview.token}` },
      data: { questionId },
    }),
    `revise ${questionId}`,
  );
  const next = { ...interview, turn: revised.turn };
  next.turn = await answerAll(request, next, answers);
  return next;
}

export interface TranscriptEntry {
  role: 'assistant' | 'patient';
  questionId: string;
  text: string;
  supersededAt?: string;
}

/** The transcript as the patient's own API returns it: the words the patient saw, to compare the portal against. */
export async function patientTranscript(request: APIRequestContext, interview: PatientInterview): Promise<TranscriptEntry[]> {
  const body = await json<{ transcript: TranscriptEntry[] }>(
    await request.get(`/api/v1/sessions/${interview.id}`, { ...RETRY_RESET, headers: { Authorization: `Bearer ${interview.token}` } }),
    'read the interview',
  );
  return body.transcript;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/clinician/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits for the queue, the portal's home. */
export async function signInToQueue(page: Page, email: string, password: string): Promise<void> {
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/clinician$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Interview queue' })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/clinician\/login$/);
}
