import 'server-only';
import { UNAUTHORIZED } from '../interview/access';
import { env } from '../env';
import { decodeCredentials, interviewCookieName } from '../interview/cookie';
import type { ServiceError } from '../interview/service';
import { cookieMayChangeState } from './client';
import { waitBefore, type LimitScope } from './rate-limit';
import { apiError } from './respond';

const STATUS: Record<ServiceError['code'], number> = {
  unauthorized: 401,
  invalid_answer: 400,
  not_current_question: 409,
  stale_step: 409,
  interview_finished: 409,
};

export function serviceError(error: ServiceError): Response {
  const { code, message, ...extra } = error;
  return apiError(STATUS[code], code, message, extra);
}

export function unauthorized(): Response {
  return serviceError(UNAUTHORIZED);
}

function cookieValue(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      // A malformed escape (%E0%A4%A) is no credential: the caller answers 401, not 500.
      return undefined;
    }
  }
  return undefined;
}

/**
 * The token presented for interview `id`: a Bearer token, or the web app's cookie when it names this interview.
 * A cookie on a state change that does not come from our own origin (or a POST that is not JSON) is ignored, so
 * another site cannot answer on a patient's behalf.
 */
export function presentedToken(request: Request, id: string, changesState: boolean): string | undefined {
  const auth = request.headers.get('authorization');
  if (auth) return /^Bearer\s+(\S+)$/i.exec(auth)?.[1];
  const fromCookie = decodeCredentials(cookieValue(request, interviewCookieName(env().COOKIE_SECURE)));
  if (!fromCookie || fromCookie.id !== id) return undefined;
  if (changesState && !cookieMayChangeState(request)) return undefined;
  return fromCookie.token;
}

/** 429 once a client (an address) sends more requests of this kind than the limit in a minute. */
export function limitedResponse(request: Request, scope: LimitScope): Response | undefined {
  const wait = waitBefore(scope, request.headers);
  if (wait === 0) return undefined;
  const response = apiError(429, 'rate_limited', `Too many requests. Wait ${wait} seconds and try again.`, {
    retryAfterSeconds: wait,
  });
  response.headers.set('Retry-After', String(wait));
  return response;
}
