import { apiJson } from '@/lib/api/respond';
import { guard } from '@/lib/clinician/http';
import { logout } from '@/lib/clinician/login';
import { sessionCookieName } from '@/lib/clinician/sessions';
import { env } from '@/lib/env';
import { otherMethods } from '@/lib/api/methods';

/** Ends the session that made the request (cookie or Bearer token) and clears the cookie. */
export async function POST(request: Request) {
  const g = await guard(request);
  if (!g.ok) return g.response;
  await logout(g.credential.token, g.actor.address);
  const { COOKIE_SECURE } = env();
  const response = apiJson({ ok: true });
  response.cookies.set(sessionCookieName(COOKIE_SECURE), '', { httpOnly: true, secure: COOKIE_SECURE, sameSite: 'lax', path: '/', maxAge: 0 });
  return response;
}

export const { GET, PUT, PATCH, DELETE } = otherMethods('POST');
