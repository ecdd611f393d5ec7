/**
 * The patient's browser keeps its interview in one HttpOnly cookie: the interview id and its secret token. It is the
 * only place the token lives on the client, so scripts on the page can never read it.
 */
export const INTERVIEW_COOKIE = 'kw_interview';
/** Long enough to come back to an unfinished interview; retention purges old interviews anyway. */
export const INTERVIEW_COOKIE_MAX_AGE = 60 * 60 * 24 * 30;

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

export function cookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge: INTERVIEW_COOKIE_MAX_AGE };
}
