import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { env } from '../env';
import { cookieOptions, decodeCredentials, encodeCredentials, interviewCookieName, type InterviewCredentials } from '../interview/cookie';
import type { Entry, SessionView, Turn } from '../interview/present';
import { loadInterview } from '../interview/service';

export async function readCredentials(): Promise<InterviewCredentials | undefined> {
  return decodeCredentials((await cookies()).get(interviewCookieName(env().COOKIE_SECURE))?.value);
}

export async function saveCredentials(credentials: InterviewCredentials): Promise<void> {
  const { COOKIE_SECURE } = env();
  (await cookies()).set(interviewCookieName(COOKIE_SECURE), encodeCredentials(credentials), cookieOptions(COOKIE_SECURE));
}

/**
 * Forgets this browser's interview (the patient deleted it, or finished and cleared the device). The expired cookie
 * carries the same attributes as the live one: a browser ignores a `__Host-` cookie, even an expired one, without Secure.
 */
export async function forgetCredentials(): Promise<void> {
  const { COOKIE_SECURE } = env();
  (await cookies()).set(interviewCookieName(COOKIE_SECURE), '', cookieOptions(COOKIE_SECURE, 0));
}

export type CurrentInterview =
  | { found: false; reason: 'none' | 'expired' }
  | { found: true; session: SessionView; turn: Turn; transcript: Entry[] };

/**
 * The interview this browser's cookie points at. Cached per request, so a page and its metadata read the database
 * once.
 */
export const currentInterview = cache(async (): Promise<CurrentInterview> => {
  const credentials = await readCredentials();
  if (!credentials) return { found: false, reason: 'none' };
  const loaded = await loadInterview(credentials.id, credentials.token);
  if (!loaded.ok) return { found: false, reason: 'expired' };
  return { found: true, session: loaded.session, turn: loaded.turn, transcript: loaded.transcript };
});
