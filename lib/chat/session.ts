import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { env } from '../env';
import { cookieOptions, decodeCredentials, encodeCredentials, INTERVIEW_COOKIE, type InterviewCredentials } from '../interview/cookie';
import type { Entry, SessionView, Turn } from '../interview/present';
import { loadInterview } from '../interview/service';

export async function readCredentials(): Promise<InterviewCredentials | undefined> {
  return decodeCredentials((await cookies()).get(INTERVIEW_COOKIE)?.value);
}

export async function saveCredentials(credentials: InterviewCredentials): Promise<void> {
  (await cookies()).set(INTERVIEW_COOKIE, encodeCredentials(credentials), cookieOptions(env().COOKIE_SECURE));
}

/** Forgets this browser's interview (after the patient deleted it). */
export async function forgetCredentials(): Promise<void> {
  (await cookies()).delete(INTERVIEW_COOKIE);
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
