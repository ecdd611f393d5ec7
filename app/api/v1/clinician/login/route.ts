import { z } from 'zod';
import { storableText } from '@/lib/text';
import { readBody } from '@/lib/api/body';
import { clientAddress, fromOtherSite } from '@/lib/api/client';
import { limitedResponse } from '@/lib/api/interview-http';
import { apiError, apiJson } from '@/lib/api/respond';
import { login } from '@/lib/clinician/login';
import { sessionCookieName, sessionCookieOptions } from '@/lib/clinician/sessions';
import { env } from '@/lib/env';
import { otherMethods } from '@/lib/api/methods';

const LoginBody = z.strictObject({
  email: storableText('email', 'email is required, as text.').max(320, { error: 'email is too long.' }),
  password: z.string({ error: 'password is required, as text.' }).max(1024, { error: 'password is too long.' }),
});

/** Signs a clinician in: sets the session cookie and returns the token for scripts (Authorization: Bearer). */
export async function POST(request: Request) {
  // Another site must not sign a browser into an account of its choosing (login CSRF).
  if (fromOtherSite(request)) return apiError(403, 'cross_origin', 'Sign in from the Knotwise clinician portal itself.');
  const limited = limitedResponse(request, 'clinician-login');
  if (limited) return limited;
  const body = await readBody(request, LoginBody);
  if (!body.ok) return body.response;
  const result = await login(body.data.email, body.data.password, clientAddress(request.headers));
  if (!result.ok) {
    if (result.code === 'too_many_attempts') {
      const response = apiError(429, 'rate_limited', result.message, { retryAfterSeconds: result.retryAfterSeconds });
      response.headers.set('Retry-After', String(result.retryAfterSeconds));
      return response;
    }
    return apiError(401, 'invalid_credentials', result.message);
  }
  const { COOKIE_SECURE } = env();
  const response = apiJson({ clinician: result.clinician, token: result.token, expiresAt: result.expiresAt.toISOString() });
  response.cookies.set(sessionCookieName(COOKIE_SECURE), result.token, sessionCookieOptions(COOKIE_SECURE, result.expiresAt));
  return response;
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
