'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { clearNotice, setNotice } from '@/lib/chat/notice';
import { forgetCredentials, readCredentials, saveCredentials } from '@/lib/chat/session';
import { slowDown } from '@/lib/chat/slow-down';
import { deleteInterview } from '@/lib/interview/delete';
import { reviseAnswer, startInterview, submitAnswer, type ServiceError } from '@/lib/interview/service';
import { questionKind } from '@/lib/protocol/versions';

// Every action ends in a redirect, so a reload after any of them repeats a GET, never the POST. The fragment takes a
// browser without JavaScript straight to the question.
const CHAT = '/chat#current';
const EXPIRED = '/?expired=1';

/**
 * Back to the chat after the interview changed on the server. From a page already at /chat, the redirect differs
 * only in its fragment, which the client router would treat as a scroll; refresh() makes it render the new turn.
 */
function backToChat(): never {
  refresh();
  redirect(CHAT);
}

const AnswerForm = z.object({
  questionId: z.string({ error: 'The form did not say which question it answers.' }).min(1).max(64),
  step: z.coerce
    .number({ error: 'The form did not say which step it answers.' })
    .int({ error: 'The step must be a whole number.' })
    .min(0, { error: 'The step cannot be negative.' }),
  values: z.array(z.string().max(64)).max(16, { error: 'Too many answers were sent.' }),
});

const ReviseForm = z.object({
  questionId: z.string({ error: 'The form did not say which answer to change.' }).min(1).max(64),
});

/** Starts a new interview for this browser (also "Start again"): the cookie is the only place its token lives. */
export async function startAction(): Promise<void> {
  await slowDown('create', '/');
  const { session, token } = await startInterview();
  await saveCredentials({ id: session.id, token });
  await clearNotice();
  backToChat();
}

/**
 * Turns the posted fields into the value the API expects for the question's kind. Nothing is judged here: a number
 * that is not a number is passed on as text, so the patient reads the interview service's own message.
 */
function answerValue(questionId: string, values: string[]): unknown {
  const kind = questionKind(questionId) ?? 'single';
  if (kind === 'multi') return values;
  const raw = values[0] ?? '';
  if (kind === 'integer') {
    const trimmed = raw.trim();
    return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
  }
  return raw;
}

async function refused(error: ServiceError, step: number, attempted?: string): Promise<never> {
  if (error.code === 'unauthorized') redirect(EXPIRED);
  if (error.code === 'invalid_answer') {
    await setNotice({ kind: 'answer', step, questionId: error.questionId, message: error.message, attempted });
  } else {
    await setNotice({ kind: 'turn', step: error.turn.step, message: error.message });
  }
  backToChat();
}

export async function answerAction(formData: FormData): Promise<void> {
  const credentials = await readCredentials();
  if (!credentials) redirect(EXPIRED);
  await slowDown('interview', '/chat');
  const form = AnswerForm.safeParse({
    questionId: formData.get('questionId') ?? undefined,
    step: formData.get('step') ?? undefined,
    values: formData.getAll('value').filter((v): v is string => typeof v === 'string'),
  });
  if (!form.success) {
    // Only a tampered or truncated post gets here; the chat shows the current question again.
    console.warn(`Answer form rejected: ${z.prettifyError(form.error)}`);
    backToChat();
  }
  const { questionId, step, values } = form.data;
  const value = answerValue(questionId, values);
  const result = await submitAnswer(credentials.id, credentials.token, { questionId, value, step });
  if (!result.ok) {
    return refused(result.error, step, typeof value === 'string' || typeof value === 'number' ? String(value) : undefined);
  }
  await clearNotice();
  backToChat();
}

export async function reviseAction(formData: FormData): Promise<void> {
  const credentials = await readCredentials();
  if (!credentials) redirect(EXPIRED);
  await slowDown('interview', '/chat');
  const form = ReviseForm.safeParse({ questionId: formData.get('questionId') ?? undefined });
  if (!form.success) {
    console.warn(`Change-answer form rejected: ${z.prettifyError(form.error)}`);
    backToChat();
  }
  const result = await reviseAnswer(credentials.id, credentials.token, form.data.questionId);
  if (!result.ok) {
    if (result.error.code === 'unauthorized') redirect(EXPIRED);
    if ('turn' in result.error) await setNotice({ kind: 'turn', step: result.error.turn.step, message: result.error.message });
    backToChat();
  }
  await clearNotice();
  backToChat();
}

/**
 * The patient deletes their own interview: answers, outcome and any reviews. The cookie goes too, so nothing in this
 * browser points at it any more.
 */
export async function deleteAction(): Promise<void> {
  const credentials = await readCredentials();
  if (credentials) {
    await slowDown('interview', '/chat');
    await deleteInterview(credentials.id, credentials.token);
  }
  await forgetCredentials();
  await clearNotice();
  redirect('/?deleted=1');
}

/**
 * "Finish and clear this device": the interview stays for the clinicians (the patient has its reference code), but
 * nothing in this browser points at it any more, so the next person on a shared device starts with a clean chat.
 */
export async function finishAction(): Promise<void> {
  await forgetCredentials();
  await clearNotice();
  redirect('/?cleared=1');
}
