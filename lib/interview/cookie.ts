/**
 * The patient's browser keeps its interview in one HttpOnly cookie: the interview id and its secret token. It is the
 * only place the token lives on the client, so scripts on the page can never read it.
 */

/**
 * A patient cookie's name. With the `__Host-` prefix the browser takes the cookie only with Secure, Path=/ and no
 * Domain, so no other subdomain and no plain-http page can plant one (and fix a patient to an interview whose token
 * someone else holds). Browsers refuse a `__Host-` cookie without Secure, so with COOKIE_SECURE=false the name is
 * the bare one; only the name matching the setting is ever read.
 */
export function patientCookieName(name: 'kw_interview' | 'kw_notice', secure: boolean): string {
  return secure ? `__Host-${name}` : name;
}

export function interviewCookieName(secure: boolean): string {
  return patientCookieName('kw_interview', secure);
}

/**
 * Resuming needs the cookie while the patient may still come back to the same chat: a chat takes about 5 minutes,
 * and 2 hours from the start leaves room for a break. On a shared device, any longer only shows the next person the
 * last patient's chat.
 */
export const INTERVIEW_COOKIE_MAX_AGE = 2 * 60 * 60;

export interface InterviewCredentials {
  id: string;
  token: string;
}

export function encodeCredentials({ id, token }: InterviewCredentials): string {
  return `${id}.${token}`;
}

export function decodeCredentials(value: string | undefined): InterviewCredentials | undefined {
  if (!value) return undefined;
  const dot = value.indexOf('.');
  if (dot <= 0 || dot === value.length - 1) return undefined;
  return { id: value.slice(0, dot), token: value.slice(dot + 1) };
}

export function cookieOptions(secure: boolean, maxAge = INTERVIEW_COOKIE_MAX_AGE) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge };
}
